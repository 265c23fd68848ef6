// nanni brief ACCOUNT: who the account's people are, who spoke with whom, what is waiting.
#include "casefile/briefing_builder.h"
#include "main/process_heap.h"
#include "main/report_command.h"

namespace nanni::cli {

namespace {

Status RunBrief(const GlobalOptions& global, const ReportFlags& flags) {
  PrepareHeapForReport();
  ReportTarget target;
  NANNI_RETURN_IF_ERROR(OpenReportTarget(global, flags, &target));
  std::unique_ptr<Engine> engine;
  CaseReport report;
  NANNI_RETURN_IF_ERROR(BuildCase(global, flags, &engine, &report));
  Briefing briefing = BriefingBuilder().Build(report.case_file, report.events);
  std::string text = RenderBriefing(briefing, target.format, target.render);
  Status written = WriteReport(&target, [&](const TextSink& sink) { sink(text); });
  KeepUntilExit(std::move(report));
  return written;
}

}  // namespace

void RegisterBriefCommand(CLI::App& app, GlobalOptions& global, CommandRun* run) {
  auto flags = std::make_shared<ReportFlags>();
  CLI::App* cmd = app.add_subcommand("brief", "The briefing on one account: people, contacts, demands");
  AddReportOptions(cmd, flags.get());
  cmd->footer(
      "The people on both sides by level, who spoke with whom and how often, the last\n"
      "contact at each level, the longest-waiting open requests, and the customer's demands\n"
      "grouped where they repeat.\n\n"
      "Examples:\n  nanni brief northwind-logistics\n"
      "  nanni brief northwind-logistics --format md --out brief.md");
  OnChosen(cmd, run, [&global, flags] { return RunBrief(global, *flags); });
}

}  // namespace nanni::cli
