// Shared by the portfolio analyses (`triage`, `signals`, `economics`, `escalations`): the
// options they all take and the one way they run: check the flags and open --out before any
// work, open the engine read-only, analyse, say when the index was stale, write the output
// whole or not at all.
#pragma once

#include <functional>
#include <string>

#include "engine/engine.h"
#include "main/cli.h"
#include "util/json_out.h"

namespace nanni::cli {

struct AnalysisFlags {
  std::string as_of;        // "" = now
  std::string recorded_by;  // "" = no cut on recording time
  std::string out;          // "" = stdout
  size_t limit = 0;         // text output: at most this many rows (0: all)
};

// Adds --as-of, --recorded-by and --out to `cmd`, and --limit when `limit_default` > 0.
void AddAnalysisOptions(CLI::App* cmd, AnalysisFlags* flags, size_t limit_default);

// *body = text() when `json` is false, else the JSON document write() makes, with a newline.
void TextOrJson(bool json, const std::function<std::string()>& text, const std::function<void(JsonOut*)>& write,
                std::string* body);

// Runs `analyse` on the engine at the flags' moment; it sets *body to what is written (the
// caller's text or JSON document, chosen by global.json).
using Analysis = std::function<Status(Engine* engine, const ReportMoment& moment, std::string* body)>;
Status RunAnalysis(const GlobalOptions& global, const AnalysisFlags& flags, const Analysis& analyse);

}  // namespace nanni::cli
