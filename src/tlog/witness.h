// The witness side of C2SP tlog-witness: a third party that countersigns a log's checkpoints
// (a cosignature, tlog/cosignature.h) only after checking that each extends the last one it
// countersigned. Two parties who both keep a witness's cosigned checkpoints agree on one
// history without trusting each other or the log.
//
// The request a log sends its witness is tlog-witness's add-checkpoint body:
//
//   old 120                    the size of the last checkpoint the witness cosigned (0: none)
//   <base64 hash>              the consistency proof from that size to the new one, one per line
//   ...
//                              an empty line
//   <the new signed checkpoint note>
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tlog/checkpoint.h"
#include "tlog/note_key.h"

namespace nanni {

struct AddCheckpointRequest {
  uint64_t old_size = 0;
  std::vector<Digest> proof;
  std::string note;  // the new checkpoint, signed by the log

  bool operator==(const AddCheckpointRequest&) const = default;
};

std::string FormatAddCheckpoint(const AddCheckpointRequest& request);
// Strict: "old N" without leading zeros, at most 64 proof lines of base64 of 32 bytes, an
// empty line, then the note. InvalidInput "request line N: ..." otherwise.
Status ParseAddCheckpoint(std::string_view text, AddCheckpointRequest* out);

// What the witness remembers of a log: the last checkpoint it cosigned, if any.
using WitnessState = std::optional<Checkpoint>;

// Checks `request` as a witness must: the note is signed by `log_key` and its checkpoint's
// origin is the key's name; request.old_size is the size of `last` (0 when none: Conflict
// otherwise, which tells the log which size to prove from); the new checkpoint is not smaller
// and the consistency proof takes `last`'s root to the new root. Then cosigns it at
// `unix_seconds` and returns the note with the cosignature appended (in place of one this
// witness made before), and the new state.
// Corruption when the log's history does not extend what the witness saw.
Status WitnessCheckpoint(const NoteSigner& witness, const NoteVerifier& log_key, const WitnessState& last,
                         const AddCheckpointRequest& request, uint64_t unix_seconds,
                         std::string* cosigned_note, Checkpoint* next);

}  // namespace nanni
