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

Status Cite(EventReader* reader, Evidence* e, Event* scratch) {
  if (e->seq == 0 || !e->id.empty()) return Status::OK();
  NANNI_RETURN_IF_ERROR(reader->Read(e->seq, scratch));
  e->id = scratch->id;
  return Status::OK();
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

std::string DemandSubject(const Event& e) {
  std::string_view subject = WithoutReplyPrefix(e.subject);
  if (!subject.empty()) return Clip(subject, 120);
  return Clip(FirstLine(e.new_text.empty() ? e.text : e.new_text), 120);
}

Status CiteTriage(EventReader* reader, Triage* triage) {
  Event scratch;
  for (AccountTriage& a : triage->accounts) {
    for (Signal& s : a.signals) {
      for (Evidence& e : s.evidence) NANNI_RETURN_IF_ERROR(Cite(reader, &e, &scratch));
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
  Event scratch;
  for (EscalationCase& c : escalations->cases) {
    if (c.id.empty() && c.seq != 0) {
      NANNI_RETURN_IF_ERROR(reader->Read(c.seq, &scratch));
      c.id = scratch.id;
    }
    for (Evidence& e : c.because) NANNI_RETURN_IF_ERROR(Cite(reader, &e, &scratch));
  }
  return Status::OK();
}

}  // namespace nanni
