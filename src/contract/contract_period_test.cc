#include "contract/contract_period.h"

#include <gtest/gtest.h>

#include "util/time.h"

namespace nanni {
namespace {

int64_t At(const char* rfc3339) {
  int64_t t = 0;
  EXPECT_TRUE(ParseTimeBound(rfc3339, &t).ok()) << rfc3339;
  return t;
}

BusinessClock Clock(const char* zone) {
  BusinessHoursConfig hours;
  hours.time_zone = zone;
  BusinessClock clock;
  EXPECT_TRUE(BusinessClock::Create(hours, &clock).ok());
  return clock;
}

TEST(ContractPeriod, AMonthIsTheTermsOwnMonth) {
  ContractPeriod p;
  ASSERT_TRUE(ParseContractPeriod("2026-03", &p).ok());
  EXPECT_EQ(PeriodIn(p, Clock("UTC")), std::pair(At("2026-03-01"), At("2026-04-01")));
  // Berlin is UTC+1 until 29 March, UTC+2 after.
  EXPECT_EQ(PeriodIn(p, Clock("Europe/Berlin")), std::pair(At("2026-02-28T23:00:00Z"), At("2026-03-31T22:00:00Z")));
  EXPECT_EQ(PeriodIn(p, Clock("America/New_York")), std::pair(At("2026-03-01T05:00:00Z"), At("2026-04-01T04:00:00Z")));
  ASSERT_TRUE(ParseContractPeriod("2026-12", &p).ok());
  EXPECT_EQ(PeriodIn(p, Clock("UTC")), std::pair(At("2026-12-01"), At("2027-01-01")));
  ASSERT_TRUE(ParseContractPeriod("2026", &p).ok());
  EXPECT_EQ(PeriodIn(p, Clock("Europe/Berlin")), std::pair(At("2025-12-31T23:00:00Z"), At("2026-12-31T23:00:00Z")));
}

TEST(ContractPeriod, AnInstantStaysAnInstant) {
  ContractPeriod p;
  ASSERT_TRUE(ParseContractPeriod("2026-03-01..2026-03-15T12:00:00Z", &p).ok());
  EXPECT_EQ(PeriodIn(p, Clock("Europe/Berlin")), std::pair(At("2026-02-28T23:00:00Z"), At("2026-03-15T12:00:00Z")));
  EXPECT_EQ(PeriodBoundText(p.from_utc_micros, p.from_day), "2026-03-01");
  EXPECT_EQ(PeriodBoundText(p.to_utc_micros, p.to_day), "2026-03-15T12:00:00Z");
  int64_t t = 0;
  std::optional<int64_t> day;
  ASSERT_TRUE(ParsePeriodBound(PeriodBoundText(p.from_utc_micros, p.from_day), &t, &day).ok());
  EXPECT_EQ(day, p.from_day);  // written back as it was given
  EXPECT_FALSE(ParsePeriodBound("March", &t, &day).ok());
}

TEST(ContractPeriod, RefusesWhatIsNotAPeriod) {
  ContractPeriod p;
  for (const char* bad : {"2026-13", "2026-00", "26-03", "2026-3", "2026-03x", "20266", "x", "2026-04-01..2026-03-01",
                          "2026-03-01..", "..2026-03-01", "2026-03-01..2026-03-01"}) {
    Status st = ParseContractPeriod(bad, &p);
    EXPECT_EQ(st.code(), Status::Code::kInvalidArgument) << bad;
    EXPECT_NE(st.message().find("YYYY, YYYY-MM or FROM..TO"), std::string::npos) << st.message();
  }
  EXPECT_TRUE(ParseContractPeriod("", &p).ok());  // the whole term
  EXPECT_EQ(p.from_utc_micros, INT64_MIN);
  EXPECT_EQ(p.to_utc_micros, INT64_MAX);
}

}  // namespace
}  // namespace nanni
