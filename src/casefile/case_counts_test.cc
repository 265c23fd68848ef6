#include "casefile/case_counts.h"

#include <gtest/gtest.h>

namespace nanni {
namespace {

TEST(CaseCountsTest, CountsTheItems) {
  CaseFile cf;
  cf.chronology.resize(12);
  cf.requests.resize(3);
  cf.overall.answered = 2;
  cf.overall.open = 1;
  cf.commitments.resize(3);
  cf.commitments[0].owner = "ours";
  cf.commitments[0].status = "broken";
  cf.commitments[1].owner = "ours";
  cf.commitments[2].owner = "theirs";
  cf.commitments[2].status = "kept";
  cf.deadlines.resize(1);
  cf.incidents.resize(2);
  cf.incidents[0].downtime_s = 60;
  cf.incidents[1].downtime_s = 30;
  cf.escalations.resize(1);
  cf.invoices.resize(2);
  cf.invoices[1].outstanding_minor = 5;
  cf.discount_requests.resize(1);
  cf.calls.resize(4);
  CaseCounts n = CountCase(cf);

  EXPECT_EQ(n.events, 12u);
  EXPECT_EQ(n.requests, 3u);
  EXPECT_EQ(n.answered, 2u);
  EXPECT_EQ(n.open, 1u);
  EXPECT_EQ(n.commitments_ours, 2u);
  EXPECT_EQ(n.commitments_theirs, 1u);
  EXPECT_EQ(n.broken, 1u);
  EXPECT_EQ(n.deadlines, 1u);
  EXPECT_EQ(n.incidents, 2u);
  EXPECT_EQ(n.downtime_s, 90);
  EXPECT_EQ(n.escalations, 1u);
  EXPECT_EQ(n.invoices, 2u);
  EXPECT_EQ(n.unpaid, 1u);
  EXPECT_EQ(n.discount_requests, 1u);
  EXPECT_EQ(n.calls, 4u);
}

}  // namespace
}  // namespace nanni
