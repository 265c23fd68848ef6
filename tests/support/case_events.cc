#include "support/case_events.h"

#include <gtest/gtest.h>

#include "util/time.h"

namespace nanni::test {

Timestamp At(const std::string& rfc3339) {
  Timestamp t;
  EXPECT_TRUE(ParseRfc3339(rfc3339, &t).ok()) << rfc3339;
  return t;
}

Contact Person(const std::string& name, Side side, Level level) {
  Contact c;
  c.name = name;
  c.email = name + "@example.com";
  c.side = side;
  c.level = level;
  return c;
}

Event& CaseEvents::Add(EventKind kind, const std::string& id, const std::string& time) {
  CaseEvent& c = events_.emplace_back();
  c.event.id = id;
  c.event.account = "acme";
  c.event.kind = kind;
  c.event.time = At(time);
  c.cite.event_id = id;
  c.cite.seq = events_.size();
  return c.event;
}

}  // namespace nanni::test
