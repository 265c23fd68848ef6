#include "engine/economics_builder.h"

#include <algorithm>
#include <optional>
#include <set>

#include "engine/account_pool.h"
#include "engine/settled_invoices.h"
#include "event/event.h"
#include "util/money.h"

namespace nanni {

namespace {

// Sums in minor units that report an overflow instead of wrapping.
class Sum {
 public:
  void Add(int64_t v) {
    if (ok_ && !AddMinor(total_, v, &total_)) ok_ = false;
  }
  int64_t total() const { return total_; }
  bool ok() const { return ok_; }

 private:
  int64_t total_ = 0;
  bool ok_ = true;
};

// `amount` minor units of `currency` in the cost model's currency; nullopt without a rate or
// when the result does not fit.
std::optional<int64_t> Convert(const CostModel& costs, std::string_view currency, int64_t amount) {
  auto it = costs.rates_ppm.find(currency);
  if (it == costs.rates_ppm.end()) return std::nullopt;
  const __int128 v = static_cast<__int128>(amount) * it->second / 1'000'000;
  if (v > INT64_MAX || v < INT64_MIN) return std::nullopt;
  return static_cast<int64_t>(v);
}

// The level of our person an event costs: the sender when ours, else the most senior of ours
// among the recipients (agents for calls nobody of ours is named on).
const char* OurLevel(const Fact& f) {
  if (Ours(f)) {
    const char* name = LevelName(static_cast<Level>(f.from_level));
    return *name ? name : "unknown";
  }
  const int ours = static_cast<int>(Side::kOurs);
  for (Level l : {Level::kAgent, Level::kUser, Level::kManager, Level::kExecutive}) {
    if (f.participants & ParticipantBit(ours, static_cast<int>(l))) return LevelName(l);
  }
  return Is(f, EventKind::kCall) ? "agent" : "unknown";
}

std::string_view ChannelName(const Fact& f) { return f.channel == 0 ? "none" : Channels()[f.channel - 1]; }

struct Window {
  int64_t from, to;  // (from, to]
  bool Holds(int64_t t) const { return t > from && t <= to; }
};

class AccountCosts {
 public:
  AccountCosts(const AccountView& v, const CostModel& costs, const Window& w) : v_(v), costs_(costs), w_(w) {}

  // Fills the cost and effort of *row; false when a currency has no rate or a sum overflows.
  bool Compute(AccountEconomics* row) {
    std::set<uint32_t> incidents;
    for (size_t i = 0; i < v_.size(); ++i) {
      const Fact& f = v_.fact(i);
      if (!w_.Holds(f.time_utc_micros)) continue;
      if (Is(f, EventKind::kCall)) {
        Call(i);
      } else if (Ours(f)) {
        const int64_t minutes = costs_.Minutes(ChannelName(f));
        effort_.Add(minutes);
        (f.channel != 0 && ChannelName(f) == "meeting" ? meetings_ : written_).Add(minutes * costs_.CostPerMinute(OurLevel(f)));
      }
      if (Is(f, EventKind::kEscalation)) escalations_.Add(costs_.PerEvent("escalation"));
      if (Is(f, EventKind::kIncident)) {
        uint32_t r = v_.index().side_row(v_.seq(i));
        if (r != IndexSnapshot::kNoRecord) incidents.insert(v_.index().incidents()[r].incident);
      }
      if (Is(f, EventKind::kInvoice) && !Concession(i)) return false;
    }
    for (size_t n = 0; n < incidents.size(); ++n) incidents_.Add(costs_.PerEvent("incident"));
    CostBreakdown& c = row->cost;
    c.calls = calls_.total(), c.written = written_.total(), c.meetings = meetings_.total();
    c.escalations = escalations_.total(), c.incidents = incidents_.total(), c.concessions = concessions_.total();
    row->our_minutes = effort_.total();
    Sum total;
    for (int64_t part : {c.calls, c.written, c.meetings, c.escalations, c.incidents, c.concessions}) total.Add(part);
    return total.ok() && calls_.ok() && written_.ok() && meetings_.ok() && escalations_.ok() && incidents_.ok() &&
           concessions_.ok() && effort_.ok();
  }

 private:
  void Call(size_t i) {
    uint32_t r = v_.index().side_row(v_.seq(i));
    if (r == IndexSnapshot::kNoRecord) return;
    effort_.Add(v_.index().calls()[r].handle_s / 60);
    calls_.Add(OurTimeCost(v_, i, costs_));
  }

  // A credit note (a negative invoice) is a concession: its amount and its handling.
  bool Concession(size_t i) {
    uint32_t r = v_.index().side_row(v_.seq(i));
    if (r == IndexSnapshot::kNoRecord) return true;
    const MoneyFact& m = v_.index().money()[r];
    if (m.amount_minor >= 0) return true;
    std::optional<int64_t> amount = Convert(costs_, v_.index().str(m.currency), m.amount_minor);
    if (!amount) return false;
    concessions_.Add(-*amount);
    concessions_.Add(costs_.PerEvent("concession"));
    return true;
  }

