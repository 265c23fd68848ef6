// The small text rules the C2SP formats share: newline-terminated lines, decimal numbers
// without leading zeros, and the characters a signed note may hold.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "util/status.h"

namespace nanni {

// Splits `text` into its lines, without their newlines. Every line, the last included, must
// end with '\n': otherwise InvalidInput "line N does not end with a newline". An empty text
// has no lines. The views point into `text`.
Status SplitNewlineTerminated(std::string_view text, std::vector<std::string_view>* lines);

// Parses an ASCII decimal number: one or more digits, no sign, no spaces, no leading zero
// unless the number is 0, no more than 2^64 - 1. InvalidInput saying why otherwise.
Status ParseDecimalUint64(std::string_view text, uint64_t* value);

// OK when `text` is valid UTF-8 and holds no ASCII control character (below U+0020) other
// than newline, as the signed-note spec requires of a whole note. Otherwise InvalidInput
// naming the 1-based line and what is wrong there.
Status CheckNoteCharacters(std::string_view text);

// `text` in single quotes for an error message: its first 40 bytes, marked when cut,
// made printable (util/printable.h: control and bidi characters escaped, invalid UTF-8
// replaced), so that a huge or binary input cannot flood or forge a message.
std::string QuoteForMessage(std::string_view text);

}  // namespace nanni
