// Economics: what each account brings and what it costs to serve, at a report moment, through
// the cost model of nanni.toml (config/triage_settings.h; docs/economics.md has a worked
// example), and the Pareto view of where the money and the effort go. Plain data, owning
// everything it holds. Money is in integer minor units of the cost model's currency.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "util/time.h"

namespace nanni {

// What serving one account cost, by what it was spent on (minor units).
struct CostBreakdown {
  int64_t calls = 0;        // handle time of calls, at the cost per minute of the agent's level
  int64_t written = 0;      // our responses, messages, updates and other events, minutes by channel
  int64_t meetings = 0;     // events on channel "meeting", by our sender's level
  int64_t escalations = 0;  // per escalation
  int64_t incidents = 0;    // per incident the account had
  int64_t concessions = 0;  // credit notes: their amount, plus the handling per note
  int64_t Total() const { return calls + written + meetings + escalations + incidents + concessions; }
};

// One invoice that was paid late, is partly paid, or is unpaid past its due date.
struct LateInvoice {
  std::string invoice;
  uint64_t seq = 0;          // the invoice event
  Timestamp due;
  int64_t days_late = 0;     // until paid in full, or until the moment when still unpaid
  int64_t amount_minor = 0, paid_minor = 0;  // in the invoice's currency
  std::string currency;
  bool paid_in_full = false;
};

struct AccountEconomics {
  std::string account;
  // Revenue in the window: payments received; else invoiced amounts; else the share of
  // contract value of the contracts in force; "none" when the record has none of them.
  std::string revenue_source;  // "payments", "invoices", "contract", "none"
  int64_t revenue_minor = 0;
  CostBreakdown cost;
  int64_t our_minutes = 0;     // the effort: minutes of our people's time in the window
  int64_t margin_minor = 0;    // revenue - cost
  // Set when a figure could not be computed (a currency without a rate, a sum too large):
  // the money figures are then left at 0 and the account is left out of the Pareto view.
  std::string unpriced;
  // Payment behaviour over the window's invoices (any currency).
  size_t invoices = 0, late = 0, partial = 0, unpaid_overdue = 0;
  int64_t days_late_max = 0;
  double days_late_mean = 0;   // over the late ones
  std::optional<double> dso_days;  // days sales outstanding, in the cost model's currency
  std::vector<LateInvoice> late_invoices;  // every one in the window, worst first
};

// One point of the Pareto curve: the top `accounts_pct` of accounts by revenue bring
// `revenue_pct` of the revenue and take `cost_pct` of the cost to serve.
struct ParetoPoint {
  double accounts_pct = 0, revenue_pct = 0, cost_pct = 0;
};

struct Economics {
  Timestamp as_of;
  std::string currency;
  int64_t window_days = 0;
  std::vector<AccountEconomics> rows;  // by account name
  int64_t revenue_minor = 0, cost_minor = 0, margin_minor = 0;  // over the priced accounts
  // The top `top_pct`% of accounts by revenue bring `top_revenue_pct`% of it; the bottom
  // `bottom_pct`% take `bottom_cost_pct`% of the cost to serve.
  double top_pct = 0, top_revenue_pct = 0, bottom_pct = 0, bottom_cost_pct = 0;
  // Accounts priced; of those, with some revenue in the record; of those, with a margin below 0.
  size_t priced_accounts = 0, revenue_accounts = 0, negative_margin_accounts = 0;
  std::vector<ParetoPoint> curve;  // by accounts_pct, from the first account to all of them
};

}  // namespace nanni
