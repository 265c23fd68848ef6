#include "casefile/case_discounts.h"

#include <gtest/gtest.h>

#include "support/case_events.h"

namespace nanni {
namespace {

using test::CaseEvents;
using test::Person;

TEST(DiscountRequestsTest, WhoAskedForWhatAndHowMuch) {
  CaseEvents ev;
  Event& asked = ev.Add(EventKind::kDiscountRequest, "d1", "2026-03-02T09:00:00Z");
  asked.from = Person("Dana");
  asked.SetAttr("what", std::string("renewal"));
  asked.SetAttr("percent", int64_t{15});
  asked.text = "Can you do better?";
  ev.Add(EventKind::kNote, "n1", "2026-03-02T10:00:00Z");
  ev.Add(EventKind::kDiscountRequest, "d2", "2026-03-03T09:00:00Z");
  std::deque<CasePerson> people;
  PeopleIndex index(&people);
  std::vector<DiscountItem> discounts = BuildDiscountRequests(LinkedEvents(ev.events()), &index);

  ASSERT_EQ(discounts.size(), 2u);
  EXPECT_EQ(discounts[0].cite.event_id, "d1");
  EXPECT_EQ(discounts[0].from->name, "Dana");
  EXPECT_EQ(discounts[0].what, "renewal");
  EXPECT_EQ(discounts[0].percent, 15);
  EXPECT_EQ(discounts[0].text, "Can you do better?");
  EXPECT_FALSE(discounts[1].from.has_value());
  EXPECT_FALSE(discounts[1].percent.has_value());
}

}  // namespace
}  // namespace nanni
