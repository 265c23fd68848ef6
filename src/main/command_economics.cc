// nanni economics: what each account brings and costs, and where money and effort go.
#include "main/analysis_command.h"
#include "render/triage_render.h"

namespace nanni::cli {

namespace {

Status RunEconomics(const GlobalOptions& global, const AnalysisFlags& flags) {
  return RunAnalysis(global, flags, [&](Engine* engine, const ReportMoment& moment, std::string* body) {
    Economics economics;
    NANNI_RETURN_IF_ERROR(engine->Economics(AccessScope::All(), moment, &economics));
    TextOrJson(
        global.json, [&] { return EconomicsText(economics, flags.limit); },
        [&](JsonOut* json) { WriteEconomicsJson(economics, json); }, body);
    return Status::OK();
  });
}

}  // namespace

void RegisterEconomicsCommand(CLI::App& app, GlobalOptions& global, CommandRun* run) {
  auto flags = std::make_shared<AnalysisFlags>();
  CLI::App* cmd = app.add_subcommand("economics", "Revenue, cost to serve and margin per account; the Pareto view; late payers");
  AddAnalysisOptions(cmd, flags.get(), 50);
  cmd->footer(
      "Over the cost model's window (default the last 365 days): revenue from payments, else\n"
      "invoices, else contract value; cost to serve from our time (calls' handle time, written\n"
      "answers and meetings by channel, at the cost per minute of our person's level),\n"
      "escalations, incidents and concessions; the margin; payment behaviour (late, partial and\n"
      "unpaid invoices, days late, days sales outstanding); and the share of revenue the top\n"
      "accounts bring against the share of effort the bottom ones take. The cost model is in\n"
      "nanni.toml under [economics]; docs/economics.md works one account through by hand.\n\n"
      "Examples:\n  nanni economics\n  nanni --json economics --as-of 2026-06-30 --out economics.json");
  OnChosen(cmd, run, [&global, flags] { return RunEconomics(global, *flags); });
}

}  // namespace nanni::cli
