// The chronology of a case file: one line per event, in the order of the events.
//
// Each line points at its event's citation and views its strings (the events must outlive
// the lines) and points at its people in `people`, who are met in the order the case file
// first names them: a line's sender, then its recipients, then, on a request's line, the
// sender of the request's first answer (the request's figures name them there).
#pragma once

#include <vector>

#include "casefile/case_file.h"
#include "casefile/linked_events.h"
#include "casefile/people_index.h"

namespace nanni {

// The chronology of all of `events`.
std::vector<ChronologyLine> BuildChronology(const LinkedEvents& events, PeopleIndex* people);

// The kind-specific fact a line shows as it is (a call's outcome, what was promised, an
// outcome's status, an incident's phase...); empty for kinds that have none.
std::string_view ChronologyDetail(const Event& e);

}  // namespace nanni
