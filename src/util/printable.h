// Printable: makes untrusted text safe to echo in an error message or on a terminal.
#pragma once

#include <string>
#include <string_view>

namespace nanni {

// Returns `text` with control characters (C0, DEL, C1) and Unicode bidirectional controls
// (U+202A-U+202E, U+2066-U+2069, U+200E/F) replaced by "\xNN" or "\u{NNNN}" escapes, cut to
// at most `max_bytes` bytes of input (with "..." appended when cut). Invalid UTF-8 bytes are
// escaped as "\xNN".
std::string Printable(std::string_view text, size_t max_bytes = 80);

// The same for a whole message of several lines: line breaks are kept, nothing is cut. The
// CLI prints every error through it, so that no message can reach a terminal raw.
std::string PrintableLines(std::string_view text);

// True when `text` holds what Printable would escape, line breaks aside: what no error message
// may contain (the fuzz targets check it).
bool HasUnprintable(std::string_view text);

}  // namespace nanni
