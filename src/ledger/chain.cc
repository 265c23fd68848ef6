#include "ledger/chain.h"

namespace nanni {

namespace {
void PutBigEndian(uint64_t v, uint8_t out[8]) {
  for (int i = 7; i >= 0; --i) {
    out[i] = static_cast<uint8_t>(v & 0xff);
    v >>= 8;
  }
}
}  // namespace

Digest GenesisHash(const LedgerIdentity& identity) {
  if (!identity.id_in_chain) return Digest{};
  Sha256 hasher;
  hasher.Update(std::string_view("nanni-ledger-1 genesis\n"));
  hasher.Update(identity.id);
  return hasher.Finish();
}

Digest ChainHash(const Digest& previous, uint64_t seq, int64_t recorded_utc_micros,
                 std::string_view body) {
  uint8_t header[16];
  PutBigEndian(seq, header);
  PutBigEndian(static_cast<uint64_t>(recorded_utc_micros), header + 8);
  thread_local Sha256 hasher;
  hasher.Reset();
  hasher.Update(previous.data(), previous.size());
  hasher.Update(header, sizeof(header));
  hasher.Update(body);
  return hasher.Finish();
}

}  // namespace nanni
