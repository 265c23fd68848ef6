// Reading the JSON documents of disputes (claims, rulings) with simdjson's DOM: the field
// helpers that name what is wrong, shared by the claim and the ruling readers.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include "util/status.h"

namespace nanni::dispute_json {

using simdjson::dom::element;
using simdjson::dom::object;

// InvalidInput "<doc> field '<path>': <what>".
Status FieldError(std::string_view doc, std::string_view path, std::string_view what);

// Refuses keys of `o` not in `allowed`.
Status OnlyKeys(std::string_view doc, const object& o, std::string_view at, std::initializer_list<std::string_view> allowed);

// The member `key` of `o`; `found` false when absent (then *out is untouched).
Status String(std::string_view doc, const object& o, std::string_view at, std::string_view key, bool required,
              std::string* out);
Status Int(std::string_view doc, const object& o, std::string_view at, std::string_view key, bool required, bool* found,
           int64_t* out);
Status Member(std::string_view doc, const object& o, std::string_view at, std::string_view key, bool required,
              element* out, bool* found);

std::string Path(std::string_view at, std::string_view key);

}  // namespace nanni::dispute_json
