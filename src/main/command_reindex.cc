// nanni reindex: rebuild the analytic index from the ledger alone.
#include <fmt/format.h>

#include "main/cli.h"
#include "util/json_out.h"
#include "util/progress_bar.h"
#include "util/time.h"

namespace nanni::cli {

namespace {

Status RunReindex(const GlobalOptions& global) {
  std::unique_ptr<Engine> engine;
  NANNI_RETURN_IF_ERROR(OpenEngine(global, LedgerAccess::kWrite, &engine));
  uint64_t size = 0;
  NANNI_RETURN_IF_ERROR(engine->store()->Size(AccessScope::All(), &size));
  ProgressBar progress("reindex", size, "events");
  int64_t start = NowMicros();
  uint64_t indexed = 0;
  NANNI_RETURN_IF_ERROR(engine->Reindex([&](uint64_t done) { progress.Update(done, done); }, &indexed));
  progress.Finish();
  double seconds = (NowMicros() - start) / 1e6;
  if (global.json) {
    JsonOut json;
    json.BeginObject().Field("indexed", indexed).Key("seconds").Fixed(seconds, 3).EndObject().Raw("\n");
    fmt::print("{}", json.Take());
  } else {
    fmt::print("rebuilt the analytic index of {} events in {:.2f} s\n", indexed, seconds);
  }
  return Status::OK();
}

}  // namespace

void RegisterReindexCommand(CLI::App& app, GlobalOptions& global, CommandRun* run) {
  CLI::App* cmd = app.add_subcommand("reindex", "Rebuild the analytic index from the ledger alone");
  cmd->footer(
      "The analytic index (docs/index.md) is a compact form of every event kept beside the\n"
      "ledger, which `portfolio` and `tone` read instead of decoding events. Imports keep it\n"
      "up to date in their own transaction; `verify` checks it against the ledger. Rebuild it\n"
      "after upgrading nanni (a read command says when the stored index is not current), or\n"
      "when verify reports that it disagrees. It is never the record: the ledger is. One\n"
      "transaction; other commands read the old index until it commits.\n\n"
      "Example:\n  nanni reindex");
  OnChosen(cmd, run, [&global] { return RunReindex(global); });
}

}  // namespace nanni::cli
