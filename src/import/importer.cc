#include "import/importer.h"

#include <pthread.h>

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
  size_t source = 0;      // index of the source it came from, and ...
  uint64_t position = 0;  // ... where in it, for a conflict message
};

// What the reading thread hands over: a batch of events, then possibly the error that
// stopped it. Batches go back to the reader once appended, so their buffers are reused.
struct Batch {
  std::vector<Item> items;
  size_t size = 0;  // items[0, size) are filled
  Status error;
};

// Reads and encodes every event of every source, pushing batches to `full`.
class Reader {
 public:
  Reader(std::vector<std::unique_ptr<EventSource>>* sources, BoundedQueue<Batch>* full,
         BoundedQueue<Batch>* empty)
      : sources_(sources), full_(full), empty_(empty) {
    for (const auto& s : *sources_) total_bytes_ += s->total_bytes();
  }

  void Run() {
    Batch batch = NextEmpty();
    Event event;
    uint64_t bytes_before = 0;
    for (size_t i = 0; i < sources_->size(); ++i) {
      EventSource* source = (*sources_)[i].get();
      for (;;) {
        bool done = false;
        Status st = source->Next(&event, &done);
        bytes_read_.store(bytes_before + source->bytes_read(), std::memory_order_relaxed);
        if (!st.ok()) {
          batch.error = st;
          full_->Push(std::move(batch));
          full_->Close();
          return;
        }
        if (done) break;
        Item& item = batch.items[batch.size++];
        PrepareEvent(event, &item.prepared);
        item.source = i;
        item.position = source->Position();
        if (batch.size == kBatchEvents) {
          if (!full_->Push(std::move(batch))) return;  // the consumer gave up
          batch = NextEmpty();
        }
      }
      bytes_before += source->total_bytes();
    }
    if (batch.size > 0) full_->Push(std::move(batch));
    full_->Close();
  }

  uint64_t total_bytes() const { return total_bytes_; }
  uint64_t bytes_read() const { return bytes_read_.load(std::memory_order_relaxed); }

 private:
  Batch NextEmpty() {
    std::optional<Batch> reused = empty_->TryPop();
    Batch batch = reused ? std::move(*reused) : Batch();
    batch.items.resize(kBatchEvents);
    batch.size = 0;
    batch.error = Status::OK();
    return batch;
  }

  std::vector<std::unique_ptr<EventSource>>* sources_;
  BoundedQueue<Batch>* full_;
  BoundedQueue<Batch>* empty_;
  uint64_t total_bytes_ = 0;
  std::atomic<uint64_t> bytes_read_{0};
};

// Appends every batch from `full` to `writer`; stops at the first error.
Status AppendAll(BoundedQueue<Batch>* full, BoundedQueue<Batch>* empty, LedgerWriter* writer,
                 const Reader& reader, const std::vector<std::unique_ptr<EventSource>>& sources,
                 ProgressBar* progress, ImportSummary* summary) {
  while (std::optional<Batch> batch = full->Pop()) {
    for (size_t i = 0; i < batch->size; ++i) {
      const Item& item = batch->items[i];
      ++summary->read;
      LedgerWriter::Outcome outcome;
      Status st = writer->Add(item.prepared, &outcome);
      if (!st.ok()) {
        ++summary->rejected;
        return st.WithPrefix(sources[item.source]->DescribePosition(item.position));
      }
      ++(outcome == LedgerWriter::Outcome::kAdded ? summary->added : summary->duplicates);
    }
    if (!batch->error.ok()) {
      ++summary->rejected;
      return batch->error;
    }
    progress->Update(reader.bytes_read(), summary->read);
    empty->Push(std::move(*batch));
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

  // Every batch is in one of the two queues or in one thread's hands, so `empty` never fills.
  BoundedQueue<Batch> full(kQueueBatches), empty(kQueueBatches + 4);
  Reader reader(&sources, &full, &empty);
  std::thread reading([&reader] {
    pthread_setname_np(pthread_self(), "nanni-reader");
    reader.Run();
  });
  ProgressBar progress("import", reader.total_bytes(), "bytes", options.progress);

  Status st = AppendAll(&full, &empty, writer.get(), reader, sources, &progress, summary);
  full.Close();  // unblocks the reader if we stopped early
  reading.join();
  progress.Finish();
  if (st.ok()) st = writer->Commit();
  if (!st.ok()) return st;  // destroying the writer rolls the transaction back
  summary->head = writer->head();
  summary->seconds = (NowMicros() - start) / 1e6;
  for (const auto& source : sources) {
    for (std::string& note : source->Notes()) summary->notes.push_back(std::move(note));
  }
  return Status::OK();
}

}  // namespace nanni
