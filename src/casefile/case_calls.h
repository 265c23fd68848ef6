// The calls of a case file, with what the phone system recorded of each: outcome, agent,
// queue, direction, transfer, and the seconds spent waiting in the queue, handled and in the
// IVR (0 when not recorded).
#pragma once

#include <vector>

#include "casefile/case_file.h"
#include "casefile/linked_events.h"
#include "casefile/people_index.h"

namespace nanni {

// The calls of `events`, in their order. People are copied from `people`.
std::vector<CallItem> BuildCalls(const LinkedEvents& events, PeopleIndex* people);

}  // namespace nanni
