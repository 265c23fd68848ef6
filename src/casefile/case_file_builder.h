// CaseFileBuilder: the chronology of facts for one account (C3), from its events.
//
// Works from events alone, whatever importer produced them: requests with or without a
// channel or sender, responses linked by reply_to, calls, commitments and their outcomes,
// deadlines, incidents, escalations, invoices and payments, discount requests. What each
// figure means is documented in docs/case-file.md. No formatting and no judgement here.
#pragma once

#include <algorithm>
#include <vector>

#include "casefile/business_clock.h"
#include "casefile/case_file.h"
#include "casefile/case_input.h"

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
  DurationPair Measure(int64_t from, int64_t to) const {
    return DurationPair{std::max<int64_t>(0, to - from) / 1000000, clock_.BusinessSeconds(from, to)};
  }

  const BusinessClock& clock_;
};

// Nearest-rank statistics of `values` (reordered in place): median = rank ceil(n/2), p90 =
// rank ceil(0.9 n), worst = the largest.
DurationStats ComputeStats(std::vector<int64_t>* values);

}  // namespace nanni
