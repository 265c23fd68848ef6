#include "engine/portfolio_builder.h"

#include <algorithm>
#include <map>
#include <optional>
#include <span>
#include <string_view>
#include <unordered_map>

#include "casefile/case_requests.h"
#include "engine/account_pool.h"
#include "engine/settled_invoices.h"
#include "index/account_groups.h"
#include "util/money.h"

namespace nanni {

namespace {

DurationPair Measure(const BusinessClock& clock, int64_t from, int64_t to) {
  return DurationPair{std::max<int64_t>(0, to - from) / kMicrosPerSecond, clock.BusinessSeconds(from, to)};
}

void CountKinds(const AccountView& v, PortfolioRow* row) {
  for (size_t i = 0; i < v.size(); ++i) ++row->by_kind[v.fact(i).kind];
  row->counts.events = v.size();
  row->counts.discount_requests = row->by_kind[static_cast<size_t>(EventKind::kDiscountRequest)];
  row->counts.calls = row->by_kind[static_cast<size_t>(EventKind::kCall)];
  if (v.size() == 0) return;
  row->first_event = Timestamp{v.time(0), v.fact(0).offset_minutes};
  row->last_event = Timestamp{v.time(v.size() - 1), v.fact(v.size() - 1).offset_minutes};
}

void RequestFigures(const AccountView& v, const BusinessClock& clock, PortfolioRow* row) {
  std::vector<int64_t> calendar, business;
  for (size_t i = 0; i < v.size(); ++i) {
    if (!Is(v.fact(i), EventKind::kRequest)) continue;
    ++row->counts.requests;
    const uint32_t reply = v.FirstReply(i);
    if (reply == AccountView::kNone) {
      ++row->counts.open;
      if (!row->oldest_open_since) {  // the earliest open request is the oldest
        row->oldest_open_since = Timestamp{v.time(i), v.fact(i).offset_minutes};
        row->oldest_open_age = Measure(clock, v.time(i), v.as_of());
        row->oldest_open_seq = v.seq(i);
      }
      continue;
    }
    ++row->counts.answered;
    DurationPair first = Measure(clock, v.time(i), v.time(reply));
    calendar.push_back(first.calendar_s);
    business.push_back(first.business_s);
  }
  row->response_calendar = ComputeStats(&calendar);
  row->response_business = ComputeStats(&business);
}

void PromiseFigures(const AccountView& v, PortfolioRow* row) {
  const auto& promises = v.index().promises();
  for (size_t i = 0; i < v.size(); ++i) {
    const Fact& f = v.fact(i);
    if (Is(f, EventKind::kDeadline)) ++row->counts.deadlines;
    if (!Is(f, EventKind::kCommitment)) continue;
    uint32_t r = v.index().side_row(v.seq(i));
    bool ours = r != IndexSnapshot::kNoRecord && promises[r].owner == 1;
    ++(ours ? row->counts.commitments_ours : row->counts.commitments_theirs);
    const uint32_t outcome = v.LastOutcome(i);
    if (outcome == AccountView::kNone) continue;
    uint32_t last = v.index().side_row(v.seq(outcome));
    if (last != IndexSnapshot::kNoRecord && promises[last].status == 2) ++row->counts.broken;
  }
}

void IncidentFigures(const AccountView& v, PortfolioRow* row) {
  struct Span {
    std::optional<int64_t> start, end;
  };
  std::map<uint32_t, Span> incidents;  // by incident key
  const auto& table = v.index().incidents();
  for (size_t i = 0; i < v.size(); ++i) {
    if (!Is(v.fact(i), EventKind::kIncident)) continue;
    uint32_t r = v.index().side_row(v.seq(i));
    if (r == IndexSnapshot::kNoRecord) continue;
    Span& span = incidents[table[r].incident];
    if (!table[r].start) {
      span.end = v.time(i);
    } else if (!span.start) {
      span.start = v.time(i);
    }
  }
  row->counts.incidents = incidents.size();
  for (const auto& [key, span] : incidents) {
    if (!span.start) continue;
    row->ongoing_incidents += span.end ? 0 : 1;
    int64_t end = span.end ? *span.end : v.as_of();
    row->counts.downtime_s += std::max<int64_t>(0, end - *span.start) / kMicrosPerSecond;
  }
}

void EscalationFigures(const AccountView& v, PortfolioRow* row) {
  for (size_t i = 0; i < v.size(); ++i) {
    if (!Is(v.fact(i), EventKind::kEscalation)) continue;
    ++row->counts.escalations;
    if (v.FirstReply(i) == AccountView::kNone && !v.Updated(i)) ++row->open_escalations;
  }
}

void CallFigures(const AccountView& v, PortfolioRow* row) {
  const auto& calls = v.index().calls();
  for (size_t i = 0; i < v.size(); ++i) {
    if (!Is(v.fact(i), EventKind::kCall)) continue;
    uint32_t r = v.index().side_row(v.seq(i));
    if (r == IndexSnapshot::kNoRecord) continue;
    if (!AddMinor(row->handle_s, calls[r].handle_s, &row->handle_s) ||
        !AddMinor(row->queue_wait_s, calls[r].queue_wait_s, &row->queue_wait_s)) {
      row->handle_s = row->queue_wait_s = 0;
      return;  // no total rather than a wrong one
    }
  }
}

// Adds one invoice to its currency's totals; false when a sum overflows.
bool AddInvoice(const SettledInvoice& inv, int64_t as_of, MoneyTotals* t, int64_t* window_invoiced) {
  int64_t owed = 0;
  if (inv.overflow || !SubtractMinor(inv.money->amount_minor, inv.paid, &owed)) return false;
  const int64_t outstanding = std::max<int64_t>(0, owed), due = inv.money->due_utc_micros;
  ++t->invoices;
  t->unpaid += outstanding > 0;
  t->overdue += outstanding > 0 && due < as_of;
  int64_t until = inv.paid_in_full ? *inv.paid_in_full : as_of;
  if (until > due) t->days_late_max = std::max(t->days_late_max, (until - due) / kMicrosPerDay);
  if (inv.time > as_of - 365 * kMicrosPerDay && !AddMinor(*window_invoiced, inv.money->amount_minor, window_invoiced)) {
    return false;
  }
  return AddMinor(t->invoiced_minor, inv.money->amount_minor, &t->invoiced_minor) &&
         AddMinor(t->paid_minor, inv.paid, &t->paid_minor) &&
         AddMinor(t->outstanding_minor, outstanding, &t->outstanding_minor);
}

void MoneyFigures(const AccountView& v, PortfolioRow* row) {
  std::map<std::string_view, std::pair<MoneyTotals, int64_t>> by_currency;  // totals, invoiced in window
  for (const SettledInvoice& inv : SettleInvoices(v)) {
    std::string_view currency = v.index().str(inv.money->currency);
    auto& [totals, window] = by_currency[currency];
    ++row->counts.invoices;
    int64_t owed = 0;
    if (!inv.overflow && SubtractMinor(inv.money->amount_minor, inv.paid, &owed) && owed > 0) ++row->counts.unpaid;
    if (totals.error.empty() && !AddInvoice(inv, v.as_of(), &totals, &window)) {
      totals = MoneyTotals();
      totals.error = "a sum of these invoices does not fit in 64 bits";
    }
  }
  for (auto& [currency, entry] : by_currency) {
    auto& [totals, window] = entry;
    totals.currency = std::string(currency);
    if (totals.error.empty() && window > 0) {
      totals.dso_days = static_cast<double>(totals.outstanding_minor) / static_cast<double>(window) * 365.0;
    }
    row->money.push_back(std::move(totals));
  }
}

int LevelRank(int level) {
  switch (static_cast<Level>(level)) {
    case Level::kExecutive: return 0;
    case Level::kManager: return 1;
    case Level::kUser: return 2;
    case Level::kAgent: return 3;
    default: return 4;
  }
}

void ContactFigures(const AccountView& v, PortfolioRow* row) {
  std::optional<LastContactAt> last[3][5];
  for (size_t i = 0; i < v.size(); ++i) {
    const Fact& f = v.fact(i);
    for (int side = 1; side <= 2; ++side) {
      for (int level = 0; level < 5; ++level) {
        if (!(f.participants & ParticipantBit(side, level))) continue;
        last[side][level] = LastContactAt{static_cast<Side>(side), static_cast<Level>(level),
                                          Timestamp{f.time_utc_micros, f.offset_minutes}, v.seq(i)};
      }
    }
  }
  for (int side : {static_cast<int>(Side::kTheirs), static_cast<int>(Side::kOurs)}) {
    std::vector<LastContactAt> at;
    for (int level = 0; level < 5; ++level) {
      if (last[side][level]) at.push_back(*last[side][level]);
    }
    std::stable_sort(at.begin(), at.end(), [](const auto& a, const auto& b) {
      return LevelRank(static_cast<int>(a.level)) < LevelRank(static_cast<int>(b.level));
    });
    row->last_contacts.insert(row->last_contacts.end(), at.begin(), at.end());
  }
}

// One account's row; nullopt when nothing of it is in effect at the moment.
std::optional<PortfolioRow> BuildRow(const IndexSnapshot& index, const BusinessClock& clock, const ReportMoment& moment,
                                     uint32_t account, std::span<const uint32_t> seqs, AccountScratch* scratch) {
  AccountView view(index, moment, seqs, scratch);
  if (view.size() == 0) return std::nullopt;
  PortfolioRow row;
  row.account = std::string(index.str(account));
  CountKinds(view, &row);
  RequestFigures(view, clock, &row);
  PromiseFigures(view, &row);
  IncidentFigures(view, &row);
  EscalationFigures(view, &row);
  CallFigures(view, &row);
  MoneyFigures(view, &row);
  ContactFigures(view, &row);
  return row;
}

}  // namespace

Portfolio PortfolioBuilder::Build(const AccessScope& scope, const ReportMoment& moment) {
  Portfolio out;
  out.as_of = moment.as_of;
  out.recorded_by_utc_micros = moment.recorded_by_utc_micros;
  const AccountGroups groups(index_);
  const std::vector<uint32_t> accounts = AllowedAccounts(index_, groups, scope);
  std::vector<std::optional<PortfolioRow>> rows(accounts.size());
  ForEachAccount(accounts.size(), [&](size_t i, AccountScratch* scratch) {
    rows[i] = BuildRow(index_, clock_, moment, accounts[i], groups.events(accounts[i]), scratch);
  });
  for (auto& row : rows) {
    if (row) out.rows.push_back(std::move(*row));
  }
  return out;
}

const std::vector<std::string>& PortfolioSortKeys() {
  static const std::vector<std::string> keys = {
      "account", "events", "requests", "open", "oldest_open", "response_median", "response_p90",
      "escalations", "incidents", "downtime", "calls", "handle", "outstanding", "dso", "last_event"};
  return keys;
}

namespace {

double SortValue(const std::string& key, const PortfolioRow& r) {
  auto money = [&](auto field) {
    double total = 0;
    for (const MoneyTotals& m : r.money) total += field(m);
    return total;
  };
  if (key == "events") return static_cast<double>(r.counts.events);
  if (key == "requests") return static_cast<double>(r.counts.requests);
  if (key == "open") return static_cast<double>(r.counts.open);
  if (key == "oldest_open") return r.oldest_open_age ? static_cast<double>(r.oldest_open_age->calendar_s) : -1;
  if (key == "response_median") return static_cast<double>(r.response_calendar.median_s);
  if (key == "response_p90") return static_cast<double>(r.response_calendar.p90_s);
  if (key == "escalations") return static_cast<double>(r.counts.escalations);
  if (key == "incidents") return static_cast<double>(r.counts.incidents);
  if (key == "downtime") return static_cast<double>(r.counts.downtime_s);
  if (key == "calls") return static_cast<double>(r.counts.calls);
  if (key == "handle") return static_cast<double>(r.handle_s);
  if (key == "outstanding") return money([](const MoneyTotals& m) { return static_cast<double>(m.outstanding_minor); });
  if (key == "dso") return money([](const MoneyTotals& m) { return m.dso_days.value_or(0); });
  if (key == "last_event") return static_cast<double>(r.last_event.utc_micros);
  return 0;
}

}  // namespace

bool SortPortfolio(const std::string& key, std::vector<PortfolioRow>* rows) {
  const auto& keys = PortfolioSortKeys();
  if (std::find(keys.begin(), keys.end(), key) == keys.end()) return false;
  if (key == "account") {
    std::sort(rows->begin(), rows->end(), [](const auto& a, const auto& b) { return a.account < b.account; });
    return true;
  }
  std::stable_sort(rows->begin(), rows->end(), [&](const PortfolioRow& a, const PortfolioRow& b) {
    double x = SortValue(key, a), y = SortValue(key, b);
    return x != y ? x > y : a.account < b.account;
  });
  return true;
}

}  // namespace nanni
