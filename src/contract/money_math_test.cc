#include "contract/money_math.h"

#include <gtest/gtest.h>

namespace nanni {
namespace {

TEST(MoneyMathTest, RoundsOnceHalfAwayFromZero) {
  EXPECT_EQ(MulDivRound(10, 1, 4), 3);     // 2.5 -> 3
  EXPECT_EQ(MulDivRound(-10, 1, 4), -3);   // -2.5 -> -3
  EXPECT_EQ(MulDivRound(9, 1, 4), 2);      // 2.25 -> 2
  EXPECT_EQ(MulDivRound(11, 1, 4), 3);     // 2.75 -> 3
  EXPECT_EQ(MulDivRound(100000, 105000, 1000000), 10500);
  EXPECT_EQ(MulMulDivRound(1000000, 111500, 30, 365LL * 1000000), 9164);  // 9,164.38
}

TEST(MoneyMathTest, ProductsBeyondSixtyFourBitsStayExact) {
  // 10^18 x 10^6 does not fit in 64 bits; divided back it is exact.
  EXPECT_EQ(MulDivRound(1'000'000'000'000'000'000LL, 1'000'000, 1'000'000), 1'000'000'000'000'000'000LL);
  EXPECT_EQ(MulMulDivRound(1'000'000'000'000'000'000LL, 1'000'000, 365, 365LL * 1'000'000), 1'000'000'000'000'000'000LL);
  EXPECT_EQ(MulDivRound(INT64_MAX, 2, 1), INT64_MAX);  // saturates
}

}  // namespace
}  // namespace nanni
