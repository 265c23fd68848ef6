// nanni generate: write a realistic, deterministic demo portfolio as NDJSON.
#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "event/canonical.h"
#include "generate/portfolio_generator.h"
#include "main/cli.h"
#include "util/json_out.h"
#include "util/printable.h"
#include "util/progress_bar.h"

namespace nanni::cli {

namespace {

struct GenerateFlags {
  GeneratorOptions options;
  std::string out;
  std::string truth;
};

}  // namespace

Status GenerateToFile(const GeneratorOptions& options, const std::string& out_path,
                      const std::string& truth_path, ProtectedFiles protect, GeneratorTruth* truth) {
  std::unique_ptr<OutputFile> out, truth_out;
  NANNI_RETURN_IF_ERROR(OutputFile::Open("--out", out_path, protect, &out));
  if (!truth_path.empty()) {
    protect.Add(out_path, "the --out file");
    NANNI_RETURN_IF_ERROR(OutputFile::Open("--truth", truth_path, protect, &truth_out));
  }
  ProgressBar progress("generate", options.target_events, "events", out_path != "-");
  std::string line, chunk;
  uint64_t n = 0;
  NANNI_RETURN_IF_ERROR(GeneratePortfolio(options, [&](const Event& e) -> Status {
    EncodeCanonical(e, &line);
    chunk += line;
    chunk.push_back('\n');
    if (chunk.size() >= (1 << 20)) {
      NANNI_RETURN_IF_ERROR(out->Write(chunk));
      chunk.clear();
    }
    if (++n % 65536 == 0) progress.Update(n, n);
    return Status::OK();
  }, truth));
  progress.Finish();
  NANNI_RETURN_IF_ERROR(out->Write(chunk));
  NANNI_RETURN_IF_ERROR(out->Commit());
  if (!truth_out) return Status::OK();
  NANNI_RETURN_IF_ERROR(truth_out->Write(TruthToJson(options, *truth)));
  return truth_out->Commit();
}

namespace {

Status RunGenerate(const GlobalOptions& global, const GenerateFlags& flags) {
  if (flags.options.accounts < 12) {
    return Status::InvalidInput("--accounts must be at least 12 (one for each planted situation)");
  }
  if (flags.options.months < 1) return Status::InvalidInput("--months must be at least 1");
  GeneratorTruth truth;
  NANNI_RETURN_IF_ERROR(GenerateToFile(flags.options, flags.out, flags.truth, ProtectedFor(global), &truth));
  if (flags.out == "-") return Status::OK();
  if (global.json) {
    JsonOut json;
    json.BeginObject().Field("events", truth.events).Field("accounts", truth.accounts.size())
        .Field("out", flags.out).EndObject().Raw("\n");
    fmt::print("{}", json.Take());
  } else {
    fmt::print("wrote {} events for {} accounts to {}{}\n", truth.events, truth.accounts.size(),
               Printable(flags.out, 200),
               flags.truth.empty() ? "" : fmt::format(" (truth: {})", Printable(flags.truth, 200)));
  }
  return Status::OK();
}

}  // namespace

void RegisterGenerateCommand(CLI::App& app, GlobalOptions& global, CommandRun* run) {
  auto flags = std::make_shared<GenerateFlags>();
  CLI::App* cmd = app.add_subcommand("generate", "Write a realistic demo portfolio as NDJSON");
  cmd->add_option("--seed", flags->options.seed, "Random seed: the same seed gives the same file")
      ->capture_default_str();
  cmd->add_option("--accounts", flags->options.accounts, "How many accounts (at least 12)")
      ->capture_default_str();
  cmd->add_option("--months", flags->options.months, "Months of history, ending 2026-10-31")
      ->capture_default_str();
  cmd->add_option("--events", flags->options.target_events,
                  "Aim for about this many events in all (default: natural volume)");
  cmd->add_option("--out", flags->out, "Where to write the events (- for stdout)")->required();
  cmd->add_option("--truth", flags->truth,
                  "Also write the truth as JSON: the planted situations (accounts, contacts), the "
                  "triage signals each account should raise (expected_signals) and every escalation's "
                  "cause (escalation_causes)");
  cmd->footer(
      "The portfolio has contacts on both sides at every level, business hours in each\n"
      "account's time zone, threads, calls, commitments, incidents, invoices and payments, and\n"
      "plants the situations nanni is built to find (docs/generate.md).\n\n"
      "Examples:\n  nanni generate --seed 7 --accounts 200 --months 24 --out p.ndjson --truth t.json\n"
      "  nanni generate --accounts 2000 --events 10000000 --out big.ndjson");
  OnChosen(cmd, run, [&global, flags] { return RunGenerate(global, *flags); });
}

}  // namespace nanni::cli
