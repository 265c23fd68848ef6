// nanni verify-proof: check a proof of one event offline, with the ledger's public key only.
#include <fmt/format.h>

#include "ledger/event_proof.h"
#include "main/cli.h"
#include "main/ledger_keys.h"
#include "tlog/key_file.h"
#include "util/json_out.h"
#include "util/printable.h"
#include "util/text_file.h"

namespace nanni::cli {

namespace {

struct VerifyProofFlags {
  std::string proof;
  std::string key;
  std::vector<std::string> witnesses;
  size_t quorum = 0;
};

Status RunVerifyProof(const GlobalOptions& global, const VerifyProofFlags& flags) {
  NoteVerifier key;
  NANNI_RETURN_IF_ERROR(FlagError("--key", ReadVerifierKey(flags.key, &key)));
  std::vector<NoteVerifier> witnesses;
  NANNI_RETURN_IF_ERROR(LoadVerifiers("--witness", flags.witnesses, &witnesses));
  const size_t quorum = flags.quorum > 0 ? flags.quorum : witnesses.size();
  if (quorum > witnesses.size()) {
    return Status::InvalidArgument(fmt::format("--quorum {} is more than the {} witnesses given", quorum, witnesses.size()));
  }
  std::string text;
  NANNI_RETURN_IF_ERROR(FlagError("PROOF", ReadTextFile(flags.proof, &text, 4 << 20)));
  ProvenEvent proven;
  Status st = VerifyEventProof(text, key, witnesses, quorum, &proven);
  if (!st.ok()) return st.WithPrefix(fmt::format("{}: the proof does NOT hold", Printable(flags.proof, 200)));
  const Checkpoint& c = proven.checkpoint.checkpoint;
  if (global.json) {
    JsonOut json;
    json.BeginObject().Field("ok", true).Field("origin", c.origin).Field("ledger_id", proven.leaf.ledger_id)
        .Field("seq", proven.leaf.seq).Field("checkpoint_events", c.size).Key("witnesses").BeginArray();
    for (const std::string& w : proven.checkpoint.witnesses) json.String(w);
    json.EndArray().Key("event").RawValue(proven.leaf.body).EndObject().Raw("\n");
    fmt::print("{}", json.Take());
    return Status::OK();
  }
  fmt::print("ok: event {} of the ledger {} ({}) is in its checkpoint of {} events, signed by {}\n",
             proven.leaf.seq, c.origin, proven.leaf.ledger_id, c.size, key.label());
  for (const std::string& w : proven.checkpoint.witnesses) fmt::print("cosigned by {}\n", w);
  fmt::print("{}\n", Printable(proven.leaf.body, 4000));
  return Status::OK();
}

}  // namespace

void RegisterVerifyProofCommand(CLI::App& app, GlobalOptions& global, CommandRun* run) {
  auto flags = std::make_shared<VerifyProofFlags>();
  CLI::App* cmd = app.add_subcommand("verify-proof", "Check a proof of one event, with no ledger");
  cmd->add_option("PROOF", flags->proof, "A proof from `nanni prove`")->required();
  cmd->add_option("--key", flags->key, "The ledger's public key, as text or a file")->required();
  cmd->add_option("--witness", flags->witnesses, "A witness's public key (repeatable): its cosignature is required");
  cmd->add_option("--quorum", flags->quorum, "How many of the --witness keys must have cosigned (default: all)");
  cmd->footer(
      "Recomputes the event's leaf from the bytes in the proof, follows the audit path to the\n"
      "checkpoint's root and checks the checkpoint's Ed25519 signature, and the witnesses'\n"
      "cosignatures, k of n. Needs no ledger and no network: what it prints is what the ledger\n"
      "committed to. Exits 0 when the proof holds, 1 saying what fails.\n\n"
      "Examples:\n  nanni verify-proof T-1042.tlog-proof --key acme.pub\n"
      "  nanni verify-proof T-1042.tlog-proof --key acme.pub --witness w1.pub --witness w2.pub --quorum 1");
  OnChosen(cmd, run, [&global, flags] { return RunVerifyProof(global, *flags); });
}

}  // namespace nanni::cli
