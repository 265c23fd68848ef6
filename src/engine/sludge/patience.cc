#include "engine/sludge/patience.h"

#include <algorithm>
#include <map>

namespace nanni {

namespace {

// (wait, served count, abandoned count) for every wait either histogram holds, ascending.
struct WaitCount {
  int64_t wait_s = 0;
  uint64_t served = 0, abandoned = 0;
};

std::vector<WaitCount> Waits(const SecondsHistogram& served, const SecondsHistogram& abandoned) {
  std::vector<WaitCount> out;
  for (size_t s = 0; s < static_cast<size_t>(SecondsHistogram::kDense); ++s) {
    const uint64_t a = s < served.dense().size() ? served.dense()[s] : 0;
    const uint64_t b = s < abandoned.dense().size() ? abandoned.dense()[s] : 0;
    if (a + b > 0) out.push_back({static_cast<int64_t>(s), a, b});
  }
  std::map<int64_t, WaitCount> large;
  for (int64_t v : served.large()) ++large[v].served;
  for (int64_t v : abandoned.large()) ++large[v].abandoned;
  for (auto& [v, c] : large) out.push_back({v, c.served, c.abandoned});
  return out;
}

std::vector<HazardBin> Hazard(const std::vector<WaitCount>& waits, int64_t bin_s, int64_t to_s) {
  std::vector<HazardBin> bins;
  if (bin_s <= 0) return bins;
  for (int64_t from = 0; from < to_s; from += bin_s) {
    HazardBin b;
    b.from_s = from;
    b.to_s = std::min(from + bin_s, to_s);
    double seconds = 0;
    for (const WaitCount& w : waits) {
      const double n = static_cast<double>(w.served + w.abandoned);
      seconds += n * static_cast<double>(std::clamp<int64_t>(w.wait_s - b.from_s, 0, b.to_s - b.from_s));
      // A hang-up at exactly from_s ended the previous bin's wait: it belongs to that bin.
      if (w.wait_s > b.from_s && w.wait_s <= b.to_s) b.hung_up += w.abandoned;
    }
    b.at_risk_minutes = seconds / 60;
    b.per_minute = b.at_risk_minutes > 0 ? static_cast<double>(b.hung_up) / b.at_risk_minutes : 0;
    bins.push_back(b);
  }
  return bins;
}

}  // namespace

Patience EstimatePatience(const SecondsHistogram& served, const SecondsHistogram& abandoned,
                          int64_t bin_s, int64_t to_s) {
  Patience p;
  p.calls = served.count() + abandoned.count();
  p.hung_up = abandoned.count();
  const std::vector<WaitCount> waits = Waits(served, abandoned);
  uint64_t at_risk = p.calls;
  double survival = 1;
  for (const WaitCount& w : waits) {
    if (w.abandoned > 0) {
      survival *= 1 - static_cast<double>(w.abandoned) / static_cast<double>(at_risk);
      p.curve.push_back({w.wait_s, at_risk, w.abandoned, survival});
      if (!p.median_s && survival <= 0.5) p.median_s = w.wait_s;
    }
    at_risk -= w.served + w.abandoned;
  }
  p.hazard = Hazard(waits, bin_s, to_s);
  return p;
}

}  // namespace nanni
