// Importer: reads events from sources into a ledger, all or nothing.
//
// One call is one transaction: either every event of every source is in the ledger
// afterwards (added, or skipped as a duplicate of what was there), or none is and the ledger
// is exactly as before (the first bad event's error is returned, naming file, line and
// field). Reading and encoding run on a second thread while this one chains and stores.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "import/event_source.h"
#include "ledger/ledger_store.h"

namespace nanni {

struct ImportOptions {
  int64_t recorded_utc_micros = 0;  // recording time of the new entries; 0: now
  bool progress = true;             // a progress bar on a terminal
};

struct ImportSummary {
  uint64_t read = 0;        // events read from the sources
  uint64_t added = 0;       // appended to the ledger
  uint64_t duplicates = 0;  // already in the ledger (or earlier in the same import)
  uint64_t rejected = 0;    // refused (the import then fails as a whole)
  ChainHead head;           // the chain head after the import
  double seconds = 0;
  std::vector<std::string> notes;  // every source's Notes(), in order
};

Status ImportEvents(LedgerStore* store, std::vector<std::unique_ptr<EventSource>> sources,
                    const ImportOptions& options, ImportSummary* summary);

}  // namespace nanni
