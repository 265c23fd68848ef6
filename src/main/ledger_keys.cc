#include "main/ledger_keys.h"

#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>

#include "tlog/key_file.h"
#include "util/printable.h"

namespace nanni::cli {

std::string LedgerKeyFile(const std::string& flag, const std::string& ledger_id) {
  if (!flag.empty()) return flag;
  const char* env = std::getenv("NANNI_KEY_FILE");
  if (env != nullptr && *env != '\0') return env;
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  const char* home = std::getenv("HOME");
  std::string base = xdg != nullptr && *xdg != '\0' ? xdg : std::string(home ? home : ".") + "/.config";
  return fmt::format("{}/nanni/keys/{}.key", base, ledger_id);
}

Status CheckKeyFileOutsideLedger(const GlobalOptions& global, const std::string& path) {
  return ProtectedFor(global).Check("--key-file", path);
}

Status LoadLedgerSigner(const std::string& path, NoteSigner* out) {
  Status st = ReadSecretKeyFile(path, out);
  if (st.code() == Status::Code::kNotFound) {
    return Status::NotFound(fmt::format(
        "{}\nhint: `nanni key init` makes the ledger's signing key (or give --key-file)", st.message()));
  }
  return st;
}

Status LoadLedgerVerifier(const std::string& key, const std::string& key_file, NoteVerifier* out) {
  if (!key.empty()) return FlagError("--key", ReadVerifierKey(key, out));
  NoteSigner signer;
  Status st = ReadSecretKeyFile(key_file, &signer);
  if (st.code() == Status::Code::kNotFound) {
    return Status::InvalidArgument(
        "give the ledger's public key with --key (`nanni key show` prints it where the signing key is)");
  }
  NANNI_RETURN_IF_ERROR(st);
  *out = signer.verifier();
  return Status::OK();
}

Status LoadVerifiers(std::string_view flag, const std::vector<std::string>& keys, std::vector<NoteVerifier>* out) {
  out->clear();
  for (const std::string& k : keys) {
    NoteVerifier v;
    NANNI_RETURN_IF_ERROR(FlagError(flag, ReadVerifierKey(k, &v)));
    out->push_back(std::move(v));
  }
  return Status::OK();
}

}  // namespace nanni::cli
