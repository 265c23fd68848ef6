// nanni verify: recompute the Merkle tree, name the first event that does not match, and check
// that the ledger extends the checkpoints handed out.
#include <fmt/format.h>

#include <optional>

#include "event/canonical.h"
#include "ledger/checkpoint_log.h"
#include "ledger/verifier.h"
#include "main/cli.h"
#include "main/ledger_keys.h"
#include "util/count_text.h"
#include "util/text_file.h"
#include "util/json_out.h"
#include "util/printable.h"
#include "util/progress_bar.h"
#include "util/time.h"

namespace nanni::cli {

namespace {

struct VerifyFlags {
  std::vector<std::string> checkpoints;
  std::string key;
  std::string key_file;
};

// The checkpoints kept in the ledger's history, then those given: each must be one the ledger
// extends; signatures are checked with the ledger's key when there is one.
Status CheckCheckpoints(Engine* engine, const VerifyFlags& flags, std::vector<std::string>* lines,
                        std::vector<std::string>* notes) {
  NoteVerifier key;
  const std::string key_file = LedgerKeyFile(flags.key_file, engine->store()->LedgerId());
  Status st = LoadLedgerVerifier(flags.key, key_file, &key);
  const bool have_key = st.ok();
  // Without --key or --key-file, a key file this user has not (or may not read) only means
  // the history's signatures go unchecked, which a note says.
  const bool asked = !flags.key.empty() || !flags.key_file.empty() || !flags.checkpoints.empty();
  if (!have_key && asked) return st;
  size_t checked = 0;
  NANNI_RETURN_IF_ERROR(CheckHistory(engine->store(), have_key ? &key : nullptr, &checked));
  lines->push_back(checked == 0 ? std::string("no checkpoint has been handed out yet (`nanni checkpoint`)")
                                : fmt::format("the ledger extends every checkpoint of its history ({}){}",
                                              CountOf(checked, "checkpoint"),
                                              have_key ? ", signatures verified" : ""));
  if (!have_key && checked > 0) {
    notes->push_back("the history's checkpoint signatures were not checked: give --key PUBKEY");
  }
  for (const std::string& file : flags.checkpoints) {
    std::string note;
    NANNI_RETURN_IF_ERROR(FlagError("--checkpoint", ReadTextFile(file, &note, 1 << 20)));
    TrustedCheckpoint trusted;
    ExtendsReport extends;
    st = TrustCheckpoint(note, key, {}, 0, &trusted);
    if (st.ok()) st = CheckExtends(engine->store(), trusted.checkpoint, &extends);
    if (!st.ok()) return st.WithPrefix(Printable(file, 200));
    lines->push_back(fmt::format("{}: the ledger extends its {} events to {} (a consistency proof of {} hashes)",
                                 Printable(file, 200), extends.checkpoint_size, extends.ledger_size,
                                 extends.proof.size()));
  }
  return Status::OK();
}

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
  std::vector<std::string> checkpoint_lines;
  if (st.ok()) st = CheckCheckpoints(engine.get(), flags, &checkpoint_lines, &report.notes);
  if (!st.ok() && st.code() != Status::Code::kCorruption) return st;

  if (global.json) {
    JsonOut json;
    json.BeginObject().Field("ok", st.ok()).Field("checked", report.checked)
        .Key("seconds").Fixed(seconds, 3).Key("tree_seconds").Fixed(report.seconds, 3)
        .Field("root", ToHex(report.head.root)).Key("failure");
    if (st.ok()) {
      json.Null();
    } else {
      json.BeginObject().Key("seq");
      report.first_bad_seq ? json.Int(static_cast<int64_t>(*report.first_bad_seq)) : json.Null();
      json.Field("message", st.message()).EndObject();
    }
    json.Key("index").BeginObject().Field("covered", index.covered).Field("checked", index.checked)
        .Key("seconds").Fixed(index.seconds, 3)
        .Field("stale", index.stale).Field("mismatch", index.mismatch).EndObject();
    json.Key("checkpoints").BeginArray();
    for (const std::string& line : checkpoint_lines) json.String(line);
    json.EndArray().Key("notes").BeginArray();
    for (const std::string& note : report.notes) json.String(note);
    json.EndArray().EndObject().Raw("\n");
    fmt::print("{}", json.Take());
  } else if (st.ok()) {
    fmt::print("ok: {} events and their tree verified in {:.2f} s ({:.0f} events/s); root {}\n", report.checked,
               report.seconds, report.checked / std::max(report.seconds, 1e-9), ToHex(report.head.root));
    fmt::print("analytic index: {} events rebuilt from the ledger and matched in {:.2f} s\n", index.checked,
               index.seconds);
    for (const std::string& line : checkpoint_lines) fmt::print("{}\n", line);
    for (const std::string& note : report.notes) fmt::print("note: {}\n", note);
  }
  return st.ok() ? st : st.WithPrefix("verification FAILED");
}

}  // namespace

void RegisterVerifyCommand(CLI::App& app, GlobalOptions& global, CommandRun* run) {
  auto flags = std::make_shared<VerifyFlags>();
  CLI::App* cmd = app.add_subcommand("verify", "Recompute the Merkle tree; name the first bad event");
  cmd->add_option("--checkpoint", flags->checkpoints,
                  "Also prove that the ledger extends this signed checkpoint from `nanni checkpoint` "
                  "(catches a history rewritten or cut short since); repeatable");
  cmd->add_option("--key", flags->key,
                  "The ledger's public key, as text or a file (default: from its key file, if this "
                  "machine has it)");
  cmd->add_option("--key-file", flags->key_file, "The ledger's secret key file (see `nanni key`)");
  cmd->footer(
      "Checks the ledger's identity, then every event: its place in the sequence, that the\n"
      "indexed columns still agree with its bytes, and its leaf hash (docs/ledger.md); then\n"
      "every stored hash of the Merkle tree against the events; then the analytic index,\n"
      "rebuilt from the events and compared; then each checkpoint in the ledger's history and\n"
      "each --checkpoint given: signed by the ledger's key, and extended by today's ledger (an\n"
      "RFC 9162 consistency proof). Exits 0 when all is well, 1 naming the first event, hash,\n"
      "index block or checkpoint that does not match. Opens the ledger read-only.\n\n"
      "Examples:\n  nanni verify\n  nanni verify --checkpoint acme-2026-11.checkpoint --key acme.pub");
  OnChosen(cmd, run, [&global, flags] { return RunVerify(global, *flags); });
}

}  // namespace nanni::cli
