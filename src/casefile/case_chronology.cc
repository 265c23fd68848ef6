#include "casefile/case_chronology.h"

#include "casefile/event_attrs.h"

namespace nanni {

std::vector<ChronologyLine> BuildChronology(const LinkedEvents& events, PeopleIndex* people) {
  std::vector<ChronologyLine> lines;
  lines.reserve(events.all().size());
  for (const LinkedEvent& linked : events.all()) {
    const CaseEvent& c = *linked.event;
    const Event& e = c.event;
    // Braces evaluate in order: the sender is met before the recipients.
    lines.push_back(ChronologyLine{&c.cite, e.time, e.kind, people->From(e), people->To(e), e.channel,
                                   e.subject, e.text, ChronologyDetail(e), e.corrects});
    if (e.kind == EventKind::kRequest && linked.replies) people->From(linked.replies->front()->event);
  }
  return lines;
}

std::string_view ChronologyDetail(const Event& e) {
  switch (e.kind) {
    case EventKind::kCall:
      return StringAttrView(e, "outcome");
    case EventKind::kCommitment:
    case EventKind::kDeadline:
      return StringAttrView(e, "what");
    case EventKind::kCommitmentOutcome:
      return StringAttrView(e, "status");
    case EventKind::kIncident:
      return StringAttrView(e, "phase");
    case EventKind::kEscalation:
      return StringAttrView(e, "about");
    case EventKind::kInvoice:
    case EventKind::kPayment:
      return StringAttrView(e, "invoice");
    case EventKind::kDiscountRequest:
      return StringAttrView(e, "what");
    default:
      return {};
  }
}

}  // namespace nanni
