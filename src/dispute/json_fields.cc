#include "dispute/json_fields.h"

#include <fmt/format.h>

#include <algorithm>

#include "util/printable.h"

namespace nanni::dispute_json {

std::string Path(std::string_view at, std::string_view key) {
  return at.empty() ? std::string(key) : fmt::format("{}.{}", at, key);
}

Status FieldError(std::string_view doc, std::string_view path, std::string_view what) {
  return Status::InvalidInput(fmt::format("{} field '{}': {}", doc, Printable(path, 120), what));
}

Status OnlyKeys(std::string_view doc, const object& o, std::string_view at, std::initializer_list<std::string_view> allowed) {
  for (auto [key, value] : o) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      return FieldError(doc, Path(at, key), fmt::format("unknown field (allowed: {})", fmt::join(allowed, ", ")));
    }
  }
  return Status::OK();
}

Status Member(std::string_view doc, const object& o, std::string_view at, std::string_view key, bool required,
              element* out, bool* found) {
  *found = o.at_key(key).get(*out) == simdjson::SUCCESS;
  if (!*found && required) return FieldError(doc, Path(at, key), "is required");
  return Status::OK();
}

Status String(std::string_view doc, const object& o, std::string_view at, std::string_view key, bool required,
              std::string* out) {
  element e;
  bool found = false;
  NANNI_RETURN_IF_ERROR(Member(doc, o, at, key, required, &e, &found));
  if (!found) return Status::OK();
  std::string_view s;
  if (e.get_string().get(s) != simdjson::SUCCESS) return FieldError(doc, Path(at, key), "must be a string");
  *out = std::string(s);
  return Status::OK();
}

Status Int(std::string_view doc, const object& o, std::string_view at, std::string_view key, bool required, bool* found,
           int64_t* out) {
  element e;
  NANNI_RETURN_IF_ERROR(Member(doc, o, at, key, required, &e, found));
  if (!*found) return Status::OK();
  if (e.get_int64().get(*out) != simdjson::SUCCESS) return FieldError(doc, Path(at, key), "must be a whole number");
  return Status::OK();
}

}  // namespace nanni::dispute_json
