// The promises of a case file: commitments (ours or theirs) and the customer's deadlines,
// each with how it ended.
//
// A promise ends with its last commitment outcome (kept, broken or withdrawn), else it is
// open. It is late by how long it was settled after its due date, or, when open, by how long
// as_of is past it; it is past due when due before as_of and not kept on time (withdrawn
// ones never are). A deadline is met when kept no later than due. Its early update is the
// first status update that refers to it before its due date. docs/case-file.md has the rest.
#pragma once

#include <vector>

#include "casefile/case_file.h"
#include "casefile/linked_events.h"
#include "casefile/people_index.h"

namespace nanni {

// The promises of `kind` (kCommitment or kDeadline) among `events`, in their order, with
// their outcomes and updates as of `as_of`. People are copied from `people`.
std::vector<PromiseItem> BuildPromises(const LinkedEvents& events, EventKind kind, const Timestamp& as_of,
                                       PeopleIndex* people);

}  // namespace nanni
