#include "casefile/case_file_builder.h"

#include <gtest/gtest.h>

#include <random>

namespace nanni {
namespace {

// Nearest-rank statistics computed by selection agree with reading them off a sorted copy.
TEST(ComputeStatsTest, AgreesWithTheSortedRanks) {
  std::mt19937 rng(11);
  for (size_t n = 0; n < 200; ++n) {
    std::vector<int64_t> values(n);
    for (int64_t& v : values) v = static_cast<int64_t>(rng() % 50);  // with repeats
    std::vector<int64_t> sorted = values;
    std::sort(sorted.begin(), sorted.end());
    DurationStats s = ComputeStats(&values);
    ASSERT_EQ(s.count, n);
    if (n == 0) continue;
    EXPECT_EQ(s.median_s, sorted[(n + 1) / 2 - 1]) << n;
    EXPECT_EQ(s.p90_s, sorted[(9 * n + 9) / 10 - 1]) << n;
    EXPECT_EQ(s.worst_s, sorted.back()) << n;
  }
}

}  // namespace
}  // namespace nanni
