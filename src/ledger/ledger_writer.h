// LedgerWriter: appends events to a ledger as one all-or-nothing transaction, chaining each
// new entry to the one before.
//
// Idempotence: an event whose source id is already in the ledger (or earlier in this
// transaction) with the same content is a duplicate and is skipped (content: the canonical
// bytes, disregarding only `source`, where it was read from); with other content it is a
// Conflict, because nothing in the ledger is edited in place (send a new event
// with `corrects` instead). Nothing is visible to readers until Commit() returns OK; if the
// writer is destroyed first, or the process dies, the ledger is as it was.
#pragma once

#include <memory>

#include "ledger/ledger_store.h"
#include "ledger/prepared_event.h"

namespace nanni {

class LedgerWriter {
 public:
  enum class Outcome { kAdded, kDuplicate };

  // Starts a transaction on `store` (which must outlive the writer). Every entry added gets
  // `recorded_utc_micros` as its recording time.
  static Status Begin(LedgerStore* store, int64_t recorded_utc_micros,
                      std::unique_ptr<LedgerWriter>* out);

  // Appends `event`. On Conflict or IOError the transaction must not be committed.
  Status Add(const PreparedEvent& event, Outcome* outcome);

  Status Commit();

  // The chain head including everything added so far.
  const ChainHead& head() const { return head_; }

 private:
  LedgerWriter(std::unique_ptr<AppendTransaction> txn, ChainHead head, int64_t recorded)
      : txn_(std::move(txn)), head_(head), recorded_(recorded) {}

  std::unique_ptr<AppendTransaction> txn_;
  ChainHead head_;
  int64_t recorded_;
  std::string existing_body_;
};

}  // namespace nanni
