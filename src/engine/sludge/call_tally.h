// CallTally: what the sludge audit counts of inbound calls, kept as exact histograms so that one
// tally per worker thread can be filled account by account and the tallies merged (engine/
// sludge_builder.cc). It holds string ids of the index it was filled from, not names.
#pragma once

#include <array>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "engine/sludge.h"
#include "engine/sludge/seconds_histogram.h"

namespace nanni {

// One inbound call as the tally reads it (engine/sludge_builder.cc makes them from the index).
struct CallRecord {
  int64_t start_s = 0;  // UTC seconds
  int hour = 0;         // local hour of the start, 0..23
  uint32_t queue = 0, agent = 0, customer = 0;  // string ids; 0: none (customer: unidentified)
  int64_t wait_s = 0, handle_s = 0, ivr_s = 0;
  bool served = false, abandoned = false, dropped = false, transferred = false;
  bool followed_24h = false, followed_7d = false;  // the customer's next call came that soon
  int64_t followup_s = 0;  // the customer's time on that next call, when within 7 days
  int64_t end_s() const { return start_s + ivr_s + wait_s + handle_s; }
};

// The calls of one group: all, an hour, a queue.
struct GroupTally {
  uint64_t calls = 0, served = 0, abandoned = 0, dropped = 0, transferred = 0;
  uint64_t repeat_7d = 0;
  int64_t wait_s = 0, repeat_cost_s = 0;
  SecondsHistogram served_waits;

  void Add(const CallRecord& c);
  void Merge(const GroupTally& other);
  CallStats Stats();
};

// One agent's served calls, with what followed them, second by second of service time.
struct AgentTally {
  SecondsHistogram handle;
  std::vector<uint32_t> identified, called_back, called_back_7d, dropped_at;  // by handle second (kDense: beyond)
  uint64_t dropped = 0, transferred = 0;
  int64_t repeat_cost_s = 0;
  CallbackRate callbacks;

  void Add(const CallRecord& c);
  void Merge(const AgentTally& other);
  // Identified calls with handle_s in [from, to), and of those the ones called back within 24 h
  // and within 7 days.
  CallbackRate CallbacksIn(int64_t from, int64_t to) const;
  uint64_t DroppedIn(int64_t from, int64_t to) const;
};

// The served calls of one agent in one queue, per bin of service time: how much of a queue's
// pattern the agents flagged for it explain.
struct PairTally {
  std::vector<uint32_t> bins;  // per bin_s of handle_s; the last holds the rest
  uint64_t short_calls = 0;    // handle_s < short_s
};

struct PairShape {
  int64_t bin_s = 10, bins = 1, short_s = 10;
};

struct CallTally {
  explicit CallTally(PairShape shape = PairShape()) : shape(shape) {}

  PairShape shape;
  GroupTally all;
  std::array<GroupTally, 24> hours;
  std::unordered_map<uint32_t, GroupTally> queues;
  std::unordered_map<uint32_t, AgentTally> agents;
  std::unordered_map<uint32_t, AgentTally> queue_services;  // the served calls with an agent, by queue
  std::unordered_map<uint64_t, PairTally> pairs;            // by queue << 32 | agent
  SecondsHistogram waited_served, waited_abandoned;  // waits > 0, for the patience curve
  Repeats repeats;

  // Adds one call (MarkFollowUps counts the customers).
  void Add(const CallRecord& c);
  void Merge(CallTally&& other);
  // The calls of `queue` served by `agent` with handle_s in [from, to) (multiples of bin_s), and
  // under short_s.
  uint64_t PairCallsIn(uint32_t queue, uint32_t agent, int64_t from, int64_t to) const;
  uint64_t PairShortCalls(uint32_t queue, uint32_t agent) const;
};

// Sets followed_24h, followed_7d and followup_s of `calls` (one account's), from each customer's
// next call: by start, then by position in `calls`; and counts the account's identified
// customers into *repeats (customers, customers_24h, customers_7d). Reorders nothing.
void MarkFollowUps(std::vector<CallRecord>* calls, std::vector<uint32_t>* scratch, Repeats* repeats);

}  // namespace nanni
