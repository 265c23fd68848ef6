// nanni prove: an offline proof that one event is in the ledger, or that the ledger extends
// an older tree (for a witness).
#include <fmt/format.h>

#include "ledger/checkpoint_log.h"
#include "ledger/event_proof.h"
#include "ledger/ledger_tree.h"
#include "main/cli.h"
#include "tlog/signed_note.h"
#include "tlog/witness.h"
#include "util/text_file.h"

namespace nanni::cli {

namespace {

struct ProveFlags {
  std::string event_id;
  std::string checkpoint;  // a signed checkpoint file; default: the latest in the history
  std::string out = "-";
  int64_t consistency_from = -1;
};

Status CheckpointNote(Engine* engine, const ProveFlags& flags, uint64_t min_size, std::string* note) {
  if (!flags.checkpoint.empty()) return FlagError("--checkpoint", ReadTextFile(flags.checkpoint, note, 1 << 20));
  return LatestCheckpointNote(engine->store(), min_size, note);
}

// The tlog-witness add-checkpoint request from the size a witness last cosigned.
Status ProveConsistency(Engine* engine, const ProveFlags& flags, std::string* out) {
  AddCheckpointRequest request;
  request.old_size = static_cast<uint64_t>(flags.consistency_from);
  NANNI_RETURN_IF_ERROR(CheckpointNote(engine, flags, request.old_size, &request.note));
  SignedNote parsed;
  Checkpoint checkpoint;
  NANNI_RETURN_IF_ERROR(ParseSignedNote(request.note, &parsed));
  NANNI_RETURN_IF_ERROR(ParseCheckpoint(parsed.text, &checkpoint));
  ExtendsReport extends;
  NANNI_RETURN_IF_ERROR(CheckExtends(engine->store(), checkpoint, &extends));
  LedgerTree tree(engine->store());
  NANNI_RETURN_IF_ERROR(FlagError("--consistency-from",
                                  tree.ConsistencyProof(request.old_size, checkpoint.size, &request.proof)));
  *out = FormatAddCheckpoint(request);
  return Status::OK();
}

Status RunProve(const GlobalOptions& global, const ProveFlags& flags) {
  if (flags.event_id.empty() == (flags.consistency_from < 0)) {
    return Status::InvalidArgument("give an EVENT_ID, or --consistency-from SIZE (not both)");
  }
  std::unique_ptr<Engine> engine;
  NANNI_RETURN_IF_ERROR(OpenEngine(global, LedgerAccess::kRead, &engine));
  std::string out;
  if (flags.consistency_from >= 0) {
    NANNI_RETURN_IF_ERROR(ProveConsistency(engine.get(), flags, &out));
  } else {
    uint64_t seq = 0;
    NANNI_RETURN_IF_ERROR(engine->store()->FindSeq(AccessScope::All(), flags.event_id, &seq));
    std::string note;
    if (seq > 0) NANNI_RETURN_IF_ERROR(CheckpointNote(engine.get(), flags, seq, &note));
    NANNI_RETURN_IF_ERROR(ProveEvent(engine->store(), AccessScope::All(), flags.event_id, note, &out));
  }
  return WriteOutputFile("--out", flags.out, ProtectedFor(global), out);
}

}  // namespace

void RegisterProveCommand(CLI::App& app, GlobalOptions& global, CommandRun* run) {
  auto flags = std::make_shared<ProveFlags>();
  CLI::App* cmd = app.add_subcommand("prove", "Prove one event is in the ledger, offline-checkable");
  cmd->add_option("EVENT_ID", flags->event_id, "The event's id");
  cmd->add_option("--checkpoint", flags->checkpoint,
                  "Prove against this signed checkpoint (default: the latest one in the ledger's "
                  "history that covers the event)");
  cmd->add_option("--consistency-from", flags->consistency_from,
                  "Instead: prove that the checkpoint extends the tree of SIZE events, as a C2SP "
                  "tlog-witness add-checkpoint request for `nanni cosign`");
  cmd->add_option("--out", flags->out, "Write the proof here instead of stdout");
  cmd->footer(
      "Writes a C2SP tlog-proof (docs/ledger.md, \"Proofs\"): the event's own bytes, its leaf\n"
      "index, the RFC 9162 audit path and the signed checkpoint. `nanni verify-proof FILE --key\n"
      "PUBKEY` checks it anywhere, with no ledger. It holds that one event and hashes: nothing\n"
      "of any other account. The ledger must hold a checkpoint first (`nanni checkpoint`).\n\n"
      "Examples:\n  nanni prove ticket:T-1042:first-reply --out T-1042.tlog-proof\n"
      "  nanni prove --consistency-from 120345 --out witness-request.txt");
  OnChosen(cmd, run, [&global, flags] { return RunProve(global, *flags); });
}

}  // namespace nanni::cli
