// advocate: a problem they reported that we fixed fast, and a positive reply of theirs after
// the fix. The problem is an incident their report is tied to (a reply either way, or made
// just after it started); the fix is the incident's end; the reply is a message of theirs
// that answers the incident, its end or the report. The engine drafts the reference story
// from the evidence (engine/evidence.h).
#include <fmt/format.h>

#include <map>

#include "engine/signals/signal_input.h"

namespace nanni {

namespace {

struct Outage {
  size_t start = 0, end = 0;
  bool ended = false;
  size_t report = 0;
  bool reported = false;
};

// Whether the chain of replies from i reaches one of the positions in `to` (at most 16 steps).
bool Answers(const AccountView& v, size_t i, std::initializer_list<size_t> to) {
  uint32_t at = static_cast<uint32_t>(i);
  for (int step = 0; step < 16; ++step) {
    const Fact& f = v.fact(at);
    const uint32_t next = v.Position(f.reply_to != 0 ? f.reply_to : f.ref);
    if (next == AccountView::kNone || next >= at) return false;
    for (size_t t : to) {
      if (next == t) return true;
    }
    at = next;
  }
  return false;
}

}  // namespace

void DetectAdvocateSignals(const SignalInput& in, std::vector<Signal>* out) {
  const AccountView& v = in.view;
  const int64_t from = in.WindowStart("advocate");
  std::map<uint32_t, Outage> outages;
  for (size_t i = 0; i < v.size(); ++i) {
    const uint32_t r = Is(v.fact(i), EventKind::kIncident) ? v.index().side_row(v.seq(i)) : IndexSnapshot::kNoRecord;
    if (r == IndexSnapshot::kNoRecord) continue;
    const IncidentFact& x = v.index().incidents()[r];
    Outage& o = outages[x.incident];
    if (x.start) {
      o.start = i;
    } else {
      o.end = i, o.ended = true;
    }
  }
  const double fix_minutes = in.Get("advocate", "fix_hours") * 60;
  const int64_t reply_days = static_cast<int64_t>(in.Get("advocate", "reply_days"));
  Signal s;
  size_t fixes = 0;
  for (auto& [key, o] : outages) {
    if (!o.ended || v.time(o.end) <= from || o.end <= o.start) continue;
    // Their report: a request of theirs while it lasted that is tied to it (a reply either
    // way), or made within report_minutes of its start; a request about something else that
    // happens to fall inside an outage is not a report of it.
    const int64_t report_window = static_cast<int64_t>(in.Get("advocate", "report_minutes")) * kMicrosPerMinute;
    for (size_t i = o.start; i < o.end && !o.reported; ++i) {
      const Fact& f = v.fact(i);
      if (!Is(f, EventKind::kRequest) || !Theirs(f)) continue;
      const bool tied = Answers(v, i, {o.start}) || Answers(v, o.end, {i});
      if (tied || v.time(i) - v.time(o.start) <= report_window) o.report = i, o.reported = true;
    }
    if (!o.reported || static_cast<double>(v.time(o.end) - v.time(o.report)) > fix_minutes * kMicrosPerMinute) continue;
    for (size_t i = o.end + 1; i < v.size() && v.time(i) <= v.time(o.end) + reply_days * kMicrosPerDay; ++i) {
      const Fact& f = v.fact(i);
      const uint32_t t = v.index().tone_row(v.seq(i));
      if (!Theirs(f) || t == IndexSnapshot::kNoRecord || !Answers(v, i, {o.start, o.end, o.report})) continue;
      const ToneFact& tone = v.index().tone()[t];
      if (tone.politeness < in.Get("advocate", "positive") || (tone.flags & (kAbusiveFlag | kThreatFlag))) continue;
      ++fixes;
      const int64_t minutes = (v.time(o.end) - v.time(o.report)) / kMicrosPerMinute;
      s.evidence.push_back(EvidenceAt(v, o.report, "their report of the problem"));
      s.evidence.push_back(EvidenceAt(v, o.end, fmt::format("fixed {} minutes after their report", minutes)));
      s.evidence.push_back(EvidenceAt(v, i, "their reply after the fix"));
      s.contact = ContactText(v.index(), v.fact(o.report).from);
      break;
    }
  }
  if (fixes == 0) return;
  s.signal = "advocate";
  s.score = std::min(1.0, 0.5 + 0.25 * static_cast<double>(fixes));
  s.reason = fmt::format("{} problem{} they reported {} fixed within {} hours, and they wrote back warmly after.", fixes,
                         fixes == 1 ? "" : "s", fixes == 1 ? "was" : "were", in.Get("advocate", "fix_hours"));
  KeepRecent(&s.evidence);
  out->push_back(std::move(s));
}

}  // namespace nanni
