// nanni cosign: a witness countersigns a ledger's checkpoint after checking it extends the last
// one it countersigned.
#include <fmt/format.h>

#include "main/cli.h"
#include "tlog/key_file.h"
#include "tlog/signed_note.h"
#include "tlog/witness.h"
#include "util/printable.h"
#include "util/text_file.h"
#include "util/time.h"

namespace nanni::cli {

namespace {

struct CosignFlags {
  std::string request;
  std::string key_file;
  std::string log_key;
  std::string state;
  std::string out = "-";
};

Status ReadState(const std::string& path, WitnessState* state) {
  std::string text;
  Status st = ReadTextFile(path, &text, 1 << 16);
  if (st.code() == Status::Code::kNotFound) return Status::OK();  // a witness's first checkpoint
  NANNI_RETURN_IF_ERROR(st);
  Checkpoint c;
  NANNI_RETURN_IF_ERROR(FlagError("--state", ParseCheckpoint(text, &c)));
  *state = c;
  return Status::OK();
}

Status RunCosign(const CosignFlags& flags) {
  NoteSigner witness;
  NANNI_RETURN_IF_ERROR(FlagError("--key-file", ReadSecretKeyFile(flags.key_file, &witness)));
  NoteVerifier log_key;
  NANNI_RETURN_IF_ERROR(FlagError("--log-key", ReadVerifierKey(flags.log_key, &log_key)));
  WitnessState last;
  NANNI_RETURN_IF_ERROR(ReadState(flags.state, &last));
  std::string text;
  NANNI_RETURN_IF_ERROR(FlagError("REQUEST", ReadTextFile(flags.request, &text, 1 << 20)));
  AddCheckpointRequest request;
  NANNI_RETURN_IF_ERROR(FlagError("REQUEST", ParseAddCheckpoint(text, &request)));
  std::string cosigned;
  Checkpoint next;
  NANNI_RETURN_IF_ERROR(WitnessCheckpoint(witness, log_key, last, request, NowMicros() / 1'000'000,
                                          &cosigned, &next));
  ProtectedFiles protect;
  protect.Add(flags.request, "the request");
  protect.Add(flags.key_file, "the witness's key");
  NANNI_RETURN_IF_ERROR(WriteOutputFile("--out", flags.out, protect, cosigned));
  NANNI_RETURN_IF_ERROR(WriteOutputFile("--state", flags.state, protect, FormatCheckpoint(next)));
  fmt::print(stderr, "cosigned {}'s checkpoint of {} events (it extends the {} this witness saw last)\n",
             next.origin, next.size, last ? last->size : 0);
  return Status::OK();
}

}  // namespace

void RegisterCosignCommand(CLI::App& app, GlobalOptions&, CommandRun* run) {
  auto flags = std::make_shared<CosignFlags>();
  CLI::App* cmd = app.add_subcommand("cosign", "As a witness: countersign a ledger's checkpoint");
  cmd->add_option("REQUEST", flags->request, "The log's request, from `nanni prove --consistency-from`")->required();
  cmd->add_option("--key-file", flags->key_file, "The witness's secret key (`nanni key init --witness`)")->required();
  cmd->add_option("--log-key", flags->log_key, "The ledger's public key, as text or a file")->required();
  cmd->add_option("--state", flags->state,
                  "The file where this witness keeps the last checkpoint it cosigned for this ledger")->required();
  cmd->add_option("--out", flags->out, "Write the cosigned checkpoint here instead of stdout");
  cmd->footer(
      "The witness side of C2SP tlog-witness: checks the ledger's signature on the checkpoint\n"
      "and the consistency proof from the last checkpoint this witness cosigned (the size in\n"
      "--state; 0 the first time), then adds its cosignature (C2SP tlog-cosignature) and\n"
      "remembers the new checkpoint. It never needs the ledger. The ledger records the result\n"
      "with `nanni checkpoint --add`, and proofs made after carry the cosignature.\n\n"
      "Example (the ledger's side, then the witness's):\n"
      "  nanni prove --consistency-from 0 --out request.txt\n"
      "  nanni cosign request.txt --key-file witness.key --log-key acme.pub --state acme.witnessed --out cosigned.checkpoint");
  OnChosen(cmd, run, [flags] { return RunCosign(*flags); });
}

}  // namespace nanni::cli
