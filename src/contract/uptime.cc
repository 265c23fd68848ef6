#include "contract/uptime.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "contract/money_math.h"
#include "contract/rules.h"

namespace nanni {

namespace {

struct Span {
  int64_t begin = 0, end = 0;
};

// One incident: its start and end (the moment, when still open) and what the terms ask of it.
struct Outage {
  Span span;
  bool counted = true;   // its severity counts as downtime
  bool excluded = false; // announced maintenance, excluded by the terms
  std::vector<std::string> events;
};

std::vector<Outage> Outages(const ContractInput& in) {
  const UptimeTerms& u = in.terms.uptime;
  std::map<std::string, Outage> by_key;
  for (const CaseEvent& c : in.events) {
    const Event& e = c.event;
    if (e.kind != EventKind::kIncident || e.time.utc_micros > in.as_of_utc_micros) continue;
    const std::string* key = e.StringAttr("incident");
    const std::string* phase = e.StringAttr("phase");
    if (key == nullptr || phase == nullptr) continue;
    auto [it, added] = by_key.try_emplace(*key);
    Outage& o = it->second;
    if (added) o.span = Span{INT64_MIN, INT64_MIN};
    o.events.push_back(StoredId(c));
    if (*phase == "start") {
      if (o.span.begin == INT64_MIN || e.time.utc_micros < o.span.begin) o.span.begin = e.time.utc_micros;
    } else if (o.span.end == INT64_MIN || e.time.utc_micros > o.span.end) {
      o.span.end = e.time.utc_micros;
    }
    if (const std::string* s = e.StringAttr("severity"); s && !u.severities.empty()) {
      o.counted = std::binary_search(u.severities.begin(), u.severities.end(), *s);
    }
    if (const std::string* p = e.StringAttr("planned"); p && *p == "announced") o.excluded = u.exclude_announced_maintenance;
  }
  std::vector<Outage> out;
  for (auto& [key, o] : by_key) {
    if (o.span.begin == INT64_MIN) continue;  // an end without its start proves no downtime
    if (o.span.end == INT64_MIN || o.span.end < o.span.begin) o.span.end = in.as_of_utc_micros;
    out.push_back(std::move(o));
  }
  return out;
}

std::vector<Span> Union(std::vector<Span> spans) {
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
  std::vector<Span> out;
  for (const Span& s : spans) {
    if (s.end <= s.begin) continue;
    if (!out.empty() && s.begin <= out.back().end) {
      out.back().end = std::max(out.back().end, s.end);
    } else {
      out.push_back(s);
    }
  }
  return out;
}

// `a` less `b` (both unions).
std::vector<Span> Minus(const std::vector<Span>& a, const std::vector<Span>& b) {
  std::vector<Span> out;
  for (Span s : a) {
    for (const Span& x : b) {
      if (x.end <= s.begin || x.begin >= s.end) continue;
      if (x.begin > s.begin) out.push_back(Span{s.begin, x.begin});
      s.begin = std::max(s.begin, x.end);
      if (s.begin >= s.end) break;
    }
    if (s.begin < s.end) out.push_back(s);
  }
  return out;
}

// The counted incidents (not excluded maintenance), merged where they overlap or touch.
std::vector<Span> CountedRuns(const std::vector<Outage>& outages) {
  std::vector<Span> counted;
  for (const Outage& o : outages) {
    if (o.counted && !o.excluded) counted.push_back(o.span);
  }
  return Union(std::move(counted));
}

// The downtime runs: counted incidents merged, less excluded maintenance, each run at least
// the minimum period (shorter ones are not counted).
std::vector<Span> Downtime(const std::vector<Outage>& outages, int64_t minimum_s) {
  std::vector<Span> excluded;
  for (const Outage& o : outages) {
    if (o.excluded) excluded.push_back(o.span);
  }
  std::vector<Span> runs = Minus(CountedRuns(outages), Union(std::move(excluded)));
  std::erase_if(runs, [&](const Span& s) { return s.end - s.begin < minimum_s * kMicrosPerSecond; });
  return runs;
}

int64_t Overlap(const std::vector<Span>& runs, int64_t begin, int64_t end) {
  int64_t total = 0;
  for (const Span& s : runs) total += std::max<int64_t>(0, std::min(s.end, end) - std::max(s.begin, begin));
  return total;
}

class MonthlyCredits {
 public:
  MonthlyCredits(const ContractInput& in, std::vector<Outage> outages)
      : in_(in),
        u_(in.terms.uptime),
        outages_(std::move(outages)),
        merged_(CountedRuns(outages_)),
        runs_(Downtime(outages_, u_.minimum_period_s)) {}

  // Every month from the rolling window's start to the period's end; findings for those in the period.
  void Run(std::vector<Finding>* out) {
    const int64_t term_begin = in_.terms.starts.utc_micros;
    // Under a rolling cap each month's credit depends on every month before it: walk from the
    // term's start, so the figure does not depend on the period asked.
    const int64_t first = u_.rolling_cap > 0 ? term_begin : std::max(term_begin, in_.from_utc_micros);
    // The segment these terms govern ends at in_.to (a later contract's start, the term's end,
    // the period's end or the moment): no second of it is counted under two contracts.
    const int64_t end_of_all = in_.to_utc_micros;
    std::vector<int64_t> credits;  // of the months walked, in order
    for (const Month& m : MonthsBetween(in_.clock, first, end_of_all)) {
      const int64_t begin = std::max(m.begin_utc_micros, term_begin), end = std::min(m.end_utc_micros, end_of_all);
      Finding f = Month1(m, begin, end, credits);
      credits.push_back(f.amount_minor);
      if (m.end_utc_micros > in_.from_utc_micros) out->push_back(std::move(f));
    }
  }

