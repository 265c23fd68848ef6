#include "casefile/linked_events.h"

#include "event/kind.h"

namespace nanni {

LinkedEvents::LinkedEvents(const std::vector<CaseEvent>& events) : by_kind_(AllKinds().size()) {
  all_.reserve(events.size());  // never grows: the lists of each kind point into it
  for (const CaseEvent& c : events) {
    const Event& e = c.event;
    Kind(e.kind).push_back(&all_.emplace_back(LinkedEvent{&c}));
    if (!e.reply_to.empty() && e.kind == EventKind::kResponse) replies_[e.reply_to].push_back(&c);
    if (e.kind == EventKind::kStatusUpdate) {
      if (const std::string* r = e.StringAttr("refers_to")) updates_[*r].push_back(&c);
    }
    if (e.kind == EventKind::kCommitmentOutcome) {
      if (const std::string* r = e.StringAttr("commitment")) outcomes_[*r].push_back(&c);
    }
  }
  // Then the events of the kinds that are linked to find their links; no other is touched.
  for (LinkedEvent* request : Kind(EventKind::kRequest)) {
    request->replies = Find(replies_, request->event->event.id);
  }
  for (EventKind kind : {EventKind::kCommitment, EventKind::kDeadline}) {
    for (LinkedEvent* promise : Kind(kind)) {
      promise->outcomes = Find(outcomes_, promise->event->event.id);
      promise->updates = Find(updates_, promise->event->event.id);
    }
  }
  for (LinkedEvent* escalation : Kind(EventKind::kEscalation)) {
    escalation->replies = Find(replies_, escalation->event->event.id);
    escalation->updates = Find(updates_, escalation->event->event.id);
  }
}

const EventList* LinkedEvents::Find(const LinkMap& links, std::string_view id) {
  auto it = links.find(id);
  return it == links.end() ? nullptr : &it->second;
}

}  // namespace nanni
