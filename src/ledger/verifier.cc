#include "ledger/verifier.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

#include "ledger/chain.h"
#include "util/printable.h"
#include "util/time.h"

namespace nanni {

namespace {

constexpr uint64_t kChunkEntries = 65536;

struct Failure {
  uint64_t seq;
  std::string source_id;
  std::string problem;
};

// Checks one entry's index columns against its body. `padded` is scratch space for simdjson.
std::optional<std::string> CheckColumns(simdjson::ondemand::parser& parser, std::string* padded,
                                        const LedgerEntry& e) {
  padded->assign(e.body);
  padded->append(simdjson::SIMDJSON_PADDING, '\0');
  simdjson::padded_string_view view(padded->data(), e.body.size(), padded->size());
  simdjson::ondemand::document doc;
  simdjson::ondemand::object obj;
  if (parser.iterate(view).get(doc) != simdjson::SUCCESS ||
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
  if (id != e.index.source_id) return differs("source_id", e.index.source_id, id);
  if (account != e.index.account) return differs("account", e.index.account, account);
  if (kind != e.index.kind) return differs("kind", e.index.kind, kind);
  Timestamp t;
  if (!ParseRfc3339(time, &t).ok()) return "the stored body's time is not RFC 3339";
  if (t.utc_micros != e.index.time_utc_micros || t.offset_minutes != e.index.offset_minutes) {
    return fmt::format("columns time_utc/tz_offset are {}/{} but the hashed body says '{}'",
                       e.index.time_utc_micros, e.index.offset_minutes, Printable(time));
  }
  return std::nullopt;
}

// Verifies entries [begin, end) of the chain, reading entry begin-1 first for its hash.
class ChunkChecker {
 public:
  ChunkChecker(uint64_t begin, uint64_t end) : begin_(begin), end_(end), expected_(begin) {}

  Status Run(LedgerStore* store, std::atomic<uint64_t>* checked) {
    previous_ = GenesisHash(store->Identity());
    uint64_t from = begin_ > 1 ? begin_ - 1 : 1;
    Status st = store->Scan(AccessScope::All(), from, end_, [&](const LedgerEntry& e) -> Status {
      if (e.seq < begin_) {  // the entry before the chunk: only its hash is needed
        previous_ = e.hash;
        return Status::OK();
      }
      if (e.seq != expected_) {
        failure_ = Failure{expected_, "", fmt::format("event {} is missing (the next stored is {})",
                                                      expected_, e.seq)};
        return Status::Aborted("gap");
      }
      if (ChainHash(previous_, e.seq, e.recorded_utc_micros, e.body) != e.hash) {
        failure_ = Failure{e.seq, std::string(e.index.source_id),
                           e.seq == 1
                               ? "its stored hash does not match its contents and the ledger's "
                                 "id (the event was changed, or ledger_meta's ledger_id or "
                                 "genesis was)"
                               : "its stored hash does not match its contents (the event, its "
                                 "seq or its recording time was changed, or an earlier hash was)"};
        return Status::Aborted("mismatch");
      }
      if (auto problem = CheckColumns(parser_, &padded_, e)) {
        failure_ = Failure{e.seq, std::string(e.index.source_id), *problem};
        return Status::Aborted("mismatch");
      }
      previous_ = e.hash;
      ++expected_;
      if ((e.seq & 1023) == 0) checked->fetch_add(1024, std::memory_order_relaxed);
      return Status::OK();
    });
    if (!st.ok() && st.code() != Status::Code::kAborted) return st;
    if (!failure_ && expected_ != end_) {
      failure_ = Failure{expected_, "", fmt::format("event {} is missing", expected_)};
    }
    return Status::OK();
  }

  const std::optional<Failure>& failure() const { return failure_; }
  const Digest& last_hash() const { return previous_; }

 private:
  uint64_t begin_, end_, expected_;
  Digest previous_{};
  std::optional<Failure> failure_;
  simdjson::ondemand::parser parser_;
  std::string padded_;
};

// Runs the chunks of [1, count] on all cores; returns the earliest failure, if any.
Status CheckAllChunks(LedgerStore* store, uint64_t count, const VerifyProgress& progress,
                      std::optional<Failure>* earliest) {
  const uint64_t chunks = (count + kChunkEntries - 1) / kChunkEntries;
  std::atomic<uint64_t> next{0}, checked{0};
  std::mutex mu;
  Status error;
  auto work = [&] {
    for (uint64_t i = next.fetch_add(1); i < chunks; i = next.fetch_add(1)) {
      uint64_t begin = 1 + i * kChunkEntries, end = std::min(count + 1, begin + kChunkEntries);
      {
        std::lock_guard lock(mu);  // a chunk after a known failure cannot change the answer
        if (!error.ok() || (*earliest && (*earliest)->seq < begin)) return;
      }
      ChunkChecker chunk(begin, end);
      Status st = chunk.Run(store, &checked);
      std::lock_guard lock(mu);
      if (!st.ok() && error.ok()) error = st;
      if (chunk.failure() && (!*earliest || chunk.failure()->seq < (*earliest)->seq)) {
        *earliest = chunk.failure();
      }
    }
  };
  unsigned workers = std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::thread> threads;
  for (unsigned i = 1; i < workers; ++i) threads.emplace_back(work);
  std::thread reporter;
  std::atomic<bool> done{false};
  if (progress) {
    reporter = std::thread([&] {
      while (!done.load()) {
        progress(checked.load(std::memory_order_relaxed));
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
    });
  }
  work();
  for (auto& t : threads) t.join();
  done = true;
  if (reporter.joinable()) reporter.join();
  return error;
}

// The stored hash of entry `seq` (the genesis hash for 0).
Status HashAt(LedgerStore* store, uint64_t seq, Digest* out) {
  *out = GenesisHash(store->Identity());
  if (seq == 0) return Status::OK();
  return store->Get(AccessScope::All(), seq, [&](const LedgerEntry& e) {
    *out = e.hash;
    return Status::OK();
  });
}

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
  Status meta = store->CheckMetadata();
  if (meta.code() == Status::Code::kCorruption) {
    report->first_bad_seq = 0;
    report->problem = meta.message();
    return meta;
  }
  NANNI_RETURN_IF_ERROR(meta);
  if (!store->Identity().id_in_chain) {
    report->notes.push_back(
        "this ledger was created before nanni bound its id into the chain: its events are "
        "verified, its id is not");
  }
  ChainHead head;
  NANNI_RETURN_IF_ERROR(store->Head(AccessScope::All(), &head));
  uint64_t rows = 0;
  NANNI_RETURN_IF_ERROR(store->CountEntries(AccessScope::All(), &rows));

  std::optional<Failure> failure;
  NANNI_RETURN_IF_ERROR(CheckAllChunks(store, head.count, progress, &failure));
  if (!failure && rows != head.count) {
    // Every seq in 1..count is present, so the extra rows sit outside that range.
    failure = Failure{head.count, "", fmt::format("the ledger holds {} rows but its sequence ends at "
                                                  "{}: rows were added outside the chain",
                                                  rows, head.count)};
  }
  report->checked = failure ? failure->seq - 1 : head.count;
  report->head = ChainHead{report->checked, {}};
  NANNI_RETURN_IF_ERROR(HashAt(store, report->checked, &report->head.hash));

  if (failure) {
    report->first_bad_seq = failure->seq;
    report->first_bad_source_id = failure->source_id;
    report->problem = failure->problem;
    std::string id = failure->source_id.empty()
                         ? ""
                         : fmt::format(" (id '{}')", Printable(failure->source_id));
    return Status::Corruption(fmt::format("event {}{}: {}", failure->seq, id, failure->problem));
  }
  if (!receipt) return Status::OK();
  if (receipt->count > head.count) {
    return Status::Corruption(fmt::format("the receipt is for {} events but the ledger holds only {}",
                                          receipt->count, head.count));
  }
  Digest at_receipt;
  NANNI_RETURN_IF_ERROR(HashAt(store, receipt->count, &at_receipt));
  if (at_receipt != receipt->hash) {
    return Status::Corruption(fmt::format(
        "event {}: its hash is {} but the receipt says {}: the chain up to it was rewritten",
        receipt->count, ToHex(at_receipt), ToHex(receipt->hash)));
  }
  return Status::OK();
}

}  // namespace nanni
