#include "generate/rng.h"

namespace nanni {

namespace {

constexpr int64_t kOneQ32 = int64_t{1} << 32;
constexpr int64_t kLn2Q32 = 2977044472;  // ln 2 * 2^32, rounded

}  // namespace

uint64_t ExpQ32(int64_t x_q32) {
  // x = k ln2 + r with 0 <= r < ln2, so e^x = 2^k e^r; e^r by its Taylor series.
  int64_t k = x_q32 / kLn2Q32;
  int64_t r = x_q32 - k * kLn2Q32;
  if (r < 0) {
    r += kLn2Q32;
    --k;
  }
  unsigned __int128 term = static_cast<unsigned __int128>(kOneQ32);
  unsigned __int128 sum = term;
  for (int n = 1; n <= 16 && term != 0; ++n) {
    term = (term * static_cast<uint64_t>(r)) >> 32;
    term /= static_cast<unsigned>(n);
    sum += term;
  }
  if (k >= 0) return static_cast<uint64_t>(sum << k);
  if (k <= -64) return 0;
  return static_cast<uint64_t>(sum >> -k);
}

Rng::Rng(uint64_t seed) {
  uint64_t state = seed;
  for (uint64_t& s : s_) s = SplitMix64(&state);
}

int64_t Rng::NormalQ32() {
  int64_t sum = 0;
  for (int i = 0; i < 12; ++i) sum += static_cast<int64_t>(Next() >> 32);
  return sum - 6 * kOneQ32;
}

int64_t Rng::LogNormal(int64_t median, int sigma_milli) {
  int64_t x = NormalQ32() * sigma_milli / 1000;
  unsigned __int128 v = static_cast<unsigned __int128>(median) * ExpQ32(x);
  return static_cast<int64_t>(v >> 32);
}

int Rng::Poisson(int lambda_milli) {
  if (lambda_milli <= 0) return 0;
  if (lambda_milli > 20000) lambda_milli = 20000;
  uint64_t limit = ExpQ32(-(static_cast<int64_t>(lambda_milli) << 32) / 1000);
  uint64_t p = static_cast<uint64_t>(kOneQ32);
  int k = 0;
  while (true) {
    p = static_cast<uint64_t>((static_cast<unsigned __int128>(p) * (Next() >> 32)) >> 32);
    if (p <= limit) return k;
    ++k;
  }
}

}  // namespace nanni
