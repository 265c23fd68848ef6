// The uptime commitment of the terms: per month, downtime from the account's incidents
// (overlaps merged, announced maintenance excluded, runs shorter than the minimum period not
// counted), the uptime it leaves, the credit tier it falls in, and the monthly and rolling
// twelve-month caps (docs/contracts.md, "Uptime").
#pragma once

#include <vector>

#include "contract/contract_input.h"

namespace nanni {

// Appends one finding per month of the period under the commitment (credit or not).
void CheckUptime(const ContractInput& in, std::vector<Finding>* out);

}  // namespace nanni
