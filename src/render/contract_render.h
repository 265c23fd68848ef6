// Contract checks and rulings as text and JSON (docs/contracts.md shows both).
#pragma once

#include <string>
#include <vector>

#include "contract/contract_check.h"
#include "dispute/ruling.h"
#include "util/json_out.h"

namespace nanni {

// The checks as text: per check, the totals, then each breach with its steps and events
// (`all_findings`: the rules met too).
std::string ContractChecksText(const std::vector<ContractCheck>& checks, bool all_findings);

// {"checks": [{account, contract, ..., "findings": [...], "notes": [...]}], "totals": {CURRENCY:
// {"owed_to_them_minor", "owed_to_us_minor"}}} (never added across currencies):
// every finding, met or not.
void WriteContractChecksJson(const std::vector<ContractCheck>& checks, JsonOut* out);

// A ruling's decision in a few lines: the verdict, the amounts, per ask its verdict, what is
// missing, and how many events are proven against which checkpoint.
std::string RulingText(const Ruling& ruling);

// What `dispute check` found.
std::string RulingCheckText(const RulingCheck& check);

}  // namespace nanni
