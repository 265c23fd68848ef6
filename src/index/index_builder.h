// IndexBuilder: turns the drafts of appended events (index/fact_draft.h) into the blocks of
// the analytic index (index/index_format.h), in seq order.
//
// Events are added one by one with their seq; Flush() closes the open block and hands its
// streams to a sink (an import's transaction, or a comparison in verify). Links are resolved
// when the block closes: to an event of the block, else to an earlier entry of the ledger
// (through a SeqFinder), else the link is pending and a later block carries its fixup when
// an event with that id arrives. Strings get ids in the order the events first use them.
// So the blocks depend on the ledger and on where blocks end, nothing else: a rebuild with
// the same block ends gives the same bytes.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "index/fact_draft.h"
#include "index/index_format.h"
#include "ledger/ledger_store.h"

namespace nanni {

class IndexBuilder {
 public:
  // The most events one block holds (a block's facts are 10 MB).
  static constexpr size_t kBlockEvents = 1 << 18;

  // What a builder continues from: the index so far.
  struct State {
    std::vector<std::string> strings;  // string id i + 1 is strings[i]
    std::vector<PendingLink> pending;  // links still waiting for their target
    uint64_t next_seq = 1;             // the seq the next event must have
  };

  // Finds the seq of the entry with an id (0: none); must see every entry before the open
  // block (later ones are ignored).
  using SeqFinder = std::function<Status(std::string_view id, uint64_t* seq)>;
  using BlockSink = std::function<Status(const DerivedBlock&)>;

  IndexBuilder(State state, uint64_t tone_model);

  uint64_t next_seq() const { return next_seq_; }
  size_t open_events() const { return open_.facts.size(); }
  bool full() const { return open_.facts.size() >= kBlockEvents; }

  // Adds the event appended at `seq` (which must be next_seq()), recorded at `recorded`.
  Status Add(uint64_t seq, int64_t recorded_utc_micros, const FactDraft& draft);

  // Closes the open block (if it holds any event) and passes each of its streams to `sink`.
  Status Flush(const SeqFinder& find, const BlockSink& sink);

 private:
  struct OpenLink {
    uint32_t fact;  // index into open_.facts
    LinkKind kind;
    uint32_t offset, size;  // the id it names, in link_bytes_
  };

  uint32_t Intern(std::string_view s);
  uint32_t RecordedIndex(int64_t recorded);
  void AddLinks(const FactDraft& draft);
  void AddSideRecord(uint32_t seq, const FactDraft& draft);
  void FixPending(uint32_t seq, const std::string& id);
  Status ResolveLinks(const SeqFinder& find);
  Status WriteStreams(const BlockSink& sink);
  void Clear();

  // Hashing for maps looked up by string_view without making a string of it.
  struct TextHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  using TextMap = std::unordered_map<std::string, uint32_t, TextHash, std::equal_to<>>;

  uint64_t tone_model_;
  uint64_t next_seq_;
  TextMap strings_;
  uint32_t string_count_ = 0;
  std::unordered_multimap<std::string, std::pair<uint32_t, LinkKind>> pending_;

  // The open block.
  uint64_t first_seq_ = 0;
  FactColumns open_;  // the open block's records
  std::vector<std::string> new_strings_;
  std::vector<LinkFixup> fixups_;
  std::vector<PendingLink> new_pending_;
  std::vector<OpenLink> links_;
  std::string link_bytes_;
  // The block's event ids -> seq. The ids live in `id_bytes_`, kept from one block to the
  // next, so that a block of a quarter million events does as many allocations as a few.
  std::string id_bytes_;
  std::vector<std::pair<uint32_t, uint32_t>> id_spans_;  // offset, size into id_bytes_
  std::unordered_map<std::string_view, uint32_t> ids_;
};

}  // namespace nanni
