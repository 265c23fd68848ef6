// LedgerEntry: one event as the ledger stores it: its place in the chain and its bytes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "util/sha256.h"

namespace nanni {

// The columns a store keeps beside the body so it can index them. They are copies of what
// the body says; the verifier checks that they still agree with it.
struct EntryIndex {
  std::string_view source_id;
  std::string_view account;
  int64_t time_utc_micros = 0;
  int32_t offset_minutes = 0;
  std::string_view kind;
};

// An entry on its way into the store, or read back from it. Views point into storage owned
// by whoever produced the entry and are valid only for the call they are passed to.
struct LedgerEntry {
  uint64_t seq = 0;              // 1-based position in the chain
  int64_t recorded_utc_micros = 0;  // when this ledger recorded the event
  std::string_view body;         // canonical encoding of the event
  Digest hash{};                 // chain hash (ledger/chain.h)
  EntryIndex index;
};

// The state of the chain: how many entries, and the hash of the last one (GenesisHash() when
// empty). This pair is the receipt `nanni checkpoint` prints.
struct ChainHead {
  uint64_t count = 0;
  Digest hash{};

  friend bool operator==(const ChainHead&, const ChainHead&) = default;
};

}  // namespace nanni
