// CaseFileBuilder: the chronology of facts for one account (C3), from its events.
//
// Works from events alone, whatever importer produced them: requests with or without a
// channel or sender, responses linked by reply_to, calls, commitments and their outcomes,
// deadlines, incidents, escalations, invoices and payments, discount requests. Each part of
// the case file is built by a builder of its own (case_chronology.h, case_requests.h,
// case_promises.h, case_incidents.h, case_escalations.h, case_invoices.h, case_discounts.h,
// case_calls.h, case_counts.h) from the events sorted by kind and linked once
// (linked_events.h). What each figure means is documented in docs/case-file.md. No formatting
// and no judgement here.
#pragma once

#include <string>
#include <vector>

#include "casefile/business_clock.h"
#include "casefile/case_file.h"
#include "casefile/case_input.h"
#include "util/status.h"

namespace nanni {

class CaseFileBuilder {
 public:
  explicit CaseFileBuilder(const BusinessClock& clock) : clock_(clock) {}

  // Builds the case file of `account` as of `as_of` from `events` (prepared by
  // LoadCaseEvents or PrepareCaseEvents: known at as_of, in time order) into *out. The
  // chronology views strings of `events`, which must outlive the case file. InvalidInput
  // when a money total does not fit in 64 bits: no figure is better than a wrong one.
  Status Build(const std::string& account, const Timestamp& as_of,
               const std::vector<CaseEvent>& events, CaseFile* out) const;

 private:
  const BusinessClock& clock_;
};

}  // namespace nanni
