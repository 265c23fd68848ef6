#include "engine/sludge_builder.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <tuple>
#include <map>
#include <unordered_map>

#include "engine/account_pool.h"
#include "engine/contact_text.h"
#include "engine/sludge/call_tally.h"
#include "engine/sludge/cut_short.h"
#include "engine/sludge/cut_short_scan.h"
#include "engine/sludge/patience.h"
#include "engine/sludge/person_ids.h"
#include "engine/sludge/promise_tally.h"
#include "engine/sludge/written_tally.h"
#include "event/kind.h"
#include "util/count_text.h"
#include "index/fact_draft.h"

namespace nanni {

namespace {

// CallFact::outcome and ::direction: 1 + the index in the call kind's choices (event/kind.cc).
enum CallOutcome : uint8_t { kAnswered = 1, kAbandoned = 2, kDropped = 3, kTransferred = 4 };
constexpr uint8_t kInbound = 1;

// One customer's journey while it is tallied: string ids, not names.
struct JourneyRow {
  uint32_t account = 0, customer = 0;
  Journey j;
};

// Orders journeys worst first (cost, then account and customer for a stable order).
bool Worse(const JourneyRow& a, const JourneyRow& b) {
  if (a.j.cost_s != b.j.cost_s) return a.j.cost_s > b.j.cost_s;
  return std::tie(a.account, a.customer) < std::tie(b.account, b.customer);
}

// Keeps the `top` worst of *rows, worst first.
void KeepWorst(std::vector<JourneyRow>* rows, size_t top) {
  const size_t n = std::min(top, rows->size());
  std::partial_sort(rows->begin(), rows->begin() + static_cast<ptrdiff_t>(n), rows->end(), Worse);
  rows->resize(n);
}

// What one worker thread tallies.
struct WorkerTally {
  WorkerTally(PairShape shape, size_t top_journeys) : calls(shape), top_journeys(top_journeys) {}
  CallTally calls;
  WrittenTally written;
  PromiseTally promises;
  std::vector<JourneyRow> journeys;  // pruned to the worst top_journeys as it grows
  size_t top_journeys;
  std::vector<CallRecord> account_calls;  // scratch
  std::vector<uint32_t> order;            // scratch
};


bool ReadCall(const AccountView& view, size_t i, PersonIds* people, CallRecord* out) {
  const Fact& f = view.fact(i);
  if (!Is(f, EventKind::kCall)) return false;
  const uint32_t row = view.index().side_row(view.seq(i));
  if (row == IndexSnapshot::kNoRecord) return false;
  const CallFact& c = view.index().calls()[row];
  if (c.direction != 0 && c.direction != kInbound) return false;
  CallRecord r;
  r.start_s = f.time_utc_micros / kMicrosPerSecond;
  const int64_t local = f.time_utc_micros / kMicrosPerSecond + int64_t{f.offset_minutes} * 60;
  r.hour = static_cast<int>(((local % 86'400) + 86'400) % 86'400 / 3'600);
  r.queue = c.queue;
  r.agent = c.agent;
  r.customer = Theirs(f) ? people->Of(f.from) : 0;
  r.wait_s = c.queue_wait_s;
  r.handle_s = c.handle_s;
  r.ivr_s = c.ivr_s;
  r.abandoned = c.outcome == kAbandoned;
  r.transferred = c.outcome == kTransferred;
  r.dropped = c.outcome == kDropped;
  r.served = c.outcome == kAnswered || r.transferred || (r.dropped && c.agent != 0 && c.handle_s > 0);
  *out = r;
  return true;
}

void AddJourneys(uint32_t account, const std::vector<CallRecord>& calls,
                 const std::unordered_map<uint32_t, WrittenJourney>& written, std::vector<JourneyRow>* out) {
  std::unordered_map<uint32_t, Journey> by_customer;
  if (calls.empty() && written.empty()) return;
  for (const CallRecord& c : calls) {
    Journey& j = by_customer[c.customer];
    ++j.contacts;
    j.repeat_calls += c.followed_7d;
    j.abandoned += c.abandoned;
    if (c.served || c.abandoned) j.wait_s += c.wait_s;
    j.cost_s += c.followup_s;
  }
  for (const auto& [customer, w] : written) {
    if (customer == 0) continue;
    Journey& j = by_customer[customer];
    j.contacts += w.messages;
    j.chased += w.chased;
    j.wait_s += w.waiting_on_us_s;
  }
  for (auto& [customer, j] : by_customer) {
    j.cost_s += j.wait_s;
    if (j.cost_s > 0) out->push_back({account, customer, j});
  }
}

// What kinds of events an account has, so that the parts it lacks are not read at all.
struct AccountKinds {
  bool written = false, promises = false;
};

// The account's inbound calls: those of unidentified callers straight into the tally (nothing
// follows them), those of identified ones into t->account_calls, for their follow-ups.
AccountKinds ReadCalls(const AccountView& view, PersonIds* people, WorkerTally* t) {
  AccountKinds kinds;
  t->account_calls.clear();
  for (size_t i = 0; i < view.size(); ++i) {
    CallRecord r;
    if (ReadCall(view, i, people, &r)) {
      if (r.customer == 0) {
        t->calls.Add(r);
      } else {
        t->account_calls.push_back(r);
      }
      continue;
    }
    const Fact& f = view.fact(i);
    kinds.written |= Is(f, EventKind::kRequest);
    kinds.promises |= Is(f, EventKind::kCommitment);
  }
  return kinds;
}

void ReadAccount(const AccountView& view, uint32_t account, WorkerTally* t) {
  PersonIds people(view.index());
  const AccountKinds kinds = ReadCalls(view, &people, t);
  MarkFollowUps(&t->account_calls, &t->order, &t->calls.repeats);
  for (const CallRecord& c : t->account_calls) t->calls.Add(c);
  std::unordered_map<uint32_t, WrittenJourney> written;
  if (kinds.written) t->written.Add(view, &people, &written);
  if (kinds.promises) t->promises.Add(view, account, &people);
  AddJourneys(account, t->account_calls, written, &t->journeys);
  if (t->journeys.size() >= 4096 + 2 * t->top_journeys) KeepWorst(&t->journeys, t->top_journeys);
}

// The bins of the per-queue-and-agent tallies: those of the bunching scan, to its end.
PairShape PairShapeOf(const SignalSettings& s) {
  PairShape shape;
  shape.bin_s = std::max<int64_t>(1, static_cast<int64_t>(s.Get("handle_time_cut", "bin_s")));
  shape.bins = std::max<int64_t>(1, static_cast<int64_t>(s.Get("handle_time_cut", "scan_to_s")) / shape.bin_s + 1);
  shape.short_s = static_cast<int64_t>(s.Get("short_calls", "short_s"));
  return shape;
}

// Every account read into one tally per worker, merged.
WorkerTally Tally(const IndexSnapshot& index, const ReportMoment& moment, const std::vector<uint32_t>& accounts,
                  const AccountGroups& groups, PairShape shape, size_t top_journeys) {
  std::vector<WorkerTally> workers(AccountWorkers(accounts.size()), WorkerTally(shape, top_journeys));
  ForEachAccountOnWorkers(accounts.size(), [&](size_t i, unsigned worker, AccountScratch* scratch) {
    AccountView view(index, moment, groups.events(accounts[i]), scratch);
    ReadAccount(view, accounts[i], &workers[worker]);
  });
  WorkerTally all(shape, top_journeys);
  for (WorkerTally& w : workers) {
    all.calls.Merge(std::move(w.calls));
    all.written.Merge(std::move(w.written));
    all.promises.Merge(std::move(w.promises));
    all.journeys.insert(all.journeys.end(), w.journeys.begin(), w.journeys.end());
  }
  return all;
}

}  // namespace

namespace {

std::vector<HourCalls> Hours(CallTally* t) {
  std::vector<HourCalls> out;
  for (int h = 0; h < 24; ++h) out.push_back({h, t->hours[static_cast<size_t>(h)].Stats()});
  return out;
}

std::vector<QueueCalls> Queues(const IndexSnapshot& index, CallTally* t) {
  std::vector<QueueCalls> out;
  for (auto& [id, q] : t->queues) out.push_back({std::string(index.str(id)), q.Stats(), q.repeat_7d});
  std::sort(out.begin(), out.end(), [](const QueueCalls& a, const QueueCalls& b) {
    return a.stats.wait_s != b.stats.wait_s ? a.stats.wait_s > b.stats.wait_s : a.queue < b.queue;
  });
  return out;
}

std::vector<AgentCalls> Agents(const IndexSnapshot& index, CallTally* t, int64_t short_s) {
  std::vector<AgentCalls> out;
  for (auto& [id, a] : t->agents) {
    AgentCalls row;
    row.agent = std::string(index.str(id));
    row.served = a.handle.count();
    row.dropped = a.dropped;
    row.transferred = a.transferred;
    row.p10_s = a.handle.Quantile(0.1);
    row.p25_s = a.handle.Quantile(0.25);
    row.median_s = a.handle.Quantile(0.5);
    row.p75_s = a.handle.Quantile(0.75);
    row.p90_s = a.handle.Quantile(0.9);
    row.mean_s = a.handle.mean();
    row.short_calls = a.handle.CountIn(0, short_s);
    row.callbacks = a.callbacks;
    if (a.callbacks.calls > 0) {
      row.callbacks.share_24h = static_cast<double>(a.callbacks.within_24h) / static_cast<double>(a.callbacks.calls);
    }
    out.push_back(std::move(row));
  }
  std::sort(out.begin(), out.end(), [](const AgentCalls& a, const AgentCalls& b) {
    return a.served != b.served ? a.served > b.served : a.agent < b.agent;
  });
  return out;
}

}  // namespace

namespace {

std::vector<PromiseStats> Groups(std::unordered_map<uint32_t, PromiseGroup>* groups,
                                 const std::function<std::string(uint32_t)>& name) {
  std::vector<PromiseStats> out;
  for (auto& [id, g] : *groups) out.push_back(g.Finish(name(id)));
  std::sort(out.begin(), out.end(), [](const PromiseStats& a, const PromiseStats& b) {
    if (a.missed != b.missed) return a.missed > b.missed;
    if (a.missed_warned != b.missed_warned) return a.missed_warned < b.missed_warned;
    return a.who < b.who;
  });
  return out;
}

void Promises(const IndexSnapshot& index, PromiseTally* t, Sludge* out) {
  out->promises = t->total.Finish("");
  out->promises_by_person = Groups(&t->by_person, [&](uint32_t id) { return ContactText(index, id); });
  out->promises_by_account = Groups(&t->by_account, [&](uint32_t id) { return std::string(index.str(id)); });
  out->promises_by_team = Groups(&t->by_team, [](uint32_t level) {
    const std::string name = LevelName(static_cast<Level>(level));
    return name.empty() ? std::string("unknown") : name;
  });
  out->missed_promises = std::move(t->missed);
  std::sort(out->missed_promises.begin(), out->missed_promises.end(), [](const PromiseCase& a, const PromiseCase& b) {
    if (a.account != b.account) return a.account < b.account;
    return a.due.utc_micros != b.due.utc_micros ? a.due.utc_micros < b.due.utc_micros : a.seq < b.seq;
  });
}

void Journeys(const IndexSnapshot& index, std::vector<JourneyRow>* rows, size_t top, Sludge* out) {
  KeepWorst(rows, top);
  for (size_t i = 0; i < rows->size(); ++i) {
    Journey j = (*rows)[i].j;
    j.account = std::string(index.str((*rows)[i].account));
    j.customer = ContactText(index, (*rows)[i].customer);
    out->journeys.push_back(std::move(j));
  }
}

std::string Percent(uint64_t part, uint64_t whole) {
  return whole == 0 ? "0%" : fmt::format("{:.1f}%", 100.0 * static_cast<double>(part) / static_cast<double>(whole));
}

void CallFindings(const IndexSnapshot& index, CallTally* t, std::vector<SludgeFinding>* out) {
  for (auto& [id, g] : t->queues) {
    const std::string name(index.str(id));
    CallStats st = g.Stats();
    out->push_back({"queue", name,
                    fmt::format("{}, {} abandoned, median wait {} s; {} followed by another within 7 days",
                                CountOf(st.calls, "call"), Percent(st.abandoned, st.answered + st.abandoned),
                                st.median_wait_s.value_or(0), CountOf(g.repeat_7d, "call")),
                    st.wait_s + g.repeat_cost_s, g.repeat_7d});
  }
  for (const auto& [id, a] : t->agents) {
    if (a.repeat_cost_s == 0) continue;
    out->push_back({"agent", std::string(index.str(id)),
                    fmt::format("{} answered; {} of those with an identified caller followed by another call of "
                                "theirs within 7 days",
                                CountOf(a.handle.count(), "call"), Percent(a.callbacks.within_7d, a.callbacks.calls)),
                    a.repeat_cost_s, a.callbacks.within_7d});
  }
}

void OtherFindings(const Sludge& s, std::vector<SludgeFinding>* out) {
  const WrittenStats& w = s.written;
  if (w.requests > 0) {
    out->push_back({"written", "",
                    fmt::format("{}: {} chased before an answer, {} asked again after one, {} handed between "
                                "our people, {} went back to someone who had passed them on",
                                CountOf(w.requests, "request"), CountText(w.chased), CountText(w.reopened),
                                CountText(w.handed_off), CountText(w.bounced)),
                    w.waiting_on_us_s, w.chased + w.reopened});
  }
  for (const PromiseStats& p : s.promises_by_account) {
    if (p.missed == 0) continue;
    out->push_back({"promises", p.who,
                    fmt::format("{} of {} missed, {} of them with an update before the date", CountText(p.missed),
                                CountOf(p.promised, "promise"), CountText(p.missed_warned)),
                    p.late_s, 0});
  }
}

void Findings(const IndexSnapshot& index, CallTally* t, Sludge* s) {
  CallFindings(index, t, &s->findings);
  OtherFindings(*s, &s->findings);
  std::sort(s->findings.begin(), s->findings.end(), [](const SludgeFinding& a, const SludgeFinding& b) {
    if (a.cost_s != b.cost_s) return a.cost_s > b.cost_s;
    return std::tie(a.where, a.who) < std::tie(b.where, b.who);
  });
}

void Calls(const IndexSnapshot& index, const SignalSettings& s, CallTally* t, Sludge* out) {
  out->calls = t->all.Stats();
  out->hours = Hours(t);
  out->queues = Queues(index, t);
  out->patience = EstimatePatience(t->waited_served, t->waited_abandoned,
                                   static_cast<int64_t>(s.Get("calls", "hazard_bin_s")),
                                   static_cast<int64_t>(s.Get("calls", "hazard_to_s")));
  out->agents = Agents(index, t, static_cast<int64_t>(s.Get("short_calls", "short_s")));
  out->repeats = t->repeats;
  SecondsHistogram all_handles;
  for (const auto& [id, a] : t->agents) all_handles.Merge(a.handle);
  out->histogram_bin_s = std::max<int64_t>(1, static_cast<int64_t>(s.Get("handle_time_cut", "bin_s")));
  out->handle_histogram = Rebin(all_handles, out->histogram_bin_s, static_cast<int64_t>(s.Get("handle_time_cut", "scan_to_s")));
  out->wait_histogram = Rebin(t->all.served_waits, 10, 600);
}

}  // namespace

Status SludgeBuilder::Build(const AccessScope& scope, const ReportMoment& moment, Sludge* out) {
  *out = Sludge();
  out->as_of = moment.as_of;
  const AccountGroups groups(index_);
  const std::vector<uint32_t> accounts = AllowedAccounts(index_, groups, scope);
  const SignalSettings& s = settings_.sludge;
  const size_t top = static_cast<size_t>(std::max(0.0, s.Get("journeys", "top")));
  WorkerTally t = Tally(index_, moment, accounts, groups, PairShapeOf(s), top);
  Calls(index_, s, &t.calls, out);
  DetectCutShort(index_, t.calls, s, out);
  out->written = t.written.Finish();
  Promises(index_, &t.promises, out);
  Journeys(index_, &t.journeys, top, out);
  Findings(index_, &t.calls, out);
  return Status::OK();
}

}  // namespace nanni
