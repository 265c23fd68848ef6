// The cut-short detectors (engine/sludge/cut_short.h) run over a whole tally: every agent's
// served calls and every queue's, each flag with its callbacks checked against the customers
// (do the customers of those calls call back sooner?), and each queue's flag with the share of
// its pattern the agents flagged for it explain.
#pragma once

#include "config/triage_settings.h"
#include "engine/sludge.h"
#include "engine/sludge/call_tally.h"
#include "index/index_snapshot.h"

namespace nanni {

// Sets out->flagged, scanned, flagged_queues and scanned_queues from `tally` (string ids of
// `index`), by [sludge.short_calls], [sludge.handle_time_cut] and [sludge.callbacks].
void DetectCutShort(const IndexSnapshot& index, const CallTally& tally, const SignalSettings& settings, Sludge* out);

}  // namespace nanni
