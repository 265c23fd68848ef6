#include "casefile/case_discounts.h"

#include "casefile/event_attrs.h"

namespace nanni {

std::vector<DiscountItem> BuildDiscountRequests(const LinkedEvents& events, PeopleIndex* people) {
  std::vector<DiscountItem> discounts;
  for (const LinkedEvent* discount : events.OfKind(EventKind::kDiscountRequest)) {
    const Event& e = discount->event->event;
    DiscountItem d{discount->event->cite, e.time, people->FromCopy(e), std::nullopt,
                   StringAttrOrEmpty(e, "what"), e.text};
    if (const int64_t* pct = e.IntAttr("percent")) d.percent = *pct;
    discounts.push_back(std::move(d));
  }
  return discounts;
}

}  // namespace nanni
