#include "contract/reference_rates.h"

#include <date/date.h>
#include <gtest/gtest.h>

namespace nanni {
namespace {

int64_t Day(int y, unsigned m, unsigned d) {
  return date::sys_days{date::year{y} / m / d}.time_since_epoch().count();
}

TEST(ReferenceRatesTest, TheHalfYearsRate) {
  const ReferenceRates& r = ReferenceRates::Embedded();
  Millionths rate = 0;
  ASSERT_TRUE(r.RateFor("eu", Day(2025, 3, 31), &rate).ok());
  EXPECT_EQ(rate, 31'500);  // 3.15 %
  ASSERT_TRUE(r.RateFor("eu", Day(2025, 7, 1), &rate).ok());
  EXPECT_EQ(rate, 21'500);
  ASSERT_TRUE(r.RateFor("uk", Day(2024, 6, 30), &rate).ok());
  EXPECT_EQ(rate, 52'500);
  Status st = r.RateFor("eu", Day(2031, 1, 5), &rate);
  EXPECT_EQ(st.code(), Status::Code::kNotFound);
  EXPECT_NE(st.message().find("2031-H1"), std::string::npos) << st.message();
}

TEST(ReferenceRatesTest, RefusesABadRowNamingTheLine) {
  ReferenceRates r;
  Status st = ReferenceRates::Parse("# c\neu\t2025-01-01\t3.15\neu\t2025-03-01\t3.15\n", "rates.tsv", &r);
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find("rates.tsv:3"), std::string::npos) << st.message();
  EXPECT_FALSE(ReferenceRates::Parse("us\t2025-01-01\t3.15\n", "rates.tsv", &r).ok());
  EXPECT_FALSE(ReferenceRates::Parse("eu\t2025-01-01\t3.1.5\n", "rates.tsv", &r).ok());
}

}  // namespace
}  // namespace nanni
