#include "util/sha256.h"

#include <openssl/evp.h>

#include <algorithm>
#include <cstdlib>

namespace nanni {

namespace {
// Fetched once: OpenSSL 3 looks EVP_sha256() up in its provider tables (under a lock) on
// every init otherwise, which serialises threads that hash in parallel.
const EVP_MD* Sha256Md() {
  static EVP_MD* md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  return md;
}
}  // namespace

struct Sha256::State {
  EVP_MD_CTX* ctx;
};

Sha256::Sha256() : state_(new State{EVP_MD_CTX_new()}) {
  if (state_->ctx == nullptr) std::abort();  // out of memory: nothing sensible to return
  Reset();
}

Sha256::~Sha256() {
  EVP_MD_CTX_free(state_->ctx);
  delete state_;
}

void Sha256::Reset() { EVP_DigestInit_ex2(state_->ctx, Sha256Md(), nullptr); }

void Sha256::Update(const void* data, size_t size) { EVP_DigestUpdate(state_->ctx, data, size); }

Digest Sha256::Finish() {
  Digest out{};
  unsigned int len = 0;
  EVP_DigestFinal_ex(state_->ctx, out.data(), &len);
  return out;
}

Digest Sha256::Of(std::string_view bytes) {
  thread_local Sha256 h;  // an EVP context per call would cost an allocation and two locks
  h.Reset();
  h.Update(bytes);
  return h.Finish();
}

std::string ToHex(const Digest& digest) { return ToHex(digest, digest.size()); }

std::string ToHex(const Digest& digest, size_t bytes) {
  static const char kDigits[] = "0123456789abcdef";
  bytes = std::min(bytes, digest.size());
  std::string out(bytes * 2, '0');
  for (size_t i = 0; i < bytes; ++i) {
    out[2 * i] = kDigits[digest[i] >> 4];
    out[2 * i + 1] = kDigits[digest[i] & 0xf];
  }
  return out;
}

bool FromHex(std::string_view hex, Digest* out) {
  if (hex.size() != 64) return false;
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  for (size_t i = 0; i < 32; ++i) {
    int hi = nibble(hex[2 * i]), lo = nibble(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return false;
    (*out)[i] = static_cast<uint8_t>(hi << 4 | lo);
  }
  return true;
}

}  // namespace nanni
