// Citing the record: the analyses find the events behind a figure in the analytic index,
// which knows them by seq; a reader wants them by their ids, with what they say. EventReader
// reads single events from the store; CiteTriage and CiteEscalations fill in the ids, the
// subjects of demands and the advocate's draft story, for the few events a report cites.
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "engine/escalations.h"
#include "engine/sludge.h"
#include "engine/triage.h"
#include "event/event.h"
#include "event/event_decoder.h"
#include "ledger/ledger_store.h"

namespace nanni {

class EventReader {
 public:
  explicit EventReader(LedgerStore* store) : store_(store) {}  // the store must outlive it

  // Decodes event `seq` into *out (Corruption when its body does not decode).
  Status Read(uint64_t seq, Event* out);
  // Sets the id of every piece of evidence that has a seq and no id yet, in one pass over the
  // store that decodes nothing (LedgerStore::SourceIds).
  Status CiteAll(const std::vector<Evidence*>& evidence);

 private:
  LedgerStore* store_;
  EventDecoder decoder_;
};

// What a demand asked, for a reader: its subject without "Re:", or the start of its text.
std::string DemandSubject(const Event& e);

// Cites the evidence of `accounts` (one pass over the store for every id), names their open
// demands and drafts the advocate's story.
Status CiteAccounts(EventReader* reader, std::span<AccountTriage> accounts);
Status CiteEscalations(EventReader* reader, Escalations* escalations);
// Cites the missed promises of the sludge audit.
Status CiteSludge(EventReader* reader, Sludge* sludge);

}  // namespace nanni
