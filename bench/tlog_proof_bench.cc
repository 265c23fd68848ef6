// tlog_proof_bench: how long the ledger's Merkle proofs take, read from the stored tiles.
//
// Usage: build/release/bench/tlog_proof_bench LEDGER [SAMPLES] [SEED]
//        build/release/bench/tlog_proof_bench --verify LEDGER
// Opens LEDGER read-only and, for SAMPLES (default 200) random cases each:
//   - inclusion: a seq in [1, n] and a tree size in [seq, n] (n: the ledger's size);
//     LedgerTree::InclusionProof, timed alone, then checked with VerifyMerkleInclusion against
//     the leaf hash recomputed from the stored entry (identity, seq, recorded time, SHA-256 of
//     the body) and LedgerTree::Root(size);
//   - consistency: an old size in [1, n - 1] and a new size in [old + 1, n];
//     LedgerTree::ConsistencyProof, timed alone, then checked with VerifyMerkleConsistency
//     against Root(old) and Root(new).
// Every proof is asked of a fresh LedgerTree (an empty tile cache, as a new process has); the
// store, and so SQLite's page cache, is shared, which a new process would not have: the
// "cold store" lines time the same proofs with a fresh OpenLedgerStore for each (open, read
// the size, prove), the rest of what `nanni prove` would do before printing. The OS page
// cache is warm in both (the bench reads the ledger's tiles once before timing). Prints
// median, p99 and max in ms, and one JSON line for bench/tlog_bench.py. Exits 1 if any proof
// fails to verify.
//
// --verify: times VerifyLedger (ledger/verifier.h) alone on LEDGER: the entries and the tree,
// without the analytic index's check that `nanni verify` adds; prints seconds and events/s.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "ledger/leaf.h"
#include "ledger/ledger_store.h"
#include "ledger/ledger_tree.h"
#include "ledger/verifier.h"
#include "storage/open_store.h"
#include "tlog/merkle.h"
#include "util/sha256.h"

using namespace nanni;

