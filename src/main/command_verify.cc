// nanni verify: recompute the hash chain and name the first event that does not match.
#include <fmt/format.h>

#include <optional>

#include "event/canonical.h"
#include "ledger/verifier.h"
#include "main/cli.h"
#include "util/json_out.h"
#include "util/printable.h"
#include "util/progress_bar.h"
#include "util/time.h"

namespace nanni::cli {

namespace {

struct VerifyFlags {
  std::string receipt;
};

Status RunVerify(const GlobalOptions& global, const VerifyFlags& flags) {
  std::unique_ptr<Engine> engine;
  NANNI_RETURN_IF_ERROR(OpenEngine(global, LedgerAccess::kRead, &engine));
  uint64_t size = 0;
  NANNI_RETURN_IF_ERROR(engine->store()->Size(AccessScope::All(), &size));

  ProgressBar progress("verify", size, "events");
  VerifyReport report;
  IndexCheck index;
  int64_t start = NowMicros();
  Status st = engine->Verify([&](uint64_t done) { progress.Update(done, done); }, &report, &index);
  progress.Finish();
  if (!index.stale.empty()) {
    report.notes.push_back(fmt::format("the analytic index is not current ({}); it is rebuilt by the next "
                                       "import or by `nanni reindex`", index.stale));
  }
  double seconds = (NowMicros() - start) / 1e6;
  if (!st.ok() && st.code() != Status::Code::kCorruption) return st;

  if (global.json) {
    JsonOut json;
    json.BeginObject().Field("ok", st.ok()).Field("checked", report.checked)
        .Key("seconds").Fixed(seconds, 3).Field("root", ToHex(report.head.root)).Key("failure");
    if (st.ok()) {
      json.Null();
    } else {
      json.BeginObject().Key("seq");
      report.first_bad_seq ? json.Int(static_cast<int64_t>(*report.first_bad_seq)) : json.Null();
      json.Field("message", st.message()).EndObject();
    }
    json.Key("index").BeginObject().Field("covered", index.covered).Field("checked", index.checked)
        .Field("stale", index.stale).Field("mismatch", index.mismatch).EndObject();
    json.Key("notes").BeginArray();
    for (const std::string& note : report.notes) json.String(note);
    json.EndArray().EndObject().Raw("\n");
    fmt::print("{}", json.Take());
  } else if (st.ok()) {
    fmt::print("ok: {} events verified in {:.2f} s; tree root {}\n", report.checked, seconds,
               ToHex(report.head.root));
    fmt::print("analytic index: {} events rebuilt from the ledger and matched\n", index.checked);
    for (const std::string& note : report.notes) fmt::print("note: {}\n", note);
  }
  return st.ok() ? st : st.WithPrefix("verification FAILED");
}

}  // namespace

void RegisterVerifyCommand(CLI::App& app, GlobalOptions& global, CommandRun* run) {
  auto flags = std::make_shared<VerifyFlags>();
  CLI::App* cmd = app.add_subcommand("verify", "Recompute the hash chain; name the first bad event");
  cmd->add_option("--receipt", flags->receipt,
                  "Also check that the ledger still matches a receipt COUNT:HASH from "
                  "`nanni checkpoint` (catches a rewritten chain)");
  cmd->footer(
      "Checks the ledger's identity (its id starts the chain), then every event: its place in\n"
      "the sequence, its SHA-256 chain hash over the canonical encoding, and that the indexed\n"
      "columns still agree with the hashed bytes; then the analytic index beside the ledger,\n"
      "rebuilt from the events and compared. Exits 0 when all is well, 1 naming the first\n"
      "event (or index block) that does not match. Opens the ledger read-only.\n\n"
      "Examples:\n  nanni verify\n  nanni verify --receipt 120345:9f2c...e1");
  OnChosen(cmd, run, [&global, flags] { return RunVerify(global, *flags); });
}

}  // namespace nanni::cli
