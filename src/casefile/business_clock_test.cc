#include "casefile/business_clock.h"

#include <gtest/gtest.h>

#include "util/time.h"

namespace nanni {
namespace {

int64_t T(const char* rfc3339) {
  Timestamp t;
  EXPECT_TRUE(ParseRfc3339(rfc3339, &t).ok()) << rfc3339;
  return t.utc_micros;
}

TEST(BusinessClockTest, DefaultIsWeekdaysNineToFiveUtc) {
  BusinessClock clock;
  ASSERT_TRUE(BusinessClock::Create(BusinessHoursConfig(), &clock).ok());
  // Friday 16:00 to Monday 10:00: one hour on Friday, one on Monday.
  EXPECT_EQ(clock.BusinessSeconds(T("2026-03-06T16:00:00Z"), T("2026-03-09T10:00:00Z")), 7200);
  // Inside one working day.
  EXPECT_EQ(clock.BusinessSeconds(T("2026-03-02T09:30:00Z"), T("2026-03-02T10:00:00Z")), 1800);
  // Entirely at night or on a weekend.
  EXPECT_EQ(clock.BusinessSeconds(T("2026-03-02T18:00:00Z"), T("2026-03-03T08:00:00Z")), 0);
  EXPECT_EQ(clock.BusinessSeconds(T("2026-03-07T09:00:00Z"), T("2026-03-08T17:00:00Z")), 0);
  // Backwards is zero.
  EXPECT_EQ(clock.BusinessSeconds(T("2026-03-03T10:00:00Z"), T("2026-03-02T10:00:00Z")), 0);
  // A full week: five days of eight hours.
  EXPECT_EQ(clock.BusinessSeconds(T("2026-03-02T00:00:00Z"), T("2026-03-09T00:00:00Z")), 5 * 8 * 3600);
}

TEST(BusinessClockTest, HolidaysAndDaylightSavingInTheCompanysZone) {
  BusinessHoursConfig config;
  config.time_zone = "Europe/Berlin";
  config.start_minute = 9 * 60;
  config.end_minute = 17 * 60 + 30;
  config.holidays = {"2026-03-30"};
  BusinessClock clock;
  ASSERT_TRUE(BusinessClock::Create(config, &clock).ok());
  // Friday 16:00 CET to Tuesday 10:00 CEST across the DST change (Sunday 29 March) and the
  // Monday holiday: 1.5 h on Friday and 1 h on Tuesday.
  EXPECT_EQ(clock.BusinessSeconds(T("2026-03-27T16:00:00+01:00"), T("2026-03-31T10:00:00+02:00")), 9000);
  // Tuesday after the change opens at 09:00 local = 07:00 UTC.
  EXPECT_EQ(clock.BusinessSeconds(T("2026-03-31T06:00:00Z"), T("2026-03-31T07:30:00Z")), 1800);
  // The autumn change: Monday 26 October 2026 opens at 09:00 CET = 08:00 UTC.
  EXPECT_EQ(clock.BusinessSeconds(T("2026-10-26T07:00:00Z"), T("2026-10-26T08:30:00Z")), 1800);
}

// Cover() precomputes the days' windows; the answers must not change, in a zone with DST
// changes, holidays and a weekend, for instants inside, at the edges of and outside the range.
TEST(BusinessClockTest, CoveringARangeGivesTheSameAnswers) {
  BusinessHoursConfig config;
  config.time_zone = "America/New_York";
  config.start_minute = 8 * 60 + 30;
  config.end_minute = 18 * 60;
  config.holidays = {"2026-03-09", "2026-11-03"};
  BusinessClock walk;
  ASSERT_TRUE(BusinessClock::Create(config, &walk).ok());
  BusinessClock covered = walk;
  covered.Cover(T("2026-03-01T00:00:00Z"), T("2026-11-30T00:00:00Z"));
  uint64_t x = 88172645463325252ull;  // xorshift: the same pairs on every run
  auto next = [&] {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return x;
  };
  const int64_t begin = T("2026-02-20T00:00:00Z"), span = T("2026-12-10T00:00:00Z") - begin;
  for (int i = 0; i < 20000; ++i) {
    int64_t a = begin + static_cast<int64_t>(next() % static_cast<uint64_t>(span));
    int64_t b = a + static_cast<int64_t>(next() % (40ull * 86400 * 1000000));
    if (i % 7 == 0) b = a + static_cast<int64_t>(next() % (3600ull * 1000000));  // short spans too
    ASSERT_EQ(covered.BusinessSeconds(a, b), walk.BusinessSeconds(a, b)) << a << " " << b;
  }
}

TEST(BusinessClockTest, RefusesUnknownZonesAndBadHolidays) {
  BusinessHoursConfig config;
  config.time_zone = "Mars/Olympus";
  BusinessClock clock;
  EXPECT_EQ(BusinessClock::Create(config, &clock).code(), Status::Code::kNotFound);
  config.time_zone = "UTC";
  config.holidays = {"2026-02-30"};
  EXPECT_EQ(BusinessClock::Create(config, &clock).code(), Status::Code::kInvalidInput);
}

}  // namespace
}  // namespace nanni
