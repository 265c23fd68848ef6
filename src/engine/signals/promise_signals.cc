// Signals from dated promises (commitments, deadlines and their outcomes): stalled_deal (a
// stakeholder of theirs missing small commitments while a deal or renewal is open),
// broken_promises (ours, and whether we warned them before the date) and impossible_deadline
// (a deadline shorter than our usual time for that work).
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "engine/signals/signal_input.h"

namespace nanni {

namespace {

constexpr int64_t kBusinessDay = 8 * 3600;  // seconds, for the wording only

// 1 kept, 2 broken, 3 withdrawn; 0 while open.
uint8_t OutcomeOf(const AccountView& v, size_t i) {
  const uint32_t o = v.LastOutcome(i);
  if (o == AccountView::kNone) return 0;
  const PromiseFact* p = v.Promise(o);
  return p == nullptr ? 0 : p->status;
}

// The contract that makes a deal open at the moment: one in force that ends within
// `renewal_days`, or the latest one, ended within them with none after it.
const ContractFact* OpenDeal(const AccountView& v, double renewal_days, size_t* at) {
  const ContractFact* latest = nullptr;
  for (size_t i = 0; i < v.size(); ++i) {
    if (!Is(v.fact(i), EventKind::kContract)) continue;
    const uint32_t r = v.index().side_row(v.seq(i));
    if (r == IndexSnapshot::kNoRecord) continue;
    const ContractFact& c = v.index().contracts()[r];
    if (latest == nullptr || c.ends_utc_micros >= latest->ends_utc_micros) latest = &c, *at = i;
  }
  if (latest == nullptr || latest->ends_utc_micros == 0) return nullptr;
  const int64_t window = static_cast<int64_t>(renewal_days) * kMicrosPerDay;
  const bool open = latest->ends_utc_micros > v.as_of() - window && latest->ends_utc_micros <= v.as_of() + window;
  return open ? latest : nullptr;
}

void StalledDeal(const SignalInput& in, std::vector<Signal>* out) {
  const AccountView& v = in.view;
  size_t contract_at = 0;
  const ContractFact* deal = OpenDeal(v, in.Get("stalled_deal", "renewal_days"), &contract_at);
  if (deal == nullptr) return;
  struct Missed {
    size_t settled = 0, missed = 0;
    std::vector<size_t> at;
  };
  std::map<uint32_t, Missed> by_contact;
  const int64_t from = in.WindowStart("stalled_deal");
  for (size_t i = 0; i < v.size(); ++i) {
    const Fact& f = v.fact(i);
    const PromiseFact* p = Is(f, EventKind::kCommitment) ? v.Promise(i) : nullptr;
    if (p == nullptr || p->owner != 2 || f.from == 0 || p->due_utc_micros <= from || p->due_utc_micros > v.as_of()) continue;
    const uint8_t outcome = OutcomeOf(v, i);
    Missed& m = by_contact[f.from];
    ++m.settled;
    if (outcome == 2 || outcome == 0) ++m.missed, m.at.push_back(i);  // broken, or past due with no word
  }
  const uint32_t* who = nullptr;
  double share = 0;
  for (const auto& [contact, m] : by_contact) {
    const double s = static_cast<double>(m.missed) / static_cast<double>(m.settled);
    if (m.missed < in.Get("stalled_deal", "min_broken") || s < in.Get("stalled_deal", "min_share")) continue;
    if (who == nullptr || m.missed > by_contact[*who].missed) who = &contact, share = s;
  }
  if (who == nullptr) return;
  const Missed& m = by_contact[*who];
  Signal s;
  s.signal = "stalled_deal";
  s.score = share;
  s.contact = ContactText(v.index(), *who);
  const int64_t days = (deal->ends_utc_micros - v.as_of()) / kMicrosPerDay;
  s.reason = fmt::format("{} missed {} of the {} commitments of theirs due in the last {} days, while the contract {} {}.",
                         s.contact, m.missed, m.settled, static_cast<int>(in.Get("stalled_deal", "window_days")),
                         days >= 0 ? "ends in" : "ended", days >= 0 ? fmt::format("{} days", days) : fmt::format("{} days ago with no renewal", -days));
  for (size_t i : m.at) s.evidence.push_back(EvidenceAt(v, i, "a commitment of theirs missed"));
  KeepRecent(&s.evidence, 11);
  s.evidence.push_back(EvidenceAt(v, contract_at, "the contract up for renewal"));
  out->push_back(std::move(s));
}

void BrokenPromises(const SignalInput& in, std::vector<Signal>* out) {
  const AccountView& v = in.view;
  const int64_t from = in.WindowStart("broken_promises");
  // When each commitment was last updated before its due date: an update that warns.
  std::vector<int64_t> warned_at(v.size(), 0);
  for (size_t i = 0; i < v.size(); ++i) {
    if (!Is(v.fact(i), EventKind::kStatusUpdate)) continue;
    const uint32_t t = v.Position(v.fact(i).ref);
    if (t != AccountView::kNone) warned_at[t] = v.time(i);
  }
  size_t settled = 0, broken = 0, warned = 0;
  for (size_t i = 0; i < v.size(); ++i) {
    const PromiseFact* p = Is(v.fact(i), EventKind::kCommitment) ? v.Promise(i) : nullptr;
    const uint8_t outcome = p != nullptr && p->owner == 1 ? OutcomeOf(v, i) : 0;
    if (outcome == 0 || v.time(v.LastOutcome(i)) <= from) continue;
    ++settled;
    if (outcome != 2) continue;
    ++broken;
    warned += warned_at[i] != 0 && warned_at[i] < p->due_utc_micros;
  }
  if (broken < in.Get("broken_promises", "min_broken") ||
      static_cast<double>(broken) < in.Get("broken_promises", "min_share") * static_cast<double>(settled)) {
    return;
  }
  Signal s;
  s.signal = "broken_promises";
  const double share = static_cast<double>(broken) / static_cast<double>(settled);
  s.score = std::clamp(share * (1.0 - 0.5 * static_cast<double>(warned) / static_cast<double>(broken)) + 0.25, 0.0, 1.0);
  s.reason = fmt::format("We broke {} of the {} promises of ours settled in the last {} days, and warned them before "
                         "the date {} of those {} times.", broken, settled,
                         static_cast<int>(in.Get("broken_promises", "window_days")), warned, broken);
  for (size_t i = 0; i < v.size(); ++i) {
    const PromiseFact* p = Is(v.fact(i), EventKind::kCommitment) ? v.Promise(i) : nullptr;
    if (p == nullptr || p->owner != 1 || OutcomeOf(v, i) != 2 || v.time(v.LastOutcome(i)) <= from) continue;
    const bool warning = warned_at[i] != 0 && warned_at[i] < p->due_utc_micros;
    s.evidence.push_back(EvidenceAt(v, i, warning ? "a promise of ours broken, after a warning" : "a promise of ours broken without a warning"));
  }
  KeepRecent(&s.evidence);
  out->push_back(std::move(s));
}

void ImpossibleDeadline(const SignalInput& in, std::vector<Signal>* out) {
  const AccountView& v = in.view;
  const int64_t from = in.WindowStart("impossible_deadline");
  const double ratio = in.Get("impossible_deadline", "ratio");
  const size_t min_history = static_cast<size_t>(in.Get("impossible_deadline", "min_history"));
  Signal s;
  double worst = 0;
  for (size_t i = 0; i < v.size(); ++i) {
    const PromiseFact* p = Is(v.fact(i), EventKind::kDeadline) ? v.Promise(i) : nullptr;
    if (p == nullptr || v.time(i) <= from || p->due_utc_micros <= v.time(i)) continue;
    auto count = in.norms.count_by_what.find(p->what);
    const bool by_what = p->what != 0 && count != in.norms.count_by_what.end() && count->second >= min_history;
    const int64_t usual = by_what ? in.norms.median_by_what.at(p->what) : in.norms.median_all;
    if ((!by_what && in.norms.count_all < min_history) || usual <= 0) continue;
    const int64_t lead = in.clock.BusinessSeconds(v.time(i), p->due_utc_micros);
    if (static_cast<double>(lead) >= ratio * static_cast<double>(usual)) continue;
    worst = std::max(worst, 1.0 - static_cast<double>(lead) / static_cast<double>(usual));
    s.evidence.push_back(EvidenceAt(v, i, fmt::format("due in {:.1f} business days; such work takes us {:.1f} (median{})",
                                                      static_cast<double>(lead) / kBusinessDay,
                                                      static_cast<double>(usual) / kBusinessDay,
                                                      by_what ? "" : ", all deadlines")));
    if (s.contact.empty() && v.fact(i).from != 0) s.contact = ContactText(v.index(), v.fact(i).from);
  }
  if (s.evidence.empty()) return;
  s.signal = "impossible_deadline";
  s.score = worst;
  s.reason = fmt::format("{} deadline{} set in the last {} days allow{} less than {:.0f}% of the time such work usually takes us.",
                         s.evidence.size(), s.evidence.size() == 1 ? "" : "s",
                         static_cast<int>(in.Get("impossible_deadline", "window_days")), s.evidence.size() == 1 ? "s" : "", 100 * ratio);
  KeepRecent(&s.evidence);
  out->push_back(std::move(s));
}

}  // namespace

void DetectPromiseSignals(const SignalInput& in, std::vector<Signal>* out) {
  StalledDeal(in, out);
  BrokenPromises(in, out);
  ImpossibleDeadline(in, out);
}

}  // namespace nanni
