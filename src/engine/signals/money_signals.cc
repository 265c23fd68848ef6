// negative_margin and late_payer: what the account's economics say (engine/economics.h), with
// the events behind them; and let_go, which needs both and abuse besides.
#include <fmt/format.h>

#include <algorithm>

#include "engine/signals/signal_input.h"
#include "util/money.h"

namespace nanni {

namespace {

const Signal* Find(const std::vector<Signal>& signals, std::string_view id) {
  for (const Signal& s : signals) {
    if (s.signal == id) return &s;
  }
  return nullptr;
}

// The costliest events of the window: escalations and the longest calls.
std::vector<Evidence> CostEvidence(const SignalInput& in, int64_t from) {
  const AccountView& v = in.view;
  std::vector<std::pair<int64_t, size_t>> calls;  // handle_s, position
  std::vector<Evidence> out;
  for (size_t i = 0; i < v.size(); ++i) {
    if (v.time(i) <= from) continue;
    const Fact& f = v.fact(i);
    if (Is(f, EventKind::kEscalation)) out.push_back(EvidenceAt(v, i, "an escalation"));
    uint32_t r = v.index().side_row(v.seq(i));
    if (Is(f, EventKind::kCall) && r != IndexSnapshot::kNoRecord) calls.emplace_back(v.index().calls()[r].handle_s, i);
  }
  std::sort(calls.rbegin(), calls.rend());
  for (size_t k = 0; k < std::min<size_t>(6, calls.size()); ++k) {
    out.push_back(EvidenceAt(v, calls[k].second, fmt::format("a call of {} min", calls[k].first / 60)));
  }
  KeepRecent(&out);
  return out;
}

void NegativeMargin(const SignalInput& in, std::vector<Signal>* out) {
  const AccountEconomics& e = in.economics;
  const int64_t cost = e.cost.Total();
  // Without any revenue in the record (no payment, invoice or contract) the margin is unknown.
  if (!e.unpriced.empty() || e.revenue_source == "none") return;
  if (cost < static_cast<int64_t>(in.Get("negative_margin", "min_cost"))) return;
  if (static_cast<double>(e.margin_minor) >= in.Get("negative_margin", "margin_ratio") * static_cast<double>(e.revenue_minor)) return;
  Signal s;
  s.signal = "negative_margin";
  s.score = std::clamp(static_cast<double>(-e.margin_minor) / static_cast<double>(std::max<int64_t>(cost, 1)), 0.0, 1.0);
  const std::string currency(in.currency);
  s.reason = fmt::format("Serving the account cost {} over the last {} days, against {} of revenue ({}): a margin of {}.",
                         MoneyText(cost, currency), in.window_days,
                         MoneyText(e.revenue_minor, currency), e.revenue_source, MoneyText(e.margin_minor, currency));
  s.evidence = CostEvidence(in, in.view.as_of() - in.window_days * kMicrosPerDay);
  out->push_back(std::move(s));
}

void LatePayer(const SignalInput& in, std::vector<Signal>* out) {
  const AccountEconomics& e = in.economics;
  const int64_t late_days = static_cast<int64_t>(in.Get("late_payer", "late_days"));
  Signal s;
  size_t late = 0;
  for (const LateInvoice& inv : e.late_invoices) {
    if (inv.days_late <= late_days) continue;
    ++late;
    Evidence ev;
    ev.seq = inv.seq;
    ev.kind = "invoice";
    ev.time = inv.due;
    ev.note = inv.paid_in_full ? fmt::format("paid {} days after its due date", inv.days_late)
                               : fmt::format("unpaid {} days after its due date", inv.days_late);
    s.evidence.push_back(std::move(ev));
  }
  if (e.invoices == 0 || late < static_cast<size_t>(in.Get("late_payer", "min_late"))) return;
  const double share = static_cast<double>(late) / static_cast<double>(e.invoices);
  if (share < in.Get("late_payer", "min_share")) return;
  s.signal = "late_payer";
  s.score = share;
  s.reason = fmt::format("{} of the {} invoices due in the last {} days were paid more than {} days late or not at all; "
                         "the worst {} days.", late, e.invoices, in.window_days, late_days, e.days_late_max);
  KeepRecent(&s.evidence);
  out->push_back(std::move(s));
}

}  // namespace

void DetectMoneySignals(const SignalInput& in, std::vector<Signal>* out) {
  NegativeMargin(in, out);
  LatePayer(in, out);
}

void DetectLetGo(const SignalInput& in, std::vector<Signal>* signals) {
  const Signal* abuse = Find(*signals, "abusive_contact");
  const Signal* margin = Find(*signals, "negative_margin");
  const Signal* late = Find(*signals, "late_payer");
  if (abuse == nullptr || margin == nullptr || late == nullptr) return;
  Signal s;
  s.signal = "let_go";
  s.score = (abuse->score + margin->score + late->score) / 3;
  s.contact = abuse->contact;
  s.reason = "Abuse of our team, a negative margin and late payment, all at once: "
             "the account drains more than it brings.";
  for (const Signal* part : {abuse, margin, late}) {  // the latest four of each part, each event once
    for (size_t k = 0; k < std::min<size_t>(4, part->evidence.size()); ++k) {
      const Evidence& e = part->evidence[part->evidence.size() - 1 - k];
      const bool seen = std::any_of(s.evidence.begin(), s.evidence.end(), [&](const Evidence& x) { return x.seq == e.seq; });
      if (!seen) s.evidence.push_back(e);
    }
  }
  KeepRecent(&s.evidence);
  signals->push_back(std::move(s));
}

}  // namespace nanni
