#include "import/importer.h"

#include <pthread.h>

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <thread>

#include "index/fact_draft.h"
#include "ledger/ledger_writer.h"
#include "util/bounded_queue.h"
#include "util/printable.h"
#include "util/progress_bar.h"
#include "util/time.h"

namespace nanni {

namespace {

constexpr size_t kBatchEvents = 1024;
constexpr size_t kQueueBatches = 16;

// Where an event came from, for a message about it.
struct Origin {
  size_t source = 0;      // index of the source
  uint64_t position = 0;  // where in it
};

// What the reading thread hands over: a batch of events (encoded, with where each came from
// and, when the import keeps the index, its draft), then possibly the error that stopped it.
// Batches go back to the reader once appended, so their buffers are reused.
struct Batch {
  std::vector<PreparedEvent> events;
  std::vector<Origin> origins;
  std::vector<FactDraft> drafts;  // empty unless ImportOptions::index
  size_t size = 0;  // [0, size) of each are filled
  Status error;
};

// Reads and encodes every event of every source, pushing batches to `full`. A batch ends
// between units (Item::position), so that a unit rejected for an oversized event can be
// taken out whole.
class Reader {
 public:
  Reader(std::vector<std::unique_ptr<EventSource>>* sources, const ImportOptions& options,
         BoundedQueue<Batch>* full, BoundedQueue<Batch>* empty)
      : sources_(sources), options_(options), full_(full), empty_(empty) {
    for (const auto& s : *sources_) total_bytes_ += s->total_bytes();
  }

  void Run() {
    Batch batch = NextEmpty();
    uint64_t bytes_before = 0;
    for (size_t i = 0; i < sources_->size(); ++i) {
      if (!ReadSource(i, bytes_before, &batch)) return;
      bytes_before += (*sources_)[i]->total_bytes();
    }
    if (batch.size > 0) full_->Push(std::move(batch));
    full_->Close();
  }

  uint64_t total_bytes() const { return total_bytes_; }
  uint64_t bytes_read() const { return bytes_read_.load(std::memory_order_relaxed); }
  uint64_t rejected() const { return rejected_; }  // once Run() has returned

 private:
  // Reads source `i` to its end. False when the import must stop: an error was pushed, or
  // the consumer gave up.
  bool ReadSource(size_t i, uint64_t bytes_before, Batch* batch) {
    EventSource* source = (*sources_)[i].get();
    bool skipping = false;  // the rest of a rejected unit
    uint64_t skipped_position = 0;
    for (;;) {
      bool done = false;
      Status st = source->Next(&event_, &done);
      bytes_read_.store(bytes_before + source->bytes_read(), std::memory_order_relaxed);
      if (!st.ok()) return Stop(st, batch);
      if (done) return true;
      const uint64_t position = source->Position();
      if (skipping && position == skipped_position) continue;
      skipping = false;
      if (batch->size >= kBatchEvents && !SameUnit(*batch, i, position)) {
        if (!full_->Push(std::move(*batch))) return false;  // the consumer gave up
        *batch = NextEmpty();
      }
      if (batch->size == batch->events.size()) Grow(batch, batch->size + 16);
      PreparedEvent& prepared = batch->events[batch->size];
      PrepareEvent(event_, &prepared);
      batch->origins[batch->size] = Origin{i, position};
      if (prepared.body.size() <= options_.max_event_bytes) {
        if (options_.index != nullptr) DraftFact(event_, &batch->drafts[batch->size]);
        ++batch->size;
        continue;
      }
      Status too_big = TooBig(*source, position, prepared.body.size());
      if (!options_.lenient) return Stop(too_big, batch);
      Reject(i, position, too_big, batch);
      skipping = true;
      skipped_position = position;
    }
  }

  bool SameUnit(const Batch& batch, size_t source, uint64_t position) const {
    if (batch.size == 0) return false;
    const Origin& last = batch.origins[batch.size - 1];
    return last.source == source && last.position == position;
  }