namespace {

using Clock = std::chrono::steady_clock;
double Ms(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

struct Stats {
  double median = 0, p99 = 0, max = 0;
};
Stats Summarise(std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  Stats s;
  if (ms.empty()) return s;
  s.median = ms.size() % 2 ? ms[ms.size() / 2] : (ms[ms.size() / 2 - 1] + ms[ms.size() / 2]) / 2;
  size_t i = static_cast<size_t>(0.99 * ms.size() + 0.999999);  // nearest rank
  s.p99 = ms[std::min(ms.size(), std::max<size_t>(i, 1)) - 1];
  s.max = ms.back();
  return s;
}

[[noreturn]] void Die(const std::string& what, const Status& st) {
  fmt::print(stderr, "tlog_proof_bench: {}: {}\n", what, st.ToString());
  std::exit(1);
}

Digest LeafHashOf(LedgerStore* store, const Digest& identity, uint64_t seq) {
  Digest leaf{};
  bool found = false;
  Status st = store->Get(AccessScope::All(), seq, [&](const LedgerEntry& e) {
    leaf = EntryLeafHash(identity, e.seq, e.recorded_utc_micros, Sha256::Of(e.body));
    found = true;
    return Status::OK();
  });
  if (!st.ok() || !found) Die(fmt::format("reading entry {}", seq), st);
  return leaf;
}

Digest RootOf(LedgerStore* store, uint64_t size) {
  LedgerTree tree(store);
  Digest root{};
  Status st = tree.Root(size, &root);
  if (!st.ok()) Die(fmt::format("root of {}", size), st);
  return root;
}

int VerifyOnly(const std::string& path) {
  Clock::time_point t0 = Clock::now();
  std::unique_ptr<LedgerStore> store;
  Status st = OpenLedgerStore(path, StoreMode::kReadOnly, &store);
  if (!st.ok()) Die("opening " + path, st);
  VerifyReport report;
  Clock::time_point t1 = Clock::now();
  st = VerifyLedger(store.get(), nullptr, &report);
  Clock::time_point t2 = Clock::now();
  if (!st.ok()) Die("verify", st);
  double s = Ms(t1, t2) / 1000;
  fmt::print("VerifyLedger: {} events in {:.3f} s ({:.0f} events/s); open {:.1f} ms\n", report.checked, s,
             report.checked / s, Ms(t0, t1));
  fmt::print("{{\"events\":{},\"verify_s\":{:.4f},\"open_ms\":{:.3f}}}\n", report.checked, s, Ms(t0, t1));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 3 && std::string(argv[1]) == "--verify") return VerifyOnly(argv[2]);
  if (argc < 2) {
    fmt::print(stderr, "usage: tlog_proof_bench LEDGER [SAMPLES] [SEED]\n");
    return 2;
  }
  const std::string path = argv[1];
  const int samples = argc > 2 ? std::atoi(argv[2]) : 200;
  const unsigned seed = argc > 3 ? static_cast<unsigned>(std::atoi(argv[3])) : 1;

  std::unique_ptr<LedgerStore> store;
  Status st = OpenLedgerStore(path, StoreMode::kReadOnly, &store);
  if (!st.ok()) Die("opening " + path, st);
  uint64_t n = 0;
  st = store->Size(AccessScope::All(), &n);
  if (!st.ok()) Die("size", st);
  if (n < 2) Die("ledger too small", Status::InvalidArgument(fmt::format("{} events", n)));
  const Digest identity = IdentityDigest(store->Identity());

  std::mt19937_64 rng(seed);
  auto uniform = [&](uint64_t lo, uint64_t hi) {  // [lo, hi]
    return std::uniform_int_distribution<uint64_t>(lo, hi)(rng);
  };
  struct Case {
    uint64_t a, b;
  };
  std::vector<Case> inclusion, consistency;
  for (int i = 0; i < samples; ++i) {
    uint64_t seq = uniform(1, n);
    inclusion.push_back({seq, uniform(seq, n)});
    uint64_t old_size = uniform(1, n - 1);
    consistency.push_back({old_size, uniform(old_size + 1, n)});
  }

  // Warm the OS page cache for the tiles (and the checks below for the entries they cite).
  {
    Clock::time_point t0 = Clock::now();
    RootOf(store.get(), n);
    for (int i = 0; i < std::min(samples, 20); ++i) {
      LedgerTree tree(store.get());
      std::vector<Digest> p;
      tree.InclusionProof(inclusion[i].a, inclusion[i].b, &p);
      tree.ConsistencyProof(consistency[i].a, consistency[i].b, &p);
    }
    fmt::print("ledger {}: {} events; warm-up {:.1f} ms\n", path, n, Ms(t0, Clock::now()));
  }

  std::vector<double> inc_ms, inc_leaf_ms, con_ms, root_ms, inc_cold_ms, con_cold_ms;
  size_t inc_hashes = 0, con_hashes = 0;
  for (const Case& c : inclusion) {
    std::vector<Digest> path_hashes;
    Clock::time_point t0 = Clock::now();
    {
      LedgerTree tree(store.get());
      st = tree.InclusionProof(c.a, c.b, &path_hashes);
    }
    Clock::time_point t1 = Clock::now();
    if (!st.ok()) Die(fmt::format("inclusion proof of {} in {}", c.a, c.b), st);
    Digest leaf = LeafHashOf(store.get(), identity, c.a);
    Clock::time_point t2 = Clock::now();
    Digest root = RootOf(store.get(), c.b);
    Clock::time_point t3 = Clock::now();
    inc_ms.push_back(Ms(t0, t1));
    inc_leaf_ms.push_back(Ms(t1, t2));
    root_ms.push_back(Ms(t2, t3));
    inc_hashes += path_hashes.size();
    st = VerifyMerkleInclusion(c.a - 1, c.b, leaf, path_hashes, root);
    if (!st.ok()) Die(fmt::format("inclusion proof of {} in {} does not verify", c.a, c.b), st);
  }
  for (const Case& c : consistency) {
    std::vector<Digest> proof;
    Clock::time_point t0 = Clock::now();
    {
      LedgerTree tree(store.get());
      st = tree.ConsistencyProof(c.a, c.b, &proof);
    }
    Clock::time_point t1 = Clock::now();
    if (!st.ok()) Die(fmt::format("consistency proof of {} to {}", c.a, c.b), st);
    con_ms.push_back(Ms(t0, t1));
    con_hashes += proof.size();
    st = VerifyMerkleConsistency(c.a, c.b, RootOf(store.get(), c.a), RootOf(store.get(), c.b), proof);
    if (!st.ok()) Die(fmt::format("consistency proof of {} to {} does not verify", c.a, c.b), st);
  }
  // Cold store: a fresh open (its own SQLite connection and page cache) for every proof.
  for (size_t i = 0; i < inclusion.size(); ++i) {
    for (int kind = 0; kind < 2; ++kind) {
      const Case& c = kind == 0 ? inclusion[i] : consistency[i];
      std::vector<Digest> proof;
      Clock::time_point t0 = Clock::now();
      std::unique_ptr<LedgerStore> fresh;
      st = OpenLedgerStore(path, StoreMode::kReadOnly, &fresh);
      if (st.ok()) {
        LedgerTree tree(fresh.get());
        st = kind == 0 ? tree.InclusionProof(c.a, c.b, &proof) : tree.ConsistencyProof(c.a, c.b, &proof);
      }
      fresh.reset();
      Clock::time_point t1 = Clock::now();
      if (!st.ok()) Die("cold-store proof", st);
      (kind == 0 ? inc_cold_ms : con_cold_ms).push_back(Ms(t0, t1));
    }
  }

  const Stats inc = Summarise(inc_ms), leaf = Summarise(inc_leaf_ms), root = Summarise(root_ms),
              con = Summarise(con_ms), inc_cold = Summarise(inc_cold_ms), con_cold = Summarise(con_cold_ms);
  auto line = [](const char* what, const Stats& s) {
    fmt::print("{:<46} median {:7.3f} ms  p99 {:7.3f} ms  max {:7.3f} ms\n", what, s.median, s.p99, s.max);
  };
  fmt::print("{} inclusion and {} consistency proofs, each verified (mean {:.1f} and {:.1f} hashes)\n",
             inclusion.size(), consistency.size(), double(inc_hashes) / inclusion.size(),
             double(con_hashes) / consistency.size());
  line("inclusion proof (fresh LedgerTree)", inc);
  line("consistency proof (fresh LedgerTree)", con);
  line("root at the proof's size (fresh LedgerTree)", root);
  line("leaf hash from the stored entry", leaf);
  line("inclusion proof, cold store (open + prove)", inc_cold);
  line("consistency proof, cold store (open + prove)", con_cold);
  fmt::print(
      "{{\"events\":{},\"samples\":{},\"inclusion_median_ms\":{:.4f},\"inclusion_p99_ms\":{:.4f},"
      "\"consistency_median_ms\":{:.4f},\"consistency_p99_ms\":{:.4f},\"root_median_ms\":{:.4f},"
      "\"root_p99_ms\":{:.4f},\"leaf_median_ms\":{:.4f},\"leaf_p99_ms\":{:.4f},"
      "\"inclusion_cold_median_ms\":{:.4f},\"inclusion_cold_p99_ms\":{:.4f},"
      "\"consistency_cold_median_ms\":{:.4f},\"consistency_cold_p99_ms\":{:.4f},\"verified\":true}}\n",
      n, samples, inc.median, inc.p99, con.median, con.p99, root.median, root.p99, leaf.median, leaf.p99,
      inc_cold.median, inc_cold.p99, con_cold.median, con_cold.p99);
  return 0;
}
