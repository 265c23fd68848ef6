// LedgerWriter: appends events to a ledger as one all-or-nothing transaction, adding each new
// entry to the ledger's Merkle tree (its leaf: ledger/leaf.h; its tiles: tlog/tiles.h).
//
// Idempotence: an event whose source id is already in the ledger (or earlier in this
// transaction) with the same content is a duplicate and is skipped (content: the canonical
// bytes, disregarding only `source`, where it was read from); with other content it is a
// Conflict, because nothing in the ledger is edited in place (send a new event with
// `corrects` instead). Nothing is visible to readers until Commit() returns OK; if the writer
// is destroyed first, or the process dies, the ledger is as it was.
#pragma once

#include <memory>
#include <span>
#include <vector>

#include "ledger/ledger_store.h"
#include "ledger/prepared_event.h"

namespace nanni {

class LedgerWriter {
 public:
  // What became of each event of a batch: the seq it was appended at, or 0 for a duplicate.
  struct BatchResult {
    std::vector<uint64_t> seqs;
    size_t failed_at = 0;  // on error: the index of the event that stopped the batch
  };

  // Starts a transaction on `store` (which must outlive the writer). Every entry added gets
  // `recorded_utc_micros` as its recording time.
  static Status Begin(LedgerStore* store, int64_t recorded_utc_micros,
                      std::unique_ptr<LedgerWriter>* out);
  ~LedgerWriter();

  // Appends `events` in order. On Conflict or IOError the transaction must not be committed.
  Status AddBatch(std::span<const PreparedEvent> events, BatchResult* result);

  // The transaction, for what must be written in it beside the entries (derived data).
  AppendTransaction* transaction() { return txn_.get(); }

  Status Commit();

  // The tree's size and root including everything added so far.
  TreeHead head() const;

  int64_t recorded_utc_micros() const { return recorded_; }

 private:
  class Tree;
  LedgerWriter(std::unique_ptr<AppendTransaction> txn, std::unique_ptr<Tree> tree, int64_t recorded);

  std::unique_ptr<AppendTransaction> txn_;
  int64_t recorded_;
  std::unique_ptr<Tree> tree_;
};

}  // namespace nanni
