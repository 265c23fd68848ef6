#include "casefile/case_promises.h"

#include <gtest/gtest.h>

#include "support/case_events.h"

namespace nanni {
namespace {

using test::At;
using test::CaseEvents;

constexpr int64_t kDay = 86400;

void Promise(CaseEvents* ev, EventKind kind, const std::string& id, const std::string& time,
             const std::string& owner, const std::string& due) {
  Event& e = ev->Add(kind, id, time);
  if (!owner.empty()) e.SetAttr("owner", owner);
  e.SetAttr("what", "the fix for " + id);
  e.SetAttr("due", At(due));
}

void Outcome(CaseEvents* ev, const std::string& of, const std::string& time, const std::string& status) {
  Event& e = ev->Add(EventKind::kCommitmentOutcome, "outcome-" + of + "-" + status, time);
  e.SetAttr("commitment", of);
  e.SetAttr("status", status);
}

void Update(CaseEvents* ev, const std::string& of, const std::string& time) {
  ev->Add(EventKind::kStatusUpdate, "update-" + of + "-" + time, time).SetAttr("refers_to", of);
}

class PromisesTest : public ::testing::Test {
 protected:
  void Build() {
    PeopleIndex index(&people_);
    LinkedEvents linked(ev_.events());
    commitments_ = BuildPromises(linked, EventKind::kCommitment, At("2026-03-10T00:00:00Z"), &index);
    deadlines_ = BuildPromises(linked, EventKind::kDeadline, At("2026-03-10T00:00:00Z"), &index);
  }

  CaseEvents ev_;
  std::deque<CasePerson> people_;
  std::vector<PromiseItem> commitments_, deadlines_;
};

TEST_F(PromisesTest, KeptLateIsLateAndPastDue) {
  Promise(&ev_, EventKind::kCommitment, "c1", "2026-03-02T09:00:00Z", "ours", "2026-03-04T17:00:00Z");
  Update(&ev_, "c1", "2026-03-03T12:00:00Z");
  Outcome(&ev_, "c1", "2026-03-05T17:00:00Z", "kept");
  Build();
  ASSERT_EQ(commitments_.size(), 1u);
  const PromiseItem& p = commitments_[0];
  EXPECT_EQ(p.owner, "ours");
  EXPECT_EQ(p.what, "the fix for c1");
  EXPECT_EQ(p.status, "kept");
  EXPECT_EQ(*p.settled, At("2026-03-05T17:00:00Z"));
  EXPECT_EQ(p.late_s, kDay);
  EXPECT_FALSE(p.met);
  EXPECT_TRUE(p.past_due);
  EXPECT_EQ(*p.update_before_due, At("2026-03-03T12:00:00Z"));
  EXPECT_TRUE(deadlines_.empty());
}

TEST_F(PromisesTest, OpenPastDueIsLateUntilAsOf) {
  Promise(&ev_, EventKind::kCommitment, "c2", "2026-03-02T09:00:00Z", "theirs", "2026-03-06T00:00:00Z");
  Update(&ev_, "c2", "2026-03-07T00:00:00Z");  // after due: not an early update
  Build();
  const PromiseItem& p = commitments_.at(0);
  EXPECT_EQ(p.status, "open");
  EXPECT_FALSE(p.settled.has_value());
  EXPECT_TRUE(p.past_due);
  EXPECT_EQ(p.late_s, 4 * kDay);
  EXPECT_FALSE(p.update_before_due.has_value());
}

TEST_F(PromisesTest, TheLastOutcomeCountsAndWithdrawnIsNeverLate) {
  Promise(&ev_, EventKind::kCommitment, "c3", "2026-03-02T09:00:00Z", "ours", "2026-03-05T00:00:00Z");
  Outcome(&ev_, "c3", "2026-03-07T00:00:00Z", "broken");
  Outcome(&ev_, "c3", "2026-03-08T00:00:00Z", "withdrawn");
  Build();
  const PromiseItem& p = commitments_.at(0);
  EXPECT_EQ(p.status, "withdrawn");
  EXPECT_EQ(p.outcome_cite->event_id, "outcome-c3-withdrawn");
  EXPECT_EQ(p.late_s, 0);
  EXPECT_FALSE(p.past_due);
}

TEST_F(PromisesTest, DeadlinesAreTheirsAndMetWhenKeptByDue) {
  Promise(&ev_, EventKind::kDeadline, "d1", "2026-03-02T09:00:00Z", "", "2026-03-05T00:00:00Z");
  Outcome(&ev_, "d1", "2026-03-04T00:00:00Z", "kept");
  Build();
  ASSERT_EQ(deadlines_.size(), 1u);
  EXPECT_TRUE(commitments_.empty());
  const PromiseItem& d = deadlines_[0];
  EXPECT_EQ(d.owner, "theirs");
  EXPECT_TRUE(d.met);
  EXPECT_FALSE(d.past_due);
  EXPECT_EQ(d.late_s, 0);
}

}  // namespace
}  // namespace nanni
