#include "casefile/case_escalations.h"

#include "casefile/event_attrs.h"

namespace nanni {

namespace {

// The event that ended the escalation, or nullptr.
const CaseEvent* EndOf(const LinkedEvent& escalation) {
  const CaseEvent* last = nullptr;
  for (const EventList* list : {escalation.replies, escalation.updates}) {
    if (list && (!last || list->back()->event.time.utc_micros >= last->event.time.utc_micros)) {
      last = list->back();
    }
  }
  return last;
}

}  // namespace

std::vector<EscalationItem> BuildEscalations(const LinkedEvents& events, PeopleIndex* people) {
  std::vector<EscalationItem> escalations;
  for (const LinkedEvent* escalation : events.OfKind(EventKind::kEscalation)) {
    const Event& e = escalation->event->event;
    EscalationItem x;
    x.cite = escalation->event->cite;
    x.time = e.time;
    x.from = people->FromCopy(e);
    x.to = people->ToCopy(e);
    x.about = StringAttrOrEmpty(e, "about");
    x.text = e.text;
    if (const CaseEvent* end = EndOf(*escalation)) {
      x.ended = end->event.time;
      x.ended_cite = end->cite;
      x.ended_kind = std::string(SpecOf(end->event.kind).name);
      x.ended_text = end->event.text;
    }
    escalations.push_back(std::move(x));
  }
  return escalations;
}

}  // namespace nanni
