// CaseInput: one account's events as the ledger recorded them, read up to a moment.
//
// The case file and the briefing are built from these. Two moments cut them:
//   as_of        keeps events whose event time is <= as_of: the record of what had happened by
//                then, as the ledger knows it today (history imported later still counts,
//                which is what a dispute about "the 3rd" needs when archives arrive late);
//   recorded_by  also drops events the ledger recorded after it: exactly what the ledger held
//                at that moment, to reproduce an earlier report ("what did we know on the 3rd").
// Open requests' ages and open incidents' downtime are measured at as_of. Corrections: an event whose `corrects` names an
// earlier event of the same kind replaces it (keeping the old id, so replies still link, and
// citing the correction); a correction of another kind is shown beside the original.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "casefile/case_file.h"
#include "event/event.h"
#include "ledger/ledger_store.h"
#include "util/sha256.h"
#include "util/status.h"

namespace nanni {

struct CaseEvent {
  Event event;
  Citation cite;
  int64_t recorded_utc_micros = 0;
};

// Reads `account`'s events known at `as_of_utc_micros`, in event-time order (then seq).
// NotFound when the ledger has no event of the account at all.
Status LoadCaseEvents(LedgerStore* store, const std::string& account, int64_t as_of_utc_micros,
                      int64_t recorded_by_utc_micros, std::vector<CaseEvent>* out);

// The same cut applied to events already in memory. Sorts by time then seq, drops events after
// `as_of` or recorded after `recorded_by`, and applies corrections.
void PrepareCaseEvents(int64_t as_of_utc_micros, int64_t recorded_by_utc_micros,
                       std::vector<CaseEvent>* events);

// The citation of an event stored as `seq` with chain hash `hash` (it keeps the first 12 hex
// digits).
Citation CiteOf(const Event& e, uint64_t seq, const Digest& hash);

// How a report names a contact.
CasePerson PersonOf(const Contact& c);

}  // namespace nanni
