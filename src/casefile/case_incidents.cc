#include "casefile/case_incidents.h"

#include <algorithm>
#include <map>
#include <string>

#include "casefile/event_attrs.h"

namespace nanni {

namespace {

constexpr int64_t kMicros = 1'000'000;

void AddPhase(const CaseEvent& c, IncidentItem* inc) {
  const Event& e = c.event;
  if (inc->what.empty()) inc->what = StringAttrOrEmpty(e, "what");
  if (inc->severity.empty()) inc->severity = StringAttrOrEmpty(e, "severity");
  if (StringAttrView(e, "phase") == "start") {
    if (!inc->start) {
      inc->start = e.time;
      inc->start_cite = c.cite;
    }
  } else {
    inc->end = e.time;
    inc->end_cite = c.cite;
  }
}

void MeasureDowntime(int64_t now, IncidentItem* inc) {
  if (!inc->start) return;
  inc->ongoing = !inc->end;
  int64_t end = inc->end ? inc->end->utc_micros : now;
  inc->downtime_s = std::max<int64_t>(0, end - inc->start->utc_micros) / kMicros;
}

int64_t SortTime(const IncidentItem& i) {
  return i.start ? i.start->utc_micros : i.end ? i.end->utc_micros : 0;
}

}  // namespace

std::vector<IncidentItem> BuildIncidents(const LinkedEvents& events, const Timestamp& as_of) {
  std::map<std::string, IncidentItem> by_id;
  for (const LinkedEvent* phase : events.OfKind(EventKind::kIncident)) {
    std::string id = StringAttrOrEmpty(phase->event->event, "incident");
    IncidentItem& inc = by_id[id];
    inc.incident = id;
    AddPhase(*phase->event, &inc);
  }
  std::vector<IncidentItem> incidents;
  incidents.reserve(by_id.size());
  for (auto& [id, inc] : by_id) {
    MeasureDowntime(as_of.utc_micros, &inc);
    incidents.push_back(std::move(inc));
  }
  std::stable_sort(incidents.begin(), incidents.end(),
                   [](const IncidentItem& a, const IncidentItem& b) { return SortTime(a) < SortTime(b); });
  return incidents;
}

}  // namespace nanni
