#include "engine/sludge/cut_short.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace nanni {

namespace {

double Get(const SignalSettings& s, std::string_view part, std::string_view key) { return s.Get(part, key); }

// log10 of P(X >= k) for X ~ Binomial(n, p), summed in log space.
double Log10BinomialTail(uint64_t n, uint64_t k, double p) {
  if (k == 0) return 0;
  if (p <= 0) return -INFINITY;
  if (p >= 1) return 0;
  const double lp = std::log(p), lq = std::log1p(-p);
  auto term = [&](uint64_t i) {
    const double dn = static_cast<double>(n), di = static_cast<double>(i);
    return std::lgamma(dn + 1) - std::lgamma(di + 1) - std::lgamma(dn - di + 1) + di * lp + (dn - di) * lq;
  };
  const double first = term(k);
  double sum = 0;
  for (uint64_t i = k; i <= n; ++i) {
    const double t = term(i) - first;
    sum += std::exp(t);
    if (t < -50) break;  // the terms only shrink past the mode; k is past it here
  }
  return (first + std::log(sum)) / std::log(10.0);
}

// Least squares fit of a polynomial of `order` to (x, y); returns the coefficients, lowest first
// (empty when the system is singular).
std::vector<double> FitPolynomial(const std::vector<double>& x, const std::vector<double>& y, int order) {
  const size_t m = static_cast<size_t>(order) + 1;
  std::vector<std::vector<double>> a(m, std::vector<double>(m + 1, 0));
  for (size_t i = 0; i < x.size(); ++i) {
    std::vector<double> pw(2 * m, 1);
    for (size_t k = 1; k < pw.size(); ++k) pw[k] = pw[k - 1] * x[i];
    for (size_t r = 0; r < m; ++r) {
      for (size_t c = 0; c < m; ++c) a[r][c] += pw[r + c];
      a[r][m] += pw[r] * y[i];
    }
  }
  for (size_t col = 0; col < m; ++col) {  // Gaussian elimination, partial pivoting
    size_t pivot = col;
    for (size_t r = col + 1; r < m; ++r) {
      if (std::fabs(a[r][col]) > std::fabs(a[pivot][col])) pivot = r;
    }
    if (std::fabs(a[pivot][col]) < 1e-12) return {};
    std::swap(a[col], a[pivot]);
    for (size_t r = 0; r < m; ++r) {
      if (r == col) continue;
      const double f = a[r][col] / a[col][col];
      for (size_t c = col; c <= m; ++c) a[r][c] -= f * a[col][c];
    }
  }
  std::vector<double> coef(m);
  for (size_t r = 0; r < m; ++r) coef[r] = a[r][m] / a[r][r];
  return coef;
}

double Evaluate(const std::vector<double>& coef, double x) {
  double v = 0;
  for (size_t k = coef.size(); k-- > 0;) v = v * x + coef[k];
  return v;
}

// The bunching figures at one threshold over binned counts (bin k: [k*bin, (k+1)*bin)).
struct BunchingShape {
  int64_t bin_s = 10, below_s = 60, above_s = 60, fit_s = 300;
  int order = 3;
};

struct Estimate {
  double observed_below = 0, expected_below = 0, observed_above = 0, expected_above = 0;
  int64_t fit_from_s = 0, fit_to_s = 0;
  bool ok = false;
  double Excess() const { return observed_below - expected_below; }
};

Estimate EstimateAt(const std::vector<double>& bins, int64_t threshold, const BunchingShape& s) {
  Estimate e;
  const int64_t lo = std::max<int64_t>(0, threshold - s.below_s - s.fit_s);
  const int64_t hi = std::min<int64_t>(static_cast<int64_t>(bins.size()) * s.bin_s, threshold + s.above_s + s.fit_s);
  const int64_t win_lo = threshold - s.below_s, win_hi = threshold + s.above_s;
  if (win_lo < lo || win_hi > hi) return e;
  const double half = static_cast<double>(hi - lo) / 2, mid = static_cast<double>(lo + hi) / 2;
  auto x_of = [&](int64_t from) { return (static_cast<double>(from) + static_cast<double>(s.bin_s) / 2 - mid) / half; };
  std::vector<double> xs, ys;
  for (int64_t from = lo; from < hi; from += s.bin_s) {
    if (from >= win_lo && from < win_hi) continue;
    xs.push_back(x_of(from));
    ys.push_back(bins[static_cast<size_t>(from / s.bin_s)]);
  }
  if (xs.size() < static_cast<size_t>(s.order) + 3) return e;
  const std::vector<double> coef = FitPolynomial(xs, ys, s.order);
  if (coef.empty()) return e;
  for (int64_t from = win_lo; from < win_hi; from += s.bin_s) {
    const double expected = std::max(0.0, Evaluate(coef, x_of(from)));
    const double observed = bins[static_cast<size_t>(from / s.bin_s)];
    (from < threshold ? e.expected_below : e.expected_above) += expected;
    (from < threshold ? e.observed_below : e.observed_above) += observed;
  }
  e.fit_from_s = lo;
  e.fit_to_s = hi;
  e.ok = true;
  return e;
}

BunchingShape ShapeOf(const SignalSettings& settings) {
  auto get = [&](std::string_view key) { return Get(settings, "handle_time_cut", key); };
  BunchingShape s;
  s.bin_s = std::max<int64_t>(1, static_cast<int64_t>(get("bin_s")));
  s.below_s = std::max<int64_t>(s.bin_s, static_cast<int64_t>(get("window_below_s")) / s.bin_s * s.bin_s);
  s.above_s = std::max<int64_t>(s.bin_s, static_cast<int64_t>(get("window_above_s")) / s.bin_s * s.bin_s);
  s.fit_s = std::max<int64_t>(s.bin_s, static_cast<int64_t>(get("fit_width_s")) / s.bin_s * s.bin_s);
  s.order = std::clamp(static_cast<int>(get("order")), 0, 7);
  return s;
}

// How strong an excess is before the bootstrap: excess calls over the Poisson noise of the
// counterfactual. A threshold above which the calls do not thin out ranks below every one above
// which they do (a pile below a mode is not a target).
double Strength(const Estimate& e) {
  const double z = e.Excess() / std::sqrt(std::max(1.0, e.expected_below));
  return e.observed_above <= e.expected_above ? z : z - 1e9;
}

void Bootstrap(const std::vector<double>& bins, const BunchingShape& shape, const SignalSettings& settings,
               BunchingEvidence* out) {
  const int reps = std::max(0, static_cast<int>(Get(settings, "handle_time_cut", "bootstrap")));
  std::mt19937_64 rng(static_cast<uint64_t>(Get(settings, "handle_time_cut", "seed")));
  // Only the bins the estimate reads are redrawn: those of its fit range.
  const size_t from = static_cast<size_t>(out->fit_from_s / shape.bin_s);
  const size_t to = std::min(bins.size(), static_cast<size_t>(out->fit_to_s / shape.bin_s));
  std::vector<double> excess, resampled(bins.size(), 0);
  for (int r = 0; r < reps; ++r) {
    for (size_t k = from; k < to; ++k) {
      resampled[k] = bins[k] > 0 ? static_cast<double>(std::poisson_distribution<uint64_t>(bins[k])(rng)) : 0;
    }
    const Estimate e = EstimateAt(resampled, out->threshold_s, shape);
    if (e.ok) excess.push_back(e.Excess());
  }
  if (excess.size() < 2) return;
  std::sort(excess.begin(), excess.end());
  auto at = [&](double q) { return excess[static_cast<size_t>(q * static_cast<double>(excess.size() - 1))]; };
  out->ci_low = at(0.025);
  out->ci_high = at(0.975);
  double mean = 0, var = 0;
  for (double v : excess) mean += v;
  mean /= static_cast<double>(excess.size());
  for (double v : excess) var += (v - mean) * (v - mean);
  const double sd = std::sqrt(var / static_cast<double>(excess.size() - 1));
  const double point = out->observed_below - out->expected_below;
  out->z = sd > 0 ? point / sd : (point > 0 ? 1e9 : 0);
}

}  // namespace

