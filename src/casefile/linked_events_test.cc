#include "casefile/linked_events.h"

#include <gtest/gtest.h>

#include "support/case_events.h"

namespace nanni {
namespace {

using test::CaseEvents;

TEST(LinkedEventsTest, EveryEventAndThoseOfEachKindInOrder) {
  CaseEvents ev;
  ev.Add(EventKind::kRequest, "q1", "2026-03-02T09:00:00Z");
  ev.Add(EventKind::kCall, "k1", "2026-03-02T10:00:00Z");
  ev.Add(EventKind::kRequest, "q2", "2026-03-02T11:00:00Z");
  LinkedEvents linked(ev.events());

  ASSERT_EQ(linked.all().size(), 3u);
  EXPECT_EQ(linked.all()[1].event, &ev.events()[1]);
  std::span<const LinkedEvent* const> requests = linked.OfKind(EventKind::kRequest);
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0]->event, &ev.events()[0]);
  EXPECT_EQ(requests[1]->event, &ev.events()[2]);
  EXPECT_EQ(linked.OfKind(EventKind::kCall).size(), 1u);
  EXPECT_TRUE(linked.OfKind(EventKind::kNote).empty());
}

TEST(LinkedEventsTest, EachLinkByItsOwnField) {
  CaseEvents ev;
  ev.Add(EventKind::kRequest, "q1", "2026-03-02T09:00:00Z");
  ev.Add(EventKind::kCommitment, "c1", "2026-03-02T10:00:00Z");
  ev.Add(EventKind::kEscalation, "x1", "2026-03-02T10:30:00Z");
  ev.Add(EventKind::kResponse, "r1", "2026-03-02T11:00:00Z").reply_to = "q1";
  ev.Add(EventKind::kMessage, "m1", "2026-03-02T11:30:00Z").reply_to = "q1";  // not a response
  ev.Add(EventKind::kStatusUpdate, "u1", "2026-03-02T12:00:00Z").SetAttr("refers_to", std::string("c1"));
  ev.Add(EventKind::kCommitmentOutcome, "o1", "2026-03-02T13:00:00Z")
      .SetAttr("commitment", std::string("c1"));
  ev.Add(EventKind::kResponse, "r2", "2026-03-02T14:00:00Z").reply_to = "q1";
  ev.Add(EventKind::kStatusUpdate, "u2", "2026-03-02T15:00:00Z").SetAttr("refers_to", std::string("x1"));
  LinkedEvents linked(ev.events());

  const LinkedEvent& request = linked.all()[0];
  ASSERT_NE(request.replies, nullptr);
  ASSERT_EQ(request.replies->size(), 2u);
  EXPECT_EQ((*request.replies)[0]->event.id, "r1");
  EXPECT_EQ((*request.replies)[1]->event.id, "r2");
  EXPECT_EQ(request.updates, nullptr);

  const LinkedEvent& commitment = linked.all()[1];
  ASSERT_NE(commitment.updates, nullptr);
  EXPECT_EQ(commitment.updates->front()->event.id, "u1");
  ASSERT_NE(commitment.outcomes, nullptr);
  EXPECT_EQ(commitment.outcomes->front()->event.id, "o1");
  EXPECT_EQ(commitment.replies, nullptr);

  const LinkedEvent& escalation = linked.all()[2];
  EXPECT_EQ(escalation.replies, nullptr);
  ASSERT_NE(escalation.updates, nullptr);
  EXPECT_EQ(escalation.updates->front()->event.id, "u2");
}

}  // namespace
}  // namespace nanni
