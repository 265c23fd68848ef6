// Signed notes (c2sp.org/signed-note): a text, a blank line, and one or more signature lines.
//
//   If you think cryptography is the answer to your problem,
//   then you don't know what your problem is.
//
//   — PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfq...
//
// The text ends with a newline (it may hold empty lines of its own; the last empty line of the
// note is the separator). A signature line is U+2014 (em dash), a space, the key name, a
// space, base64(4-byte big-endian key ID || signature bytes), and a newline. The whole note is
// valid UTF-8 with no control character but newline.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "tlog/note_key.h"
#include "util/status.h"

namespace nanni {

// Bounds on what ParseSignedNote accepts (the spec asks verifiers to bound notes and to accept
// at least 16 signatures).
constexpr size_t kMaxNoteBytes = 1 << 20;
constexpr size_t kMaxNoteSignatures = 100;

struct NoteSignature {
  std::string name;
  uint32_t key_id = 0;
  std::string bytes;  // what follows the key ID: 64 bytes for Ed25519, 72 for cosignature/v1

  bool operator==(const NoteSignature&) const = default;
};

struct SignedNote {
  std::string text;  // ends with '\n'; excludes the blank separator line
  std::vector<NoteSignature> signatures;  // in the note's order

  bool operator==(const SignedNote&) const = default;
};

// Parses a signed note strictly (the rules above), at most kMaxNoteBytes long with at most
// kMaxNoteSignatures signatures, each a valid key name and at least 5 decoded bytes. It checks
// syntax only; VerifyNote checks signatures. InvalidInput "note line N: ..." otherwise.
Status ParseSignedNote(std::string_view note, SignedNote* out);

// The note's text form, which ParseSignedNote parses back to `note`. InvalidArgument when it
// would not: a text not ending in '\n' or with forbidden characters, no signatures or too
// many, a bad key name, empty signature bytes, more than kMaxNoteBytes in all.
Status FormatSignedNote(const SignedNote& note, std::string* out);

// Signs note->text with a log key (type 0x01) and appends the signature, or replaces one by
// the same key (name and key ID). InvalidArgument for a cosignature/v1 key (a witness uses
// Cosign, cosignature.h), a text FormatSignedNote would refuse, or a full note.
Status SignNote(const NoteSigner& signer, SignedNote* note);

// Checks `note`'s signatures against the `known` keys, as the spec requires. A signature whose
// name and key ID match no known key is ignored. One that matches a known key must verify, as
// that key's type says (Ed25519 over the text; cosignature/v1 over the timestamped message):
// if it does not, Corruption naming the key. When at least one verifies, sets *verified to the
// indexes into `known` of the keys that signed (ascending, each once) and returns OK; when
// none does, NotFound. InvalidArgument when `known` holds one name and key ID twice.
Status VerifyNote(const SignedNote& note, std::span<const NoteVerifier> known,
                  std::vector<size_t>* verified);

}  // namespace nanni
