// PortfolioBuilder: the portfolio (engine/portfolio.h) from the analytic index, without
// decoding a single event body.
//
// Per account it takes the account's facts, keeps those in effect at the moment through the
// layer every analysis shares (ledger/effective_events.h), links replies, outcomes and updates
// by identity as the case file does, and computes each group of figures in a function of its
// own. The same definitions as the case file's builders (casefile/case_file_builder.h), checked
// account by account against them in tests/engine/portfolio_test.cc.
#pragma once

#include <cstdint>
#include <vector>

#include "casefile/business_clock.h"
#include "engine/portfolio.h"
#include "index/index_snapshot.h"
#include "ledger/access_scope.h"
#include "ledger/effective_events.h"

namespace nanni {

class PortfolioBuilder {
 public:
  // `index` (loaded with kIndexAll and finished) and `clock` must outlive the builder.
  PortfolioBuilder(const IndexSnapshot& index, const BusinessClock& clock) : index_(index), clock_(clock) {}

  // The rows of the accounts `scope` allows, by account name.
  Portfolio Build(const AccessScope& scope, const ReportMoment& moment);

 private:
  const IndexSnapshot& index_;
  const BusinessClock& clock_;
};

}  // namespace nanni
