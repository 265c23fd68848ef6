#include "main/report_command.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "main/process_heap.h"
#include "util/printable.h"

namespace nanni::cli {

void AddReportOptions(CLI::App* cmd, ReportFlags* flags) {
  cmd->add_option("ACCOUNT", flags->account, "The account (as `nanni accounts` lists it)")->required();
  cmd->add_option("--as-of", flags->as_of,
                  "Report as of this moment: only events that happened by then; open requests are "
                  "aged to it (RFC 3339, or YYYY-MM-DD in UTC; default: now)");
  cmd->add_option("--recorded-by", flags->recorded_by,
                  "Also leave out events the ledger recorded after this moment (what the ledger "
                  "held then)");
  cmd->add_option("--format", flags->format, "text (default), md, json or html");
  cmd->add_option("--out", flags->out, "Write to this file instead of standard output");
}

namespace {

Status OpenReportTarget(const GlobalOptions& global, const ReportFlags& flags, ReportTarget* target) {
  std::string format = flags.format.empty() ? (global.json ? "json" : "text") : flags.format;
  if (!ParseReportFormat(format, &target->format)) {
    return Status::InvalidArgument(fmt::format("--format: unknown format '{}'\nhint: use text, md, json "
                                               "or html", Printable(format)));
  }
  target->render.color = flags.out.empty() && target->format == ReportFormat::kText &&
                         isatty(fileno(stdout)) && std::getenv("NO_COLOR") == nullptr;
  return OutputFile::Open("--out", flags.out.empty() ? "-" : flags.out, ProtectedFor(global), &target->out);
}

Status BuildCase(const GlobalOptions& global, const ReportFlags& flags, std::unique_ptr<Engine>* engine,
                 CaseReport* report) {
  ReportMoment moment;
  NANNI_RETURN_IF_ERROR(ParseMoment(flags.as_of, flags.recorded_by, &moment));
  NANNI_RETURN_IF_ERROR(OpenEngine(global, LedgerAccess::kRead, engine));
  return (*engine)->CaseFile(AccessScope::All(), flags.account, moment, report);
}

Status WriteReport(ReportTarget* target, const std::function<void(const TextSink&)>& produce) {
  Status written;
  produce([&](std::string_view piece) {
    if (written.ok()) written = target->out->Write(piece);
  });
  NANNI_RETURN_IF_ERROR(written);
  return target->out->Commit();
}

}  // namespace

Status RunReport(const GlobalOptions& global, const ReportFlags& flags, const ReportRenderer& render) {
  PrepareHeapForReport();
  ReportTarget target;
  NANNI_RETURN_IF_ERROR(OpenReportTarget(global, flags, &target));
  std::unique_ptr<Engine> engine;
  CaseReport report;
  NANNI_RETURN_IF_ERROR(BuildCase(global, flags, &engine, &report));
  Status written = WriteReport(&target, [&](const TextSink& sink) { render(report, target, sink); });
  KeepUntilExit(std::move(report));
  return written;
}

}  // namespace nanni::cli
