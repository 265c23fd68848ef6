#include "casefile/case_incidents.h"

#include <gtest/gtest.h>

#include "support/case_events.h"

namespace nanni {
namespace {

using test::At;
using test::CaseEvents;

void Phase(CaseEvents* ev, const std::string& incident, const std::string& time, const std::string& phase,
           const std::string& what = "", const std::string& severity = "") {
  Event& e = ev->Add(EventKind::kIncident, incident + "-" + phase + "-" + time, time);
  e.SetAttr("incident", incident);
  e.SetAttr("phase", phase);
  if (!what.empty()) e.SetAttr("what", what);
  if (!severity.empty()) e.SetAttr("severity", severity);
}

TEST(IncidentsTest, OneItemPerIncidentInTheOrderTheyStarted) {
  CaseEvents ev;
  Phase(&ev, "c", "2026-03-02T07:00:00Z", "resolved");  // never started
  Phase(&ev, "b", "2026-03-02T08:00:00Z", "update");    // an end recorded before its start
  Phase(&ev, "a", "2026-03-02T09:00:00Z", "start", "portal down", "sev1");
  Phase(&ev, "a", "2026-03-02T09:30:00Z", "start", "ignored", "sev3");  // a second start
  Phase(&ev, "b", "2026-03-02T10:00:00Z", "start", "slow exports");
  Phase(&ev, "a", "2026-03-02T11:00:00Z", "update");
  Phase(&ev, "a", "2026-03-02T12:00:00Z", "resolved");
  std::vector<IncidentItem> incidents = BuildIncidents(LinkedEvents(ev.events()), At("2026-03-03T10:00:00Z"));

  ASSERT_EQ(incidents.size(), 3u);
  const IncidentItem& c = incidents[0];  // by its end: it has no start
  EXPECT_EQ(c.incident, "c");
  EXPECT_FALSE(c.ongoing);
  EXPECT_EQ(c.downtime_s, 0);

  const IncidentItem& a = incidents[1];
  EXPECT_EQ(a.incident, "a");
  EXPECT_EQ(a.what, "portal down");
  EXPECT_EQ(a.severity, "sev1");
  EXPECT_EQ(*a.start, At("2026-03-02T09:00:00Z"));
  EXPECT_EQ(*a.end, At("2026-03-02T12:00:00Z"));  // the last phase that is not a start
  EXPECT_FALSE(a.ongoing);
  EXPECT_EQ(a.downtime_s, 3 * 3600);

  const IncidentItem& b = incidents[2];
  EXPECT_EQ(b.incident, "b");
  EXPECT_EQ(b.severity, "");
  ASSERT_TRUE(b.end.has_value());  // ended before it started: no downtime, not ongoing
  EXPECT_FALSE(b.ongoing);
  EXPECT_EQ(b.downtime_s, 0);
}

TEST(IncidentsTest, AnOngoingIncidentIsDownUntilAsOf) {
  CaseEvents ev;
  Phase(&ev, "a", "2026-03-02T09:00:00Z", "start");
  std::vector<IncidentItem> incidents = BuildIncidents(LinkedEvents(ev.events()), At("2026-03-03T10:00:00Z"));
  ASSERT_EQ(incidents.size(), 1u);
  EXPECT_TRUE(incidents[0].ongoing);
  EXPECT_EQ(incidents[0].downtime_s, 25 * 3600);
}

}  // namespace
}  // namespace nanni
