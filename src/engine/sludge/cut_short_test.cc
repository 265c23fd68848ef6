#include "engine/sludge/cut_short.h"

#include <gtest/gtest.h>

#include <random>

namespace nanni {
namespace {

const SignalSettings& Settings() { return TriageSettings::Defaults().sludge; }

// Service times of an agent with no target: log-normal, median about `median` seconds.
SecondsHistogram Smooth(uint64_t seed, int calls, double median) {
  std::mt19937_64 rng(seed);
  std::lognormal_distribution<double> d(std::log(median), 0.8);
  SecondsHistogram h;
  for (int i = 0; i < calls; ++i) h.Add(static_cast<int64_t>(d(rng)));
  return h;
}

// The same agent, but four in five of the calls that would run from just below `target` to
// far past it are ended in the 50 s before it.
SecondsHistogram Cutter(uint64_t seed, int calls, int64_t target) {
  std::mt19937_64 rng(seed);
  std::lognormal_distribution<double> d(std::log(240.0), 0.8);
  std::uniform_int_distribution<int64_t> cut(target - 50, target - 2);
  std::bernoulli_distribution cuts(0.8);
  SecondsHistogram h;
  for (int i = 0; i < calls; ++i) {
    int64_t v = static_cast<int64_t>(d(rng));
    if (v >= target - 20 && cuts(rng)) v = cut(rng);
    h.Add(v);
  }
  return h;
}

TEST(CutShortTest, BunchingFindsTheTargetWithinOneBin) {
  for (int64_t target : {300, 420, 600}) {
    const SecondsHistogram h = Cutter(static_cast<uint64_t>(target), 3000, target);
    const BunchingEvidence e = ScanBunching(h, Settings());
    EXPECT_LE(std::abs(e.threshold_s - target), 10) << target;
    EXPECT_TRUE(BunchingFlagged(e, Settings())) << target << ": excess " << e.excess << " z " << e.z;
    EXPECT_GT(e.ci_low, 0);
    EXPECT_LT(e.observed_above, e.expected_above);
  }
}

TEST(CutShortTest, SmoothServiceTimesAreNotFlagged) {
  for (uint64_t seed = 1; seed <= 20; ++seed) {
    const BunchingEvidence e = ScanBunching(Smooth(seed, 3000, 100 + 20.0 * static_cast<double>(seed)), Settings());
    EXPECT_FALSE(BunchingFlagged(e, Settings())) << "seed " << seed << " at " << e.threshold_s << " s: excess "
                                                  << e.excess << ", z " << e.z;
  }
}

TEST(CutShortTest, TooFewCallsAreNotJudged) {
  const BunchingEvidence e = ScanBunching(Cutter(3, 150, 600), Settings());
  EXPECT_EQ(e.threshold_s, 0);
  EXPECT_EQ(e.served, 150u);
  EXPECT_FALSE(BunchingFlagged(e, Settings()));
}

TEST(CutShortTest, ShortCallsAgainstTheMedianAgent) {
  std::vector<SecondsHistogram> agents;
  for (uint64_t seed = 1; seed <= 6; ++seed) agents.push_back(Smooth(seed, 1000, 150));
  SecondsHistogram hangs_up = Smooth(9, 800, 150);
  for (int i = 0; i < 200; ++i) hangs_up.Add(i % 6);  // 20% of services under 6 s
  std::vector<const SecondsHistogram*> all;
  for (const SecondsHistogram& a : agents) all.push_back(&a);
  all.push_back(&hangs_up);
  const double reference = ReferenceShortShare(all, Settings());
  EXPECT_LT(reference, 0.02);
  auto flagged = JudgeShortCalls(hangs_up, reference, Settings());
  ASSERT_TRUE(flagged.has_value());
  EXPECT_GE(flagged->short_calls, 200u);
  EXPECT_NEAR(flagged->share, 0.2, 0.02);
  EXPECT_LT(flagged->log10_p, -50);
  for (const SecondsHistogram& a : agents) EXPECT_FALSE(JudgeShortCalls(a, reference, Settings()).has_value());
}

TEST(CutShortTest, RebinPutsTheRestInTheLastBin) {
  SecondsHistogram h;
  for (int64_t v : {0, 9, 10, 25, 5000}) h.Add(v);
  const std::vector<uint64_t> bins = Rebin(h, 10, 30);
  ASSERT_EQ(bins.size(), 3u);
  EXPECT_EQ(bins[0], 2u);
  EXPECT_EQ(bins[1], 1u);
  EXPECT_EQ(bins[2], 2u);
}

}  // namespace
}  // namespace nanni
