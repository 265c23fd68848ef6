// level_gap: the right level to the right level. Fires when nobody on our side has exchanged
// an event with their executives for `days` (or ever), or when every exchange with them in that
// time went through their executives only.
#include <fmt/format.h>

#include <set>

#include "engine/signals/signal_input.h"

namespace nanni {

namespace {

const int kOurs = static_cast<int>(Side::kOurs), kTheirs = static_cast<int>(Side::kTheirs);
const int kExec = static_cast<int>(Level::kExecutive);

bool HasAnyOf(uint16_t participants, int side) {
  for (int level = 0; level < 5; ++level) {
    if (participants & ParticipantBit(side, level)) return true;
  }
  return false;
}

// Whether event f is an exchange between our side and their `exec` (true) or other people
// (false) of theirs: one side sends, the other receives.
// An account whose record names none of their executives raises no level_gap.
bool ExchangeWith(const Fact& f, bool exec) {
  auto theirs_here = [&](uint16_t bits) {
    for (int level = 0; level < 5; ++level) {
      if ((level == kExec) == exec && (bits & ParticipantBit(kTheirs, level))) return true;
    }
    return false;
  };
  if (f.from_side == kOurs) {
    const uint16_t mine = ParticipantBit(kOurs, f.from_level);  // the sender's own bit
    return theirs_here(static_cast<uint16_t>(f.participants & ~mine));
  }
  if (f.from_side != kTheirs || (f.from_level == kExec) != exec) return false;
  return HasAnyOf(f.participants, kOurs);
}

}  // namespace

void DetectLevelSignals(const SignalInput& in, std::vector<Signal>* out) {
  const AccountView& v = in.view;
  const double days = in.Get("level_gap", "days");
  const int64_t from = v.as_of() - static_cast<int64_t>(days) * kMicrosPerDay;
  size_t recent = 0, exec_exchanges = 0, other_exchanges = 0;
  int64_t last_exec = 0;
  size_t last_exec_at = 0;
  std::set<uint32_t> their_execs;
  bool execs_known = false;  // without a known executive of theirs, the record cannot tell
  size_t exec_seen_at = 0, last_other_at = 0;
  for (size_t i = 0; i < v.size(); ++i) {
    const Fact& f = v.fact(i);
    if (!execs_known && (f.participants & ParticipantBit(kTheirs, kExec))) execs_known = true, exec_seen_at = i;
    if (f.from_side == kTheirs && f.from_level == kExec && f.from != 0) their_execs.insert(f.from);
    const bool with_exec = ExchangeWith(f, true);
    if (with_exec) last_exec = v.time(i), last_exec_at = i;
    if (v.time(i) <= from) continue;
    ++recent;
    exec_exchanges += with_exec;
    const bool with_other = ExchangeWith(f, false);
    other_exchanges += with_other;
    if (with_other) last_other_at = i;
  }
  if (!execs_known || recent < in.Get("level_gap", "min_events")) return;
  Signal s;
  s.signal = "level_gap";
  if (last_exec <= from) {
    const int64_t since = last_exec != 0 ? last_exec : v.time(0);
    const int64_t gap_days = (v.as_of() - since) / kMicrosPerDay;
    s.score = std::min(1.0, static_cast<double>(gap_days) / (2 * days));
    s.reason = last_exec != 0
                   ? fmt::format("Nobody on our side has exchanged a word with their executives for {} days.", gap_days)
                   : fmt::format("Nobody on our side has ever exchanged a word with their executives ({} days of record).", gap_days);
    s.evidence.push_back(last_exec != 0 ? EvidenceAt(v, last_exec_at, "the last exchange with their executives")
                                        : EvidenceAt(v, exec_seen_at, "their executive, in the record"));
    if (other_exchanges > 0) s.evidence.push_back(EvidenceAt(v, last_other_at, "the latest exchange, with others of theirs"));
  } else if (other_exchanges == 0 && exec_exchanges >= 3) {
    s.score = 0.5;
    s.reason = fmt::format("In the last {} days we spoke with their executives only ({} exchanges), never with "
                           "their managers or users.", static_cast<int>(days), exec_exchanges);
    s.evidence.push_back(EvidenceAt(v, last_exec_at, "an exchange with their executives"));
  } else {
    return;
  }
  if (!their_execs.empty()) s.contact = ContactText(v.index(), *their_execs.begin());
  out->push_back(std::move(s));
}

}  // namespace nanni
