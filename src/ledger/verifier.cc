#include "ledger/verifier.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

#include "ledger/chain.h"
#include "util/printable.h"
#include "util/time.h"

namespace nanni {

namespace {

constexpr size_t kBatchSize = 4096;

// A copy of one stored entry, owned, so that workers can check it after the row is gone.
struct OwnedEntry {
  uint64_t seq;
  int64_t recorded;
  std::string body;
  Digest hash;
  std::string source_id, account, kind;
  int64_t time_utc;
  int32_t offset;
};

struct Batch {
  Digest previous_hash;  // stored hash of the entry before the first of this batch
  std::vector<OwnedEntry> entries;
};

struct Failure {
  uint64_t seq;
  std::string source_id;
  std::string problem;
};

// Checks that the body's id, account, time and kind agree with the index columns.
std::optional<std::string> CheckColumns(simdjson::ondemand::parser& parser, const OwnedEntry& e) {
  // OwnedEntry reserves SIMDJSON_PADDING bytes past the body, so no copy is needed.
  simdjson::padded_string_view padded(e.body.data(), e.body.size(), e.body.capacity());
  simdjson::ondemand::document doc;
  simdjson::ondemand::object obj;
  if (parser.iterate(padded).get(doc) != simdjson::SUCCESS ||
      doc.get_object().get(obj) != simdjson::SUCCESS) {
    return "the stored body is not a JSON object";
  }
  std::string_view id, account, kind, time;
  for (auto field : obj) {
    std::string_view key, value;
    if (field.unescaped_key().get(key) != simdjson::SUCCESS) return "the stored body is not valid JSON";
    if (key != "id" && key != "account" && key != "kind" && key != "time") continue;
    if (field.value().get_string().get(value) != simdjson::SUCCESS) {
      return fmt::format("the stored body's '{}' is not a string", key);
    }
    // Views into the parser's string buffer stay valid for this document.
    (key == "id" ? id : key == "account" ? account : key == "kind" ? kind : time) = value;
  }
  auto differs = [](std::string_view column, std::string_view stored, std::string_view body) {
    return fmt::format("column '{}' is '{}' but the hashed body says '{}'", column,
                       Printable(stored), Printable(body));
  };
  if (id != e.source_id) return differs("source_id", e.source_id, id);
  if (account != e.account) return differs("account", e.account, account);
  if (kind != e.kind) return differs("kind", e.kind, kind);
  Timestamp t;
  if (!ParseRfc3339(time, &t).ok()) return "the stored body's time is not RFC 3339";
  if (t.utc_micros != e.time_utc || t.offset_minutes != e.offset) {
    return fmt::format("columns time_utc/tz_offset are {}/{} but the hashed body says '{}'",
                       e.time_utc, e.offset, Printable(time));
  }
  return std::nullopt;
}

std::optional<Failure> CheckBatch(const Batch& batch) {
  thread_local simdjson::ondemand::parser parser;
  Digest previous = batch.previous_hash;
  for (const OwnedEntry& e : batch.entries) {
    Digest expected = ChainHash(previous, e.seq, e.recorded, e.body);
    if (expected != e.hash) {
      return Failure{e.seq, e.source_id,
                     "its stored hash does not match its contents (the event, its seq or its "
                     "recording time was changed, or an earlier hash was)"};
    }
    if (auto problem = CheckColumns(parser, e)) return Failure{e.seq, e.source_id, *problem};
    previous = e.hash;
  }
  return std::nullopt;
}

// Runs CheckBatch over batches on worker threads, remembering the failure with lowest seq.
class BatchPool {
 public:
  explicit BatchPool(unsigned workers) {
    for (unsigned i = 0; i < workers; ++i) threads_.emplace_back([this] { Work(); });
  }
  ~BatchPool() { Finish(); }

  void Submit(Batch batch) {
    std::unique_lock lock(mu_);
    space_.wait(lock, [&] { return queue_.size() < 2 * threads_.size(); });
    queue_.push_back(std::move(batch));
    ready_.notify_one();
  }

  // Waits for all submitted batches; returns the earliest failure, if any.
  std::optional<Failure> Finish() {
    {
      std::lock_guard lock(mu_);
      done_ = true;
      ready_.notify_all();
    }
    for (auto& t : threads_) {
      if (t.joinable()) t.join();
    }
    return failure_;
  }

  bool failed() {
    std::lock_guard lock(mu_);
    return failure_.has_value();
  }

