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

// Writes the account's report: `render` gets the case file the flags ask for (at their moment)
// and the target (format, rendering options), and passes the text to its sink, in pieces or
// whole. The flags are checked and --out opened (util/output_file.h: never over the ledger or
// the config) before the ledger is read; the output is written whole or not at all.
using ReportRenderer = std::function<void(const CaseReport& report, const ReportTarget& target,
                                          const TextSink& sink)>;
Status RunReport(const GlobalOptions& global, const ReportFlags& flags, const ReportRenderer& render);

}  // namespace nanni::cli
