// The response targets of the terms (first reply, next reply, resolution) over the requests
// of the period, on the terms' business hours or the calendar, resolution paused while we
// wait on the customer (docs/contracts.md, "Response targets").
#pragma once

#include <vector>

#include "contract/contract_input.h"

namespace nanni {

// Appends one finding per target measured: for each request that opens a conversation in the
// period and has a matching target, its first reply, each next reply and its resolution.
void CheckResponseTargets(const ContractInput& in, std::vector<Finding>* out);

}  // namespace nanni
