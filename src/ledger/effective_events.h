// Effective events: what the record says at a report moment, once its corrections are applied.
// The one layer every analysis reads through (case file, briefing, portfolio, tone and all
// that follows), so that their figures agree (docs/case-file.md, "The report moment").
//
// A moment cuts the record twice:
//   as_of        keeps events whose event time is at or before it: what had happened by then,
//                as the ledger knows it today (history imported later still counts);
//   recorded_by  also leaves out events the ledger recorded after it: exactly what the ledger
//                held at that moment, to reproduce an earlier report.
// Then corrections: an event whose `corrects` names an event of the same kind replaces it
// (the latest correction wins) and answers for it under the original's identity, so replies
// to the original still link to what replaced it; a correction of another kind stays beside
// the original.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "util/time.h"

namespace nanni {

struct ReportMoment {
  Timestamp as_of{INT64_MAX, 0};
  int64_t recorded_by_utc_micros = INT64_MAX;

  bool Keeps(int64_t time_utc_micros, int64_t recorded_utc_micros) const {
    return time_utc_micros <= as_of.utc_micros && recorded_utc_micros <= recorded_by_utc_micros;
  }
};

// One event of one account as the layer needs it.
struct MomentInput {
  uint64_t seq = 0;
  int64_t time_utc_micros = 0;
  int64_t recorded_utc_micros = 0;
  uint8_t kind = 0;
  uint64_t corrects = 0;  // seq of the event it corrects; 0 when none (or not in the ledger)
};

// One event in effect.
struct EffectiveEvent {
  uint32_t input = 0;     // its index in the inputs
  uint64_t identity = 0;  // the seq it answers for: its own, or that of the event it replaced
};

// The events of `inputs` (one account's) in effect at `moment`, in event-time order, then seq.
void ApplyMoment(const ReportMoment& moment, std::span<const MomentInput> inputs,
                 std::vector<EffectiveEvent>* out);

}  // namespace nanni
