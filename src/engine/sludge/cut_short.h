// Calls cut short (docs/sludge.md): the two patterns of an agent who ends calls early, each
// judged on strong evidence only, with the evidence and its strength.
//
//  - Very short services: the agent's share of services under short_s against the median
//    share of the other agents, with the binomial tail of so many short services at that
//    median share.
//  - Bunching below a handle-time target: at every threshold of the scan, a polynomial
//    counterfactual fitted to the histogram of the agent's service times outside a window
//    around the threshold; the calls piled up below it, those missing above it, and a Poisson
//    bootstrap of the histogram for the strength of the excess.
//
// Settings are [sludge.short_calls] and [sludge.handle_time_cut] (data/triage/sludge.toml).
#pragma once

#include <optional>
#include <vector>

#include "config/triage_settings.h"
#include "engine/sludge.h"
#include "engine/sludge/seconds_histogram.h"

namespace nanni {

// The median share of services under short_s over `agents` (their handle-time histograms),
// counting only those with at least min_served; at least reference_floor.
double ReferenceShortShare(const std::vector<const SecondsHistogram*>& agents, const SignalSettings& settings);

// The evidence on one agent against `reference`; set only when it meets every threshold.
std::optional<ShortCallsEvidence> JudgeShortCalls(const SecondsHistogram& handle, double reference,
                                                  const SignalSettings& settings);

// The threshold of the scan with the strongest bunching in `handle` (served >= min_served; else
// an evidence with served set and threshold_s 0), with its bootstrap figures.
BunchingEvidence ScanBunching(const SecondsHistogram& handle, const SignalSettings& settings);

// Whether the evidence meets every threshold of [sludge.handle_time_cut].
bool BunchingFlagged(const BunchingEvidence& e, const SignalSettings& settings);

// The served calls of `handle` per bin of `bin_s` seconds, up to `to_s` (the last bin holds the rest).
std::vector<uint64_t> Rebin(const SecondsHistogram& handle, int64_t bin_s, int64_t to_s);

}  // namespace nanni
