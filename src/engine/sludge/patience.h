// The patience of waiting callers (docs/sludge.md): the Kaplan-Meier survival of the time a
// caller is willing to wait, from the waits of served calls (censored: they would have waited
// longer) and of abandoned ones (the event), and the hazard of hanging up by wait.
#pragma once

#include <cstdint>

#include "engine/sludge.h"
#include "engine/sludge/seconds_histogram.h"

namespace nanni {

// `served`, `abandoned`: the waits (> 0) of the calls of each kind. Hazard bins of `bin_s`
// seconds up to `to_s`.
Patience EstimatePatience(const SecondsHistogram& served, const SecondsHistogram& abandoned,
                          int64_t bin_s, int64_t to_s);

}  // namespace nanni
