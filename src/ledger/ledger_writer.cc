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

// The chain as a batch is appended: computes each entry from the head so far, and records
// what became of each event.
class LedgerWriter::Chain : public ChainCursor {
 public:
  Chain(ChainHead head, int64_t recorded) : head_(head), recorded_(recorded) {}

  void Start(LedgerWriter::BatchResult* result) {
    result_ = result;
    result_->seqs.clear();
  }

  const LedgerEntry& Next(const PreparedEvent& event) override {
    entry_.seq = head_.count + 1;
    entry_.recorded_utc_micros = recorded_;
    entry_.body = event.body;
    entry_.hash = ChainHash(head_.hash, entry_.seq, recorded_, event.body);
    entry_.index = event.Index();
    return entry_;
  }

  void Accepted() override {
    head_.count = entry_.seq;
    head_.hash = entry_.hash;
    result_->seqs.push_back(entry_.seq);
  }

  Status Existing(const PreparedEvent& event, std::string_view stored_body) override {
    if (stored_body != event.body && !SameFactElsewhere(stored_body, event.body)) {
      result_->failed_at = result_->seqs.size();
      return Status::Conflict(fmt::format(
          "event id '{}' is already in the ledger with different content; the ledger is "
          "append-only: give the new version its own id and \"corrects\": \"{}\"",
          Printable(event.source_id), Printable(event.source_id)));
    }
    result_->seqs.push_back(0);
    return Status::OK();
  }

  const ChainHead& head() const { return head_; }

 private:
  ChainHead head_;
  int64_t recorded_;
  LedgerEntry entry_;
  LedgerWriter::BatchResult* result_ = nullptr;
};

LedgerWriter::LedgerWriter(std::unique_ptr<AppendTransaction> txn, std::unique_ptr<Chain> chain,
                           int64_t recorded)
    : txn_(std::move(txn)), recorded_(recorded), chain_(std::move(chain)) {}

LedgerWriter::~LedgerWriter() = default;

Status LedgerWriter::Begin(LedgerStore* store, int64_t recorded_utc_micros,
                           std::unique_ptr<LedgerWriter>* out) {
  std::unique_ptr<AppendTransaction> txn;
  NANNI_RETURN_IF_ERROR(store->BeginAppend(&txn));
  ChainHead head;  // read inside the transaction, so no other writer can move it
  NANNI_RETURN_IF_ERROR(txn->ReadHead(&head));
  out->reset(new LedgerWriter(std::move(txn), std::make_unique<Chain>(head, recorded_utc_micros),
                              recorded_utc_micros));
  return Status::OK();
}

Status LedgerWriter::AddBatch(std::span<const PreparedEvent> events, BatchResult* result) {
  chain_->Start(result);
  Status st = txn_->AppendBatch(events, chain_.get());
  if (!st.ok() && st.code() != Status::Code::kConflict) result->failed_at = result->seqs.size();
  return st;
}

Status LedgerWriter::Commit() { return txn_->Commit(); }

const ChainHead& LedgerWriter::head() const { return chain_->head(); }

}  // namespace nanni
