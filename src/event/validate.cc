#include "event/validate.h"

#include <fmt/format.h>

#include <algorithm>
#include <variant>

#include "util/printable.h"

namespace nanni {

namespace {

Status FieldError(std::string_view field, std::string_view why) {
  return Status::InvalidInput(fmt::format("field '{}': {}", field, why));
}

constexpr const char* kHolds[] = {"a string", "an integer", "a time"};  // AttributeValue's order

// The index in AttributeValue of what a value of `type` holds.
size_t IndexFor(AttributeType type) {
  switch (type) {
    case AttributeType::kInt:
    case AttributeType::kNonNegative: return 1;
    case AttributeType::kTime: return 2;
    default: return 0;
  }
}

Status CheckText(const AttributeSpec& spec, std::string_view s) {
  switch (spec.type) {
    case AttributeType::kString:
      return s.empty() ? FieldError(spec.name, "must not be empty") : Status::OK();
    case AttributeType::kId:
      return CheckIdentifier(spec.name, s, kMaxIdBytes);
    case AttributeType::kEnum:
      if (std::find(spec.choices.begin(), spec.choices.end(), s) != spec.choices.end()) {
        return Status::OK();
      }
      return FieldError(spec.name, fmt::format("'{}' is not one of: {}", Printable(s, 40),
                                               JoinNames(spec.choices)));
    case AttributeType::kCurrency:
      if (s.size() == 3 && std::all_of(s.begin(), s.end(),
                                       [](char c) { return c >= 'A' && c <= 'Z'; })) {
        return Status::OK();
      }
      return FieldError(spec.name,
                        fmt::format("'{}' is not an ISO 4217 code like EUR", Printable(s, 40)));
    default:
      return Status::OK();  // other types do not hold text (checked by the caller)
  }
}

}  // namespace

Status CheckAttribute(const AttributeSpec& spec, const AttributeValue& value) {
  if (value.index() != IndexFor(spec.type)) {
    return FieldError(spec.name, fmt::format("expected {}, got {}", kHolds[IndexFor(spec.type)],
                                             kHolds[value.index()]));
  }
  if (const auto* s = std::get_if<std::string>(&value)) return CheckText(spec, *s);
  if (spec.type == AttributeType::kNonNegative && std::get<int64_t>(value) < 0) {
    return FieldError(spec.name,
                      fmt::format("must not be negative (got {})", std::get<int64_t>(value)));
  }
  return Status::OK();
}

Status CheckChannel(std::string_view channel) {
  auto channels = Channels();
  if (std::find(channels.begin(), channels.end(), channel) != channels.end()) {
    return Status::OK();
  }
  return FieldError("channel", fmt::format("'{}' is not a known channel (one of: {})",
                                           Printable(channel, 40), JoinNames(channels)));
}

Status CheckIdentifier(std::string_view field, std::string_view value, size_t max) {
  if (value.size() > max) return FieldError(field, fmt::format("longer than {} bytes", max));
  for (unsigned char c : value) {
    if (c < 0x20 || c == 0x7f) return FieldError(field, "contains a control character");
  }
  return Status::OK();
}

std::string JoinNames(std::span<const std::string_view> names) {
  std::string out;
  for (std::string_view n : names) {
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

}  // namespace nanni
