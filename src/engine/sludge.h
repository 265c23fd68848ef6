// Sludge: the friction we cause our own customers, read from the record at a report moment
// (docs/sludge.md): how long calls wait and how many give up, how patient callers are, what
// each agent's service times look like, calls cut short (very short services, and service
// times bunched just below a handle-time target), repeat contacts, the written channels
// (hand-offs, reopened and chased requests, whose turn it was), and the promises we made
// against when we delivered. Findings are ranked by what they cost customers: their time
// waiting and the contacts they had to make again. Plain data, owning everything it holds.
//
// Times are whole seconds. Shares are fractions (0..1). An optional is empty when there was
// nothing to measure it on.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "util/time.h"

namespace nanni {

// Inbound calls of one group (all, an hour of the day, a queue). "Answered" calls reached an
// agent: outcome answered or transferred, or dropped by an agent after some service
// (handle_s > 0). Service level counts abandoned calls against us: answered within T /
// (answered + abandoned).
struct CallStats {
  uint64_t calls = 0, answered = 0, abandoned = 0, dropped = 0, transferred = 0;
  std::optional<double> service_level_20, service_level_60;  // share answered within 20 / 60 s
  std::optional<double> abandon_rate;                        // abandoned / (answered + abandoned)
  std::optional<double> asa_s;                               // mean wait of the answered calls
  std::optional<int64_t> median_wait_s, p90_wait_s;          // of the answered calls
  int64_t wait_s = 0;  // customers' time in the queue, answered and abandoned alike
};

struct HourCalls {
  int hour = 0;  // local hour of the call's start (the offset it was recorded with)
  CallStats stats;
};

struct QueueCalls {
  std::string queue;  // "" for calls that name none
  CallStats stats;
  uint64_t repeat_7d = 0;  // of its calls, those the same customer followed within 7 days
};

// The Kaplan-Meier survival of waiting callers: the chance a caller is still waiting `wait_s`
// seconds into the queue. Calls that waited (queue_wait_s > 0) and were served or abandoned;
// an abandoned call is an event at its wait, a served one is censored at its wait.
struct PatiencePoint {
  int64_t wait_s = 0;
  uint64_t at_risk = 0;   // still waiting just before wait_s
  uint64_t hung_up = 0;   // abandoned at exactly wait_s
  double survival = 1;    // S(wait_s): still waiting after wait_s
};

// The hazard of hanging up between from_s and to_s: hang-ups at waits in (from_s, to_s] per
// minute of waiting at risk in [from_s, to_s).
struct HazardBin {
  int64_t from_s = 0, to_s = 0;
  uint64_t hung_up = 0;
  double at_risk_minutes = 0;
  double per_minute = 0;
};

struct Patience {
  uint64_t calls = 0, hung_up = 0;          // the calls the curve is estimated on
  std::vector<PatiencePoint> curve;         // one point per distinct wait with a hang-up
  std::vector<HazardBin> hazard;
  std::optional<int64_t> median_s;          // the first wait where survival <= 0.5
};

// How often a customer called again (a call from the same contact of the same account, starting
// within the window after the end of the call). Unidentified callers are left out.
struct CallbackRate {
  uint64_t calls = 0, within_24h = 0, within_7d = 0;
  std::optional<double> share_24h;
};

struct AgentCalls {
  std::string agent;
  uint64_t served = 0, dropped = 0, transferred = 0;
  // Nearest-rank quantiles of handle_s over the served calls (docs/sludge.md).
  int64_t p10_s = 0, p25_s = 0, median_s = 0, p75_s = 0, p90_s = 0;
  double mean_s = 0;
  uint64_t short_calls = 0;  // served in under [sludge.short_calls] short_s seconds
  CallbackRate callbacks;    // after this agent's served calls
};

struct Repeats {
  uint64_t customers = 0, calls = 0;          // identified callers and their calls
  uint64_t within_24h = 0, within_7d = 0;     // calls the same customer followed within the window
  uint64_t customers_24h = 0, customers_7d = 0;  // customers who did so at least once
};

// Callbacks after the calls of a flagged pattern, against the same agent's other calls and
// every other agent's: do the customers of the suspect calls have to call back more often?
struct CallbackCheck {
  // For a queue's flag: its other calls, and the other queues'.
  CallbackRate these, agent_other, other_agents;
  bool confirmed = false;  // these.share_24h above both, by the margin of docs/sludge.md
};

// An agent (or queue) whose share of very short services is far above the others'.
struct ShortCallsEvidence {
  uint64_t served = 0, short_calls = 0;
  int64_t short_s = 0;
  double share = 0, reference_share = 0;  // the reference: the median share of the judged agents
  double ratio = 0;                        // share / reference (capped)
  double log10_p = 0;                      // binomial tail of short_calls at the reference share
};

// Service times bunched just below a handle-time target and thinned just above it, against a
// polynomial counterfactual fitted to the histogram outside the window around the threshold.
struct BunchingEvidence {
  int64_t threshold_s = 0;
  int64_t bin_s = 0, window_below_s = 0, window_above_s = 0, fit_from_s = 0, fit_to_s = 0;
  int order = 0;
  uint64_t served = 0;
  double observed_below = 0, expected_below = 0;  // calls in [threshold - window_below, threshold)
  double observed_above = 0, expected_above = 0;  // calls in [threshold, threshold + window_above)
  double excess = 0;        // (observed_below - expected_below) / expected_below
  double ci_low = 0, ci_high = 0;  // bootstrap 95% interval of the excess calls (observed - expected)
  double z = 0;             // excess calls / their bootstrap standard deviation
  uint64_t dropped_in_bunch = 0;
};

// The strongest threshold the scan found in one agent's service times, flagged or not.
struct ThresholdScan {
  std::string agent;
  std::string queue;  // set for a queue's scan (agent is then "")
  BunchingEvidence best;
  bool flagged = false;
};

struct CutShortFlag {
  std::string agent;
  std::string queue;     // set when the pattern is a queue's, not an agent's
  std::string pattern;   // "short_calls" or "handle_time_cut"
  std::optional<ShortCallsEvidence> short_calls;
  std::optional<BunchingEvidence> bunching;
  CallbackCheck callbacks;
  uint64_t suspect_calls = 0;  // the calls of the pattern
  // A queue's flag: the share of the pattern's calls served by agents flagged for the same
  // pattern (near 1: those agents explain it; near 0: the whole queue does it).
  std::optional<double> by_flagged_agents;
};

// One written request (a request of theirs and the thread that grew from it by replies).
struct WrittenStats {
  uint64_t requests = 0;
  uint64_t handed_off = 0;     // answered by two or more of our people
  double handlers_mean = 0;    // of our people per answered request
  uint64_t reopened = 0;       // they asked again after we had answered
  uint64_t chased = 0;         // they wrote again before we had answered
  uint64_t bounced = 0;        // went back to one of our people after another had it
  int64_t waiting_on_us_s = 0, waiting_on_them_s = 0;
  std::optional<int64_t> first_reply_median_s;
};

// Our promises (commitments with owner "ours") of one promiser, one account or all.
struct PromiseStats {
  std::string who;  // our person (contact) or account; "" for the total
  uint64_t promised = 0, kept_on_time = 0, kept_late = 0, broken = 0, withdrawn = 0, overdue = 0, open = 0;
  uint64_t missed = 0;          // kept late, broken, or overdue and still open
  uint64_t missed_warned = 0;   // of the missed, those we gave an update on before the date
  std::optional<int64_t> late_median_s;  // of the missed: past the date (overdue: to the moment)
  int64_t late_s = 0;                    // the sum of it
};

struct PromiseCase {
  std::string account, promiser;
  uint64_t seq = 0;
  std::string id;        // cited
  Timestamp due;
  std::optional<Timestamp> settled;
  std::string status;    // "kept_late", "broken" or "overdue"
  bool warned = false;   // an update of ours on it before the date
};

// One customer's journey with us: what the friction cost them.
struct Journey {
  std::string account, customer;  // customer: the contact ("" when unidentified)
  uint64_t contacts = 0;          // calls and written messages of theirs
  uint64_t repeat_calls = 0;      // calls within 7 days of a call of theirs
  uint64_t abandoned = 0, chased = 0;
  int64_t wait_s = 0;             // in queues, plus waiting on us in writing
  int64_t cost_s = 0;             // wait_s + the time spent on repeat calls
};

// A line of the ranked report: where the friction is and what it costs customers.
struct SludgeFinding {
  std::string where;   // "queue", "agent", "hour", "written", "promises"
  std::string who;     // the queue, agent, hour ("14"), or "" for a channel
  std::string what;    // one sentence, neutral
  int64_t cost_s = 0;  // customers' time: waiting plus time on contacts made again
  uint64_t repeat_contacts = 0;
};

struct Sludge {
  Timestamp as_of;
  CallStats calls;
  std::vector<HourCalls> hours;     // 0..23
  std::vector<QueueCalls> queues;   // by wait_s, largest first
  Patience patience;
  std::vector<AgentCalls> agents;   // by served, most first
  Repeats repeats;
  std::vector<uint64_t> handle_histogram;  // served calls per [sludge.handle_time_cut] bin_s, to its scan_to_s
  int64_t histogram_bin_s = 0;
  std::vector<uint64_t> wait_histogram;    // served calls per 10 s of wait, to 600 s
  std::vector<CutShortFlag> flagged;       // agents, on strong evidence only
  std::vector<ThresholdScan> scanned;      // each agent's strongest threshold, flagged or not
  // The same for each queue's calls (all its agents together): a target set for a whole queue.
  std::vector<CutShortFlag> flagged_queues;
  std::vector<ThresholdScan> scanned_queues;
  WrittenStats written;
  PromiseStats promises;                   // all of ours
  std::vector<PromiseStats> promises_by_person, promises_by_account;  // most missed first
  // By the promiser's level on our side ("agent", "manager", ...; "unknown"): the teams the
  // record can tell apart.
  std::vector<PromiseStats> promises_by_team;
  std::vector<PromiseCase> missed_promises;  // every missed one, by account then due
  std::vector<Journey> journeys;           // the worst, by cost_s
  std::vector<SludgeFinding> findings;     // by cost_s, largest first
};

}  // namespace nanni
