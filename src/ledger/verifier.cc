#include "ledger/verifier.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <mutex>
#include <thread>
#include <vector>

#include "ledger/leaf.h"
#include "ledger/ledger_tree.h"
#include "tlog/tiles.h"
#include "util/printable.h"
#include "util/time.h"

namespace nanni {

namespace {

// One level-1 tile's worth of entries: a chunk checks its leaves and its level-1 hashes alone.
constexpr uint64_t kChunkEntries = kTileWidth * kTileWidth;

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

Digest DigestAt(std::string_view hashes, uint64_t i) {
  Digest d;
  std::memcpy(d.data(), hashes.data() + i * 32, 32);
  return d;
}

// The seq of the first entry under hash `index` of tile level `level`.
uint64_t FirstSeqUnder(int level, uint64_t index) { return (index << (level * kTileHeight)) + 1; }

std::string InteriorProblem(int level, uint64_t index, uint64_t size) {
  const uint64_t first = FirstSeqUnder(level, index);
  const uint64_t last = std::min(size, FirstSeqUnder(level, index + 1) - 1);
  return fmt::format(
      "the tree's stored hash over events {}-{} (tile {}/{}, hash {}) does not match those events: "
      "a stored hash of the tree was changed", first, last, level, index / kTileWidth, index % kTileWidth);
}

// Compares `hashes`, recomputed for indices [first, first + hashes.size()) of tile level
// `level` (first a multiple of the tile width), with the stored tiles of a tree of `size`.
Status CompareLevel(LedgerStore* store, int level, uint64_t first, const std::vector<Digest>& hashes,
                    uint64_t size, std::optional<Failure>* failure) {
  const uint64_t total = TileLevelHashes(size, level);
  std::string tile;
  for (uint64_t t = first / kTileWidth; t * kTileWidth < first + hashes.size(); ++t) {
    const uint64_t width = std::min(kTileWidth, total - t * kTileWidth);
    Status st = store->ReadTile(AccessScope::All(), level, t, &tile);
    if (st.code() == Status::Code::kNotFound) tile.clear();
    else NANNI_RETURN_IF_ERROR(st);
    const uint64_t stored = tile.size() / 32;
    for (uint64_t j = 0; j < width; ++j) {
      const uint64_t index = t * kTileWidth + j;
      if (index < first || index - first >= hashes.size()) continue;
      if (j >= stored || DigestAt(tile, j) != hashes[index - first]) {
        uint64_t seq = FirstSeqUnder(level, index);
        *failure = Failure{seq, "", level == 0 ? "" : InteriorProblem(level, index, size)};
        if (j >= stored) (*failure)->problem = fmt::format("the tree's tile {}/{} holds {} hashes where it needs {}: its stored hashes were cut", level, t, stored, width);
        return Status::OK();
      }
    }
    if (stored != width || tile.size() % 32 != 0) {
      *failure = Failure{size + 1, "", fmt::format(
          "the tree's tile {}/{} holds {} bytes where a tree of {} events needs {} hashes: the tree "
          "covers events the ledger no longer holds (the ledger was cut short?)", level, t,
          tile.size(), size, width)};
      return Status::OK();
    }
  }
  return Status::OK();
}

// The roots of each full group of 256 hashes: the next tile level's hashes.
std::vector<Digest> NextLevel(const std::vector<Digest>& hashes) {
  std::vector<Digest> out;
  for (size_t i = 0; i + kTileWidth <= hashes.size(); i += kTileWidth) {
    out.push_back(PerfectRoot(std::string_view(reinterpret_cast<const char*>(hashes[i].data()), kTileWidth * 32)));
  }
  return out;
}

// Verifies entries [begin, end) of a tree of `size`: one level-1 tile's worth. Leaves behind
// the chunk's level-2 hash when the chunk is full.
class ChunkChecker {
 public:
  ChunkChecker(uint64_t begin, uint64_t end, uint64_t size)
      : begin_(begin), end_(end), size_(size), expected_(begin) {}

