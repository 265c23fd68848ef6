// Counts as a reader reads them: "2,256", and "1 call" / "3 calls".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace nanni {

// The digits of n grouped in threes with commas: 44453 -> "44,453".
std::string CountText(uint64_t n);

// CountText(n) and the noun, with an "s" unless n is 1: (1, "call") -> "1 call".
std::string CountOf(uint64_t n, std::string_view noun);

}  // namespace nanni
