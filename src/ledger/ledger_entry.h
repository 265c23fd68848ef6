// LedgerEntry: one event as the ledger stores it: its place in the tree and its bytes.
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
  uint64_t seq = 0;                 // 1-based position: leaf seq - 1 of the tree
  int64_t recorded_utc_micros = 0;  // when this ledger recorded the event
  std::string_view body;            // canonical encoding of the event
  EntryIndex index;
};

// The state of the tree: how many entries, and the RFC 9162 root over them (the empty root
// when there are none). This pair is what a checkpoint signs.
struct TreeHead {
  uint64_t size = 0;
  Digest root{};

  friend bool operator==(const TreeHead&, const TreeHead&) = default;
};

}  // namespace nanni
