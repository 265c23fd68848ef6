#include "engine/sludge/patience.h"

#include <gtest/gtest.h>

namespace nanni {
namespace {

// A worked example: waits 10 (abandoned), 20 (served), 20 (abandoned), 30 (abandoned), 40
// (served), 5000 (abandoned, past the per-second counters).
TEST(PatienceTest, KaplanMeierCensorsServedCallsAtTheirWait) {
  SecondsHistogram served, abandoned;
  for (int64_t w : {20, 40}) served.Add(w);
  for (int64_t w : {10, 20, 30, 5000}) abandoned.Add(w);
  Patience p = EstimatePatience(served, abandoned, 30, 60);
  EXPECT_EQ(p.calls, 6u);
  EXPECT_EQ(p.hung_up, 4u);
  ASSERT_EQ(p.curve.size(), 4u);
  EXPECT_EQ(p.curve[0].wait_s, 10);
  EXPECT_EQ(p.curve[0].at_risk, 6u);
  EXPECT_DOUBLE_EQ(p.curve[0].survival, 5.0 / 6);
  // At 20 the served call at 20 is still at risk: 5 at risk, 1 hangs up.
  EXPECT_EQ(p.curve[1].at_risk, 5u);
  EXPECT_DOUBLE_EQ(p.curve[1].survival, 5.0 / 6 * 4 / 5);
  EXPECT_EQ(p.curve[2].at_risk, 3u);
  EXPECT_DOUBLE_EQ(p.curve[2].survival, 5.0 / 6 * 4 / 5 * 2 / 3);
  EXPECT_EQ(p.curve[3].wait_s, 5000);
  EXPECT_EQ(p.curve[3].at_risk, 1u);
  EXPECT_DOUBLE_EQ(p.curve[3].survival, 0);
  ASSERT_TRUE(p.median_s.has_value());
  EXPECT_EQ(*p.median_s, 30);  // 4/9 <= 0.5
}

TEST(PatienceTest, HazardIsHangUpsPerMinuteAtRisk) {
  SecondsHistogram served, abandoned;
  served.Add(60);
  abandoned.Add(15);
  abandoned.Add(45);
  Patience p = EstimatePatience(served, abandoned, 30, 60);
  ASSERT_EQ(p.hazard.size(), 2u);
  // [0, 30): three callers for 30, 15 and 30 s: 75 s = 1.25 min at risk, one hang-up.
  EXPECT_EQ(p.hazard[0].hung_up, 1u);
  EXPECT_DOUBLE_EQ(p.hazard[0].at_risk_minutes, 1.25);
  EXPECT_DOUBLE_EQ(p.hazard[0].per_minute, 0.8);
  // [30, 60): two callers for 15 and 30 s.
  EXPECT_EQ(p.hazard[1].hung_up, 1u);
  EXPECT_DOUBLE_EQ(p.hazard[1].at_risk_minutes, 0.75);
}

TEST(PatienceTest, NoCallsNoCurve) {
  Patience p = EstimatePatience(SecondsHistogram(), SecondsHistogram(), 30, 60);
  EXPECT_EQ(p.calls, 0u);
  EXPECT_TRUE(p.curve.empty());
  EXPECT_FALSE(p.median_s.has_value());
}

}  // namespace
}  // namespace nanni
