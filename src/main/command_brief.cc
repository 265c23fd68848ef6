// nanni brief ACCOUNT: who the account's people are, who spoke with whom, what is waiting.
#include "casefile/briefing_builder.h"
#include "main/report_command.h"

namespace nanni::cli {

namespace {

Status RunBrief(const GlobalOptions& global, const ReportFlags& flags) {
  // Kept until the process exits (reachable, so not a leak), as in `nanni case`.
  static LoadedCase* loaded = new LoadedCase();
  NANNI_RETURN_IF_ERROR(LoadCase(global, flags, loaded));
  static Briefing* b = new Briefing(BriefingBuilder().Build(loaded->case_file, loaded->events));
  return WriteReport(global, flags, RenderBriefing(*b, loaded->format, loaded->render));
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
