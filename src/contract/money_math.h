// Exact money arithmetic for contract rules: products in 128 bits, one rounding at the end,
// half away from zero to the minor unit (docs/contracts.md, "Rounding"), so a figure never
// depends on the order of operations or on floating point.
#pragma once

#include <cstdint>

namespace nanni {

// round(amount * numerator / denominator), half away from zero; denominator > 0. Results
// beyond int64 saturate (terms cap amounts at 10^18, far below).
inline int64_t MulDivRound(int64_t amount, int64_t numerator, int64_t denominator) {
  const __int128 p = static_cast<__int128>(amount) * numerator;
  const __int128 half = denominator / 2;
  __int128 q = p >= 0 ? (p + half) / denominator : -((-p + half) / denominator);
  if (q > INT64_MAX) q = INT64_MAX;
  if (q < INT64_MIN) q = INT64_MIN;
  return static_cast<int64_t>(q);
}

// round(amount * a * b / denominator): two factors before the one rounding (interest:
// principal x yearly rate x days / (365 x 10^6)).
inline int64_t MulMulDivRound(int64_t amount, int64_t a, int64_t b, int64_t denominator) {
  const __int128 p = static_cast<__int128>(amount) * a * b;
  const __int128 half = denominator / 2;
  __int128 q = p >= 0 ? (p + half) / denominator : -((-p + half) / denominator);
  if (q > INT64_MAX) q = INT64_MAX;
  if (q < INT64_MIN) q = INT64_MIN;
  return static_cast<int64_t>(q);
}

// a + b, held at INT64_MAX or INT64_MIN instead of overflowing: sums over many findings,
// contracts or accounts.
inline int64_t SaturatingAdd(int64_t a, int64_t b) {
  int64_t sum;
  if (__builtin_add_overflow(a, b, &sum)) return b > 0 ? INT64_MAX : INT64_MIN;
  return sum;
}

}  // namespace nanni
