// Shared by `nanni case` and `nanni brief`: the options both take, and loading the account's
// events and building its case file.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "casefile/case_file.h"
#include "casefile/case_input.h"
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

struct LoadedCase {
  CaseFile case_file;
  std::vector<CaseEvent> events;
  ReportFormat format = ReportFormat::kText;
  RenderOptions render;
};

// Parses the flags, opens the ledger, reads the account's events known at --as-of and builds
// its case file.
Status LoadCase(const GlobalOptions& global, const ReportFlags& flags, LoadedCase* out);

// Writes `text` to --out or stdout through an OutputFile (util/output_file.h): whole or not
// at all, never over the ledger or the configuration.
Status WriteReport(const GlobalOptions& global, const ReportFlags& flags, const std::string& text);

// The same for a report written piece by piece: `produce` passes its text to the sink it gets.
Status StreamReport(const GlobalOptions& global, const ReportFlags& flags,
                    const std::function<void(const TextSink&)>& produce);

}  // namespace nanni::cli
