// nanni case ACCOUNT: the account's chronology of facts (docs/case-file.md).
#include "main/report_command.h"

namespace nanni::cli {

namespace {

Status RunCase(const GlobalOptions& global, const ReportFlags& flags) {
  // Kept until the process exits (reachable, so not a leak): the OS takes back the memory of
  // ten thousand events faster than freeing them one by one would.
  static LoadedCase* loaded = new LoadedCase();
  NANNI_RETURN_IF_ERROR(LoadCase(global, flags, loaded));
  if (loaded->format == ReportFormat::kJson) {
    return StreamReport(global, flags, [](const TextSink& sink) { WriteCaseJson(loaded->case_file, sink); });
  }
  static std::string* text = new std::string();
  *text = RenderCase(loaded->case_file, loaded->format, loaded->render);
  return WriteReport(global, flags, *text);
}

}  // namespace

void RegisterCaseCommand(CLI::App& app, GlobalOptions& global, CommandRun* run) {
  auto flags = std::make_shared<ReportFlags>();
  CLI::App* cmd = app.add_subcommand("case", "The case file of one account: every fact, cited");
  AddReportOptions(cmd, flags.get());
  cmd->footer(
      "Requests and whether and when they were answered, response and resolution times\n"
      "(calendar and business hours from the config), commitments and deadlines kept or\n"
      "broken, incidents, escalations, invoices, discount requests, calls, and the full\n"
      "chronology. Facts only; every line cites its source and ledger hash prefix.\n\n"
      "Examples:\n  nanni case northwind-logistics\n"
      "  nanni case northwind-logistics --as-of 2026-03-03 --format html --out case.html\n"
      "  nanni --json case northwind-logistics");
  OnChosen(cmd, run, [&global, flags] { return RunCase(global, *flags); });
}

}  // namespace nanni::cli
