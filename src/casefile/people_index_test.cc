#include "casefile/people_index.h"

#include <gtest/gtest.h>

#include "support/case_events.h"

namespace nanni {
namespace {

using test::Person;

TEST(PeopleIndexTest, OnePersonPerContactInTheOrderMet) {
  std::deque<CasePerson> people;
  PeopleIndex index(&people);
  Contact dana = Person("Dana", Side::kTheirs, Level::kExecutive);
  Contact lee = Person("Lee", Side::kOurs, Level::kAgent);
  const CasePerson* first = index.Of(dana);
  EXPECT_EQ(index.Of(lee)->name, "Lee");
  EXPECT_EQ(index.Of(dana), first);  // met again: the same person
  Contact retitled = dana;
  retitled.title = "CEO";  // any field that differs makes another person
  EXPECT_NE(index.Of(retitled), first);

  ASSERT_EQ(people.size(), 3u);
  EXPECT_EQ(people[0].name, "Dana");
  EXPECT_EQ(people[0].key, "dana@example.com");
  EXPECT_EQ(people[0].level, Level::kExecutive);
  EXPECT_EQ(people[1].name, "Lee");
  EXPECT_EQ(people[2].title, "CEO");
}

TEST(PeopleIndexTest, SendersAndRecipientsOfAnEvent) {
  std::deque<CasePerson> people;
  PeopleIndex index(&people);
  Event e;
  EXPECT_EQ(index.From(e), nullptr);
  EXPECT_FALSE(index.FromCopy(e).has_value());
  e.from = Person("Dana");
  e.to = {Person("Lee", Side::kOurs), Person("Kim", Side::kOurs)};
  EXPECT_EQ(index.From(e)->name, "Dana");
  std::vector<const CasePerson*> to = index.To(e);
  ASSERT_EQ(to.size(), 2u);
  EXPECT_EQ(to[1]->name, "Kim");
  std::vector<CasePerson> copies = index.ToCopy(e);
  ASSERT_EQ(copies.size(), 2u);
  EXPECT_EQ(copies[0].name, "Lee");
  EXPECT_EQ(index.FromCopy(e)->key, "dana@example.com");
  EXPECT_EQ(people.size(), 3u);  // copies add no one
}

}  // namespace
}  // namespace nanni
