#include "main/analysis_command.h"

namespace nanni::cli {

void AddAnalysisOptions(CLI::App* cmd, AnalysisFlags* flags, size_t limit_default) {
  cmd->add_option("--as-of", flags->as_of,
                  "The record as of this moment: events that happened by then (RFC 3339, or "
                  "YYYY-MM-DD in UTC; default: now)");
  cmd->add_option("--recorded-by", flags->recorded_by, "Also leave out events the ledger recorded after this moment");
  cmd->add_option("--out", flags->out, "Write to this file instead of standard output (whole or not at all)");
  if (limit_default == 0) return;
  flags->limit = limit_default;
  cmd->add_option("--limit", flags->limit, "Text output: at most this many rows (0: all; JSON always has all)")
      ->capture_default_str();
}

void TextOrJson(bool json, const std::function<std::string()>& text, const std::function<void(JsonOut*)>& write,
                std::string* body) {
  if (!json) {
    *body = text();
    return;
  }
  JsonOut out;
  write(&out);
  *body = out.Take() + "\n";
}

Status RunAnalysis(const GlobalOptions& global, const AnalysisFlags& flags, const Analysis& analyse) {
  std::unique_ptr<OutputFile> out;
  NANNI_RETURN_IF_ERROR(OutputFile::Open("--out", flags.out.empty() ? "-" : flags.out, ProtectedFor(global), &out));
  ReportMoment moment;
  NANNI_RETURN_IF_ERROR(ParseMoment(flags.as_of, flags.recorded_by, &moment));
  std::unique_ptr<Engine> engine;
  NANNI_RETURN_IF_ERROR(OpenEngine(global, LedgerAccess::kRead, &engine));
  std::string body;
  NANNI_RETURN_IF_ERROR(analyse(engine.get(), moment, &body));
  NoteStaleIndex(engine.get());
  NANNI_RETURN_IF_ERROR(out->Write(body));
  return out->Commit();
}

}  // namespace nanni::cli
