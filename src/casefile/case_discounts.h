// The discount requests of a case file: who asked, for what, and for how much when they
// said (the `percent` attribute).
#pragma once

#include <vector>

#include "casefile/case_file.h"
#include "casefile/linked_events.h"
#include "casefile/people_index.h"

namespace nanni {

// The discount requests of `events`, in their order. People are copied from `people`.
std::vector<DiscountItem> BuildDiscountRequests(const LinkedEvents& events, PeopleIndex* people);

}  // namespace nanni
