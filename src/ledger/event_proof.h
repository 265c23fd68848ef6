// Proofs about one event that anyone can check offline, with the ledger's public key only
// (docs/ledger.md, "Proofs"): a C2SP tlog-proof bundle (tlog/proof_bundle.h) whose extra
// data is the event's leaf fields,
//
//   nanni-event/v2\n
//   ledger_id <32 hex digits>\n
//   seq <decimal>\n
//   recorded <decimal: UTC microseconds>\n
//   <the canonical body, byte for byte, to the end>
//
// its audit path, and a signed checkpoint. The verifier recomputes the leaf (ledger/leaf.h:
// the identity from the id and the checkpoint's origin), checks the path to the checkpoint's
// root, and the checkpoint's signatures. The bundle holds that one event and hashes: no
// other event's data.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "ledger/checkpoint_log.h"
#include "ledger/ledger_store.h"
#include "tlog/proof_bundle.h"

namespace nanni {

struct EventLeaf {
  std::string ledger_id;
  uint64_t seq = 0;
  int64_t recorded_utc_micros = 0;
  std::string body;

  bool operator==(const EventLeaf&) const = default;
};

std::string EncodeEventLeaf(const EventLeaf& leaf);
Status DecodeEventLeaf(std::string_view bytes, EventLeaf* out);

// The proof of the event whose id is `source_id`, against the signed checkpoint `note` (which
// must cover the event, and be one this ledger's tree extends). NotFound for an unknown id,
// PermissionDenied for an event outside `scope`.
Status ProveEvent(LedgerStore* store, const AccessScope& scope, std::string_view source_id,
                  const std::string& note, std::string* bundle);

struct ProvenEvent {
  EventLeaf leaf;
  TrustedCheckpoint checkpoint;
};

// Checks a proof bundle with no ledger: its checkpoint trusted as TrustCheckpoint says, its
// leaf recomputed from the extra data, its audit path leading to the checkpoint's root. OK
// with what it proves; Corruption or InvalidInput saying what fails.
Status VerifyEventProof(std::string_view bundle, const NoteVerifier& log_key,
                        std::span<const NoteVerifier> witnesses, size_t quorum, ProvenEvent* out);

// The same for a parsed proof whose checkpoint note is `trusted`'s, byte for byte (a ruling's
// many proofs share one checkpoint, `trusted_note`, trusted once): its leaf recomputed and its path checked.
Status VerifyEventProofIn(const ProofBundle& proof, std::string_view trusted_note, const TrustedCheckpoint& trusted,
                          EventLeaf* out);

}  // namespace nanni
