// Claim: what one party asks of the other under a contract, as a JSON document a person or a
// software agent writes (docs/contracts.md, "Claims"; its JSON Schema in
// docs/schemas/claim.schema.json):
//
//   {"claim": "nanni-claim/1", "claimant": "customer", "account": "acme",
//    "contract": "MSA-2026-017", "period": {"from": "2026-03-01", "to": "2026-04-01"},
//    "asks": [{"rule": "uptime.credit", "subject": "2026-03", "amount_minor": 30000}],
//    "evidence": ["inc-88-start"], "statement": "The export service was down ..."}
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "contract/contract_evaluator.h"
#include "util/json_out.h"
#include "util/status.h"

namespace nanni {

struct ClaimAsk {
  std::string rule;                    // one of contract/rules.h
  std::string subject;                 // "" : every finding of the rule in the period
  std::optional<int64_t> amount_minor; // what is asked; absent: whatever the record gives
};

struct Claim {
  std::string claimant;      // "customer" or "provider"
  std::string account;
  std::string contract;      // "" : whichever terms the record holds for the period
  std::string terms_sha256;  // "" : not asserted
  ContractPeriod period;
  std::vector<ClaimAsk> asks;
  std::vector<std::string> evidence;  // event ids the claimant relies on
  std::string statement;
};

// Parses a claim; every field checked, unknown fields refused. InvalidInput naming the field
// ("claim field 'asks[2].rule': ...").
Status ParseClaim(std::string_view json, Claim* out);

// Writes the claim as JSON that ParseClaim reads back to the same claim (fixed field order).
void WriteClaim(const Claim& claim, JsonOut* out);

}  // namespace nanni
