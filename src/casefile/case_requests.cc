#include "casefile/case_requests.h"

#include <algorithm>
#include <map>
#include <span>
#include <string>
#include <string_view>

#include "casefile/event_attrs.h"

namespace nanni {

namespace {

DurationPair Measure(const BusinessClock& clock, int64_t from, int64_t to) {
  return DurationPair{std::max<int64_t>(0, to - from) / 1000000, clock.BusinessSeconds(from, to)};
}

RequestItem RequestOf(const CaseEvent& c, PeopleIndex* people) {
  const Event& e = c.event;
  RequestItem r;
  r.cite = c.cite;
  r.time = e.time;
  r.from = people->FromCopy(e);
  r.channel = e.channel;
  r.subject = e.subject;
  r.text = e.text;
  r.priority = StringAttrOrEmpty(e, "priority");
  r.topic = StringAttrOrEmpty(e, "topic");
  if (const Timestamp* d = e.TimeAttr("due")) r.due = *d;
  return r;
}

// Fills in the first and the last of `replies` (in time order, never empty).
void Answer(const EventList& replies, const BusinessClock& clock, PeopleIndex* people,
            RequestItem* r) {
  const CaseEvent* first = replies.front();
  const CaseEvent* last = replies.back();
  const int64_t asked = r->time.utc_micros;
  r->answered = true;
  r->answers = static_cast<int>(replies.size());
  r->response_cite = first->cite;
  r->response_time = first->event.time;
  r->response_by = people->FromCopy(first->event);
  r->response = Measure(clock, asked, first->event.time.utc_micros);
  r->resolution_time = last->event.time;
  r->resolution = Measure(clock, asked, last->event.time.utc_micros);
}

TimeStats Stats(const std::string& group, const std::vector<const RequestItem*>& items) {
  TimeStats s;
  s.group = group;
  std::vector<int64_t> rc, rb, sc, sb;
  for (std::vector<int64_t>* v : {&rc, &rb, &sc, &sb}) v->reserve(items.size());
  for (const RequestItem* r : items) {
    ++s.requests;
    if (!r->answered) {
      ++s.open;
      continue;
    }
    ++s.answered;
    rc.push_back(r->response->calendar_s);
    rb.push_back(r->response->business_s);
    sc.push_back(r->resolution->calendar_s);
    sb.push_back(r->resolution->business_s);
  }
  s.response_calendar = ComputeStats(&rc);
  s.response_business = ComputeStats(&rb);
  s.resolution_calendar = ComputeStats(&sc);
  s.resolution_business = ComputeStats(&sb);
  return s;
}

// The group names view the requests' strings or LevelName's.
std::vector<TimeStats> Grouped(const std::vector<RequestItem>& requests,
                               std::string_view (*key)(const RequestItem&)) {
  std::map<std::string_view, std::vector<const RequestItem*>> groups;
  for (const RequestItem& r : requests) groups[key(r)].push_back(&r);
  std::vector<TimeStats> out;
  for (const auto& [k, v] : groups) out.push_back(Stats(std::string(k), v));
  return out;
}

std::string_view ChannelGroup(const RequestItem& r) { return r.channel; }

std::string_view LevelGroup(const RequestItem& r) { return r.from ? LevelName(r.from->level) : ""; }

}  // namespace

std::vector<RequestItem> BuildRequests(const LinkedEvents& events, const BusinessClock& clock,
                                       const Timestamp& as_of, PeopleIndex* people) {
  std::span<const LinkedEvent* const> asked = events.OfKind(EventKind::kRequest);
  std::vector<RequestItem> requests;
  // Requests are most of an account's events: reserving spares moving them while growing.
  requests.reserve(asked.size());
  for (const LinkedEvent* request : asked) {
    RequestItem r = RequestOf(*request->event, people);
    if (request->replies) {
      Answer(*request->replies, clock, people, &r);
    } else {
      r.open_age = Measure(clock, r.time.utc_micros, as_of.utc_micros);
    }
    requests.push_back(std::move(r));
  }
  return requests;
}

std::vector<TimeStats> TimeStatsByChannel(const std::vector<RequestItem>& requests) {
  return Grouped(requests, ChannelGroup);
}

std::vector<TimeStats> TimeStatsByLevel(const std::vector<RequestItem>& requests) {
  return Grouped(requests, LevelGroup);
}

TimeStats OverallTimeStats(const std::vector<RequestItem>& requests) {
  std::vector<const RequestItem*> all;
  all.reserve(requests.size());
  for (const RequestItem& r : requests) all.push_back(&r);
  return Stats("all", all);
}

DurationStats ComputeStats(std::vector<int64_t>* values) {
  DurationStats s;
  s.count = values->size();
  if (values->empty()) return s;
  auto at_rank = [&](size_t num, size_t den) {  // the position of rank ceil(n * num / den)
    size_t r = (values->size() * num + den - 1) / den;
    return values->begin() + static_cast<ptrdiff_t>(std::max<size_t>(r, 1) - 1);
  };
  // Selection instead of a full sort: p90 first, then the median among the values below it.
  auto p90 = at_rank(9, 10), median = at_rank(1, 2);
  std::nth_element(values->begin(), p90, values->end());
  std::nth_element(values->begin(), median, p90);
  s.median_s = *median;
  s.p90_s = *p90;
  s.worst_s = *std::max_element(p90, values->end());
  return s;
}

}  // namespace nanni
