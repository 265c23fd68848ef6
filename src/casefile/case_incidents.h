// The incidents of a case file: the incident events that share an `incident` id, as one
// item each, and how long each was down.
//
// An incident starts with its first "start" phase and ends with its last other phase; its
// what and severity are the first ones given. Downtime runs from start to end, or to as_of
// while it is ongoing (no end yet); an incident with no start has no downtime.
#pragma once

#include <vector>

#include "casefile/case_file.h"
#include "casefile/linked_events.h"

namespace nanni {

// The incidents of `events` as of `as_of`, in the order they started (or ended, for one
// with no start), ties in the order of their ids.
std::vector<IncidentItem> BuildIncidents(const LinkedEvents& events, const Timestamp& as_of);

}  // namespace nanni
