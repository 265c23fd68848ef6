// Portfolio: one row of figures per account, computed from the analytic index at a report
// moment (docs/portfolio.md). Each figure is the one the account's case file (or briefing)
// shows for the same moment; what a case file does not show (totals over an account's calls
// and invoices, days sales outstanding) is defined in docs/portfolio.md. Plain data, owning
// everything it holds.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "casefile/case_file.h"
#include "event/kind.h"
#include "util/time.h"

namespace nanni {

constexpr size_t kEventKinds = 15;  // AllKinds().size()

// An account's invoices and payments in one currency.
struct MoneyTotals {
  std::string currency;
  size_t invoices = 0, unpaid = 0, overdue = 0;  // overdue: unpaid and past due at the moment
  int64_t invoiced_minor = 0, paid_minor = 0, outstanding_minor = 0;
  int64_t days_late_max = 0;         // the case file's days late, worst invoice
  std::optional<double> dso_days;    // days sales outstanding over the last 365 days
  std::string error;                 // set (and the sums left at 0) when a sum overflows
};

// The latest event that a person of a side and level sent or received (the briefing's "last
// contact").
struct LastContactAt {
  Side side = Side::kUnknown;
  Level level = Level::kUnknown;
  Timestamp time;
  uint64_t seq = 0;  // the event
};

struct PortfolioRow {
  std::string account;
  CaseCounts counts;                              // as the case file's
  std::array<uint64_t, kEventKinds> by_kind{};    // events in effect, per kind
  Timestamp first_event, last_event;
  DurationStats response_calendar, response_business;  // the case file's overall response times
  // The oldest open request: when it was asked, its age at the moment, and its event.
  std::optional<Timestamp> oldest_open_since;
  std::optional<DurationPair> oldest_open_age;
  uint64_t oldest_open_seq = 0;
  size_t ongoing_incidents = 0, open_escalations = 0;
  int64_t handle_s = 0, queue_wait_s = 0;  // over the account's calls
  std::vector<MoneyTotals> money;          // by currency code
  std::vector<LastContactAt> last_contacts;  // theirs first, executives first
};

struct Portfolio {
  Timestamp as_of;
  int64_t recorded_by_utc_micros = INT64_MAX;
  std::string business_time_zone;
  std::vector<PortfolioRow> rows;  // by account name
};

// The keys `nanni portfolio --sort` takes, with what each sorts by (largest first, ties by
// account name); "account" sorts by name.
const std::vector<std::string>& PortfolioSortKeys();
// Sorts rows by `key` (one of PortfolioSortKeys(); false for any other).
bool SortPortfolio(const std::string& key, std::vector<PortfolioRow>* rows);

}  // namespace nanni
