#include "engine/sludge/promise_tally.h"

#include "engine/contact_text.h"

namespace nanni {

namespace {

constexpr uint8_t kOursOwner = 1;
enum OutcomeStatus : uint8_t { kKept = 1, kBroken = 2, kWithdrawn = 3 };

void Count(PromiseGroup* g, std::string_view status, bool warned, int64_t late_s) {
  PromiseStats& s = g->stats;
  ++s.promised;
  if (status == "kept") ++s.kept_on_time;
  if (status == "kept_late") ++s.kept_late;
  if (status == "broken") ++s.broken;
  if (status == "withdrawn") ++s.withdrawn;
  if (status == "overdue") ++s.overdue;
  if (status == "open") ++s.open;
  if (status == "kept_late" || status == "broken" || status == "overdue") {
    ++s.missed;
    s.missed_warned += warned;
    s.late_s += late_s;
    g->late.Add(late_s);
  }
}

// The status of the commitment at `i` and, when settled, the position of its outcome.
std::string_view StatusOf(const AccountView& view, size_t i, int64_t due) {
  const uint32_t o = view.LastOutcome(i);
  if (o == AccountView::kNone) return due < view.as_of() ? "overdue" : "open";
  const PromiseFact* outcome = view.Promise(o);
  const uint8_t status = outcome == nullptr ? 0 : outcome->status;
  if (status == kWithdrawn) return "withdrawn";
  if (status == kBroken) return "broken";
  return view.time(o) <= due ? "kept" : "kept_late";
}

}  // namespace

void PromiseGroup::Merge(PromiseGroup&& o) {
  PromiseStats& s = stats;
  s.promised += o.stats.promised;
  s.kept_on_time += o.stats.kept_on_time;
  s.kept_late += o.stats.kept_late;
  s.broken += o.stats.broken;
  s.withdrawn += o.stats.withdrawn;
  s.overdue += o.stats.overdue;
  s.open += o.stats.open;
  s.missed += o.stats.missed;
  s.missed_warned += o.stats.missed_warned;
  s.late_s += o.stats.late_s;
  late.Merge(o.late);
}

PromiseStats PromiseGroup::Finish(std::string who) {
  PromiseStats s = stats;
  s.who = std::move(who);
  if (late.count() > 0) s.late_median_s = late.Quantile(0.5);
  return s;
}

void PromiseTally::Add(const AccountView& view, uint32_t account, PersonIds* people) {
  // The first update of ours on each commitment, by its position.
  std::unordered_map<uint32_t, int64_t> first_update;
  for (size_t i = 0; i < view.size(); ++i) {
    const Fact& f = view.fact(i);
    if (!Is(f, EventKind::kStatusUpdate) || !Ours(f)) continue;
    const uint32_t target = view.Position(f.ref);
    if (target == AccountView::kNone) continue;
    auto [it, fresh] = first_update.emplace(target, f.time_utc_micros);
    if (!fresh) it->second = std::min(it->second, f.time_utc_micros);
  }
  for (size_t i = 0; i < view.size(); ++i) {
    const Fact& f = view.fact(i);
    const PromiseFact* p = Is(f, EventKind::kCommitment) ? view.Promise(i) : nullptr;
    if (p == nullptr || p->owner != kOursOwner) continue;
    const int64_t due = p->due_utc_micros;
    const std::string_view status = StatusOf(view, i, due);
    const uint32_t o = view.LastOutcome(i);
    const int64_t settled = status == "overdue" ? view.as_of() : o == AccountView::kNone ? 0 : view.time(o);
    auto update = first_update.find(static_cast<uint32_t>(i));
    const bool told_before = update != first_update.end() && update->second < due;
    const bool settled_before = o != AccountView::kNone && view.time(o) < due;
    const bool warned = told_before || (status == "broken" && settled_before);
    const int64_t late_s = settled > due ? (settled - due) / kMicrosPerSecond : 0;
    Count(&total, status, warned, late_s);
    const uint32_t promiser = people->Of(f.from);
    Count(&by_person[promiser], status, warned, late_s);
    Count(&by_account[account], status, warned, late_s);
    Count(&by_team[f.from_level], status, warned, late_s);
    if (status != "kept_late" && status != "broken" && status != "overdue") continue;
    PromiseCase c;
    c.account = std::string(view.index().str(account));
    c.promiser = ContactText(view.index(), promiser);
    c.seq = view.seq(i);
    c.due = Timestamp{due, f.offset_minutes};
    if (status != "overdue") c.settled = Timestamp{settled, view.fact(o).offset_minutes};
    c.status = std::string(status);
    c.warned = warned;
    missed.push_back(std::move(c));
  }
}

void PromiseTally::Merge(PromiseTally&& o) {
  total.Merge(std::move(o.total));
  for (auto& [id, g] : o.by_person) by_person[id].Merge(std::move(g));
  for (auto& [id, g] : o.by_account) by_account[id].Merge(std::move(g));
  for (auto& [id, g] : o.by_team) by_team[id].Merge(std::move(g));
  missed.insert(missed.end(), std::make_move_iterator(o.missed.begin()), std::make_move_iterator(o.missed.end()));
}

}  // namespace nanni
