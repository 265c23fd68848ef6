#include "engine/evidence.h"

#include <fmt/format.h>

#include "util/ascii.h"
#include "util/time.h"

namespace nanni {

namespace {

// The first `max` bytes of `s` cut at a character boundary, with "..." when cut.
std::string Clip(std::string_view s, size_t max) {
  if (s.size() <= max) return std::string(s);
  size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return std::string(s.substr(0, end)) + "...";
}

std::string_view WithoutReplyPrefix(std::string_view s) {
  while (true) {
    size_t i = 0;
    while (i < s.size() && s[i] == ' ') ++i;
    s.remove_prefix(i);
    bool prefixed = false;
    for (std::string_view p : {"re:", "fwd:", "fw:", "aw:", "wg:", "sv:", "tr:"}) {
      if (s.size() >= p.size() && AsciiLower(s.substr(0, p.size())) == p) {
        s.remove_prefix(p.size());
        prefixed = true;
      }
    }
    if (!prefixed) return s;
  }
}

std::string FirstLine(std::string_view text) {
  size_t end = text.find('\n');
  return std::string(text.substr(0, end));
}

// A draft reference story from the advocate's evidence (oldest first): the report, the fix,
// their words after it.
Status Story(EventReader* reader, const Signal& s, std::string* out) {
  Event e;
  std::string reported, fixed, words;
  for (const Evidence& ev : s.evidence) {
    NANNI_RETURN_IF_ERROR(reader->Read(ev.seq, &e));
    const std::string said = Clip(FirstLine(e.new_text.empty() ? e.text : e.new_text), 240);
    if (ev.kind == "request" && reported.empty()) {
      reported = fmt::format("On {}, {} reported a problem: \"{}\".", FormatRfc3339(ev.time).substr(0, 10),
                             e.from ? e.from->name : "the customer", said.empty() ? DemandSubject(e) : said);
    } else if (ev.kind == "incident" && fixed.empty()) {
      fixed = fmt::format(" {}.", ev.note);
    } else if (ev.kind == "message" && words.empty()) {
      words = fmt::format(" Afterwards they wrote: \"{}\"", said);
    }
  }
  *out = reported + fixed + words;
  return Status::OK();
}

}  // namespace

Status EventReader::Read(uint64_t seq, Event* out) {
  return store_->Get(AccessScope::All(), seq, [&](const LedgerEntry& entry) {
    Status st = decoder_.Decode(entry.body, out);
    return st.ok() ? st : Status::Corruption(fmt::format("event {}: {}", seq, st.message()));
  });
}

Status EventReader::CiteAll(const std::vector<Evidence*>& evidence) {
  std::vector<Evidence*> uncited;
  std::vector<uint64_t> seqs;
  for (Evidence* e : evidence) {
    if (e->seq == 0 || !e->id.empty()) continue;
    uncited.push_back(e);
    seqs.push_back(e->seq);
  }
  std::vector<std::string> ids;
  NANNI_RETURN_IF_ERROR(store_->SourceIds(AccessScope::All(), seqs, &ids));
  for (size_t i = 0; i < uncited.size(); ++i) uncited[i]->id = std::move(ids[i]);
  return Status::OK();
}

std::string DemandSubject(const Event& e) {
  std::string_view subject = WithoutReplyPrefix(e.subject);
  if (!subject.empty()) return Clip(subject, 120);
  return Clip(FirstLine(e.new_text.empty() ? e.text : e.new_text), 120);
}

Status CiteAccounts(EventReader* reader, std::span<AccountTriage> accounts) {
  Event scratch;
  std::vector<Evidence*> evidence;
  for (AccountTriage& a : accounts) {
    for (Signal& s : a.signals) {
      for (Evidence& e : s.evidence) evidence.push_back(&e);
    }
  }
  NANNI_RETURN_IF_ERROR(reader->CiteAll(evidence));
  for (AccountTriage& a : accounts) {
    for (Signal& s : a.signals) {
      for (OpenDemand& d : s.demands) {
        NANNI_RETURN_IF_ERROR(reader->Read(d.seq, &scratch));
        d.id = scratch.id;
        d.subject = DemandSubject(scratch);
      }
      if (s.signal == "advocate") NANNI_RETURN_IF_ERROR(Story(reader, s, &s.story));
    }
  }
  return Status::OK();
}

Status CiteEscalations(EventReader* reader, Escalations* escalations) {
  std::vector<Evidence> selves(escalations->cases.size());  // each escalation, to cite it too
  std::vector<Evidence*> evidence;
  for (size_t i = 0; i < escalations->cases.size(); ++i) {
    EscalationCase& c = escalations->cases[i];
    selves[i].seq = c.seq;
    selves[i].id = c.id;
    evidence.push_back(&selves[i]);
    for (Evidence& e : c.because) evidence.push_back(&e);
  }
  NANNI_RETURN_IF_ERROR(reader->CiteAll(evidence));
  for (size_t i = 0; i < escalations->cases.size(); ++i) escalations->cases[i].id = std::move(selves[i].id);
  return Status::OK();
}

Status CiteSludge(EventReader* reader, Sludge* sludge) {
  std::vector<Evidence> promises(sludge->missed_promises.size());
  std::vector<Evidence*> evidence;
  for (size_t i = 0; i < promises.size(); ++i) {
    promises[i].seq = sludge->missed_promises[i].seq;
    evidence.push_back(&promises[i]);
  }
  NANNI_RETURN_IF_ERROR(reader->CiteAll(evidence));
  for (size_t i = 0; i < promises.size(); ++i) sludge->missed_promises[i].id = std::move(promises[i].id);
  return Status::OK();
}

}  // namespace nanni
