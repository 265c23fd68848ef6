// Ruling: a decision with everything needed to check it without the ledger (docs/contracts.md,
// "Rulings"; its JSON Schema in docs/schemas/ruling.schema.json):
//
//   {"ruling": "nanni-ruling/1",
//    "claim": {...the claim...},
//    "decision": {...verdict, amounts, per ask the findings with their steps and events...},
//    "checkpoint": "<the signed checkpoint note every proof is against>",
//    "evidence": [{"id": "inc-88-start", "proof": "c2sp.org/tlog-proof@v1\n..."}, ...]}
//
// Each evidence proof is a C2SP tlog-proof of one event of the claim's account (ledger/
// event_proof.h), checkable on its own with `nanni verify-proof`. CheckRuling trusts the
// checkpoint with the ledger's public key, verifies every proof, decodes the events from the
// proofs' bytes, decides the claim again on them and compares the decision byte for byte.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dispute/decision.h"
#include "tlog/note_key.h"

namespace nanni {

struct EvidenceItem {
  std::string id;     // the event's id, as stored
  std::string proof;  // its tlog-proof
};

struct Ruling {
  Claim claim;
  Decision decision;
  std::string checkpoint;  // signed note
  std::vector<EvidenceItem> evidence;
};

std::string FormatRuling(const Ruling& ruling);

struct RulingCheck {
  size_t evidence = 0;          // events proven
  uint64_t checkpoint_size = 0;
  std::string origin;
  std::string verdict;          // the recomputed decision's
  int64_t awarded_minor = 0;
  std::string currency;
  std::vector<std::string> differences;  // "decision.asks[0].awarded_minor: the ruling says 30000, the evidence gives 20000"
};

// Checks `ruling` with the ledger's public key only. OK when every proof holds and the
// decision recomputed from the evidence is the ruling's; Corruption naming the evidence item
// whose proof fails, or listing where the decision differs (also in report->differences);
// InvalidInput for a document that is not a ruling.
Status CheckRuling(std::string_view ruling, const NoteVerifier& log_key, const ReferenceRates& rates, RulingCheck* report);

}  // namespace nanni
