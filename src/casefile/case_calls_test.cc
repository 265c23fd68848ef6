#include "casefile/case_calls.h"

#include <gtest/gtest.h>

#include "support/case_events.h"

namespace nanni {
namespace {

using test::CaseEvents;
using test::Person;

TEST(CallsTest, WhatThePhoneSystemRecorded) {
  CaseEvents ev;
  Event& call = ev.Add(EventKind::kCall, "k1", "2026-03-02T09:00:00Z");
  call.from = Person("Dana");
  call.SetAttr("outcome", std::string("transferred"));
  call.SetAttr("agent", std::string("a7"));
  call.SetAttr("queue", std::string("billing"));
  call.SetAttr("direction", std::string("inbound"));
  call.SetAttr("transfer_to", std::string("tier2"));
  call.SetAttr("queue_wait_s", int64_t{95});
  call.SetAttr("handle_s", int64_t{300});
  call.SetAttr("ivr_s", int64_t{40});
  ev.Add(EventKind::kRequest, "q1", "2026-03-02T10:00:00Z");
  ev.Add(EventKind::kCall, "k2", "2026-03-02T11:00:00Z");
  std::deque<CasePerson> people;
  PeopleIndex index(&people);
  std::vector<CallItem> calls = BuildCalls(LinkedEvents(ev.events()), &index);

  ASSERT_EQ(calls.size(), 2u);
  const CallItem& k = calls[0];
  EXPECT_EQ(k.cite.event_id, "k1");
  EXPECT_EQ(k.from->name, "Dana");
  EXPECT_EQ(k.outcome, "transferred");
  EXPECT_EQ(k.agent, "a7");
  EXPECT_EQ(k.queue, "billing");
  EXPECT_EQ(k.direction, "inbound");
  EXPECT_EQ(k.transfer_to, "tier2");
  EXPECT_EQ(k.queue_wait_s, 95);
  EXPECT_EQ(k.handle_s, 300);
  EXPECT_EQ(k.ivr_s, 40);
  EXPECT_EQ(calls[1].outcome, "");  // not recorded
  EXPECT_EQ(calls[1].handle_s, 0);
}

}  // namespace
}  // namespace nanni
