// SHA-256 through OpenSSL's EVP interface.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace nanni {

using Digest = std::array<uint8_t, 32>;

// Incremental hasher. Not copyable; reusable after Finish() via Reset().
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void Reset();
  void Update(const void* data, size_t size);
  void Update(std::string_view bytes) { Update(bytes.data(), bytes.size()); }
  Digest Finish();

  // One-shot convenience.
  static Digest Of(std::string_view bytes);

 private:
  struct State;
  State* state_;
};

// Lower-case hex of `digest`.
std::string ToHex(const Digest& digest);
// Lower-case hex of the first `bytes` bytes of `digest` (all of it when `bytes` is larger).
std::string ToHex(const Digest& digest, size_t bytes);

// Parses 64 hex digits. Returns false (leaving *out unspecified) on anything else.
bool FromHex(std::string_view hex, Digest* out);

}  // namespace nanni
