// Signals from what the customer asks for: quick_wins (their open demands, asked again and
// again, by several people: the two that matter most named) and discount_badgering (discount
// requests, how often and their trend).
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "engine/signals/signal_input.h"

namespace nanni {

namespace {

// The request a thread of replies starts from: follows reply_to (and a message's ref) back,
// at most 64 steps; kNone when the chain does not reach a request.
uint32_t RootRequest(const AccountView& v, size_t i) {
  uint32_t at = static_cast<uint32_t>(i);
  uint32_t root = AccountView::kNone;
  for (int step = 0; step < 64 && at != AccountView::kNone; ++step) {
    const Fact& f = v.fact(at);
    if (Is(f, EventKind::kRequest)) root = at;
    const uint32_t next = v.Position(f.reply_to != 0 ? f.reply_to : f.ref);
    if (next == AccountView::kNone || next >= at) break;
    at = next;
  }
  return root;
}

double LevelWeight(uint8_t level) {
  switch (static_cast<Level>(level)) {
    case Level::kExecutive: return 3;
    case Level::kManager: return 2;
    default: return 1;
  }
}

// A message of theirs that answers one of ours warmly and asks nothing (tone: polite, not
// demanding): thanks for an answer.
bool Thanks(const AccountView& v, size_t i) {
  const Fact& f = v.fact(i);
  const uint32_t to = v.Position(f.reply_to);
  if (!Is(f, EventKind::kMessage) || to == AccountView::kNone) return false;
  if (!Ours(v.fact(to))) return false;
  const uint32_t r = v.index().tone_row(v.seq(i));
  if (r == IndexSnapshot::kNoRecord) return false;
  const ToneFact& t = v.index().tone()[r];
  return t.politeness >= 0.6 && t.demanding < 0.5;
}

struct DemandThread {
  size_t asks = 0;
  std::set<uint32_t> askers;
  double weight = 1;          // the most senior asker's
  int64_t first = 0, last = 0;
  int64_t last_ours = 0;      // the last event of ours in the thread
  std::vector<size_t> at;     // the asks
};

void QuickWins(const SignalInput& in, std::vector<Signal>* out) {
  const AccountView& v = in.view;
  std::map<uint32_t, DemandThread> threads;  // by root request position
  for (size_t i = 0; i < v.size(); ++i) {
    const Fact& f = v.fact(i);
    const bool ask = (Is(f, EventKind::kRequest) || Is(f, EventKind::kMessage)) && Theirs(f);
    const bool ours = Ours(f);
    if (!ask && !ours) continue;
    const uint32_t root = RootRequest(v, i);
    if (root == AccountView::kNone || (!ask && threads.count(root) == 0)) continue;
    if (Ours(v.fact(root))) continue;
    DemandThread& d = threads[root];
    if (ours) {
      d.last_ours = v.time(i);
      continue;
    }
    if (Thanks(v, i)) continue;  // closing the thread, not asking again
    ++d.asks;
    if (f.from != 0) d.askers.insert(f.from);
    d.weight = std::max(d.weight, LevelWeight(f.from_level));
    d.first = d.first == 0 ? v.time(i) : d.first;
    d.last = v.time(i);
    d.at.push_back(i);
  }
  const int64_t from = in.WindowStart("quick_wins");
  std::vector<std::pair<double, uint32_t>> open;
  for (const auto& [root, d] : threads) {
    if (d.last <= from || d.last_ours > d.last) continue;  // quiet, or answered since
    if (d.asks < in.Get("quick_wins", "min_asks") || d.askers.size() < in.Get("quick_wins", "min_askers")) continue;
    const double age_days = static_cast<double>(v.as_of() - d.first) / kMicrosPerDay;
    open.emplace_back(static_cast<double>(d.asks) * static_cast<double>(d.askers.size()) * d.weight * (1 + age_days / 30), root);
  }
  if (open.empty()) return;
  std::sort(open.rbegin(), open.rend());
  Signal s;
  s.signal = "quick_wins";
  s.score = std::min(1.0, 0.4 + 0.2 * static_cast<double>(open.size()));
  for (size_t k = 0; k < std::min<size_t>(5, open.size()); ++k) {
    const DemandThread& d = threads[open[k].second];
    OpenDemand demand;
    demand.seq = v.seq(open[k].second);
    demand.asks = d.asks;
    demand.askers = d.askers.size();
    demand.first_asked = Timestamp{d.first, v.fact(d.at.front()).offset_minutes};
    demand.last_asked = Timestamp{d.last, v.fact(d.at.back()).offset_minutes};
    demand.score = open[k].first;
    s.demands.push_back(demand);
    if (k < 2) {
      for (size_t i : d.at) s.evidence.push_back(EvidenceAt(v, i, fmt::format("asked again (demand {})", k + 1)));
      if (s.contact.empty()) s.contact = ContactText(v.index(), v.fact(d.at.back()).from);
    }
  }
  s.reason = fmt::format("{} demand{} of theirs still open after being asked again and again; the top one asked {} "
                         "times by {} people.", open.size(), open.size() == 1 ? " is" : "s are", s.demands[0].asks,
                         s.demands[0].askers);
  KeepRecent(&s.evidence);
  out->push_back(std::move(s));
}

void DiscountBadgering(const SignalInput& in, std::vector<Signal>* out) {
  const AccountView& v = in.view;
  const int64_t from = in.WindowStart("discount_badgering");
  const int64_t middle = from + (v.as_of() - from) / 2;
  size_t events = 0, first_half = 0, second_half = 0;
  std::map<uint32_t, size_t> by_contact;
  Signal s;
  for (size_t i = 0; i < v.size(); ++i) {
    if (v.time(i) <= from) continue;
    ++events;
    if (!Is(v.fact(i), EventKind::kDiscountRequest)) continue;
    ++(v.time(i) <= middle ? first_half : second_half);
    ++by_contact[v.fact(i).from];
    s.evidence.push_back(EvidenceAt(v, i, "a discount, credit or freebie asked for"));
  }
  const size_t requests = first_half + second_half;
  if (requests < in.Get("discount_badgering", "min_requests") ||
      100.0 * static_cast<double>(requests) / static_cast<double>(events) < in.Get("discount_badgering", "min_per_100")) {
    return;
  }
  auto top = std::max_element(by_contact.begin(), by_contact.end(),
                              [](const auto& a, const auto& b) { return a.second < b.second; });
  s.signal = "discount_badgering";
  s.contact = top->first != 0 ? ContactText(v.index(), top->first) : "";
  s.score = std::min(1.0, static_cast<double>(requests) / (3 * in.Get("discount_badgering", "min_requests")));
  const char* trend = second_half > first_half * 3 / 2 ? "rising" : second_half * 3 / 2 < first_half ? "falling" : "steady";
  s.reason = fmt::format("{} discount requests in the last {} days ({} per 100 events), {}: {} in the first half, {} in "
                         "the second{}.", requests, static_cast<int>(in.Get("discount_badgering", "window_days")),
                         static_cast<int>(100.0 * static_cast<double>(requests) / static_cast<double>(events) + 0.5), trend,
                         first_half, second_half,
                         s.contact.empty() ? "" : fmt::format("; {} asked {} of them", s.contact, top->second));
  KeepRecent(&s.evidence);
  out->push_back(std::move(s));
}

}  // namespace

void DetectDemandSignals(const SignalInput& in, std::vector<Signal>* out) {
  QuickWins(in, out);
  DiscountBadgering(in, out);
}

}  // namespace nanni