std::vector<uint64_t> Rebin(const SecondsHistogram& handle, int64_t bin_s, int64_t to_s) {
  const size_t n = static_cast<size_t>(std::max<int64_t>(1, to_s / std::max<int64_t>(1, bin_s)));
  std::vector<uint64_t> out(n, 0);
  const std::vector<uint32_t>& dense = handle.dense();
  for (size_t s = 0; s < dense.size(); ++s) out[std::min(n - 1, s / static_cast<size_t>(bin_s))] += dense[s];
  out[n - 1] += handle.large().size();
  return out;
}

double ReferenceShortShare(const std::vector<const SecondsHistogram*>& agents, const SignalSettings& settings) {
  const int64_t short_s = static_cast<int64_t>(Get(settings, "short_calls", "short_s"));
  const double min_served = Get(settings, "short_calls", "min_served");
  std::vector<double> shares;
  for (const SecondsHistogram* h : agents) {
    if (static_cast<double>(h->count()) < min_served || h->count() == 0) continue;
    shares.push_back(static_cast<double>(h->CountIn(0, short_s)) / static_cast<double>(h->count()));
  }
  double median = 0;
  if (!shares.empty()) {
    std::sort(shares.begin(), shares.end());
    const size_t n = shares.size();
    median = n % 2 == 1 ? shares[n / 2] : (shares[n / 2 - 1] + shares[n / 2]) / 2;
  }
  return std::max(median, Get(settings, "short_calls", "reference_floor"));
}

