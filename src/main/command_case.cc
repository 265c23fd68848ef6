// nanni case ACCOUNT: the account's chronology of facts (docs/case-file.md).
#include "main/report_command.h"

namespace nanni::cli {

namespace {

void RenderCaseReport(const CaseReport& report, const ReportTarget& target, const TextSink& sink) {
  if (target.format == ReportFormat::kJson) {
    WriteCaseJson(report.case_file, sink);  // streamed: a large account is not held twice
  } else {
    sink(RenderCase(report.case_file, target.format, target.render));
  }
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
  OnChosen(cmd, run, [&global, flags] { return RunReport(global, *flags, RenderCaseReport); });
}

}  // namespace nanni::cli
