// Escalations: every escalation in the portfolio tied to a root cause — the one the event
// records (`cause`), or one inferred by documented rules from the events before it — the
// recurring causes across accounts ranked by count and cost, and the time from escalation to
// fix (docs/escalations.md). Plain data, owning everything it holds.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/triage.h"
#include "util/time.h"

namespace nanni {

// The root causes nanni infers (a recorded `cause` may name others, kept as given).
inline constexpr std::string_view kEscalationCauses[] = {"incident", "broken_promise", "unanswered",
                                                         "repeat_request", "billing", "other"};

struct EscalationCase {
  std::string account;
  uint64_t seq = 0;
  std::string id;
  Timestamp time;
  std::string cause;
  bool recorded = false;         // the cause is the event's own; else inferred
  std::vector<Evidence> because;  // the events the inference rests on (empty when recorded)
  std::optional<int64_t> fix_s;   // seconds from the escalation to its fix; none while open
  int64_t cost_minor = 0;         // by the cost model
};

struct EscalationCause {
  std::string cause;
  size_t count = 0, accounts = 0, open = 0;
  int64_t cost_minor = 0;
  std::optional<int64_t> fix_median_s, fix_p90_s;
};

struct Escalations {
  Timestamp as_of;
  std::string currency;
  std::vector<EscalationCause> causes;  // by count, then cost, largest first
  std::vector<EscalationCase> cases;    // by account, then time
};

}  // namespace nanni
