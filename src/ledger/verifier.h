// Verifier: recomputes a ledger's Merkle tree from its entries and checks everything stored
// against it.
//
// It first checks the ledger's metadata (its identity: ledger/leaf.h), then, for each entry,
// in seq order, that
//   1. seq follows the one before (no entry missing or inserted),
//   2. the body is a JSON object whose id, account, time and kind agree with the index
//      columns stored beside it (so a changed column is caught as surely as a changed body),
//   3. its leaf hash (over the ledger's identity, seq, recorded time and body) equals the one
//      stored in the tree,
// and then that every stored interior hash of the tree (every tile, tlog/tiles.h) equals the
// one recomputed from the entries, and that the tree holds nothing beyond its last entry. It
// reports the first entry that fails. Work is spread over all cores; the answer does not
// depend on how.
//
// What this cannot catch alone: a history rewritten consistently, entries and tree together.
// That is what signed checkpoints are for (ledger/checkpoint_log.h): a root someone kept
// outside the ledger.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "ledger/ledger_store.h"

namespace nanni {

struct VerifyReport {
  uint64_t checked = 0;  // entries that verified, from the first
  TreeHead head;         // the tree of the entries that verified
  // Set when an entry fails: its seq, its source id as stored, and what is wrong. Seq 0 is
  // the ledger's metadata (its identity).
  std::optional<uint64_t> first_bad_seq;
  std::string first_bad_source_id;
  std::string problem;
  std::vector<std::string> notes;  // what was not verified, and why
  double seconds = 0;              // how long it took
};

using VerifyProgress = std::function<void(uint64_t checked)>;

// Verifies the whole tree of `store`. Returns OK when every entry and every stored hash
// checks out; Corruption naming the first bad entry otherwise (also described in *report);
// other errors when the store fails.
Status VerifyLedger(LedgerStore* store, const VerifyProgress& progress, VerifyReport* report);

}  // namespace nanni
