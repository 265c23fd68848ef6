#include "casefile/case_escalations.h"

#include <gtest/gtest.h>

#include "support/case_events.h"

namespace nanni {
namespace {

using test::At;
using test::CaseEvents;
using test::Person;

void Escalate(CaseEvents* ev, const std::string& id, const std::string& time) {
  Event& e = ev->Add(EventKind::kEscalation, id, time);
  e.from = Person("Dana", Side::kTheirs, Level::kExecutive);
  e.to = {Person("Ceo", Side::kOurs, Level::kExecutive)};
  e.SetAttr("about", std::string("outage"));
  e.text = "This is the third time.";
}

void Reply(CaseEvents* ev, const std::string& to, const std::string& time) {
  Event& e = ev->Add(EventKind::kResponse, "reply-" + time, time);
  e.reply_to = to;
  e.text = "reply at " + time;
}

void Update(CaseEvents* ev, const std::string& of, const std::string& time) {
  Event& e = ev->Add(EventKind::kStatusUpdate, "update-" + time, time);
  e.SetAttr("refers_to", of);
  e.text = "update at " + time;
}

std::vector<EscalationItem> Build(const CaseEvents& ev) {
  std::deque<CasePerson> people;
  PeopleIndex index(&people);
  return BuildEscalations(LinkedEvents(ev.events()), &index);
}

TEST(EscalationsTest, EndedByTheLatestReplyOrUpdate) {
  CaseEvents ev;
  Escalate(&ev, "x1", "2026-03-02T09:00:00Z");
  Reply(&ev, "x1", "2026-03-02T10:00:00Z");
  Update(&ev, "x1", "2026-03-02T11:00:00Z");
  Reply(&ev, "x1", "2026-03-02T12:00:00Z");
  std::vector<EscalationItem> xs = Build(ev);
  ASSERT_EQ(xs.size(), 1u);
  const EscalationItem& x = xs[0];
  EXPECT_EQ(x.from->name, "Dana");
  ASSERT_EQ(x.to.size(), 1u);
  EXPECT_EQ(x.to[0].name, "Ceo");
  EXPECT_EQ(x.about, "outage");
  EXPECT_EQ(x.text, "This is the third time.");
  EXPECT_EQ(*x.ended, At("2026-03-02T12:00:00Z"));
  EXPECT_EQ(x.ended_kind, "response");
  EXPECT_EQ(x.ended_text, "reply at 2026-03-02T12:00:00Z");
}

TEST(EscalationsTest, AnUpdateAtTheSameTimeAsTheReplyEndsIt) {
  CaseEvents ev;
  Escalate(&ev, "x1", "2026-03-02T09:00:00Z");
  Reply(&ev, "x1", "2026-03-02T10:00:00Z");
  Update(&ev, "x1", "2026-03-02T10:00:00Z");
  EXPECT_EQ(Build(ev).at(0).ended_kind, "status_update");
}

TEST(EscalationsTest, NotEndedWithoutAReplyOrUpdate) {
  CaseEvents ev;
  Escalate(&ev, "x1", "2026-03-02T09:00:00Z");
  Update(&ev, "other", "2026-03-02T10:00:00Z");
  const EscalationItem x = Build(ev).at(0);
  EXPECT_FALSE(x.ended.has_value());
  EXPECT_FALSE(x.ended_cite.has_value());
  EXPECT_EQ(x.ended_kind, "");
}

}  // namespace
}  // namespace nanni
