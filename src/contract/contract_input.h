// ContractInput: what every rule of contract/ reads: the terms, the account's events in
// effect (casefile/case_input.h: corrections applied, replaced ids kept, in time order), the
// period, the moment, and the terms' clock. Borrows all of them for one evaluation.
//
// Each rule is a function of this input that appends its findings; a finding rests only on the
// events it lists, so the same rule run over just those events (a ruling's evidence) finds
// the same (docs/contracts.md, "Why a ruling can be recomputed").
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "casefile/business_clock.h"
#include "casefile/case_input.h"
#include "contract/contract_check.h"
#include "contract/terms.h"

namespace nanni {

struct ContractInput {
  const Terms& terms;
  const std::vector<CaseEvent>& events;
  int64_t from_utc_micros;  // the period, [from, to), within the terms' term
  int64_t to_utc_micros;
  int64_t as_of_utc_micros;  // open matters are measured up to here
  const BusinessClock& clock;  // the terms' hours and time zone
};

// A calendar month in the terms' time zone.
struct Month {
  std::string label;  // "2026-03"
  int64_t begin_utc_micros = 0;
  int64_t end_utc_micros = 0;
};

// The label of the month holding `utc_micros`, in the clock's time zone.
std::string MonthLabel(const BusinessClock& clock, int64_t utc_micros);

// The months that overlap [from, to), in order, each whole.
std::vector<Month> MonthsBetween(const BusinessClock& clock, int64_t from_utc_micros, int64_t to_utc_micros);

// The month `months_back` months before the one holding `utc_micros` (0: that month).
Month MonthBefore(const BusinessClock& clock, int64_t utc_micros, int months_back);

// "2h 05m 10s": a duration to the second, as a finding's steps write it.
std::string ExactDuration(int64_t seconds);

// The stored id of an event (its citation: a correction's own id).
inline const std::string& StoredId(const CaseEvent& e) { return e.cite.event_id; }

}  // namespace nanni
