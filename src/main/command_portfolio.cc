// nanni portfolio: every account's figures in one table, from the analytic index.
#include <fmt/format.h>

#include "main/analysis_command.h"
#include "util/json_out.h"
#include "render/portfolio_render.h"
#include "util/printable.h"

namespace nanni::cli {

namespace {

struct PortfolioFlags {
  AnalysisFlags analysis;
  std::string sort = "account";
};

Status RunPortfolio(const GlobalOptions& global, const PortfolioFlags& flags) {
  return RunAnalysis(global, flags.analysis, [&](Engine* engine, const ReportMoment& moment, std::string* body) {
    Portfolio portfolio;
    NANNI_RETURN_IF_ERROR(engine->Portfolio(AccessScope::All(), moment, &portfolio));
    SortPortfolio(flags.sort, &portfolio.rows);
    const size_t limit = flags.analysis.limit;
    if (limit > 0 && portfolio.rows.size() > limit) portfolio.rows.resize(limit);
    TextOrJson(
        global.json, [&] { return PortfolioText(portfolio, 0); },
        [&](JsonOut* json) { WritePortfolioJson(portfolio, json); }, body);
    return Status::OK();
  });
}

}  // namespace

void RegisterPortfolioCommand(CLI::App& app, GlobalOptions& global, CommandRun* run) {
  auto flags = std::make_shared<PortfolioFlags>();
  CLI::App* cmd = app.add_subcommand("portfolio", "Every account's figures: requests, response times, money, contact");
  cmd->add_option("--as-of", flags->analysis.as_of,
                  "The record as of this moment: events that happened by then; open requests aged "
                  "to it (RFC 3339, or YYYY-MM-DD in UTC; default: now)");
  cmd->add_option("--recorded-by", flags->analysis.recorded_by,
                  "Also leave out events the ledger recorded after this moment");
  cmd->add_option("--sort", flags->sort, "Order the rows (largest first, except account)")
      ->check(CLI::IsMember(PortfolioSortKeys()))
      ->capture_default_str();
  cmd->add_option("--limit", flags->analysis.limit, "At most this many rows (after sorting)");
  cmd->add_option("--out", flags->analysis.out, "Write to this file instead of standard output");
  cmd->footer(
      "One row per account: events by kind, requests answered and open, the oldest open\n"
      "request's age, response times (median, p90, in calendar and business time), incidents\n"
      "and downtime, escalations, calls and handle time, invoiced, paid and outstanding with\n"
      "days sales outstanding, and the last contact at each level on each side. Every figure\n"
      "is the one the account's case file shows for the same moment (docs/portfolio.md); it\n"
      "is read from the analytic index kept beside the ledger, so no event is decoded.\n\n"
      "Examples:\n  nanni portfolio --sort open --limit 20\n"
      "  nanni portfolio --as-of 2026-06-30 --sort oldest_open\n"
      "  nanni --json portfolio --out portfolio.json");
  OnChosen(cmd, run, [&global, flags] { return RunPortfolio(global, *flags); });
}

}  // namespace nanni::cli
