#include "import/importer.h"

#include <atomic>
#include <thread>

#include "ledger/ledger_writer.h"
#include "util/bounded_queue.h"
#include "util/progress_bar.h"
#include "util/time.h"

namespace nanni {

namespace {

constexpr size_t kBatchEvents = 1024;
constexpr size_t kQueueBatches = 16;

struct Item {
  PreparedEvent prepared;
  std::string location;  // "FILE:LINE", for a conflict message
};

// What the reading thread hands over: a batch of events, or the error that stopped it.
struct Batch {
  std::vector<Item> items;
  Status error;
};

// Reads and encodes every event of every source, pushing batches to `queue`.
class Reader {
 public:
  Reader(std::vector<std::unique_ptr<EventSource>>* sources, BoundedQueue<Batch>* queue)
      : sources_(sources), queue_(queue) {
    for (const auto& s : *sources_) total_bytes_ += s->total_bytes();
  }

  void Run() {
    Batch batch;
    Event event;
    for (size_t i = 0; i < sources_->size(); ++i) {
      EventSource* source = (*sources_)[i].get();
      uint64_t bytes_before = BytesBefore(i);
      for (;;) {
        bool done = false;
        Status st = source->Next(&event, &done);
        bytes_read_.store(bytes_before + source->bytes_read(), std::memory_order_relaxed);
        if (!st.ok()) {
          batch.error = st;
          queue_->Push(std::move(batch));
          queue_->Close();
          return;
        }
        if (done) break;
        batch.items.emplace_back();
        PrepareEvent(event, &batch.items.back().prepared);
        batch.items.back().location = source->Location();
        if (batch.items.size() == kBatchEvents) {
          if (!queue_->Push(std::move(batch))) return;  // the consumer gave up
          batch = Batch();
          batch.items.reserve(kBatchEvents);
        }
      }
    }
    if (!batch.items.empty()) queue_->Push(std::move(batch));
    queue_->Close();
  }

  uint64_t total_bytes() const { return total_bytes_; }
  uint64_t bytes_read() const { return bytes_read_.load(std::memory_order_relaxed); }

 private:
  uint64_t BytesBefore(size_t index) const {
    uint64_t n = 0;
    for (size_t i = 0; i < index; ++i) n += (*sources_)[i]->total_bytes();
    return n;
  }

  std::vector<std::unique_ptr<EventSource>>* sources_;
  BoundedQueue<Batch>* queue_;
  uint64_t total_bytes_ = 0;
  std::atomic<uint64_t> bytes_read_{0};
};

// Appends every batch from `queue` to `writer`; stops at the first error.
Status AppendAll(BoundedQueue<Batch>* queue, LedgerWriter* writer, const Reader& reader,
                 ProgressBar* progress, ImportSummary* summary) {
  while (std::optional<Batch> batch = queue->Pop()) {
    for (const Item& item : batch->items) {
      ++summary->read;
      LedgerWriter::Outcome outcome;
      Status st = writer->Add(item.prepared, &outcome);
      if (!st.ok()) {
        ++summary->rejected;
        return st.WithPrefix(item.location);
      }
      ++(outcome == LedgerWriter::Outcome::kAdded ? summary->added : summary->duplicates);
    }
    if (!batch->error.ok()) {
      ++summary->rejected;
      return batch->error;
    }
    progress->Update(reader.bytes_read(), summary->read);
  }
  return Status::OK();
}

}  // namespace

Status ImportEvents(LedgerStore* store, std::vector<std::unique_ptr<EventSource>> sources,
                    const ImportOptions& options, ImportSummary* summary) {
  *summary = ImportSummary();
  int64_t start = NowMicros();
  int64_t recorded = options.recorded_utc_micros != 0 ? options.recorded_utc_micros : start;

  std::unique_ptr<LedgerWriter> writer;
  NANNI_RETURN_IF_ERROR(LedgerWriter::Begin(store, recorded, &writer));

  BoundedQueue<Batch> queue(kQueueBatches);
  Reader reader(&sources, &queue);
  std::thread reading([&reader] { reader.Run(); });
  ProgressBar progress("import", reader.total_bytes(), "bytes", options.progress);

  Status st = AppendAll(&queue, writer.get(), reader, &progress, summary);
  queue.Close();  // unblocks the reader if we stopped early
  reading.join();
  progress.Finish();
  if (st.ok()) st = writer->Commit();
  if (!st.ok()) return st;  // destroying the writer rolls the transaction back
  summary->head = writer->head();
  summary->seconds = (NowMicros() - start) / 1e6;
  return Status::OK();
}

}  // namespace nanni
