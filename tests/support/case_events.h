// Hand-made events for the unit tests of the case file's builders (src/casefile/case_*.h).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "casefile/case_input.h"

namespace nanni::test {

// The instant of `rfc3339` ("2026-03-02T09:00:00Z"); fails the test when it does not parse.
Timestamp At(const std::string& rfc3339);

// A contact with a name, an email made from it, and a side and level.
Contact Person(const std::string& name, Side side = Side::kTheirs, Level level = Level::kUnknown);

// An account's events, added in time order. Each event's citation names its id and its place
// in the list as seq (1, 2, ...).
class CaseEvents {
 public:
  // Adds an event of `kind` with `id` at `time` and returns it, to set more of it; the
  // reference is valid until the next Add.
  Event& Add(EventKind kind, const std::string& id, const std::string& time);

  const std::vector<CaseEvent>& events() const { return events_; }

 private:
  std::vector<CaseEvent> events_;
};

}  // namespace nanni::test
