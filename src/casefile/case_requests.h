// The requests of a case file and how long they waited: per request, the first and the last
// answer (responses whose reply_to names it); over the requests, the median, 90th percentile
// and worst response and resolution times, per channel, per sender level and overall.
//
// Every duration is measured twice, on the calendar and in business hours (BusinessClock).
// What the figures mean: docs/case-file.md.
#pragma once

#include <cstdint>
#include <vector>

#include "casefile/business_clock.h"
#include "casefile/case_file.h"
#include "casefile/linked_events.h"
#include "casefile/people_index.h"

namespace nanni {

// Every request of `events`, in their order, with its answers: answered ones are measured
// request -> first answer (response) and request -> last answer (resolution); open ones are
// aged to `as_of` (open_age). People are copied from `people`.
std::vector<RequestItem> BuildRequests(const LinkedEvents& events, const BusinessClock& clock,
                                       const Timestamp& as_of, PeopleIndex* people);

// The time statistics of `requests` grouped by channel, and by the level of their sender
// ("" when unknown, or when there is no sender), in the order of the group names.
std::vector<TimeStats> TimeStatsByChannel(const std::vector<RequestItem>& requests);
std::vector<TimeStats> TimeStatsByLevel(const std::vector<RequestItem>& requests);

// The time statistics of all of `requests`, as the group "all".
TimeStats OverallTimeStats(const std::vector<RequestItem>& requests);

// Nearest-rank statistics of `values` (reordered in place): median = rank ceil(n/2), p90 =
// rank ceil(0.9 n), worst = the largest.
DurationStats ComputeStats(std::vector<int64_t>* values);

}  // namespace nanni
