#include "util/time.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

namespace nanni {
namespace {

Timestamp Parse(std::string_view text) {
  Timestamp t;
  Status st = ParseRfc3339(text, &t);
  EXPECT_TRUE(st.ok()) << text << ": " << st.ToString();
  return t;
}

TEST(TimeTest, ParsesOffsetsIntoUtcAndKeepsTheOffset) {
  Timestamp berlin = Parse("2024-03-05T09:14:00+01:00");
  EXPECT_EQ(berlin.utc_micros, CivilToMicros(2024, 3, 5, 8, 14, 0));
  EXPECT_EQ(berlin.offset_minutes, 60);
  Timestamp ny = Parse("2024-03-05T03:14:00-05:00");
  EXPECT_EQ(ny.utc_micros, berlin.utc_micros);
  EXPECT_EQ(ny.offset_minutes, -300);
  Timestamp kolkata = Parse("2024-03-05T13:44:00+05:30");
  EXPECT_EQ(kolkata.utc_micros, berlin.utc_micros);
  EXPECT_EQ(kolkata.offset_minutes, 330);
}

TEST(TimeTest, AcceptsZLowerCaseAndSpaceAndFractions) {
  EXPECT_EQ(Parse("2024-03-05T08:14:00Z").utc_micros, CivilToMicros(2024, 3, 5, 8, 14, 0));
  EXPECT_EQ(Parse("2024-03-05t08:14:00z").utc_micros, CivilToMicros(2024, 3, 5, 8, 14, 0));
  EXPECT_EQ(Parse("2024-03-05 08:14:00Z").utc_micros, CivilToMicros(2024, 3, 5, 8, 14, 0));
  EXPECT_EQ(Parse("2024-03-05T08:14:00.25Z").utc_micros, CivilToMicros(2024, 3, 5, 8, 14, 0) + 250000);
  EXPECT_EQ(Parse("2024-03-05T08:14:00.123456000Z").utc_micros % 1000000, 123456);
  EXPECT_EQ(Parse("1969-12-31T23:59:59Z").utc_micros, -1000000);
}

TEST(TimeTest, RefusesWhatIsNotRfc3339WithOffset) {
  for (const char* bad :
       {"2024-03-05T09:14:00", "2024-03-05", "2024-02-30T00:00:00Z", "2023-02-29T00:00:00Z",
        "2024-13-01T00:00:00Z", "2024-03-05T24:00:00Z", "2024-03-05T09:60:00Z",
        "2024-12-31T23:59:60Z", "2024-03-05T09:14:00+1:00", "2024-03-05T09:14:00+24:00",
        "2024-03-05T09:14:00.Z", "2024-03-05T09:14:00.1234567Z", "2024-03-05T08:14:00.123456789Z",
        "2024-03-05T09:14:00.1234560001Z", "2024-03-05T09:14:00Z ",
        "yesterday", "", "2024-03-05T09:14:00+01:00:00", "+2024-03-05T09:14:00Z"}) {
    Timestamp t;
    Status st = ParseRfc3339(bad, &t);
    EXPECT_EQ(st.code(), Status::Code::kInvalidInput) << bad;
  }
  Timestamp t;
  EXPECT_NE(ParseRfc3339("2024-12-31T23:59:60Z", &t).message().find("leap"), std::string::npos);
}

TEST(TimeTest, FormatsInTheOwnOffset) {
  EXPECT_EQ(FormatRfc3339(Parse("2024-03-05T09:14:00+01:00")), "2024-03-05T09:14:00+01:00");
  EXPECT_EQ(FormatRfc3339(Parse("2024-03-05T09:14:00.500+01:00")), "2024-03-05T09:14:00.500000+01:00");
  EXPECT_EQ(FormatRfc3339(Parse("2024-03-05T09:14:00-00:00")), "2024-03-05T09:14:00Z");
  EXPECT_EQ(FormatRfc3339(Parse("2024-03-05T09:14:00-09:30")), "2024-03-05T09:14:00-09:30");
  EXPECT_EQ(FormatUtc(Parse("2024-03-05T09:14:00+01:00").utc_micros), "2024-03-05T08:14:00Z");
}

RC_GTEST_PROP(TimeProperty, FormatThenParseRoundTrips, ()) {
  Timestamp t;
  t.utc_micros = *rc::gen::inRange<int64_t>(-62'000'000'000'000'000, 253'000'000'000'000'000);
  t.offset_minutes = *rc::gen::inRange(-23 * 60 - 59, 23 * 60 + 60);
  Timestamp back;
  RC_ASSERT(ParseRfc3339(FormatRfc3339(t), &back).ok());
  RC_ASSERT(back == t);
}

TEST(TimeTest, LocalTimeInAZoneGetsThatZonesOffsetAcrossDst) {
  Timestamp t;
  // Berlin, winter (+01:00) and summer (+02:00).
  ASSERT_TRUE(LocalToTimestamp(CivilToMicros(2024, 1, 15, 9, 0, 0), "Europe/Berlin", Ambiguity::kReject, &t).ok());
  EXPECT_EQ(FormatRfc3339(t), "2024-01-15T09:00:00+01:00");
  ASSERT_TRUE(LocalToTimestamp(CivilToMicros(2024, 7, 15, 9, 0, 0), "Europe/Berlin", Ambiguity::kReject, &t).ok());
  EXPECT_EQ(FormatRfc3339(t), "2024-07-15T09:00:00+02:00");
  // New York changes on another date than Berlin: 2024-03-10.
  ASSERT_TRUE(LocalToTimestamp(CivilToMicros(2024, 3, 11, 9, 0, 0), "America/New_York", Ambiguity::kReject, &t).ok());
  EXPECT_EQ(FormatRfc3339(t), "2024-03-11T09:00:00-04:00");
}

TEST(TimeTest, SkippedLocalTimeIsRefusedOrReadAsTheChange) {
  Timestamp t;
  int64_t skipped = CivilToMicros(2024, 3, 31, 2, 30, 0);  // Berlin jumps 02:00 -> 03:00
  Status st = LocalToTimestamp(skipped, "Europe/Berlin", Ambiguity::kReject, &t);
  EXPECT_EQ(st.code(), Status::Code::kInvalidInput);
  EXPECT_NE(st.message().find("does not exist"), std::string::npos);
  ASSERT_TRUE(LocalToTimestamp(skipped, "Europe/Berlin", Ambiguity::kEarliest, &t).ok());
  EXPECT_EQ(FormatUtc(t.utc_micros), "2024-03-31T01:00:00Z");
  EXPECT_EQ(FormatRfc3339(t), "2024-03-31T03:00:00+02:00");
}

TEST(TimeTest, RepeatedLocalTimeTakesTheChosenOccurrence) {
  Timestamp t;
  int64_t repeated = CivilToMicros(2024, 10, 27, 2, 30, 0);  // Berlin 03:00 -> 02:00
  EXPECT_EQ(LocalToTimestamp(repeated, "Europe/Berlin", Ambiguity::kReject, &t).code(),
            Status::Code::kInvalidInput);
  ASSERT_TRUE(LocalToTimestamp(repeated, "Europe/Berlin", Ambiguity::kEarliest, &t).ok());
  EXPECT_EQ(FormatRfc3339(t), "2024-10-27T02:30:00+02:00");
  ASSERT_TRUE(LocalToTimestamp(repeated, "Europe/Berlin", Ambiguity::kLatest, &t).ok());
  EXPECT_EQ(FormatRfc3339(t), "2024-10-27T02:30:00+01:00");
}

TEST(TimeTest, UnknownZoneIsNotFound) {
  Timestamp t;
  EXPECT_EQ(LocalToTimestamp(0, "Mars/Olympus_Mons", Ambiguity::kReject, &t).code(),
            Status::Code::kNotFound);
}

TEST(TimeTest, TimeBoundsTakeBareDatesAsUtcMidnight) {
  int64_t t = 0;
  ASSERT_TRUE(ParseTimeBound("2024-03-05", &t).ok());
  EXPECT_EQ(t, CivilToMicros(2024, 3, 5, 0, 0, 0));
  ASSERT_TRUE(ParseTimeBound("2024-03-05T01:00:00+01:00", &t).ok());
  EXPECT_EQ(t, CivilToMicros(2024, 3, 5, 0, 0, 0));
  EXPECT_FALSE(ParseTimeBound("2024-02-31", &t).ok());
  EXPECT_FALSE(ParseTimeBound("last week", &t).ok());
}

}  // namespace
}  // namespace nanni
