// The ledger's checkpoints: its tree head signed as a C2SP checkpoint (tlog/checkpoint.h) in
// a signed note by the ledger's Ed25519 key, whose name is the ledger's origin. Every
// checkpoint handed out is kept in the ledger's history (LedgerStore::ListCheckpoints).
//
// A checkpoint someone kept outside the ledger is what catches a history rewritten
// consistently, entries and tree together, or cut short: CheckExtends proves, with an RFC 9162
// consistency proof, that today's ledger still begins with the tree that checkpoint signed.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "ledger/ledger_store.h"
#include "tlog/checkpoint.h"
#include "tlog/note_key.h"

namespace nanni {

// Signs the ledger's current tree with `key` (a log key named as the ledger's origin:
// InvalidArgument otherwise), records the note in the ledger's history at `now_utc_micros`
// and returns it.
Status IssueCheckpoint(LedgerStore* store, const NoteSigner& key, int64_t now_utc_micros, std::string* note);

// A signed checkpoint note read and trusted: signed by `log_key`, with at least `quorum` of
// the `witnesses` having cosigned it.
struct TrustedCheckpoint {
  Checkpoint checkpoint;
  std::vector<std::string> witnesses;  // the labels (name+keyid) of those that cosigned
};

// Parses `note` and checks it: the log's signature (Corruption when it does not verify or is
// missing), the origin equal to the key's name, and k of n cosignatures (Corruption naming
// how many verified when fewer than `quorum`).
Status TrustCheckpoint(std::string_view note, const NoteVerifier& log_key,
                       std::span<const NoteVerifier> witnesses, size_t quorum, TrustedCheckpoint* out);

struct ExtendsReport {
  uint64_t checkpoint_size = 0;
  uint64_t ledger_size = 0;
  std::vector<Digest> proof;  // the consistency proof, checkpoint to ledger
};

// OK when the ledger holds the tree `checkpoint` signed, then perhaps more: the same origin,
// at least its size, and a consistency proof from its root to the ledger's current root that
// verifies. Corruption saying which fails: cut short (fewer entries), rewritten (another root
// at that size), or another ledger (another origin).
Status CheckExtends(LedgerStore* store, const Checkpoint& checkpoint, ExtendsReport* report);

// Checks every checkpoint in the ledger's history as CheckExtends does, and its signature when
// `log_key` is given (without one, a history rewritten together with its checkpoints cannot
// be told apart). Sets *checked; Corruption naming the first checkpoint that fails.
Status CheckHistory(LedgerStore* store, const NoteVerifier* log_key, size_t* checked);

// Records `note` in the ledger's history: the same checkpoint as one the ledger issued,
// signed by `log_key`, now with cosignatures. InvalidArgument when the ledger never issued
// that checkpoint.
Status RecordCosignedCheckpoint(LedgerStore* store, std::string_view note, const NoteVerifier& log_key,
                                int64_t now_utc_micros);

// The note of the latest checkpoint in the history that covers at least `min_size` entries
// (of those of the same size, the one with the most signatures). NotFound when there is none.
Status LatestCheckpointNote(LedgerStore* store, uint64_t min_size, std::string* note);

}  // namespace nanni
