#include "util/base64.h"

#include <cstdint>

namespace nanni {

namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// The 6-bit value of `c`, or -1 when it is not in the alphabet.
int Sextet(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

std::string Describe(char c) {
  uint8_t b = static_cast<uint8_t>(c);
  if (b >= 0x21 && b < 0x7f) return std::string("'") + c + "'";
  static const char kHex[] = "0123456789abcdef";
  return std::string("byte 0x") + kHex[b >> 4] + kHex[b & 15];
}

}  // namespace

std::string Base64Encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (size_t i = 0; i < bytes.size(); i += 3) {
    size_t n = bytes.size() - i < 3 ? bytes.size() - i : 3;
    uint32_t group = static_cast<uint8_t>(bytes[i]) << 16;
    if (n > 1) group |= static_cast<uint8_t>(bytes[i + 1]) << 8;
    if (n > 2) group |= static_cast<uint8_t>(bytes[i + 2]);
    out += kAlphabet[(group >> 18) & 63];
    out += kAlphabet[(group >> 12) & 63];
    out += n > 1 ? kAlphabet[(group >> 6) & 63] : '=';
    out += n > 2 ? kAlphabet[group & 63] : '=';
  }
  return out;
}

Status Base64Decode(std::string_view text, std::string* out) {
  out->clear();
  if (text.size() % 4 != 0) {
    return Status::InvalidInput("base64 of " + std::to_string(text.size()) +
                                " characters: the length must be a multiple of 4");
  }
  size_t padding = 0;
  if (!text.empty() && text.back() == '=') padding = text[text.size() - 2] == '=' ? 2 : 1;
  out->reserve(text.size() / 4 * 3);
  uint32_t group = 0;
  for (size_t i = 0; i < text.size() - padding; ++i) {
    int v = Sextet(text[i]);
    if (v < 0) {
      return Status::InvalidInput(Describe(text[i]) + " at " + std::to_string(i) +
                                  " is not in the base64 alphabet");
    }
    group = (group << 6) | static_cast<uint32_t>(v);
    if (i % 4 == 3) {
      *out += static_cast<char>(group >> 16);
      *out += static_cast<char>(group >> 8);
      *out += static_cast<char>(group);
      group = 0;
    }
  }
  if (padding == 2) {  // "xx==": one byte, the low 4 bits of the second character unused
    if (group & 0xf) return Status::InvalidInput("base64 has non-zero bits after its last byte");
    *out += static_cast<char>(group >> 4);
  } else if (padding == 1) {  // "xxx=": two bytes, the low 2 bits of the third character unused
    if (group & 0x3) return Status::InvalidInput("base64 has non-zero bits after its last byte");
    *out += static_cast<char>(group >> 10);
    *out += static_cast<char>(group >> 2);
  }
  return Status::OK();
}

}  // namespace nanni
