#include "casefile/case_promises.h"

#include "casefile/event_attrs.h"

namespace nanni {

namespace {

constexpr int64_t kMicros = 1'000'000;

PromiseItem PromiseOf(const CaseEvent& c, PeopleIndex* people) {
  const Event& e = c.event;
  PromiseItem p;
  p.cite = c.cite;
  p.time = e.time;
  p.owner = e.kind == EventKind::kDeadline ? "theirs" : StringAttrOrEmpty(e, "owner");
  p.what = StringAttrOrEmpty(e, "what");
  p.due = *e.TimeAttr("due");  // required of both kinds
  p.from = people->FromCopy(e);
  p.to = people->ToCopy(e);
  return p;
}

// How the promise ended: by its last outcome, else open as of `now`.
void Settle(const EventList* outcomes, int64_t now, PromiseItem* p) {
  const int64_t due = p->due.utc_micros;
  if (outcomes == nullptr) {
    p->past_due = due < now;
    if (p->past_due) p->late_s = (now - due) / kMicros;
    return;
  }
  const CaseEvent* o = outcomes->back();
  p->status = StringAttrOrEmpty(o->event, "status");
  p->settled = o->event.time;
  p->outcome_cite = o->cite;
  p->outcome_text = o->event.text;
  int64_t late = o->event.time.utc_micros - due;
  if (p->status != "withdrawn" && late > 0) p->late_s = late / kMicros;
  p->met = p->status == "kept" && late <= 0;
  p->past_due = !p->met && p->status != "withdrawn" && due < now;
}

// The first of `updates` (in time order) before the promise's due date.
void FindEarlyUpdate(const EventList* updates, PromiseItem* p) {
  if (updates == nullptr) return;
  for (const CaseEvent* u : *updates) {
    if (u->event.time.utc_micros < p->due.utc_micros) {
      p->update_before_due = u->event.time;
      p->update_cite = u->cite;
      return;
    }
  }
}

}  // namespace

std::vector<PromiseItem> BuildPromises(const LinkedEvents& events, EventKind kind, const Timestamp& as_of,
                                       PeopleIndex* people) {
  std::vector<PromiseItem> promises;
  for (const LinkedEvent* promise : events.OfKind(kind)) {
    PromiseItem p = PromiseOf(*promise->event, people);
    Settle(promise->outcomes, as_of.utc_micros, &p);
    FindEarlyUpdate(promise->updates, &p);
    promises.push_back(std::move(p));
  }
  return promises;
}

}  // namespace nanni