  Status Run(LedgerStore* store, const Digest& identity, std::atomic<uint64_t>* checked) {
    leaves_.reserve(end_ - begin_);
    Status st = store->Scan(AccessScope::All(), begin_, end_, [&](const LedgerEntry& e) -> Status {
      if (e.seq != expected_) {
        failure_ = Failure{expected_, "", fmt::format("event {} is missing (the next stored is {})",
                                                      expected_, e.seq)};
        return Status::Aborted("gap");
      }
      if (auto problem = CheckColumns(parser_, &padded_, e)) {
        failure_ = Failure{e.seq, std::string(e.index.source_id), *problem};
        return Status::Aborted("mismatch");
      }
      leaves_.push_back(EntryLeafHash(identity, e.seq, e.recorded_utc_micros, Sha256::Of(e.body)));
      ++expected_;
      if ((e.seq & 1023) == 0) checked->fetch_add(1024, std::memory_order_relaxed);
      return Status::OK();
    });
    if (!st.ok() && st.code() != Status::Code::kAborted) return st;
    if (!failure_ && expected_ != end_) {
      failure_ = Failure{expected_, "", fmt::format("event {} is missing", expected_)};
    }
    return CheckTree(store);
  }

  const std::optional<Failure>& failure() const { return failure_; }
  const std::optional<Digest>& level2() const { return level2_; }

 private:
  // The leaves read so far against the stored ones, then (with no failure) level 1.
  Status CheckTree(LedgerStore* store) {
    std::optional<Failure> leaf;
    NANNI_RETURN_IF_ERROR(CompareLevel(store, 0, begin_ - 1, leaves_, size_, &leaf));
    if (leaf && leaf->seq < end_ && leaf->problem.empty()) {
      NANNI_RETURN_IF_ERROR(store->Get(AccessScope::All(), leaf->seq, [&](const LedgerEntry& e) {
        leaf->source_id = std::string(e.index.source_id);
        return Status::OK();
      }));
      leaf->problem = leaf->seq == 1
          ? "its contents do not match its leaf in the tree (the event, its seq or recording time "
            "was changed, or the ledger's id or origin, or the stored leaf hash)"
          : "its contents do not match its leaf in the tree (the event, its seq or recording time "
            "was changed, or the stored leaf hash)";
    }
    if (leaf && (!failure_ || leaf->seq <= failure_->seq)) failure_ = leaf;
    if (failure_) return Status::OK();
    std::vector<Digest> level1 = NextLevel(leaves_);
    NANNI_RETURN_IF_ERROR(CompareLevel(store, 1, (begin_ - 1) / kTileWidth, level1, size_, &failure_));
    if (!failure_ && level1.size() == kTileWidth) level2_ = NextLevel(level1)[0];
    return Status::OK();
  }

