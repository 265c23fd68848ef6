// nanni brief ACCOUNT: who the account's people are, who spoke with whom, what is waiting.
#include "casefile/briefing_builder.h"
#include "main/report_command.h"

namespace nanni::cli {

namespace {

void RenderBriefReport(const CaseReport& report, const ReportTarget& target, const TextSink& sink) {
  Briefing briefing = BriefingBuilder().Build(report.case_file, report.events);
  sink(RenderBriefing(briefing, target.format, target.render));
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
  OnChosen(cmd, run, [&global, flags] { return RunReport(global, *flags, RenderBriefReport); });
}

}  // namespace nanni::cli