  void Grow(Batch* batch, size_t size) const {
    batch->events.resize(size);
    batch->origins.resize(size);
    if (options_.index != nullptr) batch->drafts.resize(size);
  }

  Status TooBig(const EventSource& source, uint64_t position, size_t bytes) const {
    std::string ref = event_.source.ref.empty() ? "" : fmt::format(" ({})", Printable(event_.source.ref, 120));
    return Status::InvalidInput(fmt::format(
        "{}{}: event is {} bytes; the limit is {} bytes\nhint: --max-event-bytes raises it, up "
        "to {} bytes; --lenient --rejects FILE leaves such events out and imports the rest",
        source.DescribePosition(position), ref, bytes, options_.max_event_bytes,
        kMaxEventBytesCeiling));
  }

  // Takes the events of unit `position` of source `i` out of the batch and reports the unit.
  void Reject(size_t i, uint64_t position, const Status& why, Batch* batch) {
    const EventSource& source = *(*sources_)[i];
    while (SameUnit(*batch, i, position)) --batch->size;
    ++rejected_;
    if (!options_.on_reject) return;
    SourceLocation where = source.Locate(position);
    options_.on_reject(ImportReject{where.file, where.line, where.line, event_.source.ref,
                                    why.message(), {}});
  }

  bool Stop(const Status& error, Batch* batch) {
    batch->error = error;
    full_->Push(std::move(*batch));
    full_->Close();
    return false;
  }

  Batch NextEmpty() {
    std::optional<Batch> reused = empty_->TryPop();
    Batch batch = reused ? std::move(*reused) : Batch();
    Grow(&batch, kBatchEvents);
    batch.size = 0;
    batch.error = Status::OK();
    return batch;
  }

  std::vector<std::unique_ptr<EventSource>>* sources_;
  const ImportOptions& options_;
  BoundedQueue<Batch>* full_;
  BoundedQueue<Batch>* empty_;
  Event event_;
  uint64_t total_bytes_ = 0;
  std::atomic<uint64_t> bytes_read_{0};
  uint64_t rejected_ = 0;
};

// Scores the tone of the drafts of every batch from `in` and passes the batch on to `out`: the
// costly part of the index, on a thread of its own between reading and writing.
void ScoreBatches(const ToneModel& model, BoundedQueue<Batch>* in, BoundedQueue<Batch>* out) {
  ToneScorer scorer(model);
  ToneScore score;
  while (std::optional<Batch> batch = in->Pop()) {
    for (size_t i = 0; i < batch->drafts.size() && i < batch->size; ++i) ScoreTone(&scorer, &score, &batch->drafts[i]);
    if (!out->Push(std::move(*batch))) break;  // the writer gave up
  }
  in->Close();
  out->Close();
}

// Appends every batch from `full` to `writer`, and the facts of the events added to `index`
// (when there is one), flushing its blocks into the same transaction; stops at the first
// error.
class Appender {
 public:
  Appender(LedgerWriter* writer, IndexBuilder* index, const std::vector<std::unique_ptr<EventSource>>& sources)
      : writer_(writer), index_(index), sources_(sources) {}

  Status Run(BoundedQueue<Batch>* full, BoundedQueue<Batch>* empty, const Reader& reader,
             ProgressBar* progress, ImportSummary* summary) {
    while (std::optional<Batch> batch = full->Pop()) {
      NANNI_RETURN_IF_ERROR(Append(*batch, summary));
      if (!batch->error.ok()) return batch->error;
      progress->Update(reader.bytes_read(), summary->read);
      empty->Push(std::move(*batch));
    }
    return FlushIndex();
  }

