#include "ledger/leaf.h"

#include <fmt/format.h>

#include <cstring>

#include "tlog/merkle.h"
#include "util/printable.h"

namespace nanni {

namespace {
void PutBigEndian(uint64_t v, uint8_t* out) {
  for (int i = 7; i >= 0; --i) {
    out[i] = static_cast<uint8_t>(v & 0xff);
    v >>= 8;
  }
}
}  // namespace

std::string DefaultOrigin(std::string_view ledger_id) {
  return fmt::format("nanni.ledger/{}", ledger_id);
}

Status CheckOrigin(std::string_view origin) {
  if (origin.empty() || origin.size() > 200) {
    return Status::InvalidArgument(fmt::format(
        "the origin '{}' must be 1 to 200 characters long", Printable(origin, 60)));
  }
  for (char c : origin) {
    if (c <= ' ' || c > '~' || c == '+') {
      return Status::InvalidArgument(fmt::format(
          "the origin '{}' may hold printable ASCII only, without spaces or '+' (it also names "
          "the key that signs the checkpoints), e.g. support.example.com/ledger",
          Printable(origin, 60)));
    }
  }
  return Status::OK();
}

Digest IdentityDigest(const LedgerIdentity& identity) {
  Sha256 hasher;
  hasher.Update(std::string_view("nanni-ledger-2\n"));
  hasher.Update(identity.id);
  hasher.Update(std::string_view("\n"));
  hasher.Update(identity.origin);
  hasher.Update(std::string_view("\n"));
  return hasher.Finish();
}

LeafBytes EncodeLeaf(const Digest& identity, uint64_t seq, int64_t recorded_utc_micros,
                     const Digest& body_digest) {
  LeafBytes leaf;
  std::memcpy(leaf.data(), identity.data(), 32);
  PutBigEndian(seq, leaf.data() + 32);
  PutBigEndian(static_cast<uint64_t>(recorded_utc_micros), leaf.data() + 40);
  std::memcpy(leaf.data() + 48, body_digest.data(), 32);
  return leaf;
}

Digest EntryLeafHash(const Digest& identity, uint64_t seq, int64_t recorded_utc_micros,
                     const Digest& body_digest) {
  LeafBytes leaf = EncodeLeaf(identity, seq, recorded_utc_micros, body_digest);
  return MerkleLeafHash(std::string_view(reinterpret_cast<const char*>(leaf.data()), leaf.size()));
}

}  // namespace nanni
