// nanni signals ACCOUNT: one account's triage in full.
#include "main/analysis_command.h"
#include "render/triage_render.h"

namespace nanni::cli {

namespace {

struct SignalsFlags {
  std::string account;
  AnalysisFlags analysis;
};

Status RunSignals(const GlobalOptions& global, const SignalsFlags& flags) {
  return RunAnalysis(global, flags.analysis, [&](Engine* engine, const ReportMoment& moment, std::string* body) {
    AccountTriage account;
    NANNI_RETURN_IF_ERROR(engine->Signals(AccessScope::All(), flags.account, moment, &account));
    TextOrJson(
        global.json, [&] { return SignalsText(account, moment.as_of); },
        [&](JsonOut* json) { WriteSignalsJson(account, moment.as_of, json); }, body);
    return Status::OK();
  });
}

}  // namespace

void RegisterSignalsCommand(CLI::App& app, GlobalOptions& global, CommandRun* run) {
  auto flags = std::make_shared<SignalsFlags>();
  CLI::App* cmd = app.add_subcommand("signals", "One account's triage signals, each with all its evidence, and the moves");
  cmd->add_option("account", flags->account, "The account id (`nanni accounts` lists them)")->required();
  AddAnalysisOptions(cmd, &flags->analysis, 0);
  cmd->footer(
      "Every signal `nanni triage` raises for the account, with every event behind it (time,\n"
      "kind, what it shows, its id in the record), the open demands ranked (quick_wins), the\n"
      "draft reference story (advocate), the account's rank, and the playbook's moves.\n\n"
      "Examples:\n  nanni signals northwind-logistics\n  nanni --json signals northwind-logistics --as-of 2026-06-30");
  OnChosen(cmd, run, [&global, flags] { return RunSignals(global, *flags); });
}

}  // namespace nanni::cli
