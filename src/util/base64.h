// Base64 in the standard alphabet with padding (RFC 4648 section 4), as the C2SP transparency
// log formats use it: A-Z a-z 0-9 + /, and '=' to fill the last group of four.
#pragma once

#include <string>
#include <string_view>

#include "util/status.h"

namespace nanni {

// The padded encoding of `bytes`: 4 * ceil(n / 3) characters.
std::string Base64Encode(std::string_view bytes);

// Decodes `text` strictly, so that every byte string has exactly one accepted encoding: the
// length is a multiple of 4, every character is in the alphabet, '=' appears only as the last
// one or two characters, and the unused low bits of the last character are zero. No
// whitespace, no line breaks, no missing padding. On failure returns InvalidInput saying what
// is wrong and where (a character's 0-based position), and leaves *out unspecified.
Status Base64Decode(std::string_view text, std::string* out);

}  // namespace nanni
