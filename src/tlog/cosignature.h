// Witness cosignatures (c2sp.org/tlog-cosignature), the Ed25519 cosignature/v1 kind: a
// witness states that, at a time, the checkpoint is the largest consistent tree it has seen
// for that log. It is a note signature line on the checkpoint, made with a witness key of
// type 0x04 (note_key.h), whose signature bytes are
//
//   8-byte big-endian timestamp (POSIX seconds, at most 2^63 - 1) || 64-byte Ed25519 signature
//
// and whose Ed25519 signature is over this message, not over the note text alone:
//
//   cosignature/v1
//   time <timestamp in decimal>
//   <the checkpoint body, extension lines included>
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "tlog/note_key.h"
#include "tlog/signed_note.h"
#include "util/status.h"

namespace nanni {

constexpr uint64_t kMaxCosignatureTimestamp = (uint64_t{1} << 63) - 1;

// The message a cosignature/v1 signs (above). `checkpoint_body` is used as given.
std::string CosignatureMessage(std::string_view checkpoint_body, uint64_t unix_seconds);

// The witness's cosignature of `checkpoint_body` at `unix_seconds`, as a note signature to
// add to the checkpoint note. InvalidArgument for a log key (type 0x01) or a timestamp above
// kMaxCosignatureTimestamp; InvalidInput (from ParseCheckpoint) for a malformed body.
Status Cosign(const NoteSigner& witness, std::string_view checkpoint_body, uint64_t unix_seconds,
              NoteSignature* out);

// Verifies `signature` as the witness's cosignature of `checkpoint_body` and sets
// *unix_seconds to its timestamp. InvalidArgument for a log key or a signature by another key
// (name or key ID); InvalidInput for a malformed body; Corruption, naming the key, for
// signature bytes that are not 72, a timestamp above 2^63 - 1, or a signature that does not
// verify. Whether a timestamp in the future is acceptable is the caller's to decide.
Status VerifyCosignature(const NoteVerifier& witness, std::string_view checkpoint_body,
                         const NoteSignature& signature, uint64_t* unix_seconds);

// Reads the timestamp of a cosignature/v1 signature WITHOUT verifying it (for display).
// InvalidInput when the bytes are not 72.
Status CosignatureTimestamp(const NoteSignature& signature, uint64_t* unix_seconds);

}  // namespace nanni
