#include "index/index_builder.h"

#include <fmt/format.h>

#include <algorithm>

namespace nanni {

IndexBuilder::IndexBuilder(State state, uint64_t tone_model)
    : tone_model_(tone_model), next_seq_(state.next_seq) {
  for (std::string& s : state.strings) strings_.emplace(std::move(s), ++string_count_);
  for (PendingLink& p : state.pending) pending_.emplace(std::move(p.target), std::make_pair(p.seq, p.kind));
}

uint32_t IndexBuilder::Intern(std::string_view s) {
  if (s.empty()) return 0;
  if (auto it = strings_.find(s); it != strings_.end()) return it->second;
  strings_.emplace(std::string(s), ++string_count_);
  new_strings_.emplace_back(s);
  return string_count_;
}

uint32_t IndexBuilder::RecordedIndex(int64_t recorded) {
  // A block holds one import's events, or a few: a short table, searched from its end.
  for (size_t i = open_.recorded.size(); i-- > 0;) {
    if (open_.recorded[i] == recorded) return static_cast<uint32_t>(i);
  }
  open_.recorded.push_back(recorded);
  return static_cast<uint32_t>(open_.recorded.size() - 1);
}

Status IndexBuilder::Add(uint64_t seq, int64_t recorded, const FactDraft& draft) {
  if (seq != next_seq_) {
    return Status::Corruption(fmt::format("analytic index: event {} was added where {} was due", seq, next_seq_));
  }
  if (seq > UINT32_MAX) return Status::InvalidInput("the analytic index holds at most 4294967295 events");
  if (open_.facts.empty()) first_seq_ = seq;
  const auto seq32 = static_cast<uint32_t>(seq);
  Fact f = draft.fact;
  f.account = Intern(draft.account);
  f.from = Intern(draft.from);
  f.recorded = RecordedIndex(recorded);
  open_.facts.push_back(f);
  AddLinks(draft);
  AddSideRecord(seq32, draft);
  id_spans_.emplace_back(static_cast<uint32_t>(id_bytes_.size()), static_cast<uint32_t>(draft.id.size()));
  id_bytes_ += draft.id;
  if (!pending_.empty()) FixPending(seq32, draft.id);
  ++next_seq_;
  return Status::OK();
}

void IndexBuilder::AddLinks(const FactDraft& draft) {
  const auto fact = static_cast<uint32_t>(open_.facts.size() - 1);
  auto add = [&](LinkKind kind, const std::string& target) {
    if (target.empty()) return;
    links_.push_back({fact, kind, static_cast<uint32_t>(link_bytes_.size()), static_cast<uint32_t>(target.size())});
    link_bytes_ += target;
  };
  add(LinkKind::kReplyTo, draft.reply_to);
  add(LinkKind::kCorrects, draft.corrects);
  add(LinkKind::kRef, draft.ref);
}

void IndexBuilder::AddSideRecord(uint32_t seq, const FactDraft& d) {
  switch (d.table) {
    case FactDraft::Table::kCall: {
      CallFact c = d.call;
      c.seq = seq;
      c.agent = Intern(d.agent);
      c.queue = Intern(d.queue);
      c.transfer_to = Intern(d.transfer_to);
      open_.calls.push_back(c);
      break;
    }
    case FactDraft::Table::kMoney: {
      MoneyFact m = d.money;
      m.seq = seq;
      m.invoice = Intern(d.invoice);
      m.currency = Intern(d.currency);
      open_.money.push_back(m);
      break;
    }
    case FactDraft::Table::kPromise: {
      PromiseFact p = d.promise;
      p.seq = seq;
      p.what = Intern(d.what);
      open_.promises.push_back(p);
      break;
    }
    case FactDraft::Table::kIncident: {
      IncidentFact i = d.incident;
      i.seq = seq;
      i.incident = Intern(d.incident_key);
      open_.incidents.push_back(i);
      break;
    }
    case FactDraft::Table::kContract: {
      ContractFact c = d.contract;
      c.seq = seq;
      c.contract = Intern(d.contract_key);
      c.currency = Intern(d.currency);
      open_.contracts.push_back(c);
      break;
    }
    case FactDraft::Table::kEscalation: {
      EscalationFact x;
      x.seq = seq;
      x.cause = Intern(d.cause);
      open_.escalations.push_back(x);
      break;
    }
    case FactDraft::Table::kNone:
      break;
  }
  if (d.has_tone) {
    ToneFact t = d.tone;
    t.seq = seq;
    open_.tone.push_back(t);
  }
}

void IndexBuilder::FixPending(uint32_t seq, const std::string& id) {
  auto [begin, end] = pending_.equal_range(id);
  for (auto it = begin; it != end; ++it) {
    LinkFixup fix;
    fix.seq = it->second.first;
    fix.target = seq;
    fix.kind = static_cast<uint8_t>(it->second.second);
    fixups_.push_back(fix);
  }
  pending_.erase(begin, end);
}

Status IndexBuilder::ResolveLinks(const SeqFinder& find) {
  // The block's ids, as views into id_bytes_ (which no longer grows).
  ids_.clear();
  ids_.reserve(id_spans_.size());
  for (size_t i = 0; i < id_spans_.size(); ++i) {
    ids_.emplace(std::string_view(id_bytes_).substr(id_spans_[i].first, id_spans_[i].second),
                 static_cast<uint32_t>(first_seq_ + i));
  }
  for (const OpenLink& link : links_) {
    const std::string_view id = std::string_view(link_bytes_).substr(link.offset, link.size);
    uint64_t target = 0;
    if (auto it = ids_.find(id); it != ids_.end()) {
      target = it->second;
    } else {
      NANNI_RETURN_IF_ERROR(find(id, &target));
      if (target >= first_seq_) target = 0;  // not before the block: not in the ledger yet
    }
    Fact& f = open_.facts[link.fact];
    const uint32_t seq = static_cast<uint32_t>(first_seq_ + link.fact);
    if (target == 0) {
      new_pending_.push_back(PendingLink{seq, link.kind, std::string(id)});
      pending_.emplace(std::string(id), std::make_pair(seq, link.kind));
      continue;
    }
    const auto t = static_cast<uint32_t>(target);
    (link.kind == LinkKind::kReplyTo ? f.reply_to : link.kind == LinkKind::kCorrects ? f.corrects : f.ref) = t;
  }
  return Status::OK();
}

Status IndexBuilder::WriteStreams(const BlockSink& sink) {
  const uint64_t end = first_seq_ + open_.facts.size();
  auto put = [&](std::string_view stream, uint64_t count, const auto& fill) -> Status {
    if (count == 0 && stream != index_stream::kFacts) return Status::OK();
    BlockHeader header;
    header.tone_model = tone_model_;
    header.count = count;
    BlockBytes bytes(header);
    fill(&bytes);
    return sink(DerivedBlock{stream, first_seq_, end, bytes.bytes()});
  };
  auto records = [&](std::string_view stream, const auto& v) {
    return put(stream, v.size(), [&](BlockBytes* b) { b->Records(std::span(v)); });
  };
  NANNI_RETURN_IF_ERROR(put(index_stream::kFacts, open_.facts.size(), [&](BlockBytes* b) {
    b->Records(std::span<const Fact>(open_.facts));
    b->U32(static_cast<uint32_t>(open_.recorded.size()));
    for (int64_t r : open_.recorded) b->I64(r);
  }));
  NANNI_RETURN_IF_ERROR(records(index_stream::kCalls, open_.calls));
  NANNI_RETURN_IF_ERROR(records(index_stream::kMoney, open_.money));
  NANNI_RETURN_IF_ERROR(records(index_stream::kPromises, open_.promises));
  NANNI_RETURN_IF_ERROR(records(index_stream::kIncidents, open_.incidents));
  NANNI_RETURN_IF_ERROR(records(index_stream::kContracts, open_.contracts));
  NANNI_RETURN_IF_ERROR(records(index_stream::kEscalations, open_.escalations));
  NANNI_RETURN_IF_ERROR(records(index_stream::kTone, open_.tone));
  NANNI_RETURN_IF_ERROR(put(index_stream::kStrings, new_strings_.size(), [&](BlockBytes* b) {
    for (const std::string& s : new_strings_) b->String(s);
  }));
  return put(index_stream::kLinks, fixups_.size() + new_pending_.size(), [&](BlockBytes* b) {
    b->U32(static_cast<uint32_t>(fixups_.size()));
    b->Records(std::span<const LinkFixup>(fixups_));
    b->U32(static_cast<uint32_t>(new_pending_.size()));
    for (const PendingLink& p : new_pending_) {
      b->U32(p.seq);
      b->U32(static_cast<uint32_t>(p.kind));
      b->String(p.target);
    }
  });
}

Status IndexBuilder::Flush(const SeqFinder& find, const BlockSink& sink) {
  if (open_.facts.empty()) return Status::OK();
  NANNI_RETURN_IF_ERROR(ResolveLinks(find));
  NANNI_RETURN_IF_ERROR(WriteStreams(sink));
  Clear();
  return Status::OK();
}

void IndexBuilder::Clear() {
  open_.Clear();
  new_strings_.clear();
  fixups_.clear();
  new_pending_.clear();
  links_.clear();
  link_bytes_.clear();
  ids_.clear();
  id_bytes_.clear();
  id_spans_.clear();
}

}  // namespace nanni
