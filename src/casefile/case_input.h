// CaseInput: one account's events in effect at a report moment, decoded, for the case file
// and the briefing.
//
// The moment and the corrections are applied by the one layer every analysis shares
// (ledger/effective_events.h): the events kept are those in effect, in event-time order, and
// an event that replaced another carries the replaced event's id (so replies still link) while
// its citation names the correction itself. Open requests' ages and open incidents' downtime
// are measured at the moment's as_of.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "casefile/case_file.h"
#include "event/event.h"
#include "ledger/effective_events.h"
#include "ledger/ledger_store.h"
#include "util/sha256.h"
#include "util/status.h"

namespace nanni {

struct CaseEvent {
  Event event;
  Citation cite;
  int64_t recorded_utc_micros = 0;
};

// Reads `account`'s events in effect at `moment`. NotFound when the ledger has no event of
// the account at all; PermissionDenied when `scope` does not allow it.
Status LoadCaseEvents(LedgerStore* store, const AccessScope& scope, const std::string& account,
                      const ReportMoment& moment, std::vector<CaseEvent>* out);
// The same with only the events of `kinds` (names, as docs/events.md has them; empty: all).
// A correction has the kind of what it corrects, so the corrections of those are kept too.
Status LoadCaseEvents(LedgerStore* store, const AccessScope& scope, const std::string& account,
                      const ReportMoment& moment, const std::vector<std::string>& kinds, std::vector<CaseEvent>* out);

// The same for events of one account already in memory (any order): keeps those in effect at
// `moment`, in effect order, with replaced ids as above.
void PrepareCaseEvents(const ReportMoment& moment, std::vector<CaseEvent>* events);

// The citation of an event stored as `seq` with leaf hash `hash` (ledger/leaf.h; it keeps
// the first 12 hex digits).
Citation CiteOf(const Event& e, uint64_t seq, const Digest& hash);

// How a report names a contact.
CasePerson PersonOf(const Contact& c);

}  // namespace nanni
