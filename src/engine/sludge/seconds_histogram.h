// SecondsHistogram: a count of durations in whole seconds, exact: one counter per second up to
// kDense, and the larger values kept as they are. Quantiles, sums and range counts come out
// exactly as they would from the sorted values, at a fraction of the memory, and two
// histograms merge by adding: how the sludge audit tallies millions of calls on several
// threads. A plain value that owns its counts; the counters are allocated on the first Add.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace nanni {

class SecondsHistogram {
 public:
  static constexpr int64_t kDense = 4096;

  void Add(int64_t seconds) {
    if (seconds < 0) seconds = 0;
    ++count_;
    sum_ += seconds;
    if (seconds >= kDense) {
      large_.push_back(seconds);
      sorted_ = false;
      return;
    }
    if (dense_.empty()) dense_.assign(kDense, 0);
    ++dense_[static_cast<size_t>(seconds)];
  }

  void Merge(const SecondsHistogram& other) {
    if (other.count_ == 0) return;
    if (!other.dense_.empty()) {
      if (dense_.empty()) dense_.assign(kDense, 0);
      for (size_t i = 0; i < dense_.size(); ++i) dense_[i] += other.dense_[i];
    }
    large_.insert(large_.end(), other.large_.begin(), other.large_.end());
    sorted_ = false;
    count_ += other.count_;
    sum_ += other.sum_;
  }

  uint64_t count() const { return count_; }
  int64_t sum() const { return sum_; }
  double mean() const { return count_ == 0 ? 0 : static_cast<double>(sum_) / static_cast<double>(count_); }

  // The values in [from, to) seconds.
  uint64_t CountIn(int64_t from, int64_t to) const {
    uint64_t n = 0;
    const int64_t dense_to = std::min(to, kDense);
    for (int64_t s = std::max<int64_t>(from, 0); s < dense_to && !dense_.empty(); ++s) n += dense_[static_cast<size_t>(s)];
    if (to > kDense) {
      for (int64_t v : large_) n += v >= from && v < to;
    }
    return n;
  }
  uint64_t CountAtMost(int64_t seconds) const { return CountIn(0, seconds + 1); }

  // The nearest-rank q-quantile (0 < q <= 1): the smallest value x with at least ceil(q * n)
  // values <= x. 0 for an empty histogram.
  int64_t Quantile(double q) {
    if (count_ == 0) return 0;
    uint64_t rank = static_cast<uint64_t>(std::ceil(q * static_cast<double>(count_) - 1e-9));
    rank = std::clamp<uint64_t>(rank, 1, count_);
    uint64_t seen = 0;
    for (size_t s = 0; s < dense_.size(); ++s) {
      seen += dense_[s];
      if (seen >= rank) return static_cast<int64_t>(s);
    }
    if (!sorted_) {
      std::sort(large_.begin(), large_.end());
      sorted_ = true;
    }
    return large_[static_cast<size_t>(rank - seen - 1)];
  }

  // The count at each second below kDense (empty when nothing below it was added).
  const std::vector<uint32_t>& dense() const { return dense_; }
  const std::vector<int64_t>& large() const { return large_; }

 private:
  std::vector<uint32_t> dense_;
  std::vector<int64_t> large_;
  bool sorted_ = true;
  uint64_t count_ = 0;
  int64_t sum_ = 0;
};

}  // namespace nanni
