// nanni case ACCOUNT: the account's chronology of facts (docs/case-file.md).
#include "main/process_heap.h"
#include "main/report_command.h"

namespace nanni::cli {

namespace {

Status RunCase(const GlobalOptions& global, const ReportFlags& flags) {
  PrepareHeapForReport();
  ReportTarget target;
  NANNI_RETURN_IF_ERROR(OpenReportTarget(global, flags, &target));
  std::unique_ptr<Engine> engine;
  CaseReport report;
  NANNI_RETURN_IF_ERROR(BuildCase(global, flags, &engine, &report));
  Status written;
  if (target.format == ReportFormat::kJson) {
    written = WriteReport(&target, [&](const TextSink& sink) { WriteCaseJson(report.case_file, sink); });
  } else {
    std::string text = RenderCase(report.case_file, target.format, target.render);
    written = WriteReport(&target, [&](const TextSink& sink) { sink(text); });
  }
  KeepUntilExit(std::move(report));
  return written;
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
