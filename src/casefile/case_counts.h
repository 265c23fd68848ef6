// The counts a case file opens with, from its items: events, requests (answered and open),
// commitments by owner and how many broke, deadlines, incidents and their downtime,
// escalations, invoices (and how many still owe money), discount requests and calls.
#pragma once

#include "casefile/case_file.h"

namespace nanni {

// The counts of `cf`, whose chronology, items and overall time statistics are built (its
// events are the lines of its chronology, one per event).
CaseCounts CountCase(const CaseFile& cf);

}  // namespace nanni
