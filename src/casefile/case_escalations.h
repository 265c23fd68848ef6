// The escalations of a case file, each with how it ended: the latest of its last response
// (reply_to) and its last status update (refers_to), the update when both are at the same
// time; none while neither exists.
#pragma once

#include <vector>

#include "casefile/case_file.h"
#include "casefile/linked_events.h"
#include "casefile/people_index.h"

namespace nanni {

// The escalations of `events`, in their order. People are copied from `people`.
std::vector<EscalationItem> BuildEscalations(const LinkedEvents& events, PeopleIndex* people);

}  // namespace nanni
