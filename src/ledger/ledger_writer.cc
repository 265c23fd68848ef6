#include "ledger/ledger_writer.h"

#include <fmt/format.h>

#include "event/event_decoder.h"
#include "ledger/leaf.h"
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

// The tree as a batch is appended: numbers each entry after the ones so far, adds its leaf
// to the tree's edge, and records what became of each event. Tiles that fill up wait in
// `full_` until the batch is stored (the store is busy appending while the cursor runs).
class LedgerWriter::Tree : public EntryCursor, private TileSink {
 public:
  Tree(const LedgerIdentity& identity, int64_t recorded)
      : identity_(IdentityDigest(identity)), recorded_(recorded) {}

  Status Load(AppendTransaction* txn) {
    uint64_t size = 0;  // read inside the transaction, so no other writer can move it
    NANNI_RETURN_IF_ERROR(txn->ReadSize(&size));
    return edge_.Load(txn, size);
  }

  void Start(LedgerWriter::BatchResult* result) {
    result_ = result;
    result_->seqs.clear();
  }

  const LedgerEntry& Next(const PreparedEvent& event) override {
    entry_.seq = edge_.size() + 1;
    entry_.recorded_utc_micros = recorded_;
    entry_.body = event.body;
    entry_.index = event.Index();
    leaf_ = EntryLeafHash(identity_, entry_.seq, recorded_, event.body_digest);
    return entry_;
  }

  void Accepted() override {
    edge_.Append(leaf_, this);  // PutTile below cannot fail
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

  // Stores the tiles that filled up; with `partial`, the edge's partial tiles too.
  Status Store(AppendTransaction* txn, bool partial) {
    for (const FullTile& tile : full_) NANNI_RETURN_IF_ERROR(txn->PutTile(tile.level, tile.index, tile.hashes));
    full_.clear();
    return partial ? edge_.Flush(txn) : Status::OK();
  }

  TreeHead head() const { return TreeHead{edge_.size(), edge_.Root()}; }

 private:
  struct FullTile {
    int level;
    uint64_t index;
    std::string hashes;
  };
  Status PutTile(int level, uint64_t index, std::string_view hashes) override {
    full_.push_back(FullTile{level, index, std::string(hashes)});
    return Status::OK();
  }

  Digest identity_;
  int64_t recorded_;
  TreeEdge edge_;
  LedgerEntry entry_;
  Digest leaf_{};
  std::vector<FullTile> full_;
  LedgerWriter::BatchResult* result_ = nullptr;
};

LedgerWriter::LedgerWriter(std::unique_ptr<AppendTransaction> txn, std::unique_ptr<Tree> tree,
                           int64_t recorded)
    : txn_(std::move(txn)), recorded_(recorded), tree_(std::move(tree)) {}

LedgerWriter::~LedgerWriter() = default;

Status LedgerWriter::Begin(LedgerStore* store, int64_t recorded_utc_micros,
                           std::unique_ptr<LedgerWriter>* out) {
  std::unique_ptr<AppendTransaction> txn;
  NANNI_RETURN_IF_ERROR(store->BeginAppend(&txn));
  auto tree = std::make_unique<Tree>(store->Identity(), recorded_utc_micros);
  NANNI_RETURN_IF_ERROR(tree->Load(txn.get()));
  out->reset(new LedgerWriter(std::move(txn), std::move(tree), recorded_utc_micros));
  return Status::OK();
}

Status LedgerWriter::AddBatch(std::span<const PreparedEvent> events, BatchResult* result) {
  tree_->Start(result);
  Status st = txn_->AppendBatch(events, tree_.get());
  if (!st.ok() && st.code() != Status::Code::kConflict) result->failed_at = result->seqs.size();
  NANNI_RETURN_IF_ERROR(st);
  return tree_->Store(txn_.get(), /*partial=*/false);
}

Status LedgerWriter::Commit() {
  NANNI_RETURN_IF_ERROR(tree_->Store(txn_.get(), /*partial=*/true));
  return txn_->Commit();
}

TreeHead LedgerWriter::head() const { return tree_->head(); }

}  // namespace nanni
