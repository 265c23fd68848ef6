// Key files: where a log's or a witness's secret signer key lives, and how a verifier key is
// given on a command line.
//
// A secret key file holds the signer key text (note_key.h) and a newline, nothing else. It is
// created new with mode 0600, never written over, and refused when read if anyone but its
// owner may read or write it, as ssh refuses an unprotected private key.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "tlog/note_key.h"
#include "util/status.h"

namespace nanni {

constexpr size_t kMaxKeyFileBytes = 4096;

// Creates `path` (O_CREAT | O_EXCL: a file or link already there is never touched), sets its
// mode to exactly 0600 whatever the umask, writes signer.Text() and "\n", and fsyncs the file
// and its folder. InvalidArgument when `path` exists or the signer holds no key; IOError
// when the system fails (a file not completely written and synced is removed).
Status WriteSecretKeyFile(const std::string& path, const NoteSigner& signer);

// Reads the signer key in `path`. Refused, with the path in the message: a missing file
// (NotFound); anything but a regular file, a file whose mode lets the group or others in
// ("chmod 600 PATH"), or one owned by another user (InvalidArgument); more than
// kMaxKeyFileBytes, or contents other than one signer key and an optional newline
// (InvalidInput, never quoting the contents).
Status ReadSecretKeyFile(const std::string& path, NoteSigner* out);

// Reads a verifier key given either as its text ("name+c74f20a3+AR...") or as the path of a
// file holding that text and an optional newline. The text is tried first. InvalidInput
// saying why when it is neither; errors about a file name the file.
Status ReadVerifierKey(std::string_view text_or_path, NoteVerifier* out);

}  // namespace nanni
