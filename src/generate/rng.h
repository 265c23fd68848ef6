// Rng: the generator's deterministic pseudo-random numbers.
//
// xoshiro256** seeded through splitmix64, with integer-only helpers for the distributions the
// generator needs (uniform, chance, normal, lognormal, Poisson). Nothing here touches floating
// point or the standard library's distributions: their results differ between standard
// libraries, libm versions and CPUs (FMA), while integer arithmetic is the same everywhere.
// So the same seed gives the same numbers on every compiler, library and machine.
//
// Fixed point: a "Q32" value v stands for v / 2^32.
#pragma once

#include <cstdint>

namespace nanni {

// One step of splitmix64 on *state; a good 64-bit mixer, used for seeding.
inline uint64_t SplitMix64(uint64_t* state) {
  uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// A stateless hash of (a, b): derives independent streams from one seed.
inline uint64_t Mix64(uint64_t a, uint64_t b = 0) {
  uint64_t state = a ^ (b * 0xd1342543de82ef95ULL);
  SplitMix64(&state);
  return SplitMix64(&state);
}

// e^x for x in Q32, x in [-40, 21]; the result is in Q32 (0 when it underflows).
uint64_t ExpQ32(int64_t x_q32);

class Rng {
 public:
  explicit Rng(uint64_t seed);

  // The next 64 random bits.
  uint64_t Next() {
    uint64_t result = Rotl(s_[1] * 5, 7) * 9;
    uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = Rotl(s_[3], 45);
    return result;
  }

  // Uniform in [0, n); n > 0.
  uint64_t Below(uint64_t n) {
    return static_cast<uint64_t>((static_cast<unsigned __int128>(Next()) * n) >> 64);
  }

  // Uniform in [lo, hi]; lo <= hi.
  int64_t Between(int64_t lo, int64_t hi) {
    return lo + static_cast<int64_t>(Below(static_cast<uint64_t>(hi - lo) + 1));
  }

  // True with probability per_mille / 1000.
  bool Chance(uint32_t per_mille) { return Below(1000) < per_mille; }

  // A standard normal deviate in Q32 (Irwin-Hall: the sum of 12 uniforms, minus 6), so it
  // lies in [-6, 6].
  int64_t NormalQ32();

  // median * e^(sigma * N(0,1)), rounded down; sigma is given in thousandths.
  int64_t LogNormal(int64_t median, int sigma_milli);

  // A Poisson deviate with mean lambda_milli / 1000 (Knuth's method); mean at most 20.
  int Poisson(int lambda_milli);

 private:
  static uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

  uint64_t s_[4];
};

}  // namespace nanni
