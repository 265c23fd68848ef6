// EconomicsBuilder: each account's revenue, cost to serve, margin and payment behaviour over
// the cost model's window before the report moment, and the Pareto view (docs/economics.md).
// Reads the analytic index only; the account's events through an AccountView.
#pragma once

#include "config/triage_settings.h"
#include "engine/account_view.h"
#include "engine/economics.h"
#include "index/index_snapshot.h"
#include "ledger/access_scope.h"
#include "ledger/effective_events.h"

namespace nanni {

// What our time on event i cost: a call's handle time, or the minutes of an event our side
// sent on its channel, at the cost per minute of our person's level; 0 for theirs.
int64_t OurTimeCost(const AccountView& view, size_t i, const CostModel& costs);

// One account's figures (row.account is left for the caller to set).
AccountEconomics AccountEconomicsOf(const AccountView& view, const CostModel& costs);

// The portfolio's totals and Pareto view over `out->rows` (the priced ones).
void SummarizeEconomics(const CostModel& costs, Economics* out);

class EconomicsBuilder {
 public:
  // `index` (loaded with calls, money, incidents and contracts, finished) and `costs` must
  // outlive the builder.
  EconomicsBuilder(const IndexSnapshot& index, const CostModel& costs) : index_(index), costs_(costs) {}

  Economics Build(const AccessScope& scope, const ReportMoment& moment);

 private:
  const IndexSnapshot& index_;
  const CostModel& costs_;
};

}  // namespace nanni
