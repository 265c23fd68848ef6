#include "ledger/ledger_writer.h"

#include <fmt/format.h>

#include "event/event_decoder.h"
#include "ledger/chain.h"
#include "util/printable.h"

namespace nanni {

namespace {
// True when two bodies differ only in where the event was read from (`source`): the same
// fact imported from a renamed file is a duplicate, not a conflict. Only called on the rare
// path where an id is seen again with different bytes.
bool SameFactElsewhere(std::string_view a, std::string_view b) {
  EventDecoder decoder;
  Event ea, eb;
  if (!decoder.Decode(a, &ea).ok() || !decoder.Decode(b, &eb).ok()) return false;
  ea.source = SourceRef();
  eb.source = SourceRef();
  return ea == eb;
}
}  // namespace

Status LedgerWriter::Begin(LedgerStore* store, int64_t recorded_utc_micros,
                           std::unique_ptr<LedgerWriter>* out) {
  std::unique_ptr<AppendTransaction> txn;
  NANNI_RETURN_IF_ERROR(store->BeginAppend(&txn));
  ChainHead head;  // read inside the transaction, so no other writer can move it
  NANNI_RETURN_IF_ERROR(store->Head(&head));
  out->reset(new LedgerWriter(std::move(txn), head, recorded_utc_micros));
  return Status::OK();
}

Status LedgerWriter::Add(const PreparedEvent& event, Outcome* outcome) {
  LedgerEntry entry;
  entry.seq = head_.count + 1;
  entry.recorded_utc_micros = recorded_;
  entry.body = event.body;
  entry.hash = ChainHash(head_.hash, entry.seq, recorded_, event.body);
  entry.index = event.Index();
  bool added = false;
  NANNI_RETURN_IF_ERROR(txn_->Append(entry, &added, &existing_body_));
  if (added) {
    head_.count = entry.seq;
    head_.hash = entry.hash;
    *outcome = Outcome::kAdded;
    return Status::OK();
  }
  if (existing_body_ != event.body && !SameFactElsewhere(existing_body_, event.body)) {
    return Status::Conflict(fmt::format(
        "event id '{}' is already in the ledger with different content; the ledger is "
        "append-only: give the new version its own id and \"corrects\": \"{}\"",
        Printable(event.source_id), Printable(event.source_id)));
  }
  *outcome = Outcome::kDuplicate;
  return Status::OK();
}

Status LedgerWriter::Commit() { return txn_->Commit(); }

}  // namespace nanni