 private:
  void Work() {
    for (;;) {
      Batch batch;
      {
        std::unique_lock lock(mu_);
        ready_.wait(lock, [&] { return done_ || !queue_.empty(); });
        if (queue_.empty()) return;
        batch = std::move(queue_.front());
        queue_.pop_front();
        space_.notify_one();
      }
      std::optional<Failure> f = CheckBatch(batch);
      if (f) {
        std::lock_guard lock(mu_);
        if (!failure_ || f->seq < failure_->seq) failure_ = std::move(f);
      }
    }
  }

  std::mutex mu_;
  std::condition_variable ready_, space_;
  std::deque<Batch> queue_;
  bool done_ = false;
  std::optional<Failure> failure_;
  std::vector<std::thread> threads_;
};

}  // namespace

Status ParseReceipt(std::string_view text, Receipt* out) {
  size_t colon = text.find(':');
  auto bad = [&] {
    return Status::InvalidInput(fmt::format(
        "'{}' is not a receipt; expected COUNT:HASH as printed by `nanni checkpoint`",
        Printable(text)));
  };
  if (colon == std::string_view::npos || colon == 0) return bad();
  uint64_t count = 0;
  for (char c : text.substr(0, colon)) {
    if (c < '0' || c > '9' || count > UINT64_MAX / 10) return bad();
    count = count * 10 + static_cast<uint64_t>(c - '0');
  }
  if (!FromHex(text.substr(colon + 1), &out->hash)) return bad();
  out->count = count;
  return Status::OK();
}

Status VerifyLedger(LedgerStore* store, const std::optional<Receipt>& receipt,
                    const VerifyProgress& progress, VerifyReport* report) {
  *report = VerifyReport();
  unsigned workers = std::max(1u, std::thread::hardware_concurrency());
  BatchPool pool(workers);
  Batch batch{GenesisHash(), {}};
  batch.entries.reserve(kBatchSize);
  uint64_t expected_seq = 1;
  Digest last_hash = GenesisHash();
  std::optional<Failure> order_failure;
  std::optional<Digest> receipt_hash;

  Status scan = store->Scan(1, [&](const LedgerEntry& e) -> Status {
    if (e.seq != expected_seq) {
      order_failure = Failure{expected_seq, "",
                              fmt::format("event {} is missing (the next stored is {})",
                                          expected_seq, e.seq)};
      return Status::Aborted("gap");
    }
    if (receipt && e.seq == receipt->count) receipt_hash = e.hash;
    std::string body;
    body.reserve(e.body.size() + simdjson::SIMDJSON_PADDING);
    body.assign(e.body);
    batch.entries.push_back(OwnedEntry{e.seq, e.recorded_utc_micros, std::move(body), e.hash,
                                       std::string(e.index.source_id),
                                       std::string(e.index.account), std::string(e.index.kind),
                                       e.index.time_utc_micros, e.index.offset_minutes});
    last_hash = e.hash;
    ++expected_seq;
    ++report->checked;
    if (batch.entries.size() == kBatchSize) {
      pool.Submit(std::move(batch));
      batch = Batch{last_hash, {}};
      batch.entries.reserve(kBatchSize);
      if (progress) progress(report->checked);
      if (pool.failed()) return Status::Aborted("failure found");
    }
    return Status::OK();
  });
  if (!batch.entries.empty()) pool.Submit(std::move(batch));
  std::optional<Failure> failure = pool.Finish();
  if (!scan.ok() && scan.code() != Status::Code::kAborted) return scan;
  if (order_failure && (!failure || order_failure->seq < failure->seq)) failure = order_failure;

  report->head = ChainHead{expected_seq - 1, last_hash};
  if (failure) {
    report->first_bad_seq = failure->seq;
    report->first_bad_source_id = failure->source_id;
    report->problem = failure->problem;
    return Status::Corruption(fmt::format("event {}{}: {}", failure->seq,
                                          failure->source_id.empty()
                                              ? ""
                                              : fmt::format(" (id '{}')", Printable(failure->source_id)),
                                          failure->problem));
  }
  if (receipt && receipt->count == 0) receipt_hash = GenesisHash();
  if (receipt) {
    if (!receipt_hash) {
      return Status::Corruption(fmt::format(
          "the receipt is for {} events but the ledger holds only {}", receipt->count,
          report->checked));
    }
    if (*receipt_hash != receipt->hash) {
      return Status::Corruption(fmt::format(
          "event {}: its hash is {} but the receipt says {}: the chain up to it was rewritten",
          receipt->count, ToHex(*receipt_hash), ToHex(receipt->hash)));
    }
  }
  return Status::OK();
}

}  // namespace nanni
