// Shared by `nanni case` and `nanni brief`: the options both take, building the account's case
// file through the engine, and writing the report.
#pragma once

#include <functional>
#include <string>

#include "engine/engine.h"
#include "main/cli.h"
#include "render/renderers.h"

namespace nanni::cli {

struct ReportFlags {
  std::string account;
  std::string as_of;        // "" = now
  std::string recorded_by;  // "" = no cut on recording time
  std::string format;  // "" = text, or json under --json
  std::string out;     // "" = stdout
};

// Adds ACCOUNT, --as-of, --recorded-by, --format and --out to `cmd`.
void AddReportOptions(CLI::App* cmd, ReportFlags* flags);

// A report about to be written: its format and rendering options, and the output file,
// checked and opened before any work is done.
struct ReportTarget {
  ReportFormat format = ReportFormat::kText;
  RenderOptions render;
  std::unique_ptr<OutputFile> out;
};

// Parses --format, opens --out (util/output_file.h: never over the ledger or the config).
Status OpenReportTarget(const GlobalOptions& global, const ReportFlags& flags, ReportTarget* target);

// Opens the engine and builds the account's case file at the moment the flags give.
Status BuildCase(const GlobalOptions& global, const ReportFlags& flags, std::unique_ptr<Engine>* engine,
                 CaseReport* report);

// Writes what `produce` passes to its sink to the target, whole or not at all.
Status WriteReport(ReportTarget* target, const std::function<void(const TextSink&)>& produce);

}  // namespace nanni::cli
