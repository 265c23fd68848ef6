// ASCII case folding: the one lower-casing nanni uses for keys (emails, domains, day names).
// Bytes outside A-Z, UTF-8 included, are left as they are.
#pragma once

#include <string>
#include <string_view>

namespace nanni {

inline char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

inline std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

}  // namespace nanni
