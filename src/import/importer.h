// Importer: reads events from sources into a ledger, all or nothing.
//
// One call is one transaction: either every event of every source is in the ledger
// afterwards (added, or skipped as a duplicate of what was there), or none is and the ledger
// is exactly as before (the first bad event's error is returned, naming file, line and
// field). Reading, encoding and drafting the index's facts run on a second thread, scoring
// their tone on a third, while this one chains and stores, in batches.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "import/event_source.h"
#include "import/import_limits.h"
#include "import/import_reject.h"
#include "index/index_builder.h"
#include "ledger/ledger_store.h"
#include "ledger/ledger_writer.h"
#include "tone/tone_model.h"

namespace nanni {

struct ImportOptions {
  int64_t recorded_utc_micros = 0;  // recording time of the new entries; 0: now
  bool progress = true;             // a progress bar on a terminal
  // Events whose canonical encoding is larger are refused (import/import_limits.h).
  size_t max_event_bytes = kDefaultMaxEventBytes;
  // Lenient: an event over the limit is reported to on_reject with its whole unit (the
  // source's position), and the import goes on. Strict: it stops the import.
  bool lenient = false;
  RejectSink on_reject;
  // The analytic index to keep up in the same transaction (its builder continues the index
  // the ledger has; the engine prepares it), with the tone model its facts are scored by.
  IndexBuilder* index = nullptr;
  const ToneModel* tone_model = nullptr;  // nullptr: ToneModel::Default()
};

struct ImportSummary {
  uint64_t read = 0;        // events read from the sources
  uint64_t added = 0;       // appended to the ledger
  uint64_t duplicates = 0;  // already in the ledger (or earlier in the same import)
  uint64_t rejected = 0;    // events over the size limit left out (lenient only)
  // Units read per name, in the order first met: {"rows", 1200}, {"messages", 40}.
  std::vector<std::pair<std::string, uint64_t>> units;
  std::vector<std::string> notes;  // every source's Notes(), in source order
  TreeHead head;           // the chain head after the import
  double seconds = 0;
};

// Imports into `store` in a transaction of its own, without the analytic index (which the
// engine then brings up to date when it next reads): for tests of the ledger alone.
Status ImportEvents(LedgerStore* store, std::vector<std::unique_ptr<EventSource>> sources,
                    const ImportOptions& options, ImportSummary* summary);

// Imports through `writer`, whose transaction is open, and commits it when all went well.
// options.index, when set, gets the facts of every event added and writes its blocks into the
// transaction.
Status ImportInto(LedgerWriter* writer, std::vector<std::unique_ptr<EventSource>> sources,
                  const ImportOptions& options, ImportSummary* summary);

}  // namespace nanni
