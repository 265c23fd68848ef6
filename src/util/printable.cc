#include "util/printable.h"

#include <fmt/format.h>

#include "util/utf8.h"

namespace nanni {

namespace {

bool IsBidiControl(uint32_t cp) {
  return (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200e ||
         cp == 0x200f || cp == 0x061c;
}

bool IsControl(uint32_t cp) { return cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0); }

// Escapes text[0, limit) into *out; line breaks are kept when `keep_newlines`.
void Escape(std::string_view text, size_t limit, bool keep_newlines, std::string* out) {
  size_t i = 0;
  while (i < limit) {
    uint32_t cp = 0;
    size_t n = DecodeUtf8(text, i, &cp);
    if (n == 0) {
      *out += fmt::format("\\x{:02x}", static_cast<unsigned char>(text[i]));
      n = 1;
    } else if (cp == '\n' && keep_newlines) {
      out->push_back('\n');
    } else if (IsControl(cp)) {
      *out += fmt::format("\\x{:02x}", cp);
    } else if (IsBidiControl(cp)) {
      *out += fmt::format("\\u{{{:04x}}}", cp);
    } else {
      out->append(text.substr(i, n));
    }
    i += n;
  }
}

}  // namespace

std::string Printable(std::string_view text, size_t max_bytes) {
  std::string out;
  size_t limit = std::min(text.size(), max_bytes);
  Escape(text, limit, /*keep_newlines=*/false, &out);
  if (text.size() > limit) out += "...";
  return out;
}

std::string PrintableLines(std::string_view text) {
  std::string out;
  Escape(text, text.size(), /*keep_newlines=*/true, &out);
  return out;
}

bool HasUnprintable(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    uint32_t cp = 0;
    size_t n = DecodeUtf8(text, i, &cp);
    if (n == 0 || (cp != '\n' && IsControl(cp)) || IsBidiControl(cp)) return true;
    i += n;
  }
  return false;
}

}  // namespace nanni
