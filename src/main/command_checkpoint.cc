// nanni checkpoint: sign the ledger's tree head for customers to keep; record cosigned ones.
#include <fmt/format.h>

#include "ledger/checkpoint_log.h"
#include "main/cli.h"
#include "main/ledger_keys.h"
#include "util/json_out.h"
#include "util/printable.h"
#include "util/text_file.h"
#include "util/time.h"

namespace nanni::cli {

namespace {

struct CheckpointFlags {
  std::string key_file;
  std::string out = "-";
  std::string add;  // a cosigned checkpoint to record
  std::string key;  // the ledger's public key, to check what --add records
};

Status RunAdd(Engine* engine, const CheckpointFlags& flags, const std::string& key_file) {
  std::string note;
  NANNI_RETURN_IF_ERROR(FlagError("--add", ReadTextFile(flags.add, &note, 1 << 20)));
  NoteVerifier key;
  NANNI_RETURN_IF_ERROR(LoadLedgerVerifier(flags.key, key_file, &key));
  NANNI_RETURN_IF_ERROR(RecordCosignedCheckpoint(engine->store(), note, key, NowMicros()));
  fmt::print(stderr, "recorded the cosigned checkpoint in the ledger's history; `nanni prove` hands it out\n");
  return Status::OK();
}

Status RunCheckpoint(const GlobalOptions& global, const CheckpointFlags& flags) {
  std::unique_ptr<Engine> engine;
  NANNI_RETURN_IF_ERROR(OpenEngine(global, LedgerAccess::kWrite, &engine));
  const std::string key_file = LedgerKeyFile(flags.key_file, engine->store()->LedgerId());
  NANNI_RETURN_IF_ERROR(CheckKeyFileOutsideLedger(global, key_file));
  if (!flags.add.empty()) return RunAdd(engine.get(), flags, key_file);
  NoteSigner key;
  NANNI_RETURN_IF_ERROR(LoadLedgerSigner(key_file, &key));
  std::string note;
  NANNI_RETURN_IF_ERROR(IssueCheckpoint(engine->store(), key, NowMicros(), &note));
  if (global.json) {
    TreeHead head;
    NANNI_RETURN_IF_ERROR(engine->Head(&head));
    JsonOut json;
    json.BeginObject().Field("origin", engine->store()->Identity().origin).Field("events", head.size)
        .Field("root", ToHex(head.root)).Field("public_key", key.verifier().Text()).Field("note", note)
        .EndObject().Raw("\n");
    note = json.Take();
  }
  return WriteOutputFile("--out", flags.out, ProtectedFor(global), note);
}

}  // namespace

void RegisterCheckpointCommand(CLI::App& app, GlobalOptions& global, CommandRun* run) {
  auto flags = std::make_shared<CheckpointFlags>();
  CLI::App* cmd = app.add_subcommand("checkpoint", "Sign the ledger's tree head for customers to keep");
  cmd->add_option("--key-file", flags->key_file, "The ledger's secret key (see `nanni key`)");
  cmd->add_option("--out", flags->out, "Write the checkpoint here instead of stdout");
  cmd->add_option("--add", flags->add,
                  "Record a checkpoint this ledger issued, now cosigned by witnesses (from `nanni cosign`)");
  cmd->add_option("--key", flags->key, "With --add: the ledger's public key (default: from the key file)");
  cmd->footer(
      "Prints a C2SP checkpoint (origin, event count, base64 Merkle root) as a signed note, with\n"
      "the ledger's Ed25519 key, and keeps it in the ledger's history. Whoever keeps it can\n"
      "later prove that the ledger still holds that history (`nanni verify --checkpoint`), and\n"
      "check proofs of single events against it with no ledger (`nanni verify-proof`).\n\n"
      "Examples:\n  nanni checkpoint --out acme-2026-12.checkpoint\n"
      "  nanni checkpoint --add cosigned.checkpoint");
  OnChosen(cmd, run, [&global, flags] { return RunCheckpoint(global, *flags); });
}

}  // namespace nanni::cli