 private:
  Finding Month1(const Month& m, int64_t begin, int64_t end, const std::vector<int64_t>& earlier) const {
    Finding f;
    f.rule = std::string(rules::kUptimeCredit);
    f.month = f.subject = m.label;
    f.ours = true;
    const int64_t total_s = (end - begin) / kMicrosPerSecond;
    const int64_t down_s = Overlap(runs_, begin, end) / kMicrosPerSecond;
    f.steps.push_back(fmt::format("{} has {} s under the commitment; downtime {} s ({}) from {} counted incident(s)", m.label,
                                  total_s, down_s, ExactDuration(down_s), Cite(begin, end, &f)));
    if (u_.minimum_period_s > 0) f.steps.push_back(fmt::format("runs shorter than {} are not counted", ExactDuration(u_.minimum_period_s)));
    // uptime < below  <=>  (total - down) * 10^6 < below * total
    const UptimeTier* tier = nullptr;
    for (const UptimeTier& t : u_.tiers) {
      if (static_cast<__int128>(total_s - down_s) * kWhole < static_cast<__int128>(t.below) * total_s) tier = &t;
    }
    const int64_t uptime_e6 = total_s > 0 ? MulDivRound(total_s - down_s, 100 * kWhole, total_s) : 100 * kWhole;
    f.steps.push_back(fmt::format("uptime {}.{:06} %", uptime_e6 / kWhole, uptime_e6 % kWhole));
    if (tier == nullptr) {
      f.steps.push_back(fmt::format("not below {} %: no credit", PercentText(u_.tiers.front().below)));
      return f;
    }
    f.breach = true;
    int64_t credit = MulDivRound(u_.monthly_charge_minor, tier->credit, kWhole);
    f.steps.push_back(fmt::format("below {} %: credit {} % of the monthly charge {} = {}", PercentText(tier->below),
                                  PercentText(tier->credit), u_.monthly_charge_minor, credit));
    if (u_.monthly_cap > 0) {
      const int64_t cap = MulDivRound(u_.monthly_charge_minor, u_.monthly_cap, kWhole);
      if (credit > cap) f.steps.push_back(fmt::format("capped at {} % of the monthly charge: {}", PercentText(u_.monthly_cap), cap));
      credit = std::min(credit, cap);
    }
    if (u_.rolling_cap > 0) credit = RollingCap(credit, earlier, &f);
    f.amount_minor = credit;
    return f;
  }

  int64_t RollingCap(int64_t credit, const std::vector<int64_t>& earlier, Finding* f) const {
    int64_t before = 0;
    const size_t n = std::min<size_t>(earlier.size(), 11);
    for (size_t i = earlier.size() - n; i < earlier.size(); ++i) before = SaturatingAdd(before, earlier[i]);
    const int64_t cap = MulMulDivRound(u_.monthly_charge_minor, 12, u_.rolling_cap, kWhole);  // in 128 bits
    const int64_t room = std::max<int64_t>(0, cap - before);
    f->steps.push_back(fmt::format("rolling cap {} % of twelve months' charges = {}; credited in the {} month(s) before: {}; room {}",
                                   PercentText(u_.rolling_cap), cap, n, before, room));
    return std::min(credit, room);
  }

  // Cites every incident that overlaps [begin, end) (the excluded too: they shape the
  // downtime), every incident merged with those into one run however far outside the month
  // it lies (the run's length decides whether it reaches the minimum period), and, under a
  // rolling cap, every one since the term began (the cap's history); returns how many count
  // in [begin, end).
  size_t Cite(int64_t begin, int64_t end, Finding* f) const {
    int64_t from = u_.rolling_cap > 0 ? in_.terms.starts.utc_micros : begin, to = end;
    for (const Span& run : merged_) {
      if (run.end < from || run.begin >= to) continue;
      from = std::min(from, run.begin);
      to = std::max(to, run.end);
    }
    size_t counted = 0;
    for (const Outage& o : outages_) {
      if (o.span.end < from || o.span.begin >= to) continue;
      f->events.insert(f->events.end(), o.events.begin(), o.events.end());
      if (o.span.end > begin && o.counted && !o.excluded) ++counted;
    }
    return counted;
  }

  const ContractInput& in_;
  const UptimeTerms& u_;
  std::vector<Outage> outages_;
  std::vector<Span> merged_;  // the counted incidents merged, before exclusions and the minimum
  std::vector<Span> runs_;
};

}  // namespace

void CheckUptime(const ContractInput& in, std::vector<Finding>* out) {
  if (!in.terms.uptime.present) return;
  MonthlyCredits(in, Outages(in)).Run(out);
}

}  // namespace nanni
