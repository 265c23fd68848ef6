// IndexSnapshot: the analytic index read into memory, for analyses of the whole portfolio.
//
// Load() reads the streams an analysis asks for from a store. The snapshot covers the seqs
// [1, covered()]: the whole ledger when its index is up to date. An import writes the index in
// its own transaction, so the two never disagree after a crash; but a ledger made before the
// index existed, by another version of nanni or with other tone weights has less, or none,
// and `stale` says why. The engine then adds the missing blocks, built in memory from the
// ledger, with AddBlock(), which parses them as Load() parses stored ones.
//
// Owns everything it holds; immutable once built, so any number of threads may read it.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "index/facts.h"
#include "index/index_builder.h"
#include "index/index_format.h"
#include "ledger/ledger_store.h"

namespace nanni {

// Which streams to load; facts, strings and links always are.
enum IndexParts : uint32_t {
  kIndexCore = 0,
  kIndexCalls = 1,
  kIndexMoney = 2,
  kIndexPromises = 4,
  kIndexIncidents = 8,
  kIndexTone = 16,
  kIndexContracts = 32,
  kIndexEscalations = 64,
  kIndexAll = 127,
};

class IndexSnapshot {
 public:
  static constexpr uint32_t kNoRecord = UINT32_MAX;

  // Reads the index of `store` (which must allow the whole ledger: AccessScope::All()). Blocks
  // of another format version or tone model (`tone_model`), or that do not continue the ones
  // before, end what is loaded: *stale then says why ("" when the index is whole and current).
  static Status Load(LedgerStore* store, uint32_t parts, uint64_t tone_model, IndexSnapshot* out,
                     std::string* stale);

  // Reads only what an IndexBuilder needs to continue the stored index (its strings and the
  // links still pending), not its facts: how an import starts. *state.next_seq is one past the
  // events the current part of the index covers; *stale as for Load().
  static Status LoadState(LedgerStore* store, uint64_t tone_model, IndexBuilder::State* state,
                          std::vector<uint64_t>* block_ends, std::string* stale);

  // Adds a block (one stream's part of it) that continues the snapshot: how Load() reads every
  // stored block, and how the engine adds blocks built in memory.
  Status AddBlock(const DerivedBlock& block);

  uint64_t covered() const { return columns_.facts.size(); }  // events 1..covered()
  uint32_t parts() const { return parts_; }           // IndexParts loaded
  const Fact& fact(uint64_t seq) const { return columns_.facts[seq - 1]; }
  int64_t recorded(uint64_t seq) const { return columns_.recorded[columns_.facts[seq - 1].recorded]; }
  std::string_view str(uint32_t id) const { return id == 0 ? std::string_view() : std::string_view(strings_[id - 1]); }
  uint32_t string_count() const { return static_cast<uint32_t>(strings_.size()); }

  const std::vector<CallFact>& calls() const { return columns_.calls; }
  const std::vector<MoneyFact>& money() const { return columns_.money; }
  const std::vector<PromiseFact>& promises() const { return columns_.promises; }
  const std::vector<IncidentFact>& incidents() const { return columns_.incidents; }
  const std::vector<ContractFact>& contracts() const { return columns_.contracts; }
  const std::vector<EscalationFact>& escalations() const { return columns_.escalations; }
  const std::vector<ToneFact>& tone() const { return columns_.tone; }

  // The row of event `seq` in the side table of its kind (calls(), money(), promises(),
  // incidents(), contracts() or escalations()), or kNoRecord. Valid after Finish().
  uint32_t side_row(uint64_t seq) const { return side_rows_.empty() ? kNoRecord : side_rows_[seq]; }
  // The row of event `seq` in tone(), or kNoRecord. Valid after Finish().
  uint32_t tone_row(uint64_t seq) const { return tone_rows_.empty() ? kNoRecord : tone_rows_[seq]; }

  // Builds side_row() and tone_row() for the parts loaded, and applies the fixups; call once
  // every block is in.
  void Finish();

  // Where the stored blocks end, in order (verify rebuilds each to compare).
  const std::vector<uint64_t>& block_ends() const { return block_ends_; }

  // What an IndexBuilder needs to continue this index.
  IndexBuilder::State BuilderState() const;

 private:
  // Makes room for `count` more records of `stream` (a stream after the facts).
  void Reserve(std::string_view stream, uint64_t count);
  Status AddFacts(const DerivedBlock& block, BlockReader* in, uint64_t count);
  Status AddStrings(BlockReader* in, uint64_t count);
  Status AddLinks(BlockReader* in);
  Status CheckSeqs(const DerivedBlock& block, uint32_t first, uint32_t last) const;
  template <typename T>
  Status AddRecords(const DerivedBlock& block, BlockReader* in, uint64_t count, std::vector<T>* out);

  uint32_t parts_ = kIndexAll;
  uint64_t tone_model_ = 0;
  FactColumns columns_;
  std::vector<std::string> strings_;
  std::vector<LinkFixup> fixups_;
  std::vector<PendingLink> pending_;
  std::vector<uint64_t> block_ends_;
  std::vector<uint32_t> side_rows_;  // by seq (index 0 unused); empty without side tables
  std::vector<uint32_t> tone_rows_;  // by seq (index 0 unused); empty without kIndexTone
};

}  // namespace nanni
