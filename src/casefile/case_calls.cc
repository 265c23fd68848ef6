#include "casefile/case_calls.h"

#include <span>

#include "casefile/event_attrs.h"

namespace nanni {

namespace {

CallItem CallOf(const CaseEvent& c, PeopleIndex* people) {
  const Event& e = c.event;
  CallItem k;
  k.cite = c.cite;
  k.time = e.time;
  k.from = people->FromCopy(e);
  k.outcome = StringAttrOrEmpty(e, "outcome");
  k.agent = StringAttrOrEmpty(e, "agent");
  k.queue = StringAttrOrEmpty(e, "queue");
  k.direction = StringAttrOrEmpty(e, "direction");
  k.transfer_to = StringAttrOrEmpty(e, "transfer_to");
  k.queue_wait_s = IntAttrOrZero(e, "queue_wait_s");
  k.handle_s = IntAttrOrZero(e, "handle_s");
  k.ivr_s = IntAttrOrZero(e, "ivr_s");
  return k;
}

}  // namespace

std::vector<CallItem> BuildCalls(const LinkedEvents& events, PeopleIndex* people) {
  std::span<const LinkedEvent* const> calls = events.OfKind(EventKind::kCall);
  std::vector<CallItem> out;
  out.reserve(calls.size());
  for (const LinkedEvent* call : calls) out.push_back(CallOf(*call->event, people));
  return out;
}

}  // namespace nanni
