#include "engine/sludge/call_tally.h"

#include <algorithm>
#include <numeric>

namespace nanni {

namespace {

constexpr int64_t kDay = 86'400;
constexpr int64_t kWeek = 7 * kDay;

size_t Slot(int64_t handle_s) {
  return static_cast<size_t>(std::clamp<int64_t>(handle_s, 0, SecondsHistogram::kDense));
}

void AddVectors(std::vector<uint32_t>* into, const std::vector<uint32_t>& from) {
  if (from.empty()) return;
  if (into->empty()) into->assign(from.size(), 0);
  for (size_t i = 0; i < from.size(); ++i) (*into)[i] += from[i];
}

uint64_t SumIn(const std::vector<uint32_t>& v, int64_t from, int64_t to) {
  uint64_t n = 0;
  for (int64_t s = std::max<int64_t>(from, 0); s < to && s < static_cast<int64_t>(v.size()); ++s) n += v[static_cast<size_t>(s)];
  return n;
}

std::optional<double> Share(uint64_t part, uint64_t whole) {
  if (whole == 0) return std::nullopt;
  return static_cast<double>(part) / static_cast<double>(whole);
}

}  // namespace

void GroupTally::Add(const CallRecord& c) {
  ++calls;
  served += c.served;
  abandoned += c.abandoned;
  dropped += c.dropped;
  transferred += c.transferred;
  if (c.served || c.abandoned) wait_s += c.wait_s;
  if (c.served) served_waits.Add(c.wait_s);
  repeat_7d += c.followed_7d;
  repeat_cost_s += c.followup_s;
}

void GroupTally::Merge(const GroupTally& o) {
  calls += o.calls;
  served += o.served;
  abandoned += o.abandoned;
  dropped += o.dropped;
  transferred += o.transferred;
  repeat_7d += o.repeat_7d;
  wait_s += o.wait_s;
  repeat_cost_s += o.repeat_cost_s;
  served_waits.Merge(o.served_waits);
}

CallStats GroupTally::Stats() {
  CallStats s;
  s.calls = calls;
  s.answered = served;
  s.abandoned = abandoned;
  s.dropped = dropped;
  s.transferred = transferred;
  s.wait_s = wait_s;
  const uint64_t offered = served + abandoned;
  s.service_level_20 = Share(served_waits.CountAtMost(20), offered);
  s.service_level_60 = Share(served_waits.CountAtMost(60), offered);
  s.abandon_rate = Share(abandoned, offered);
  if (served > 0) {
    s.asa_s = served_waits.mean();
    s.median_wait_s = served_waits.Quantile(0.5);
    s.p90_wait_s = served_waits.Quantile(0.9);
  }
  return s;
}

void AgentTally::Add(const CallRecord& c) {
  handle.Add(c.handle_s);
  dropped += c.dropped;
  transferred += c.transferred;
  repeat_cost_s += c.followup_s;
  if (c.dropped) {
    if (dropped_at.empty()) dropped_at.assign(SecondsHistogram::kDense + 1, 0);
    ++dropped_at[Slot(c.handle_s)];
  }
  if (c.customer == 0) return;
  if (identified.empty()) {
    identified.assign(SecondsHistogram::kDense + 1, 0);
    called_back.assign(SecondsHistogram::kDense + 1, 0);
    called_back_7d.assign(SecondsHistogram::kDense + 1, 0);
  }
  ++identified[Slot(c.handle_s)];
  called_back[Slot(c.handle_s)] += c.followed_24h;
  called_back_7d[Slot(c.handle_s)] += c.followed_7d;
  ++callbacks.calls;
  callbacks.within_24h += c.followed_24h;
  callbacks.within_7d += c.followed_7d;
}

void AgentTally::Merge(const AgentTally& o) {
  handle.Merge(o.handle);
  AddVectors(&identified, o.identified);
  AddVectors(&called_back, o.called_back);
  AddVectors(&called_back_7d, o.called_back_7d);
  AddVectors(&dropped_at, o.dropped_at);
  dropped += o.dropped;
  transferred += o.transferred;
  repeat_cost_s += o.repeat_cost_s;
  callbacks.calls += o.callbacks.calls;
  callbacks.within_24h += o.callbacks.within_24h;
  callbacks.within_7d += o.callbacks.within_7d;
}

CallbackRate AgentTally::CallbacksIn(int64_t from, int64_t to) const {
  CallbackRate r;
  r.calls = SumIn(identified, from, to);
  r.within_24h = SumIn(called_back, from, to);
  r.within_7d = SumIn(called_back_7d, from, to);
  r.share_24h = Share(r.within_24h, r.calls);
  return r;
}

uint64_t AgentTally::DroppedIn(int64_t from, int64_t to) const { return SumIn(dropped_at, from, to); }

void CallTally::Add(const CallRecord& c) {
  all.Add(c);
  hours[static_cast<size_t>(c.hour)].Add(c);
  queues[c.queue].Add(c);
  if (c.served && c.agent != 0) {
    agents[c.agent].Add(c);
    queue_services[c.queue].Add(c);
    PairTally& pair = pairs[uint64_t{c.queue} << 32 | c.agent];
    if (pair.bins.empty()) pair.bins.assign(static_cast<size_t>(shape.bins), 0);
    ++pair.bins[static_cast<size_t>(std::min(c.handle_s / shape.bin_s, shape.bins - 1))];
    pair.short_calls += c.handle_s < shape.short_s;
  }
  if ((c.served || c.abandoned) && c.wait_s > 0) (c.served ? waited_served : waited_abandoned).Add(c.wait_s);
  if (c.customer != 0) {
    ++repeats.calls;
    repeats.within_24h += c.followed_24h;
    repeats.within_7d += c.followed_7d;
  }
}

void CallTally::Merge(CallTally&& o) {
  all.Merge(o.all);
  for (size_t h = 0; h < hours.size(); ++h) hours[h].Merge(o.hours[h]);
  for (auto& [id, q] : o.queues) queues[id].Merge(q);
  for (auto& [id, a] : o.agents) agents[id].Merge(a);
  for (auto& [id, q] : o.queue_services) queue_services[id].Merge(q);
  for (auto& [key, p] : o.pairs) {
    PairTally& mine = pairs[key];
    AddVectors(&mine.bins, p.bins);
    mine.short_calls += p.short_calls;
  }
  waited_served.Merge(o.waited_served);
  waited_abandoned.Merge(o.waited_abandoned);
  repeats.customers += o.repeats.customers;
  repeats.calls += o.repeats.calls;
  repeats.within_24h += o.repeats.within_24h;
  repeats.within_7d += o.repeats.within_7d;
  repeats.customers_24h += o.repeats.customers_24h;
  repeats.customers_7d += o.repeats.customers_7d;
}

uint64_t CallTally::PairCallsIn(uint32_t queue, uint32_t agent, int64_t from, int64_t to) const {
  auto it = pairs.find(uint64_t{queue} << 32 | agent);
  if (it == pairs.end()) return 0;
  return SumIn(it->second.bins, from / shape.bin_s, to / shape.bin_s);
}

uint64_t CallTally::PairShortCalls(uint32_t queue, uint32_t agent) const {
  auto it = pairs.find(uint64_t{queue} << 32 | agent);
  return it == pairs.end() ? 0 : it->second.short_calls;
}

void MarkFollowUps(std::vector<CallRecord>* calls, std::vector<uint32_t>* order, Repeats* repeats) {
  std::vector<CallRecord>& c = *calls;
  order->resize(c.size());
  std::iota(order->begin(), order->end(), 0u);
  std::sort(order->begin(), order->end(), [&](uint32_t a, uint32_t b) {
    if (c[a].customer != c[b].customer) return c[a].customer < c[b].customer;
    if (c[a].start_s != c[b].start_s) return c[a].start_s < c[b].start_s;
    return a < b;
  });
  bool any_24h = false, any_7d = false;
  for (size_t k = 0; k < order->size(); ++k) {
    CallRecord& call = c[(*order)[k]];
    if (call.customer == 0) continue;
    const bool last = k + 1 == order->size() || c[(*order)[k + 1]].customer != call.customer;
    if (!last) {
      const CallRecord& next = c[(*order)[k + 1]];
      const int64_t gap = next.start_s - call.end_s();
      call.followed_24h = gap <= kDay;
      call.followed_7d = gap <= kWeek;
      if (call.followed_7d) call.followup_s = next.ivr_s + next.wait_s + next.handle_s;
    }
    any_24h |= call.followed_24h;
    any_7d |= call.followed_7d;
    if (last) {
      ++repeats->customers;
      repeats->customers_24h += any_24h;
      repeats->customers_7d += any_7d;
      any_24h = any_7d = false;
    }
  }
}

}  // namespace nanni