 private:
  Status Append(const Batch& batch, ImportSummary* summary) {
    Status st = writer_->AddBatch(std::span(batch.events.data(), batch.size), &result_);
    if (!st.ok()) {
      const Origin& o = batch.origins[result_.failed_at];
      return st.WithPrefix(sources_[o.source]->DescribePosition(o.position));
    }
    summary->read += batch.size;
    for (size_t i = 0; i < batch.size; ++i) {
      if (result_.seqs[i] == 0) {
        ++summary->duplicates;
        continue;
      }
      ++summary->added;
      if (index_ == nullptr) continue;
      NANNI_RETURN_IF_ERROR(index_->Add(result_.seqs[i], writer_->recorded_utc_micros(), batch.drafts[i]));
      if (index_->full()) NANNI_RETURN_IF_ERROR(FlushIndex());
    }
    return Status::OK();
  }

  Status FlushIndex() {
    if (index_ == nullptr) return Status::OK();
    AppendTransaction* txn = writer_->transaction();
    return index_->Flush([txn](std::string_view id, uint64_t* seq) { return txn->FindSeq(id, seq); },
                         [txn](const DerivedBlock& block) { return txn->PutDerived(block); });
  }

  LedgerWriter* writer_;
  IndexBuilder* index_;
  const std::vector<std::unique_ptr<EventSource>>& sources_;
  LedgerWriter::BatchResult result_;
};

// The units read and the notes of every source.
void Summarise(const std::vector<std::unique_ptr<EventSource>>& sources, ImportSummary* summary) {
  for (const auto& source : sources) {
    std::string_view name = source->unit_name();
    auto it = std::find_if(summary->units.begin(), summary->units.end(),
                           [&](const auto& u) { return u.first == name; });
    if (it == summary->units.end()) it = summary->units.insert(it, {std::string(name), 0});
    it->second += source->units_read();
    for (std::string& note : source->Notes()) summary->notes.push_back(std::move(note));
  }
}

}  // namespace

Status ImportEvents(LedgerStore* store, std::vector<std::unique_ptr<EventSource>> sources,
                    const ImportOptions& options, ImportSummary* summary) {
  int64_t recorded = options.recorded_utc_micros != 0 ? options.recorded_utc_micros : NowMicros();
  std::unique_ptr<LedgerWriter> writer;
  NANNI_RETURN_IF_ERROR(LedgerWriter::Begin(store, recorded, &writer));
  ImportOptions without_index = options;
  without_index.index = nullptr;
  return ImportInto(writer.get(), std::move(sources), without_index, summary);
}

Status ImportInto(LedgerWriter* writer, std::vector<std::unique_ptr<EventSource>> sources,
                  const ImportOptions& options, ImportSummary* summary) {
  *summary = ImportSummary();
  int64_t start = NowMicros();
  // Every batch is in one of the queues or in one thread's hands, so `empty` never fills.
  BoundedQueue<Batch> read(kQueueBatches), scored(kQueueBatches), empty(2 * kQueueBatches + 4);
  const bool scoring = options.index != nullptr;
  Reader reader(&sources, options, scoring ? &read : &scored, &empty);
  std::thread reading([&reader] {
    pthread_setname_np(pthread_self(), "nanni-reader");
    reader.Run();
  });
  std::thread scorer;
  if (scoring) {
    const ToneModel& model = options.tone_model != nullptr ? *options.tone_model : ToneModel::Default();
    scorer = std::thread([&] {
      pthread_setname_np(pthread_self(), "nanni-tone");
      ScoreBatches(model, &read, &scored);
    });
  }
  ProgressBar progress("import", reader.total_bytes(), "bytes", options.progress);
  Appender appender(writer, options.index, sources);
  Status st = appender.Run(&scored, &empty, reader, &progress, summary);
  scored.Close();  // unblocks the threads before us if we stopped early
  read.Close();
  reading.join();
  if (scorer.joinable()) scorer.join();
  progress.Finish();
  if (st.ok()) st = writer->Commit();
  if (!st.ok()) return st;  // destroying the writer rolls the transaction back
  summary->head = writer->head();
  summary->rejected = reader.rejected();
  summary->read += summary->rejected;
  Summarise(sources, summary);
  summary->seconds = (NowMicros() - start) / 1e6;
  return Status::OK();
}

}  // namespace nanni