std::optional<ShortCallsEvidence> JudgeShortCalls(const SecondsHistogram& handle, double reference,
                                                  const SignalSettings& settings) {
  auto get = [&](std::string_view key) { return Get(settings, "short_calls", key); };
  ShortCallsEvidence e;
  e.served = handle.count();
  e.short_s = static_cast<int64_t>(get("short_s"));
  if (e.served == 0 || static_cast<double>(e.served) < get("min_served")) return std::nullopt;
  e.short_calls = handle.CountIn(0, e.short_s);
  e.share = static_cast<double>(e.short_calls) / static_cast<double>(e.served);
  e.reference_share = reference;
  e.ratio = reference > 0 ? std::min(e.share / reference, 1e6) : 0;
  e.log10_p = Log10BinomialTail(e.served, e.short_calls, reference);
  const bool strong = e.ratio >= get("min_ratio") && e.share - reference >= get("min_excess") &&
                      e.log10_p <= get("max_log10_p");
  if (!strong) return std::nullopt;
  return e;
}

BunchingEvidence ScanBunching(const SecondsHistogram& handle, const SignalSettings& settings) {
  auto get = [&](std::string_view key) { return Get(settings, "handle_time_cut", key); };
  const BunchingShape shape = ShapeOf(settings);
  BunchingEvidence best;
  best.served = handle.count();
  if (static_cast<double>(best.served) < get("min_served") || best.served == 0) return best;
  const int64_t from = static_cast<int64_t>(get("scan_from_s")) / shape.bin_s * shape.bin_s;
  const int64_t to = static_cast<int64_t>(get("scan_to_s"));
  const std::vector<uint64_t> counts = Rebin(handle, shape.bin_s, to + shape.above_s + shape.fit_s + shape.bin_s);
  std::vector<double> bins(counts.begin(), counts.end());
  bins.back() = 0;  // the last bin holds every longer call: not a density
  Estimate chosen;
  double strongest = -INFINITY;
  for (int64_t t = std::max(from, shape.below_s); t <= to; t += shape.bin_s) {
    const Estimate e = EstimateAt(bins, t, shape);
    if (e.ok && Strength(e) > strongest) {
      strongest = Strength(e);
      chosen = e;
      best.threshold_s = t;
    }
  }
  if (!chosen.ok) return best;
  best.bin_s = shape.bin_s;
  best.window_below_s = shape.below_s;
  best.window_above_s = shape.above_s;
  best.fit_from_s = chosen.fit_from_s;
  best.fit_to_s = chosen.fit_to_s;
  best.order = shape.order;
  best.observed_below = chosen.observed_below;
  best.expected_below = chosen.expected_below;
  best.observed_above = chosen.observed_above;
  best.expected_above = chosen.expected_above;
  best.excess = chosen.Excess() / std::max(1.0, chosen.expected_below);
  Bootstrap(bins, shape, settings, &best);
  return best;
}

bool BunchingFlagged(const BunchingEvidence& e, const SignalSettings& settings) {
  auto get = [&](std::string_view key) { return Get(settings, "handle_time_cut", key); };
  if (e.threshold_s == 0 || e.expected_above <= 0) return false;
  const double missing = (e.expected_above - e.observed_above) / e.expected_above;
  return e.excess >= get("min_excess") && missing >= get("min_missing") && e.z >= get("min_z") && e.ci_low > 0;
}

}  // namespace nanni