  uint64_t begin_, end_, size_, expected_;
  std::vector<Digest> leaves_;
  std::optional<Failure> failure_;
  std::optional<Digest> level2_;
  simdjson::ondemand::parser parser_;
  std::string padded_;
};

// Runs the chunks of [1, size] on all cores; returns the earliest failure, if any, and the
// level-2 hashes of the full chunks.
Status CheckAllChunks(LedgerStore* store, uint64_t size, const VerifyProgress& progress,
                      std::optional<Failure>* earliest, std::vector<Digest>* level2) {
  const uint64_t chunks = (size + kChunkEntries - 1) / kChunkEntries;
  const Digest identity = IdentityDigest(store->Identity());
  level2->assign(TileLevelHashes(size, 2), Digest{});
  std::atomic<uint64_t> next{0}, checked{0};
  std::mutex mu;
  Status error;
  auto work = [&] {
    for (uint64_t i = next.fetch_add(1); i < chunks; i = next.fetch_add(1)) {
      uint64_t begin = 1 + i * kChunkEntries, end = std::min(size + 1, begin + kChunkEntries);
      {
        std::lock_guard lock(mu);  // a chunk after a known failure cannot change the answer
        if (!error.ok() || (*earliest && (*earliest)->seq < begin)) return;
      }
      ChunkChecker chunk(begin, end, size);
      Status st = chunk.Run(store, identity, &checked);
      std::lock_guard lock(mu);
      if (!st.ok() && error.ok()) error = st;
      if (chunk.failure() && (!*earliest || chunk.failure()->seq < (*earliest)->seq)) {
        *earliest = chunk.failure();
      }
      if (chunk.level2()) (*level2)[i] = *chunk.level2();
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

// Levels 2 and up, from the chunks' level-2 hashes; then that no tile lies beyond the tree.
Status CheckUpperLevels(LedgerStore* store, uint64_t size, std::vector<Digest> hashes,
                        std::optional<Failure>* failure) {
  const int levels = TileLevels(size);
  for (int level = 2; level < levels && !*failure; ++level) {
    NANNI_RETURN_IF_ERROR(CompareLevel(store, level, 0, hashes, size, failure));
    hashes = NextLevel(hashes);
  }
  for (int level = 0; level <= levels && !*failure; ++level) {
    const uint64_t beyond = (TileLevelHashes(size, level) + kTileWidth - 1) / kTileWidth;
    std::string tile;
    Status st = store->ReadTile(AccessScope::All(), level, beyond, &tile);
    if (st.code() == Status::Code::kNotFound) continue;
    NANNI_RETURN_IF_ERROR(st);
    *failure = Failure{size + 1, "", fmt::format(
        "the tree holds tile {}/{}, beyond its last event {}: it covers events the ledger no longer "
        "holds (the ledger was cut short?)", level, beyond, size)};
  }
  return Status::OK();
}

}  // namespace

Status VerifyLedger(LedgerStore* store, const VerifyProgress& progress, VerifyReport* report) {
  *report = VerifyReport();
  const auto start = std::chrono::steady_clock::now();
  Status meta = store->CheckMetadata();
  if (meta.code() == Status::Code::kCorruption) {
    report->first_bad_seq = 0;
    report->problem = meta.message();
    return meta;
  }
  NANNI_RETURN_IF_ERROR(meta);
  uint64_t size = 0, rows = 0;
  NANNI_RETURN_IF_ERROR(store->Size(AccessScope::All(), &size));
  NANNI_RETURN_IF_ERROR(store->CountEntries(AccessScope::All(), &rows));

  std::optional<Failure> failure;
  std::vector<Digest> level2;
  NANNI_RETURN_IF_ERROR(CheckAllChunks(store, size, progress, &failure, &level2));
  if (!failure) NANNI_RETURN_IF_ERROR(CheckUpperLevels(store, size, std::move(level2), &failure));
  if (!failure && rows != size) {
    // Every seq in 1..size is present, so the extra rows sit outside that range.
    failure = Failure{size, "", fmt::format("the ledger holds {} rows but its sequence ends at "
                                            "{}: rows were added outside the tree",
                                            rows, size)};
  }
  report->checked = failure ? std::min(failure->seq - 1, size) : size;
  report->head.size = report->checked;
  // The tiles under the entries that verified are sound (a failure below them would be first).
  LedgerTree tree(store);
  Status root = tree.Root(report->checked, &report->head.root);
  report->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!failure) NANNI_RETURN_IF_ERROR(root);

  if (failure) {
    report->first_bad_seq = failure->seq;
    report->first_bad_source_id = failure->source_id;
    report->problem = failure->problem;
    std::string id = failure->source_id.empty()
                         ? ""
                         : fmt::format(" (id '{}')", Printable(failure->source_id));
    return Status::Corruption(fmt::format("event {}{}: {}", failure->seq, id, failure->problem));
  }
  return Status::OK();
}

}  // namespace nanni
