// Decision: what a claim comes to on the record (docs/contracts.md, "Rulings"): per ask, the
// findings of its rule under the terms in effect, the amount they give, what is awarded and
// the verdict; over the claim, the verdict and the totals. A pure function of the claim, the
// account's events and the moment, so that `dispute check` recomputes it from a ruling's
// evidence alone and gets the same bytes from WriteDecision.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "contract/contract_evaluator.h"
#include "dispute/claim.h"

namespace nanni {

enum class Verdict { kUpheld, kPartlyUpheld, kRejected, kInsufficientEvidence };
const char* VerdictName(Verdict v);  // "upheld", "partly upheld", "rejected", "insufficient evidence"

struct AskDecision {
  ClaimAsk ask;
  Verdict verdict = Verdict::kRejected;
  int64_t computed_minor = 0;  // what the record gives for the ask
  int64_t awarded_minor = 0;   // the computed amount, at most what was asked
  std::vector<Finding> findings;
  std::vector<std::string> missing;  // what the record lacks (insufficient evidence)
};

struct AppliedTerms {
  std::string contract, contract_event, terms_sha256;
};

struct Decision {
  std::string account, currency;
  ContractPeriod period;
  int64_t as_of_utc_micros = 0;
  std::vector<AppliedTerms> terms;
  Verdict verdict = Verdict::kRejected;
  int64_t claimed_minor = 0;  // over the asks that name an amount
  int64_t awarded_minor = 0;
  std::vector<AskDecision> asks;
  std::vector<std::string> missing;  // what the claim relies on that the record lacks
  std::vector<std::string> notes;
};

// Decides `claim` on `events` (the claim's account's events in effect at `as_of`).
Status Decide(const Claim& claim, const std::vector<CaseEvent>& events, int64_t as_of_utc_micros,
              const ReferenceRates& rates, Decision* out);

// The ids of the events the decision rests on (its findings', its terms' contract events and
// the claim's evidence that the record holds), sorted, once each.
std::vector<std::string> EvidenceIds(const Claim& claim, const Decision& decision);

void WriteDecision(const Decision& d, JsonOut* out);

// Writes one finding as the contract check's JSON and the ruling share.
void WriteFinding(const Finding& f, JsonOut* out);

}  // namespace nanni
