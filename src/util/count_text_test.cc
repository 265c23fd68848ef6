#include "util/count_text.h"

#include <gtest/gtest.h>

namespace nanni {
namespace {

TEST(CountTextTest, GroupsDigitsInThrees) {
  EXPECT_EQ(CountText(0), "0");
  EXPECT_EQ(CountText(999), "999");
  EXPECT_EQ(CountText(1000), "1,000");
  EXPECT_EQ(CountText(44453), "44,453");
  EXPECT_EQ(CountText(18446744073709551615ull), "18,446,744,073,709,551,615");
}

TEST(CountTextTest, CountOfSaysOneOrMany) {
  EXPECT_EQ(CountOf(1, "call"), "1 call");
  EXPECT_EQ(CountOf(0, "call"), "0 calls");
  EXPECT_EQ(CountOf(11993, "call"), "11,993 calls");
}

}  // namespace
}  // namespace nanni
