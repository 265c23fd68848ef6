#include "casefile/case_requests.h"

#include <gtest/gtest.h>

#include <random>

#include "support/case_events.h"

namespace nanni {
namespace {

using test::At;
using test::CaseEvents;
using test::Person;

// Monday 2 March 2026: one request answered twice, one sent on Friday and still open on
// Monday, both measured with the default business hours (weekdays 9-17 UTC).
class RequestsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(BusinessClock::Create(BusinessHoursConfig(), &clock_).ok());
    Event& asked = ev_.Add(EventKind::kRequest, "q1", "2026-03-02T09:00:00Z");
    asked.from = Person("Dana", Side::kTheirs, Level::kExecutive);
    asked.channel = "email";
    asked.SetAttr("priority", std::string("high"));
    Event& first = ev_.Add(EventKind::kResponse, "r1", "2026-03-02T11:00:00Z");
    first.reply_to = "q1";
    first.from = Person("Lee", Side::kOurs, Level::kAgent);
    ev_.Add(EventKind::kResponse, "r2", "2026-03-03T10:00:00Z").reply_to = "q1";
    ev_.Add(EventKind::kRequest, "q2", "2026-03-06T16:00:00Z").channel = "phone";
  }

  std::vector<RequestItem> Build() {
    PeopleIndex index(&people_);
    return BuildRequests(LinkedEvents(ev_.events()), clock_, At("2026-03-09T10:00:00Z"), &index);
  }

  BusinessClock clock_;
  CaseEvents ev_;
  std::deque<CasePerson> people_;
};

TEST_F(RequestsTest, AnsweredRequestsAreMeasuredToTheirFirstAndLastAnswer) {
  std::vector<RequestItem> requests = Build();
  ASSERT_EQ(requests.size(), 2u);
  const RequestItem& r = requests[0];
  EXPECT_EQ(r.cite.event_id, "q1");
  EXPECT_EQ(r.from->name, "Dana");
  EXPECT_EQ(r.priority, "high");
  EXPECT_TRUE(r.answered);
  EXPECT_EQ(r.answers, 2);
  EXPECT_EQ(r.response_cite->event_id, "r1");
  EXPECT_EQ(r.response_by->name, "Lee");
  EXPECT_EQ(r.response->calendar_s, 2 * 3600);
  EXPECT_EQ(r.response->business_s, 2 * 3600);
  EXPECT_EQ(*r.resolution_time, At("2026-03-03T10:00:00Z"));
  EXPECT_EQ(r.resolution->calendar_s, 25 * 3600);
  EXPECT_EQ(r.resolution->business_s, 9 * 3600);  // Monday 9-17 and Tuesday 9-10
  EXPECT_FALSE(r.open_age.has_value());
}

TEST_F(RequestsTest, OpenRequestsAreAgedToAsOf) {
  const RequestItem r = Build()[1];
  EXPECT_FALSE(r.answered);
  EXPECT_FALSE(r.from.has_value());
  EXPECT_FALSE(r.response.has_value());
  EXPECT_EQ(r.open_age->calendar_s, 66 * 3600);
  EXPECT_EQ(r.open_age->business_s, 2 * 3600);  // Friday 16-17 and Monday 9-10
}

TEST_F(RequestsTest, TimeStatsPerChannelPerLevelAndOverall) {
  std::vector<RequestItem> requests = Build();
  std::vector<TimeStats> channels = TimeStatsByChannel(requests);
  ASSERT_EQ(channels.size(), 2u);
  EXPECT_EQ(channels[0].group, "email");
  EXPECT_EQ(channels[0].answered, 1u);
  EXPECT_EQ(channels[0].response_calendar.median_s, 2 * 3600);
  EXPECT_EQ(channels[0].resolution_business.worst_s, 9 * 3600);
  EXPECT_EQ(channels[1].group, "phone");
  EXPECT_EQ(channels[1].open, 1u);
  EXPECT_EQ(channels[1].response_calendar.count, 0u);

  std::vector<TimeStats> levels = TimeStatsByLevel(requests);
  ASSERT_EQ(levels.size(), 2u);
  EXPECT_EQ(levels[0].group, "");  // no sender
  EXPECT_EQ(levels[1].group, "executive");

  TimeStats all = OverallTimeStats(requests);
  EXPECT_EQ(all.group, "all");
  EXPECT_EQ(all.requests, 2u);
  EXPECT_EQ(all.answered, 1u);
  EXPECT_EQ(all.open, 1u);
  EXPECT_EQ(all.resolution_calendar.p90_s, 25 * 3600);
}

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
