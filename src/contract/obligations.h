// The obligations of the terms: each one due in the period, delivered late (its commitment's
// "kept" outcome after the due date) or not yet, earns its penalty per period of delay, whole
// or pro rata, capped, unless force majeure was declared for it before delivery and the terms
// let that excuse it (docs/contracts.md, "Obligations").
#pragma once

#include <vector>

#include "contract/contract_input.h"

namespace nanni {

// Appends one finding per obligation due in the period.
void CheckObligations(const ContractInput& in, std::vector<Finding>* out);

}  // namespace nanni
