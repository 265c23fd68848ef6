#include "engine/sludge/seconds_histogram.h"

#include <gtest/gtest.h>

#include <random>

namespace nanni {
namespace {

// Nearest rank on the sorted values: x[ceil(q n) - 1].
int64_t NearestRank(std::vector<int64_t> v, double q) {
  std::sort(v.begin(), v.end());
  size_t rank = static_cast<size_t>(std::ceil(q * static_cast<double>(v.size()) - 1e-9));
  return v[std::max<size_t>(rank, 1) - 1];
}

TEST(SecondsHistogramTest, QuantilesAreExactAcrossTheDenseAndLargeParts) {
  std::mt19937_64 rng(5);
  std::lognormal_distribution<double> d(5, 1.5);
  std::vector<int64_t> values;
  SecondsHistogram a, b;
  for (int i = 0; i < 5000; ++i) {
    const int64_t v = static_cast<int64_t>(d(rng));
    values.push_back(v);
    (i % 2 == 0 ? a : b).Add(v);
  }
  a.Merge(b);
  EXPECT_EQ(a.count(), values.size());
  for (double q : {0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 1.0}) EXPECT_EQ(a.Quantile(q), NearestRank(values, q)) << q;
  EXPECT_GT(a.large().size(), 0u) << "the test must reach past the dense counters";
  int64_t sum = 0;
  for (int64_t v : values) sum += v;
  EXPECT_EQ(a.sum(), sum);
}

TEST(SecondsHistogramTest, CountsInRanges) {
  SecondsHistogram h;
  for (int64_t v : {0, 5, 9, 10, 600, 5000, 9000}) h.Add(v);
  EXPECT_EQ(h.CountIn(0, 10), 3u);
  EXPECT_EQ(h.CountAtMost(10), 4u);
  EXPECT_EQ(h.CountIn(10, 6000), 3u);
  EXPECT_EQ(h.CountIn(0, 1'000'000), 7u);
  EXPECT_EQ(SecondsHistogram().Quantile(0.5), 0);
}

}  // namespace
}  // namespace nanni
