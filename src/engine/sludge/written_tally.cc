#include "engine/sludge/written_tally.h"

#include <algorithm>

namespace nanni {

namespace {

// One request's thread, as its events arrive.
struct Thread {
  uint32_t customer = 0;
  int64_t asked = 0, last = 0;
  bool last_ours = false, answered = false, reopened = false, chased = false, bounced = false;
  uint32_t last_handler = 0;
  std::vector<uint32_t> handlers;  // our people who wrote in it, in order of first appearance
};

// Whether the message at position i of `view` chases us (index/facts.h, kChaseFlag).
bool ChasesUs(const AccountView& view, size_t i) {
  const uint32_t row = view.index().tone_row(view.seq(i));
  return row != IndexSnapshot::kNoRecord && (view.index().tone()[row].flags & kChaseFlag) != 0;
}

bool Written(const Fact& f) {
  return Is(f, EventKind::kRequest) || Is(f, EventKind::kResponse) || Is(f, EventKind::kMessage) ||
         Is(f, EventKind::kStatusUpdate);
}

// A message of theirs in the thread; `chases`: its words chase us.
void Theirs(const Fact& f, bool chases, Thread* t, WrittenTally* tally, WrittenJourney* j) {
  if (!t->answered || chases) t->chased = true;
  if (t->answered && Is(f, EventKind::kRequest)) t->reopened = true;
  if (t->last_ours) {  // their turn is over: the clock of waiting on us starts now
    tally->stats.waiting_on_them_s += (f.time_utc_micros - t->last) / kMicrosPerSecond;
    t->last = f.time_utc_micros;
  }
  t->last_ours = false;
  ++j->messages;
}

void Ours(const Fact& f, uint32_t person, Thread* t, WrittenTally* tally, WrittenJourney* j) {
  if (!t->last_ours) {  // our turn is over: from their first message since our last one
    const int64_t waited = (f.time_utc_micros - t->last) / kMicrosPerSecond;
    tally->stats.waiting_on_us_s += waited;
    j->waiting_on_us_s += waited;
    t->last = f.time_utc_micros;
  }
  if (!t->answered) {
    t->answered = true;
    tally->first_reply.Add((f.time_utc_micros - t->asked) / kMicrosPerSecond);
  }
  if (person != 0 && person != t->last_handler) {
    const bool seen = std::find(t->handlers.begin(), t->handlers.end(), person) != t->handlers.end();
    if (seen && t->last_handler != 0) t->bounced = true;
    if (!seen) t->handlers.push_back(person);
    t->last_handler = person;
  }
  t->last_ours = true;
}

void Close(const Thread& t, WrittenTally* tally, WrittenJourney* j) {
  WrittenStats& s = tally->stats;
  ++s.requests;
  s.handed_off += t.handlers.size() >= 2;
  s.reopened += t.reopened;
  s.chased += t.chased;
  s.bounced += t.bounced;
  j->chased += t.chased;
  if (t.answered) {
    ++tally->answered;
    tally->handlers += t.handlers.size();
  }
}

}  // namespace

void WrittenTally::Add(const AccountView& view, PersonIds* people,
                       std::unordered_map<uint32_t, WrittenJourney>* journeys) {
  std::vector<uint32_t> root(view.size(), AccountView::kNone);
  std::unordered_map<uint32_t, Thread> threads;  // by the position of the request
  std::unordered_map<uint32_t, uint32_t> latest;  // person -> the position of their latest request
  for (size_t i = 0; i < view.size(); ++i) {
    const Fact& f = view.fact(i);
    if (!Written(f)) continue;
    const uint32_t parent = view.Position(f.reply_to);
    root[i] = parent != AccountView::kNone && parent < i && root[parent] != AccountView::kNone
                  ? root[parent]
                  : static_cast<uint32_t>(i);
    const bool chases = nanni::Theirs(f) && ChasesUs(view, i);
    if (root[i] == i && chases) {  // a chaser outside any thread chases their latest request
      auto asked = latest.find(people->Of(f.from));
      if (asked != latest.end()) root[i] = asked->second;
    }
    if (root[i] == i) {
      if (Is(f, EventKind::kRequest) && nanni::Theirs(f)) {
        Thread& t = threads[static_cast<uint32_t>(i)];
        t.customer = people->Of(f.from);
        t.asked = t.last = f.time_utc_micros;
        latest[t.customer] = static_cast<uint32_t>(i);
        ++(*journeys)[t.customer].messages;
      }
      continue;
    }
    auto it = threads.find(root[i]);
    if (it == threads.end()) continue;
    WrittenJourney& j = (*journeys)[it->second.customer];
    if (nanni::Theirs(f)) Theirs(f, chases, &it->second, this, &j);
    if (nanni::Ours(f)) Ours(f, people->Of(f.from), &it->second, this, &j);
  }
  for (const auto& [at, t] : threads) Close(t, this, &(*journeys)[t.customer]);
}

void WrittenTally::Merge(WrittenTally&& o) {
  stats.requests += o.stats.requests;
  stats.handed_off += o.stats.handed_off;
  stats.reopened += o.stats.reopened;
  stats.chased += o.stats.chased;
  stats.bounced += o.stats.bounced;
  stats.waiting_on_us_s += o.stats.waiting_on_us_s;
  stats.waiting_on_them_s += o.stats.waiting_on_them_s;
  answered += o.answered;
  handlers += o.handlers;
  first_reply.Merge(o.first_reply);
}

WrittenStats WrittenTally::Finish() {
  WrittenStats s = stats;
  s.handlers_mean = answered == 0 ? 0 : static_cast<double>(handlers) / static_cast<double>(answered);
  if (first_reply.count() > 0) s.first_reply_median_s = first_reply.Quantile(0.5);
  return s;
}

}  // namespace nanni
