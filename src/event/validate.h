// The checks every reader of events (the NDJSON decoder, the CSV profile mapper) applies to a
// value, driven by the schema of event/kind.h, so that the same fault gets the same message
// whichever format it came in.
//
// Each returns OK, or InvalidInput "field 'NAME': what is wrong", naming what is allowed when
// the set is fixed. Input text in messages goes through Printable(). None allocates when the
// value is valid: the decoder calls them for every event of an import.
//
// Text is assumed to be valid UTF-8 (each reader checks the encoding itself, with a hint that
// fits its format), and an empty value to mean "absent" (each reader decides that first).
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "event/event.h"
#include "util/status.h"

namespace nanni {

constexpr size_t kMaxIdBytes = 512;       // id, reply_to, corrects, kId attributes, contacts
constexpr size_t kMaxAccountBytes = 256;  // account

// `value` against `spec`: a string for kString, kId, kEnum and kCurrency (enum membership,
// three capital letters, an identifier), an integer for kInt and kNonNegative (>= 0), a time
// for kTime (already parsed: any time is valid).
Status CheckAttribute(const AttributeSpec& spec, const AttributeValue& value);

// The common `channel` field: one of Channels().
Status CheckChannel(std::string_view channel);

// An identifier field: at most `max` bytes, no control character.
Status CheckIdentifier(std::string_view field, std::string_view value, size_t max);

// "a, b, c": for messages that list what is allowed.
std::string JoinNames(std::span<const std::string_view> names);

}  // namespace nanni
