// The in-place upgrade of a SQLite ledger from format 1 (a hash chain) to format 2 (the
// Merkle tree, ledger/leaf.h). Internal to storage/: callers use UpgradeLedger
// (storage/open_store.h).
//
// Format 1 chained each entry to the one before:
//   hash(n) = SHA-256( hash(n-1) || u64be(n) || i64be(recorded_utc_micros(n)) || body(n) )
//   hash(0) = SHA-256( "nanni-ledger-1 genesis\n" || ledger_id ), or 32 zero bytes for the
//             ledgers made before the id was bound (no 'genesis' row in ledger_meta)
// and stored hash(n) beside each entry.
#pragma once

#include <functional>
#include <string>

#include "storage/open_store.h"
#include "util/status.h"

namespace nanni {

// Verifies the format-1 chain of the ledger at `path` end to end, then, in one transaction,
// builds the tree from the same entries (every event, seq and recording time kept; the
// analytic index, which describes the same entries, stays valid), drops the chain hashes and
// records the format and `origin` (empty: DefaultOrigin(id)). Corruption naming the first
// event whose chain hash does not verify, and nothing changed; a crash leaves the ledger in
// format 1. `progress` gets the entries done so far.
Status UpgradeSqliteLedger(const std::string& path, const std::string& origin,
                           const std::function<void(uint64_t)>& progress, UpgradeReport* report);

}  // namespace nanni
