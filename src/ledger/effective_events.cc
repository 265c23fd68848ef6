#include "ledger/effective_events.h"

#include <algorithm>
#include <unordered_map>

namespace nanni {

namespace {

// Same-kind corrections, in event order: each takes over the identity it corrects (a later
// correction of the same identity takes it over again). Returns which positions are replaced.
std::vector<bool> ApplyCorrections(std::span<const MomentInput> inputs, std::vector<EffectiveEvent>* events) {
  std::unordered_map<uint64_t, size_t> by_identity;  // seq -> position of what answers for it
  for (size_t i = 0; i < events->size(); ++i) by_identity[inputs[(*events)[i].input].seq] = i;
  std::vector<bool> replaced(events->size(), false);
  for (size_t i = 0; i < events->size(); ++i) {
    const MomentInput& c = inputs[(*events)[i].input];
    if (c.corrects == 0) continue;
    auto it = by_identity.find(c.corrects);
    if (it == by_identity.end() || inputs[(*events)[it->second].input].kind != c.kind) continue;
    replaced[it->second] = true;
    it->second = i;
  }
  for (size_t i = 0; i < events->size(); ++i) {
    const MomentInput& c = inputs[(*events)[i].input];
    if (c.corrects == 0) continue;
    auto it = by_identity.find(c.corrects);
    if (it != by_identity.end() && it->second == i) (*events)[i].identity = c.corrects;
  }
  return replaced;
}

}  // namespace

void ApplyMoment(const ReportMoment& moment, std::span<const MomentInput> inputs,
                 std::vector<EffectiveEvent>* out) {
  out->clear();
  bool corrections = false;
  for (size_t i = 0; i < inputs.size(); ++i) {
    const MomentInput& in = inputs[i];
    if (!moment.Keeps(in.time_utc_micros, in.recorded_utc_micros)) continue;
    out->push_back(EffectiveEvent{static_cast<uint32_t>(i), in.seq});
    corrections |= in.corrects != 0;
  }
  auto before = [&](const EffectiveEvent& a, const EffectiveEvent& b) {
    const MomentInput &x = inputs[a.input], &y = inputs[b.input];
    if (x.time_utc_micros != y.time_utc_micros) return x.time_utc_micros < y.time_utc_micros;
    return x.seq < y.seq;
  };
  if (!std::is_sorted(out->begin(), out->end(), before)) std::sort(out->begin(), out->end(), before);
  if (!corrections) return;
  std::vector<bool> replaced = ApplyCorrections(inputs, out);
  size_t kept = 0;
  for (size_t i = 0; i < out->size(); ++i) {
    if (!replaced[i]) (*out)[kept++] = (*out)[i];
  }
  out->resize(kept);
}

}  // namespace nanni
