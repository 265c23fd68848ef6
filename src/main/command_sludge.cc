// nanni sludge: the friction we cause our own customers, ranked by what it costs them.
#include "main/analysis_command.h"
#include "render/sludge_render.h"

namespace nanni::cli {

namespace {

struct SludgeFlags {
  AnalysisFlags analysis;
  std::string format;  // "" = text, or json under --json
};

Status RunSludge(const GlobalOptions& global, const SludgeFlags& flags) {
  const std::string format = flags.format.empty() ? (global.json ? "json" : "text") : flags.format;
  if (format == "html" && flags.analysis.out.empty()) {
    return Status::InvalidArgument("--format html: give --out FILE (a page is not for the terminal)");
  }
  return RunAnalysis(global, flags.analysis, [&](Engine* engine, const ReportMoment& moment, std::string* body) {
    Sludge sludge;
    NANNI_RETURN_IF_ERROR(engine->Sludge(AccessScope::All(), moment, &sludge));
    if (format == "html") {
      *body = SludgeHtml(sludge);
      return Status::OK();
    }
    TextOrJson(
        format == "json", [&] { return SludgeText(sludge, flags.analysis.limit); },
        [&](JsonOut* json) { WriteSludgeJson(sludge, json); }, body);
    return Status::OK();
  });
}

}  // namespace

void RegisterSludgeCommand(CLI::App& app, GlobalOptions& global, CommandRun* run) {
  auto flags = std::make_shared<SludgeFlags>();
  CLI::App* cmd = app.add_subcommand("sludge", "The friction we cause customers: queues, calls cut short, chasing, missed promises");
  AddAnalysisOptions(cmd, &flags->analysis, 20);
  cmd->add_option("--format", flags->format, "text, json (as --json) or html (with --out: one page with charts)")
      ->check(CLI::IsMember({"text", "json", "html"}));
  cmd->footer(
      "An audit of our own friction, read from the record (docs/sludge.md):\n"
      "  calls     waits by hour and queue, service level (answered within 20 s and 60 s), speed\n"
      "            of answer, abandonment, the patience of waiting callers (Kaplan-Meier), service\n"
      "            times per agent, transfers, customers calling again within 24 hours / 7 days;\n"
      "  cut short agents whose share of very short services is far above the others', and\n"
      "            service times bunched just below a handle-time target (a bunching estimate with\n"
      "            a bootstrap), each checked against how soon those customers called back;\n"
      "  written   requests handed between our people, reopened, chased, bounced, and the time\n"
      "            waiting on us against the time waiting on them;\n"
      "  promises  dates we promised against when we delivered, and whether we warned first.\n"
      "Findings are ranked by the customers' time they cost: waiting plus contacts made again.\n"
      "Thresholds are in nanni.toml under [sludge.PART] (data/triage/sludge.toml has them all).\n\n"
      "Examples:\n  nanni sludge\n  nanni sludge --as-of 2026-06-30 --json > sludge.json\n"
      "  nanni sludge --format html --out sludge.html");
  OnChosen(cmd, run, [&global, flags] { return RunSludge(global, *flags); });
}

}  // namespace nanni::cli
