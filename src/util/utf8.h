// UTF-8: the one decoder every part of nanni uses to check, clean or walk customer text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace nanni {

// Decodes the sequence starting at s[i] (i < s.size()). Returns its length (1 to 4) and sets
// *code_point; returns 0 when the bytes there are not valid UTF-8: a bad lead or continuation
// byte, a sequence cut by the end of `s`, an overlong form, a surrogate or a code point past
// U+10FFFF.
size_t DecodeUtf8(std::string_view s, size_t i, uint32_t* code_point);

// Whether all of `s` is valid UTF-8.
bool IsValidUtf8(std::string_view s);

// `s` with every byte that does not start a valid sequence replaced by U+FFFD.
std::string ToValidUtf8(std::string_view s);

}  // namespace nanni
