// The payment terms over the account's invoices: each invoice due in the period (its own due
// date, or the terms' net days after it), paid late or not yet, earns simple interest on what
// was outstanding each day after the due date (a fixed yearly rate, or a statute's reference
// rate plus its margin) and the flat fee per late invoice (docs/contracts.md, "Late payment").
#pragma once

#include <string>
#include <vector>

#include "contract/contract_input.h"
#include "contract/reference_rates.h"

namespace nanni {

// Appends, per invoice due in the period, its interest finding (paid on time: met) and, for a
// late one under a fee, its fee finding. An invoice whose statute has no reference rate for
// its half-year gets a note instead of interest.
void CheckLatePayments(const ContractInput& in, const ReferenceRates& rates, std::vector<Finding>* out,
                       std::vector<std::string>* notes);

}  // namespace nanni
