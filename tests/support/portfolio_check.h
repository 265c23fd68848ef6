// Checks that every figure of the portfolio (engine/portfolio.h) is the one the account's case
// file and briefing show for the same moment: the portfolio is read from the analytic index,
// the case file from the decoded events, so agreement checks the index and the one read path.
#pragma once

#include <string>

#include "engine/engine.h"

namespace nanni::test {

// For every account in the ledger: builds its case file and briefing at `moment` and expects
// the portfolio row to agree, figure by figure (gtest failures name the account and figure).
// Returns the number of accounts compared.
size_t ExpectPortfolioMatchesCaseFiles(Engine* engine, const ReportMoment& moment);

// Opens an engine on the ledger at `db` (read-only, default configuration, or `config_path`).
std::unique_ptr<Engine> OpenTestEngine(const std::string& db, const std::string& config_path = "");

}  // namespace nanni::test
