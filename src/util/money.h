// Checked arithmetic on amounts of money in minor units (cents), so that a total either is
// right or is an error, never a wrapped-around figure.
#pragma once

#include <cstdint>
#include <string>

namespace nanni {

// *out = a + b; false (and *out unspecified) when the sum does not fit in 64 bits.
inline bool AddMinor(int64_t a, int64_t b, int64_t* out) { return !__builtin_add_overflow(a, b, out); }

// *out = a - b; false when the difference does not fit in 64 bits.
inline bool SubtractMinor(int64_t a, int64_t b, int64_t* out) {
  return !__builtin_sub_overflow(a, b, out);
}

// "EUR 1234.56", "JPY -1500": the amount in the currency's ISO 4217 minor-unit exponent.
std::string MoneyText(int64_t minor, const std::string& currency);

}  // namespace nanni
