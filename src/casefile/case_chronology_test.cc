#include "casefile/case_chronology.h"

#include <gtest/gtest.h>

#include "support/case_events.h"

namespace nanni {
namespace {

using test::CaseEvents;
using test::Person;

TEST(ChronologyTest, OneLinePerEventViewingIt) {
  CaseEvents ev;
  Event& call = ev.Add(EventKind::kCall, "k1", "2026-03-02T09:00:00Z");
  call.channel = "phone";
  call.SetAttr("outcome", std::string("resolved"));
  Event& inc = ev.Add(EventKind::kIncident, "i1", "2026-03-02T10:00:00Z");
  inc.SetAttr("phase", std::string("start"));
  Event& note = ev.Add(EventKind::kNote, "n1", "2026-03-02T11:00:00Z");
  note.text = "called back";
  note.corrects = "n0";
  std::deque<CasePerson> people;
  PeopleIndex index(&people);
  std::vector<ChronologyLine> lines = BuildChronology(LinkedEvents(ev.events()), &index);

  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].cite, &ev.events()[0].cite);
  EXPECT_EQ(lines[0].kind, EventKind::kCall);
  EXPECT_EQ(lines[0].channel, "phone");
  EXPECT_EQ(lines[0].detail, "resolved");
  EXPECT_EQ(lines[0].from, nullptr);
  EXPECT_EQ(lines[1].detail, "start");
  EXPECT_EQ(lines[2].detail, "");
  EXPECT_EQ(lines[2].text.data(), ev.events()[2].event.text.data());  // a view, not a copy
  EXPECT_EQ(lines[2].corrects, "n0");
}

// People are met in the order the case file names them: a request's first answerer on the
// request's line, before anyone the events in between name.
TEST(ChronologyTest, MeetsARequestsFirstAnswererOnItsLine) {
  CaseEvents ev;
  Event& q = ev.Add(EventKind::kRequest, "q1", "2026-03-02T09:00:00Z");
  q.from = Person("Dana");
  q.to = {Person("Desk", Side::kOurs)};
  ev.Add(EventKind::kNote, "n1", "2026-03-02T10:00:00Z").from = Person("Kim", Side::kOurs);
  Event& r = ev.Add(EventKind::kResponse, "r1", "2026-03-02T11:00:00Z");
  r.reply_to = "q1";
  r.from = Person("Lee", Side::kOurs);
  std::deque<CasePerson> people;
  PeopleIndex index(&people);
  std::vector<ChronologyLine> lines = BuildChronology(LinkedEvents(ev.events()), &index);

  ASSERT_EQ(people.size(), 4u);
  EXPECT_EQ(people[0].name, "Dana");
  EXPECT_EQ(people[1].name, "Desk");
  EXPECT_EQ(people[2].name, "Lee");
  EXPECT_EQ(people[3].name, "Kim");
  EXPECT_EQ(lines[0].from, &people[0]);
  ASSERT_EQ(lines[0].to.size(), 1u);
  EXPECT_EQ(lines[0].to[0], &people[1]);
  EXPECT_EQ(lines[2].from, &people[2]);
}

}  // namespace
}  // namespace nanni
