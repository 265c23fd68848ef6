#include "index/index_snapshot.h"

#include <fmt/format.h>

#include <algorithm>

namespace nanni {

namespace {

bool Wanted(std::string_view stream, uint32_t parts) {
  if (stream == index_stream::kCalls) return parts & kIndexCalls;
  if (stream == index_stream::kMoney) return parts & kIndexMoney;
  if (stream == index_stream::kPromises) return parts & kIndexPromises;
  if (stream == index_stream::kIncidents) return parts & kIndexIncidents;
  if (stream == index_stream::kTone) return parts & kIndexTone;
  if (stream == index_stream::kContracts) return parts & kIndexContracts;
  if (stream == index_stream::kEscalations) return parts & kIndexEscalations;
  return true;
}

Status BadBlock(const DerivedBlock& block, std::string_view what) {
  return Status::Corruption(fmt::format("analytic index: the {} block at event {}: {}", block.stream,
                                        block.first_seq, what));
}

}  // namespace

namespace {

// Why a stored facts block cannot continue an index that reaches `covered` ("" if it can).
Status StaleReason(const DerivedBlock& b, uint64_t tone_model, uint64_t covered, std::string* why) {
  BlockHeader header;
  BlockReader in(b.stream, b.bytes);
  NANNI_RETURN_IF_ERROR(in.Header(&header));
  if (header.version != kIndexFormatVersion) {
    *why = fmt::format("its blocks from event {} on are of another format (version {})", b.first_seq, header.version);
  } else if (header.tone_model != tone_model) {
    *why = fmt::format("its readings of customers' words from event {} on were made with other tone weights or "
                       "chase phrases", b.first_seq);
  } else if (b.first_seq != covered + 1) {
    *why = fmt::format("it has a gap at event {}", covered + 1);
  }
  return Status::OK();
}

// The records the blocks of `stream` that end by `end` hold, from their headers alone: what a
// column is reserved for, so that loading it never holds twice its size.
Status CountRecords(LedgerStore* store, std::string_view stream, uint64_t end, uint64_t* count) {
  *count = 0;
  return store->ReadDerivedPrefixes(AccessScope::All(), stream, sizeof(BlockHeader), [&](const DerivedBlock& b) {
    BlockHeader header;
    BlockReader in(b.stream, b.bytes);
    NANNI_RETURN_IF_ERROR(in.Header(&header));
    if (b.end_seq <= end) *count += header.count;
    return Status::OK();
  });
}

}  // namespace

Status IndexSnapshot::LoadState(LedgerStore* store, uint64_t tone_model, IndexBuilder::State* state,
                                std::vector<uint64_t>* block_ends, std::string* stale) {
  *state = IndexBuilder::State();
  block_ends->clear();
  stale->clear();
  uint64_t covered = 0;
  NANNI_RETURN_IF_ERROR(store->ReadDerivedPrefixes(
      AccessScope::All(), index_stream::kFacts, sizeof(BlockHeader), [&](const DerivedBlock& b) {
        if (!stale->empty()) return Status::OK();
        NANNI_RETURN_IF_ERROR(StaleReason(b, tone_model, covered, stale));
        if (stale->empty()) {
          covered = b.end_seq - 1;
          block_ends->push_back(b.end_seq);
        }
        return Status::OK();
      }));
  IndexSnapshot partial;
  partial.parts_ = kIndexCore;
  partial.tone_model_ = tone_model;
  for (std::string_view stream : {index_stream::kStrings, index_stream::kLinks}) {
    NANNI_RETURN_IF_ERROR(store->ReadDerived(AccessScope::All(), stream, [&](const DerivedBlock& b) {
      return b.end_seq <= covered + 1 ? partial.AddBlock(b) : Status::OK();
    }));
  }
  *state = partial.BuilderState();
  state->next_seq = covered + 1;
  return Status::OK();
}

Status IndexSnapshot::Load(LedgerStore* store, uint32_t parts, uint64_t tone_model,
                           IndexSnapshot* out, std::string* stale) {
  *out = IndexSnapshot();
  out->parts_ = parts;
  out->tone_model_ = tone_model;
  stale->clear();
  uint64_t count = 0;
  NANNI_RETURN_IF_ERROR(CountRecords(store, index_stream::kFacts, UINT64_MAX, &count));
  out->columns_.facts.reserve(count);
  // The facts decide how far the index reaches: the first block that is not current ends it.
  NANNI_RETURN_IF_ERROR(store->ReadDerived(AccessScope::All(), index_stream::kFacts, [&](const DerivedBlock& b) {
    if (!stale->empty()) return Status::OK();
    NANNI_RETURN_IF_ERROR(StaleReason(b, tone_model, out->covered(), stale));
    return stale->empty() ? out->AddBlock(b) : Status::OK();
  }));
  const uint64_t end = out->covered() + 1;
  for (std::string_view stream : index_stream::kAfterFacts) {
    if (!Wanted(stream, parts)) continue;
    NANNI_RETURN_IF_ERROR(CountRecords(store, stream, end, &count));
    out->Reserve(stream, count);
    NANNI_RETURN_IF_ERROR(store->ReadDerived(AccessScope::All(), stream, [&](const DerivedBlock& b) {
      return b.end_seq <= end ? out->AddBlock(b) : Status::OK();
    }));
  }
  return Status::OK();
}

void IndexSnapshot::Reserve(std::string_view stream, uint64_t count) {
  if (stream == index_stream::kStrings) strings_.reserve(count);
  if (stream == index_stream::kCalls) columns_.calls.reserve(count);
  if (stream == index_stream::kMoney) columns_.money.reserve(count);
  if (stream == index_stream::kPromises) columns_.promises.reserve(count);
  if (stream == index_stream::kIncidents) columns_.incidents.reserve(count);
  if (stream == index_stream::kContracts) columns_.contracts.reserve(count);
  if (stream == index_stream::kEscalations) columns_.escalations.reserve(count);
  if (stream == index_stream::kTone) columns_.tone.reserve(count);
}

Status IndexSnapshot::AddBlock(const DerivedBlock& block) {
  if (!Wanted(block.stream, parts_)) return Status::OK();
  BlockHeader header;
  BlockReader in(block.stream, block.bytes);
  NANNI_RETURN_IF_ERROR(in.Header(&header));
  if (header.version != kIndexFormatVersion || header.tone_model != tone_model_) {
    return BadBlock(block, "made by another version or with other tone weights");
  }
  if (block.first_seq == 0 || block.end_seq < block.first_seq) return BadBlock(block, "its range is empty");
  const std::string_view s = block.stream;
  if (s == index_stream::kFacts) return AddFacts(block, &in, header.count);
  if (s == index_stream::kStrings) return AddStrings(&in, header.count);
  if (s == index_stream::kLinks) return AddLinks(&in);
  if (s == index_stream::kCalls) return AddRecords(block, &in, header.count, &columns_.calls);
  if (s == index_stream::kMoney) return AddRecords(block, &in, header.count, &columns_.money);
  if (s == index_stream::kPromises) return AddRecords(block, &in, header.count, &columns_.promises);
  if (s == index_stream::kIncidents) return AddRecords(block, &in, header.count, &columns_.incidents);
  if (s == index_stream::kContracts) return AddRecords(block, &in, header.count, &columns_.contracts);
  if (s == index_stream::kEscalations) return AddRecords(block, &in, header.count, &columns_.escalations);
  if (s == index_stream::kTone) return AddRecords(block, &in, header.count, &columns_.tone);
  return BadBlock(block, "not a stream of the index");
}

Status IndexSnapshot::AddFacts(const DerivedBlock& block, BlockReader* in, uint64_t count) {
  if (block.first_seq != covered() + 1) return BadBlock(block, "it does not follow the block before");
  if (count != block.end_seq - block.first_seq) return BadBlock(block, "its count does not match its range");
  const size_t first_fact = columns_.facts.size();
  NANNI_RETURN_IF_ERROR(in->Records(count, &columns_.facts));
  uint32_t times = 0;
  NANNI_RETURN_IF_ERROR(in->U32(&times));
  const auto base = static_cast<uint32_t>(columns_.recorded.size());
  for (uint32_t i = 0; i < times; ++i) {
    int64_t t = 0;
    NANNI_RETURN_IF_ERROR(in->I64(&t));
    columns_.recorded.push_back(t);
  }
  NANNI_RETURN_IF_ERROR(in->End());
  for (size_t i = first_fact; i < columns_.facts.size(); ++i) {
    if (columns_.facts[i].recorded >= times) {
      return BadBlock(block, "a fact names a recording time it lacks");
    }
    columns_.facts[i].recorded += base;
  }
  block_ends_.push_back(block.end_seq);
  return Status::OK();
}

Status IndexSnapshot::AddStrings(BlockReader* in, uint64_t count) {
  for (uint64_t i = 0; i < count; ++i) {
    strings_.emplace_back();
    NANNI_RETURN_IF_ERROR(in->String(&strings_.back()));
  }
  return in->End();
}

Status IndexSnapshot::AddLinks(BlockReader* in) {
  uint32_t fixups = 0, pending = 0;
  NANNI_RETURN_IF_ERROR(in->U32(&fixups));
  NANNI_RETURN_IF_ERROR(in->Records(fixups, &fixups_));
  NANNI_RETURN_IF_ERROR(in->U32(&pending));
  for (uint32_t i = 0; i < pending; ++i) {
    PendingLink p;
    uint32_t kind = 0;
    NANNI_RETURN_IF_ERROR(in->U32(&p.seq));
    NANNI_RETURN_IF_ERROR(in->U32(&kind));
    NANNI_RETURN_IF_ERROR(in->String(&p.target));
    p.kind = static_cast<LinkKind>(kind);
    pending_.push_back(std::move(p));
  }
  return in->End();
}

Status IndexSnapshot::CheckSeqs(const DerivedBlock& block, uint32_t first, uint32_t last) const {
  if (first < block.first_seq || last >= block.end_seq || last > covered()) {
    return BadBlock(block, "a record's event is outside the block");
  }
  return Status::OK();
}

template <typename T>
Status IndexSnapshot::AddRecords(const DerivedBlock& block, BlockReader* in, uint64_t count,
                                 std::vector<T>* out) {
  const size_t first = out->size();
  NANNI_RETURN_IF_ERROR(in->Records(count, out));
  NANNI_RETURN_IF_ERROR(in->End());
  if (count == 0) return Status::OK();
  uint32_t previous = first == 0 ? 0 : (*out)[first - 1].seq;
  for (size_t i = first; i < out->size(); ++i) {
    if ((*out)[i].seq <= previous) return BadBlock(block, "its records are not in seq order");
    previous = (*out)[i].seq;
  }
  return CheckSeqs(block, (*out)[first].seq, out->back().seq);
}

void IndexSnapshot::Finish() {
  for (const LinkFixup& fix : fixups_) {
    if (fix.seq == 0 || fix.seq > covered() || fix.target > covered()) continue;
    Fact& f = columns_.facts[fix.seq - 1];
    switch (static_cast<LinkKind>(fix.kind)) {
      case LinkKind::kReplyTo: f.reply_to = fix.target; break;
      case LinkKind::kCorrects: f.corrects = fix.target; break;
      case LinkKind::kRef: f.ref = fix.target; break;
    }
  }
  auto rows = [&](const auto& table, std::vector<uint32_t>* by_seq) {
    for (size_t i = 0; i < table.size(); ++i) (*by_seq)[table[i].seq] = static_cast<uint32_t>(i);
  };
  side_rows_.clear();
  if (parts_ & (kIndexCalls | kIndexMoney | kIndexPromises | kIndexIncidents | kIndexContracts | kIndexEscalations)) {
    side_rows_.assign(covered() + 1, kNoRecord);
    rows(columns_.calls, &side_rows_);
    rows(columns_.money, &side_rows_);
    rows(columns_.promises, &side_rows_);
    rows(columns_.incidents, &side_rows_);
    rows(columns_.contracts, &side_rows_);
    rows(columns_.escalations, &side_rows_);
  }
  tone_rows_.clear();
  if ((parts_ & kIndexTone) && !columns_.tone.empty()) {  // none: tone_row() is kNoRecord for all
    tone_rows_.assign(covered() + 1, kNoRecord);
    rows(columns_.tone, &tone_rows_);
  }
}

IndexBuilder::State IndexSnapshot::BuilderState() const {
  IndexBuilder::State state;
  state.strings = strings_;
  state.next_seq = covered() + 1;
  std::vector<std::pair<uint32_t, uint8_t>> fixed;
  for (const LinkFixup& f : fixups_) fixed.emplace_back(f.seq, f.kind);
  std::sort(fixed.begin(), fixed.end());
  for (const PendingLink& p : pending_) {
    auto key = std::make_pair(p.seq, static_cast<uint8_t>(p.kind));
    if (!std::binary_search(fixed.begin(), fixed.end(), key)) state.pending.push_back(p);
  }
  return state;
}

}  // namespace nanni
