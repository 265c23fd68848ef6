// TriageBuilder: the triage of the accounts a scope allows (engine/triage.h, docs/triage.md).
//
// One pass over the portfolio's promises learns how long we take to deliver (the delivery
// norms impossible_deadline compares with); then, account by account and in parallel, it
// reads the account through an AccountView, computes its economics, runs the detectors of
// engine/signals/ (each one concern), adds let_go where its three parts meet, ranks the
// account by the weighted scores of its signals and attaches the playbook's moves.
// Evidence is left with seqs: the engine cites the ids (engine/evidence.h).
#pragma once

#include "casefile/business_clock.h"
#include "config/triage_settings.h"
#include "engine/playbook.h"
#include "engine/triage.h"
#include "index/index_snapshot.h"
#include "ledger/access_scope.h"
#include "ledger/effective_events.h"

namespace nanni {

class TriageBuilder {
 public:
  // Everything given must outlive the builder; `index` loaded with kIndexAll and finished.
  TriageBuilder(const IndexSnapshot& index, const BusinessClock& clock, const TriageSettings& settings,
                const Playbook& playbook)
      : index_(index), clock_(clock), settings_(settings), playbook_(playbook) {}

  Status Build(const AccessScope& scope, const ReportMoment& moment, Triage* out);

 private:
  const IndexSnapshot& index_;
  const BusinessClock& clock_;
  const TriageSettings& settings_;
  const Playbook& playbook_;
};

}  // namespace nanni
