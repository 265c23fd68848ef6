// nanni triage: the portfolio ranked by what each account needs now, with the evidence.
#include "main/analysis_command.h"
#include "render/triage_render.h"

namespace nanni::cli {

namespace {

struct TriageFlags {
  AnalysisFlags analysis;
  std::string format;  // "" = text, or json under --json
};

Status Render(const Triage& triage, const std::string& format, size_t limit, std::string* body) {
  if (format == "html") {
    *body = TriageHtml(triage);
    return Status::OK();
  }
  TextOrJson(
      format == "json", [&] { return TriageText(triage, limit); }, [&](JsonOut* json) { WriteTriageJson(triage, json); },
      body);
  return Status::OK();
}

Status RunTriage(const GlobalOptions& global, const TriageFlags& flags) {
  std::string format = flags.format.empty() ? (global.json ? "json" : "text") : flags.format;
  if (format == "html" && flags.analysis.out.empty()) {
    return Status::InvalidArgument("--format html: give --out FILE (a page is not for the terminal)");
  }
  return RunAnalysis(global, flags.analysis, [&](Engine* engine, const ReportMoment& moment, std::string* body) {
    Triage triage;
    NANNI_RETURN_IF_ERROR(engine->Triage(AccessScope::All(), moment, &triage));
    return Render(triage, format, flags.analysis.limit, body);
  });
}

}  // namespace

void RegisterTriageCommand(CLI::App& app, GlobalOptions& global, CommandRun* run) {
  auto flags = std::make_shared<TriageFlags>();
  CLI::App* cmd = app.add_subcommand("triage", "The accounts that need something now, most urgent first, with the evidence");
  AddAnalysisOptions(cmd, &flags->analysis, 25);
  cmd->add_option("--format", flags->format, "text, json (as --json) or html (with --out: one page, Pareto chart)")
      ->check(CLI::IsMember({"text", "json", "html"}));
  cmd->footer(
      "Reads every account from the analytic index and raises the signals of docs/triage.md:\n"
      "let_go, legal_risk, hostile_stakeholder, abusive_contact, stalled_deal, negative_margin,\n"
      "late_payer, broken_promises, impossible_deadline, level_gap, discount_badgering,\n"
      "quick_wins and advocate. Each has a score (0-1), a one-line reason and the events behind\n"
      "it; an account's urgency is the weighted sum of its signals' scores, and the playbook\n"
      "(data/triage/playbooks.toml) suggests moves for them. Thresholds, weights and the cost\n"
      "model are in nanni.toml under [signals.ID] and [economics] (docs/config.md).\n\n"
      "Examples:\n  nanni triage --limit 10\n  nanni triage --as-of 2026-06-30 --json > triage.json\n"
      "  nanni triage --format html --out triage.html\n  nanni signals northwind-logistics");
  OnChosen(cmd, run, [&global, flags] { return RunTriage(global, *flags); });
}

}  // namespace nanni::cli
