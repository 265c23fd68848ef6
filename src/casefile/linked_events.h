// LinkedEvents: one account's events as the builders of its case file read them, sorted out
// once: all of them in order, those of each kind, and, on the events that can be answered or
// reported on, the events that do so.
//
// The links, each in the order of the events (time order in a case file):
//   replies   responses whose reply_to names the event       (requests, escalations)
//   updates   status updates whose refers_to names it         (commitments, deadlines, escalations)
//   outcomes  commitment outcomes whose commitment names it   (commitments, deadlines)
// Only the kinds in parentheses carry them: no builder asks other kinds. Everything here
// points into the events: they must outlive it.
#pragma once

#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "casefile/case_input.h"

namespace nanni {

using EventList = std::vector<const CaseEvent*>;

// One event and its links: nullptr when there are none (a list is never empty).
struct LinkedEvent {
  const CaseEvent* event = nullptr;
  const EventList* replies = nullptr;
  const EventList* updates = nullptr;
  const EventList* outcomes = nullptr;
};

class LinkedEvents {
 public:
  explicit LinkedEvents(const std::vector<CaseEvent>& events);

  LinkedEvents(const LinkedEvents&) = delete;  // its events point at its own lists
  LinkedEvents& operator=(const LinkedEvents&) = delete;

  // Every event, in order.
  const std::vector<LinkedEvent>& all() const { return all_; }

  // The events of `kind`, in order.
  std::span<const LinkedEvent* const> OfKind(EventKind kind) const {
    return by_kind_[static_cast<size_t>(kind)];
  }

 private:
  using LinkMap = std::unordered_map<std::string_view, EventList>;

  static const EventList* Find(const LinkMap& links, std::string_view id);
  std::vector<LinkedEvent*>& Kind(EventKind kind) { return by_kind_[static_cast<size_t>(kind)]; }

  LinkMap replies_, updates_, outcomes_;
  std::vector<LinkedEvent> all_;
  std::vector<std::vector<LinkedEvent*>> by_kind_;  // indexed by EventKind
};

}  // namespace nanni
