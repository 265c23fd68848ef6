// SludgeBuilder: the sludge audit of the accounts a scope allows at a report moment
// (engine/sludge.h, docs/sludge.md). Accounts are read in parallel, each through its
// AccountView, into one tally per worker (engine/sludge/*_tally.h); the tallies are merged, and
// the detectors of calls cut short (engine/sludge/cut_short.h) and the ranking read the whole.
#pragma once

#include "config/triage_settings.h"
#include "engine/sludge.h"
#include "index/index_snapshot.h"
#include "ledger/access_scope.h"
#include "ledger/effective_events.h"

namespace nanni {

class SludgeBuilder {
 public:
  // `index` (loaded with calls and promises, finished) and `settings` must outlive the builder.
  SludgeBuilder(const IndexSnapshot& index, const TriageSettings& settings) : index_(index), settings_(settings) {}

  // The missed promises' ids are left empty: the engine cites them.
  Status Build(const AccessScope& scope, const ReportMoment& moment, Sludge* out);

 private:
  const IndexSnapshot& index_;
  const TriageSettings& settings_;
};

}  // namespace nanni
