// nanni escalations: every escalation's root cause, the causes ranked, the time to fix.
#include "main/analysis_command.h"
#include "render/triage_render.h"

namespace nanni::cli {

namespace {

Status RunEscalations(const GlobalOptions& global, const AnalysisFlags& flags) {
  return RunAnalysis(global, flags, [&](Engine* engine, const ReportMoment& moment, std::string* body) {
    Escalations escalations;
    NANNI_RETURN_IF_ERROR(engine->Escalations(AccessScope::All(), moment, &escalations));
    TextOrJson(
        global.json, [&] { return EscalationsText(escalations, flags.limit); },
        [&](JsonOut* json) { WriteEscalationsJson(escalations, json); }, body);
    return Status::OK();
  });
}

}  // namespace

void RegisterEscalationsCommand(CLI::App& app, GlobalOptions& global, CommandRun* run) {
  auto flags = std::make_shared<AnalysisFlags>();
  CLI::App* cmd = app.add_subcommand("escalations", "Escalations by root cause, across accounts, with cost and time to fix");
  AddAnalysisOptions(cmd, flags.get(), 30);
  cmd->footer(
      "Each escalation gets a root cause: the one its event records (`cause`), or one inferred\n"
      "from the events before it, in this order: an incident under way or just ended, a\n"
      "promise of ours broken, a request of theirs left unanswered or chased, the same request\n"
      "asked again, an overdue invoice; else other (docs/escalations.md has the rules). Causes\n"
      "are ranked by count, then cost; fix time runs to our first answer after it (to the\n"
      "incident's end for incident).\n\n"
      "Examples:\n  nanni escalations\n  nanni --json escalations --out escalations.json");
  OnChosen(cmd, run, [&global, flags] { return RunEscalations(global, *flags); });
}

}  // namespace nanni::cli
