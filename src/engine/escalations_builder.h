// EscalationsBuilder: every escalation of the accounts a scope allows, with its root cause
// (the recorded `cause`, or the first rule of docs/escalations.md that the events before it
// meet), its time to fix and its cost; and the causes ranked across accounts.
#pragma once

#include "casefile/business_clock.h"
#include "config/triage_settings.h"
#include "engine/escalations.h"
#include "index/index_snapshot.h"
#include "ledger/access_scope.h"
#include "ledger/effective_events.h"

namespace nanni {

class EscalationsBuilder {
 public:
  // `index` (loaded with calls, money, promises, incidents and escalations, finished), `clock` and `settings` must outlive the
  // builder.
  EscalationsBuilder(const IndexSnapshot& index, const BusinessClock& clock, const TriageSettings& settings)
      : index_(index), clock_(clock), settings_(settings) {}

  // Evidence is left with seq, kind, time and note; its ids are cited by the engine.
  Status Build(const AccessScope& scope, const ReportMoment& moment, Escalations* out);

 private:
  const IndexSnapshot& index_;
  const BusinessClock& clock_;
  const TriageSettings& settings_;
};

}  // namespace nanni