  const AccountView& v_;
  const CostModel& costs_;
  const Window& w_;
  Sum calls_, written_, meetings_, escalations_, incidents_, concessions_, effort_;
};

// Revenue in the window: payments, else invoices, else contract value pro rata.
bool Revenue(const AccountView& v, const CostModel& costs, const Window& w, AccountEconomics* row) {
  Sum payments, invoices;
  bool any_payment = false, any_invoice = false, priced = true;
  for (size_t i = 0; i < v.size(); ++i) {
    const Fact& f = v.fact(i);
    if (!w.Holds(f.time_utc_micros) || (!Is(f, EventKind::kPayment) && !Is(f, EventKind::kInvoice))) continue;
    uint32_t r = v.index().side_row(v.seq(i));
    if (r == IndexSnapshot::kNoRecord) continue;
    const MoneyFact& m = v.index().money()[r];
    std::optional<int64_t> amount = Convert(costs, v.index().str(m.currency), m.amount_minor);
    if (!amount) {
      priced = false;
      row->unpriced = std::string(v.index().str(m.currency));
      continue;
    }
    if (Is(f, EventKind::kPayment)) {
      payments.Add(*amount), any_payment = true;
    } else if (m.amount_minor > 0) {
      invoices.Add(*amount), any_invoice = true;
    }
  }
  if (!priced || !payments.ok() || !invoices.ok()) return false;
  if (any_payment || any_invoice) {
    row->revenue_source = any_payment ? "payments" : "invoices";
    row->revenue_minor = any_payment ? payments.total() : invoices.total();
    return true;
  }
  Sum contracts;
  for (size_t i = 0; i < v.size(); ++i) {
    if (!Is(v.fact(i), EventKind::kContract) || v.time(i) > w.to) continue;
    uint32_t r = v.index().side_row(v.seq(i));
    if (r == IndexSnapshot::kNoRecord) continue;
    const ContractFact& c = v.index().contracts()[r];
    if (c.value_minor <= 0 || c.ends_utc_micros <= c.starts_utc_micros || c.starts_utc_micros == 0) continue;
    const int64_t overlap = std::min(c.ends_utc_micros, w.to) - std::max(c.starts_utc_micros, w.from);
    if (overlap <= 0) continue;
    std::optional<int64_t> value = Convert(costs, v.index().str(c.currency), c.value_minor);
    if (!value) {
      row->unpriced = std::string(v.index().str(c.currency));
      return false;
    }
    contracts.Add(static_cast<int64_t>(static_cast<__int128>(*value) * overlap / (c.ends_utc_micros - c.starts_utc_micros)));
  }
  row->revenue_source = contracts.total() > 0 ? "contract" : "none";
  row->revenue_minor = contracts.total();
  return contracts.ok();
}

// Payment behaviour over the invoices due in the window.
void Payments(const AccountView& v, const CostModel& costs, const Window& w, AccountEconomics* row) {
  Sum outstanding, invoiced;
  bool dso_ok = true;
  double late_days = 0;
  for (const SettledInvoice& inv : SettleInvoices(v)) {
    const MoneyFact& m = *inv.money;
    if (m.amount_minor <= 0) continue;
    int64_t owed = 0;
    if (inv.overflow || !SubtractMinor(m.amount_minor, inv.paid, &owed)) continue;
    std::string_view currency = v.index().str(m.currency);
    if (w.Holds(inv.time)) {
      std::optional<int64_t> a = Convert(costs, currency, m.amount_minor);
      a ? invoiced.Add(*a) : void(dso_ok = false);
    }
    if (owed > 0) {
      std::optional<int64_t> o = Convert(costs, currency, owed);
      o ? outstanding.Add(*o) : void(dso_ok = false);
    }
    const int64_t due = m.due_utc_micros;
    if (due == 0 || !w.Holds(due)) continue;
    ++row->invoices;
    row->partial += inv.paid > 0 && owed > 0;
    row->unpaid_overdue += owed > 0;
    const int64_t until = inv.paid_in_full ? *inv.paid_in_full : w.to;
    const int64_t days = (until - due) / kMicrosPerDay;
    if (until <= due || days < 1) continue;
    ++row->late;
    late_days += static_cast<double>(days);
    row->days_late_max = std::max(row->days_late_max, days);
    row->late_invoices.push_back(LateInvoice{std::string(v.index().str(m.invoice)), v.seq(inv.position),
                                             Timestamp{due, v.fact(inv.position).offset_minutes}, days,
                                             m.amount_minor, inv.paid, std::string(currency),
                                             inv.paid_in_full.has_value()});
  }
  if (row->late > 0) row->days_late_mean = late_days / static_cast<double>(row->late);
  std::sort(row->late_invoices.begin(), row->late_invoices.end(),
            [](const LateInvoice& a, const LateInvoice& b) { return a.days_late > b.days_late; });
  if (dso_ok && outstanding.ok() && invoiced.ok() && invoiced.total() > 0) {
    row->dso_days = static_cast<double>(outstanding.total()) / static_cast<double>(invoiced.total()) *
                    static_cast<double>((w.to - w.from) / kMicrosPerDay);
  }
}

}  // namespace

AccountEconomics AccountEconomicsOf(const AccountView& v, const CostModel& costs) {
  AccountEconomics row;
  const Window w{v.as_of() - costs.window_days * kMicrosPerDay, v.as_of()};
  const bool priced = AccountCosts(v, costs, w).Compute(&row) && Revenue(v, costs, w, &row);
  Payments(v, costs, w, &row);
  if (!priced || !SubtractMinor(row.revenue_minor, row.cost.Total(), &row.margin_minor)) {
    if (row.unpriced.empty()) row.unpriced = "a sum does not fit in 64 bits";
    row.revenue_minor = row.margin_minor = 0;
    row.cost = CostBreakdown();
  }
  return row;
}

int64_t OurTimeCost(const AccountView& v, size_t i, const CostModel& costs) {
  const Fact& f = v.fact(i);
  if (Is(f, EventKind::kCall)) {
    const uint32_t r = v.index().side_row(v.seq(i));
    if (r == IndexSnapshot::kNoRecord) return 0;
    const __int128 cost = static_cast<__int128>(v.index().calls()[r].handle_s) * costs.CostPerMinute(OurLevel(f)) / 60;
    return cost > INT64_MAX ? INT64_MAX : static_cast<int64_t>(cost);
  }
  if (!Ours(f)) return 0;
  return costs.Minutes(ChannelName(f)) * costs.CostPerMinute(OurLevel(f));
}

void SummarizeEconomics(const CostModel& costs, Economics* out) {
  std::vector<const AccountEconomics*> priced;
  Sum revenue, cost;
  for (const AccountEconomics& r : out->rows) {
    if (!r.unpriced.empty()) continue;
    priced.push_back(&r);
    revenue.Add(r.revenue_minor);
    cost.Add(r.cost.Total());
    out->negative_margin_accounts += r.margin_minor < 0 && r.revenue_source != "none";
    out->revenue_accounts += r.revenue_source != "none";
  }
  out->priced_accounts = priced.size();
  if (!revenue.ok() || !cost.ok() || priced.empty()) return;
  out->revenue_minor = revenue.total();
  out->cost_minor = cost.total();
  out->margin_minor = revenue.total() - cost.total();
  std::stable_sort(priced.begin(), priced.end(),
                   [](const AccountEconomics* a, const AccountEconomics* b) { return a->revenue_minor > b->revenue_minor; });
  const double n = static_cast<double>(priced.size());
  const double total_revenue = std::max<double>(1, static_cast<double>(revenue.total()));
  const double total_cost = std::max<double>(1, static_cast<double>(cost.total()));
  double cum_revenue = 0, cum_cost = 0;
  for (size_t i = 0; i < priced.size(); ++i) {
    cum_revenue += static_cast<double>(std::max<int64_t>(0, priced[i]->revenue_minor));
    cum_cost += static_cast<double>(priced[i]->cost.Total());
    out->curve.push_back(ParetoPoint{100.0 * static_cast<double>(i + 1) / n, 100.0 * cum_revenue / total_revenue,
                                     100.0 * cum_cost / total_cost});
  }
  out->top_pct = costs.top_share;
  out->bottom_pct = costs.bottom_share;
  const size_t top = std::max<size_t>(1, static_cast<size_t>(n * costs.top_share / 100.0 + 0.5));
  const size_t bottom = std::min(priced.size(), static_cast<size_t>(n * costs.bottom_share / 100.0 + 0.5));
  out->top_revenue_pct = out->curve[std::min(top, priced.size()) - 1].revenue_pct;
  const double above_bottom = priced.size() > bottom ? out->curve[priced.size() - bottom - 1].cost_pct : 0;
  out->bottom_cost_pct = bottom == 0 ? 0 : 100.0 - above_bottom;
}

Economics EconomicsBuilder::Build(const AccessScope& scope, const ReportMoment& moment) {
  Economics out;
  out.as_of = moment.as_of;
  out.currency = costs_.currency;
  out.window_days = costs_.window_days;
  const AccountGroups groups(index_);
  const std::vector<uint32_t> accounts = AllowedAccounts(index_, groups, scope);
  std::vector<std::optional<AccountEconomics>> rows(accounts.size());
  ForEachAccount(accounts.size(), [&](size_t i, AccountScratch* scratch) {
    AccountView view(index_, moment, groups.events(accounts[i]), scratch);
    if (view.size() == 0) return;
    rows[i] = AccountEconomicsOf(view, costs_);
    rows[i]->account = std::string(index_.str(accounts[i]));
  });
  for (auto& r : rows) {
    if (r) out.rows.push_back(std::move(*r));
  }
  SummarizeEconomics(costs_, &out);
  return out;
}

}  // namespace nanni
