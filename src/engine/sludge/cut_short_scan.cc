#include "engine/sludge/cut_short_scan.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "engine/sludge/cut_short.h"

namespace nanni {

namespace {

void SetShare(CallbackRate* r) {
  r->share_24h.reset();
  if (r->calls > 0) r->share_24h = static_cast<double>(r->within_24h) / static_cast<double>(r->calls);
}

using Services = std::unordered_map<uint32_t, AgentTally>;  // served calls by agent, or by queue

// Callbacks after the calls of `who` (an agent, or a queue) with handle_s in [from, to), against
// its other calls and every other agent's (queue's).
CallbackCheck Callbacks(const Services& services, uint32_t who, int64_t from, int64_t to, const SignalSettings& s) {
  CallbackCheck check;
  const AgentTally& a = services.at(who);
  check.these = a.CallbacksIn(from, to);
  check.agent_other.calls = a.callbacks.calls - check.these.calls;
  check.agent_other.within_24h = a.callbacks.within_24h - check.these.within_24h;
  check.agent_other.within_7d = a.callbacks.within_7d - check.these.within_7d;
  for (const auto& [id, other] : services) {
    if (id == who) continue;
    check.other_agents.calls += other.callbacks.calls;
    check.other_agents.within_24h += other.callbacks.within_24h;
    check.other_agents.within_7d += other.callbacks.within_7d;
  }
  SetShare(&check.agent_other);
  SetShare(&check.other_agents);
  const double lift = s.Get("callbacks", "min_lift");
  const bool enough = static_cast<double>(check.these.calls) >= s.Get("callbacks", "min_calls") &&
                      check.agent_other.share_24h && check.other_agents.share_24h;
  check.confirmed = enough && *check.these.share_24h >= lift * *check.agent_other.share_24h &&
                    *check.these.share_24h >= lift * *check.other_agents.share_24h &&
                    *check.these.share_24h > 0;
  return check;
}

// The ids of `services` in a stable order: by name.
std::vector<std::pair<std::string, uint32_t>> ByName(const IndexSnapshot& index, const Services& services) {
  std::vector<std::pair<std::string, uint32_t>> out;
  for (const auto& [id, a] : services) out.emplace_back(std::string(index.str(id)), id);
  std::sort(out.begin(), out.end());
  return out;
}

// Both detectors over every agent (or queue) of `services`.
class CutShortScan {
 public:
  CutShortScan(const IndexSnapshot& index, const Services& services, const SignalSettings& s, bool queues)
      : index_(index), services_(services), s_(s), queues_(queues) {}

  // Appends the flags to *flags and the id of each one's agent (queue) to *ids.
  void Run(std::vector<CutShortFlag>* flags, std::vector<uint32_t>* ids, std::vector<ThresholdScan>* scans) const {
    const auto subjects = ByName(index_, services_);
    std::vector<const SecondsHistogram*> handles;
    for (const auto& [name, id] : subjects) handles.push_back(&services_.at(id).handle);
    const double reference = ReferenceShortShare(handles, s_);
    for (const auto& [name, id] : subjects) {
      const AgentTally& a = services_.at(id);
      if (auto e = JudgeShortCalls(a.handle, reference, s_)) {
        flags->push_back(Flag(name, id, "short_calls", 0, e->short_s));
        flags->back().short_calls = e;
        ids->push_back(id);
      }
      if (static_cast<double>(a.handle.count()) < s_.Get("handle_time_cut", "min_served")) continue;
      BunchingEvidence b = ScanBunching(a.handle, s_);
      const int64_t from = b.threshold_s - b.window_below_s;
      b.dropped_in_bunch = a.DroppedIn(from, b.threshold_s);
      const bool flagged = BunchingFlagged(b, s_);
      scans->push_back({queues_ ? "" : name, queues_ ? name : "", b, flagged});
      if (!flagged) continue;
      flags->push_back(Flag(name, id, "handle_time_cut", from, b.threshold_s));
      flags->back().bunching = b;
      ids->push_back(id);
    }
  }

 private:
  CutShortFlag Flag(const std::string& name, uint32_t id, const char* pattern, int64_t from, int64_t to) const {
    CutShortFlag f;
    (queues_ ? f.queue : f.agent) = name;
    f.pattern = pattern;
    f.callbacks = Callbacks(services_, id, from, to, s_);
    f.suspect_calls = services_.at(id).handle.CountIn(from, to);
    return f;
  }

  const IndexSnapshot& index_;
  const Services& services_;
  const SignalSettings& s_;
  bool queues_;
};

// For each queue's flag, the share of its calls that the agents flagged for the same pattern
// served. `agents`, `queues`: the ids of the flags' agents and queues, in their order.
void ExplainQueues(const CallTally& t, const std::vector<uint32_t>& agents, const std::vector<uint32_t>& queues,
                   Sludge* out) {
  for (size_t i = 0; i < out->flagged_queues.size(); ++i) {
    CutShortFlag& q = out->flagged_queues[i];
    uint64_t explained = 0;
    for (size_t j = 0; j < out->flagged.size(); ++j) {
      if (out->flagged[j].pattern != q.pattern) continue;
      explained += q.bunching ? t.PairCallsIn(queues[i], agents[j], q.bunching->threshold_s - q.bunching->window_below_s,
                                              q.bunching->threshold_s)
                              : t.PairShortCalls(queues[i], agents[j]);
    }
    if (q.suspect_calls > 0) q.by_flagged_agents = static_cast<double>(explained) / static_cast<double>(q.suspect_calls);
  }
}

}  // namespace

void DetectCutShort(const IndexSnapshot& index, const CallTally& t, const SignalSettings& s, Sludge* out) {
  std::vector<uint32_t> agents, queues;
  CutShortScan(index, t.agents, s, false).Run(&out->flagged, &agents, &out->scanned);
  CutShortScan(index, t.queue_services, s, true).Run(&out->flagged_queues, &queues, &out->scanned_queues);
  ExplainQueues(t, agents, queues, out);
}

}  // namespace nanni
