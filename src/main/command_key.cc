// nanni key init|show: the Ed25519 key that signs the ledger's checkpoints, or a witness's.
#include <fmt/format.h>
#include <sys/stat.h>

#include <filesystem>

#include "main/cli.h"
#include "main/ledger_keys.h"
#include "tlog/key_file.h"
#include "util/json_out.h"
#include "util/printable.h"

namespace nanni::cli {

namespace {

struct KeyFlags {
  std::string key_file;
  std::string witness;  // a witness key's name: no ledger involved
};

// The key's name and file: the ledger's origin and key file, or the witness's.
Status ResolveKey(const GlobalOptions& global, const KeyFlags& flags, std::string* name, std::string* path) {
  if (!flags.witness.empty()) {
    if (flags.key_file.empty()) return Status::InvalidArgument("--witness needs --key-file: where the witness keeps its key");
    *name = flags.witness;
    *path = flags.key_file;
    return Status::OK();
  }
  std::unique_ptr<Engine> engine;
  NANNI_RETURN_IF_ERROR(OpenEngine(global, LedgerAccess::kRead, &engine));
  *name = engine->store()->Identity().origin;
  *path = LedgerKeyFile(flags.key_file, engine->store()->LedgerId());
  return CheckKeyFileOutsideLedger(global, *path);
}

void PrintKey(const GlobalOptions& global, const NoteVerifier& key, const std::string& path, bool created) {
  if (global.json) {
    JsonOut json;
    json.BeginObject().Field("name", key.name()).Field("public_key", key.Text()).Field("key_file", path)
        .Field("created", created).EndObject().Raw("\n");
    fmt::print("{}", json.Take());
    return;
  }
  if (created) fmt::print("wrote the secret key to {} (mode 0600; keep it, and out of the ledger's folder)\n", Printable(path, 200));
  fmt::print("public key (give it to customers and witnesses):\n{}\n", key.Text());
}

Status RunKeyInit(const GlobalOptions& global, const KeyFlags& flags) {
  std::string name, path;
  NANNI_RETURN_IF_ERROR(ResolveKey(global, flags, &name, &path));
  const auto folder = std::filesystem::path(path).parent_path();
  std::error_code ec;
  if (!folder.empty() && !std::filesystem::exists(folder, ec)) {
    std::filesystem::create_directories(folder, ec);
    if (ec) return Status::IOError(fmt::format("cannot create '{}': {}", Printable(folder.string(), 200), ec.message()));
    ::chmod(folder.c_str(), 0700);
  }
  NoteSigner signer;
  NANNI_RETURN_IF_ERROR(NoteSigner::Generate(
      name, flags.witness.empty() ? NoteKeyType::kEd25519 : NoteKeyType::kCosignatureV1, &signer));
  Status st = WriteSecretKeyFile(path, signer);
  if (!st.ok() && std::filesystem::exists(path, ec)) {
    return Status::Conflict(fmt::format("{}\nhint: `nanni key show` prints the public key of the key there", st.message()));
  }
  NANNI_RETURN_IF_ERROR(st);
  PrintKey(global, signer.verifier(), path, true);
  return Status::OK();
}

Status RunKeyShow(const GlobalOptions& global, const KeyFlags& flags) {
  std::string name, path;
  NANNI_RETURN_IF_ERROR(ResolveKey(global, flags, &name, &path));
  NoteSigner signer;
  NANNI_RETURN_IF_ERROR(LoadLedgerSigner(path, &signer));
  PrintKey(global, signer.verifier(), path, false);
  return Status::OK();
}

}  // namespace

void RegisterKeyCommand(CLI::App& app, GlobalOptions& global, CommandRun* run) {
  auto flags = std::make_shared<KeyFlags>();
  CLI::App* cmd = app.add_subcommand("key", "Make or show the key that signs checkpoints");
  cmd->require_subcommand(1);
  cmd->footer(
      "The ledger's key is an Ed25519 key named after the ledger's origin. Its secret half is a\n"
      "file of mode 0600, never inside the ledger: --key-file, else $NANNI_KEY_FILE, else\n"
      "~/.config/nanni/keys/LEDGER_ID.key. Its public half (name+keyid+base64, as Go's\n"
      "sumdb/note writes it) is what customers and witnesses check checkpoints and proofs with.\n"
      "A witness (a customer or a third party that countersigns checkpoints, `nanni cosign`)\n"
      "makes its own key with --witness NAME --key-file FILE.\n\n"
      "Examples:\n  nanni key init\n  nanni key show\n"
      "  nanni key init --witness witness.customer.example --key-file witness.key");
  for (const char* name : {"init", "show"}) {
    CLI::App* sub = cmd->add_subcommand(name, std::string(name) == "init" ? "Make a new key (never replaces one)"
                                                                         : "Print the public key");
    sub->add_option("--key-file", flags->key_file, "The secret key file");
    sub->add_option("--witness", flags->witness, "A witness key of this name, not the ledger's");
    const bool init = std::string(name) == "init";
    OnChosen(sub, run, [&global, flags, init] {
      return init ? RunKeyInit(global, *flags) : RunKeyShow(global, *flags);
    });
  }
}

}  // namespace nanni::cli
