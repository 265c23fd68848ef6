// NewText: the part of a message its author wrote now, without quoted history or code.
//
// Removes, line by line:
//   - quoted lines (first non-blank character '>'),
//   - everything from a reply header on: "On <date>, <name> wrote:" (on one or two lines),
//     "-----Original Message-----", an Outlook "_____" rule, or a "From: ... " header block
//     that follows a blank line and is followed by "Sent:"/"Date:",
//   - everything from a signature separator "-- " on,
//   - fenced code blocks (``` or ~~~ up to the closing fence, or to the end),
//   - indented code: lines starting with a tab or four spaces that follow a blank line or
//     another such line.
// Returns the kept lines joined with '\n'. Never fails; any bytes are accepted.
#pragma once

#include <string>
#include <string_view>

namespace nanni {

void NewText(std::string_view message, std::string* out);

}  // namespace nanni
