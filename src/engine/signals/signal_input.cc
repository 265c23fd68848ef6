#include "engine/signals/signal_input.h"

#include <fmt/format.h>

#include <algorithm>

#include "index/fact_draft.h"

namespace nanni {

int64_t SignalInput::WindowStart(std::string_view signal) const {
  return view.as_of() - static_cast<int64_t>(Get(signal, "window_days") * 86'400.0) * 1'000'000;
}

Evidence EvidenceAt(const AccountView& v, size_t i, std::string note) {
  Evidence e;
  e.seq = v.seq(i);
  e.kind = std::string(SpecOf(static_cast<EventKind>(v.fact(i).kind)).name);
  e.time = Timestamp{v.time(i), v.fact(i).offset_minutes};
  e.note = std::move(note);
  return e;
}

void KeepRecent(std::vector<Evidence>* evidence, size_t max) {
  std::stable_sort(evidence->begin(), evidence->end(),
                   [](const Evidence& a, const Evidence& b) { return a.time.utc_micros < b.time.utc_micros; });
  if (evidence->size() > max) evidence->erase(evidence->begin(), evidence->end() - static_cast<ptrdiff_t>(max));
}

}  // namespace nanni
