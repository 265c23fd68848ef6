// EvaluateContracts: every rule of the terms an account's record holds, over a period
// (docs/contracts.md, "Evaluation"). A pure function of the events it is given: the engine
// passes the account's events from the ledger, `dispute check` the evidence of a ruling.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "casefile/case_input.h"
#include "contract/contract_check.h"
#include "contract/contract_period.h"
#include "contract/reference_rates.h"
#include "contract/terms.h"

namespace nanni {

// Terms one contract event records: its text parsed, checked against its terms_sha256.
struct RecordedTerms {
  Terms terms;
  std::string digest;
  std::string event_id;  // as stored
};

// The terms recorded in `events` (contract events carrying terms_sha256), in order of their
// start. A contract event whose text does not hash to its terms_sha256, or does not parse,
// is skipped with a note saying so.
void FindRecordedTerms(const std::vector<CaseEvent>& events, std::vector<RecordedTerms>* out,
                       std::vector<std::string>* notes);

// The kinds of events the rules read (an account's other events are never needed).
const std::vector<std::string>& ContractEventKinds();

// One ContractCheck per recorded terms in effect during `period` (a later contract supersedes
// an earlier one from its start), each over the part of the period it governs (its dates read
// in that terms' time zone), measured at
// `as_of_utc_micros`. `events`: one account's events in effect (casefile/case_input.h). None
// when the account's record holds no terms.
Status EvaluateContracts(const std::string& account, const std::vector<CaseEvent>& events, const ContractPeriod& period,
                         int64_t as_of_utc_micros, const ReferenceRates& rates, std::vector<ContractCheck>* out);

}  // namespace nanni
