// Where the commands find the ledger's signing key and the public keys they check with.
//
// The ledger's secret key is a file outside the ledger (tlog/key_file.h: mode 0600): the path
// given by --key-file, else $NANNI_KEY_FILE, else ~/.config/nanni/keys/LEDGER_ID.key
// ($XDG_CONFIG_HOME instead of ~/.config when set). Public keys are given as their text
// (name+keyid+base64) or the path of a file holding it.
#pragma once

#include <string>
#include <vector>

#include "ledger/ledger_store.h"
#include "main/cli.h"
#include "tlog/note_key.h"

namespace nanni::cli {

// The secret key file of the ledger `ledger_id`, as the rules above choose it.
std::string LedgerKeyFile(const std::string& flag, const std::string& ledger_id);

// Refuses a key file that is the ledger itself or one of the files SQLite keeps beside it.
Status CheckKeyFileOutsideLedger(const GlobalOptions& global, const std::string& path);

// Reads the ledger's signing key; NotFound with a hint to run `nanni key init` when absent.
Status LoadLedgerSigner(const std::string& path, NoteSigner* out);

// The ledger's public key: `key` (text or path) when given, else the one of the secret key
// file (when the reader has it); InvalidArgument asking for --key otherwise.
Status LoadLedgerVerifier(const std::string& key, const std::string& key_file, NoteVerifier* out);

// Public keys given as text or paths, for flags such as --witness.
Status LoadVerifiers(std::string_view flag, const std::vector<std::string>& keys, std::vector<NoteVerifier>* out);

}  // namespace nanni::cli
