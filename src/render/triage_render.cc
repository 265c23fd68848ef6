#include "render/triage_render.h"

#include <fmt/format.h>

#include "render/wording.h"
#include "util/printable.h"

namespace nanni {

namespace {

std::string Pct(double value) { return fmt::format("{:.1f}%", value); }

void EvidenceJson(const Evidence& e, JsonOut* json) {
  json->BeginObject().Field("id", e.id).Field("seq", e.seq).Field("kind", e.kind).Key("time").Time(e.time);
  json->Field("note", e.note).EndObject();
}

void DemandJson(const OpenDemand& d, JsonOut* json) {
  json->BeginObject().Field("id", d.id).Field("seq", d.seq).Field("subject", d.subject);
  json->Field("asks", d.asks).Field("askers", d.askers).Key("first_asked").Time(d.first_asked);
  json->Key("last_asked").Time(d.last_asked).Key("score").Fixed(d.score, 3).EndObject();
}

void SignalJson(const Signal& s, JsonOut* json) {
  json->BeginObject().Field("signal", s.signal).Key("score").Fixed(s.score, 3).Field("reason", s.reason);
  if (!s.contact.empty()) json->Field("contact", s.contact);
  json->Key("evidence").BeginArray();
  for (const Evidence& e : s.evidence) EvidenceJson(e, json);
  json->EndArray();
  if (!s.demands.empty()) {
    json->Key("demands").BeginArray();
    for (const OpenDemand& d : s.demands) DemandJson(d, json);
    json->EndArray();
  }
  if (!s.story.empty()) json->Field("story", s.story);
  json->EndObject();
}

void MoveJson(const Move& m, JsonOut* json) {
  json->BeginObject().Field("move", m.move).Field("title", m.title).Field("principle", m.principle);
  json->Field("seed", m.seed).Field("text", m.text).Key("signals").BeginArray();
  for (const std::string& s : m.signals) json->String(s);
  json->EndArray().EndObject();
}

void OptDays(const std::optional<double>& days, JsonOut* json) {
  days ? json->Fixed(*days, 1) : json->Null();
}

void CostJson(const CostBreakdown& c, JsonOut* json) {
  json->BeginObject().Field("calls", c.calls).Field("written", c.written).Field("meetings", c.meetings);
  json->Field("escalations", c.escalations).Field("incidents", c.incidents).Field("concessions", c.concessions);
  json->Field("total", c.Total()).EndObject();
}

void LateInvoiceJson(const LateInvoice& l, JsonOut* json) {
  json->BeginObject().Field("invoice", l.invoice).Field("seq", l.seq).Key("due").Time(l.due);
  json->Field("days_late", l.days_late).Field("amount_minor", l.amount_minor).Field("paid_minor", l.paid_minor);
  json->Field("currency", l.currency).Field("paid_in_full", l.paid_in_full).EndObject();
}

void AccountEconomicsJson(const AccountEconomics& a, JsonOut* json) {
  json->BeginObject().Field("account", a.account).Field("revenue_source", a.revenue_source);
  json->Field("revenue_minor", a.revenue_minor).Key("cost_minor").Int(a.cost.Total()).Key("cost");
  CostJson(a.cost, json);
  json->Field("margin_minor", a.margin_minor).Field("our_minutes", a.our_minutes);
  if (!a.unpriced.empty()) json->Field("unpriced", a.unpriced);
  json->Field("invoices", a.invoices).Field("late", a.late).Field("partial", a.partial);
  json->Field("unpaid_overdue", a.unpaid_overdue).Field("days_late_max", a.days_late_max);
  json->Key("days_late_mean").Fixed(a.days_late_mean, 1).Key("dso_days");
  OptDays(a.dso_days, json);
  json->Key("late_invoices").BeginArray();
  for (const LateInvoice& l : a.late_invoices) LateInvoiceJson(l, json);
  json->EndArray().EndObject();
}

void SummaryJson(const Economics& e, JsonOut* json) {
  json->Field("currency", e.currency).Field("window_days", e.window_days);
  json->Field("revenue_minor", e.revenue_minor).Field("cost_minor", e.cost_minor).Field("margin_minor", e.margin_minor);
  json->Key("pareto").BeginObject().Key("top_pct").Fixed(e.top_pct, 1).Key("top_revenue_pct").Fixed(e.top_revenue_pct, 1);
  json->Key("bottom_pct").Fixed(e.bottom_pct, 1).Key("bottom_cost_pct").Fixed(e.bottom_cost_pct, 1).EndObject();
  json->Field("priced_accounts", e.priced_accounts).Field("revenue_accounts", e.revenue_accounts);
  json->Field("negative_margin_accounts", e.negative_margin_accounts);
}

void AccountTriageBody(const AccountTriage& a, JsonOut* json) {
  json->Field("account", a.account).Field("rank", a.rank).Key("urgency").Fixed(a.urgency, 2);
  json->Key("signals").BeginArray();
  for (const Signal& s : a.signals) SignalJson(s, json);
  json->EndArray().Key("moves").BeginArray();
  for (const Move& m : a.moves) MoveJson(m, json);
  json->EndArray().Key("economics").BeginObject().Field("revenue_minor", a.economics.revenue_minor);
  json->Key("cost_minor").Int(a.economics.cost.Total()).Field("margin_minor", a.economics.margin_minor);
  if (!a.economics.unpriced.empty()) json->Field("unpriced", a.economics.unpriced);
  json->EndObject();
}

std::string SignalLine(const Signal& s) {
  std::string line = fmt::format("    {:<20} {:.2f}  {}\n", s.signal, s.score, Printable(s.reason, 200));
  for (size_t i = 0; i < s.demands.size() && i < 2; ++i) {
    line += fmt::format("{:>30}{}. {} ({} asks by {}, last {})\n", "", i + 1, Printable(s.demands[i].subject, 80),
                        s.demands[i].asks, s.demands[i].askers, WhenText(s.demands[i].last_asked));
  }
  return line;
}

std::string MarginText(const AccountEconomics& e, const std::string& currency) {
  if (!e.unpriced.empty()) return "margin not priced";
  if (e.revenue_source == "none") return "no revenue in the record, cost " + MoneyText(e.cost.Total(), currency);
  return "margin " + MoneyText(e.margin_minor, currency);
}

std::string ParetoLine(const Economics& e) {
  if (e.revenue_accounts == 0) {
    return fmt::format("The record holds no revenue (no payment, invoice or contract): cost to serve only, {} over "
                       "the last {} days.\n", MoneyText(e.cost_minor, e.currency), e.window_days);
  }
  return fmt::format("The top {} of accounts by revenue bring {} of it; the bottom {} take {} of the cost to "
                     "serve. {} of {} accounts cost more to serve than they bring ({} days before the moment).\n",
                     Pct(e.top_pct), Pct(e.top_revenue_pct), Pct(e.bottom_pct), Pct(e.bottom_cost_pct),
                     e.negative_margin_accounts, e.revenue_accounts, e.window_days);
}

size_t WithSignals(const Triage& t) {
  size_t n = 0;
  for (const AccountTriage& a : t.accounts) n += a.signals.empty() ? 0 : 1;
  return n;
}

}  // namespace

std::string TriageText(const Triage& t, size_t limit) {
  std::string out = fmt::format("Triage as of {}: {} of {} accounts have signals (money in {}; `--json` has "
                                "the evidence, `nanni signals ACCOUNT` one account in full)\n",
                                FormatRfc3339(t.as_of), WithSignals(t), t.accounts.size(), t.currency);
  out += ParetoLine(t.economics) + "\n";
  size_t shown = 0;
  for (const AccountTriage& a : t.accounts) {
    if (a.signals.empty() || (limit != 0 && shown == limit)) break;
    ++shown;
    out += fmt::format("{:>3}. {}  urgency {:.1f}, {}\n", a.rank, Printable(a.account, 60), a.urgency,
                       MarginText(a.economics, t.currency));
    for (const Signal& s : a.signals) out += SignalLine(s);
    for (const Move& m : a.moves) out += fmt::format("    -> {}\n", Printable(m.title, 120));
  }
  if (shown < WithSignals(t)) out += fmt::format("... and {} more (--limit 0 shows all)\n", WithSignals(t) - shown);
  return out;
}

void WriteTriageJson(const Triage& t, JsonOut* json) {
  json->BeginObject().Field("schema", "nanni.triage/1").Key("as_of").Time(t.as_of).Key("economics").BeginObject();
  SummaryJson(t.economics, json);
  json->EndObject().Key("accounts").BeginArray();
  for (const AccountTriage& a : t.accounts) {
    json->BeginObject();
    AccountTriageBody(a, json);
    json->EndObject();
  }
  json->EndArray().EndObject();
}

std::string SignalsText(const AccountTriage& a, const Timestamp& as_of) {
  std::string out = fmt::format("Signals of {} as of {}: {} (urgency {:.1f}, rank {})\n", Printable(a.account, 80),
                                FormatRfc3339(as_of), a.signals.size(), a.urgency, a.rank);
  for (const Signal& s : a.signals) {
    out += "\n" + SignalLine(s);
    if (!s.contact.empty()) out += fmt::format("      about {}\n", Printable(s.contact, 120));
    for (const Evidence& e : s.evidence) {
      out += fmt::format("      {}  {:<18} {}  [{}]\n", WhenText(e.time), e.kind, Printable(e.note, 140),
                         Printable(e.id, 80));
    }
    if (!s.story.empty()) out += "      Draft reference story:\n" + PrintableLines(s.story) + "\n";
  }
  if (!a.moves.empty()) out += "\nMoves:\n";
  for (const Move& m : a.moves) {
    out += fmt::format("  {} ({}; {})\n    {}\n", Printable(m.title, 120), m.principle, m.seed, Printable(m.text, 400));
  }
  return out;
}

void WriteSignalsJson(const AccountTriage& a, const Timestamp& as_of, JsonOut* json) {
  json->BeginObject().Field("schema", "nanni.signals/1").Key("as_of").Time(as_of);
  AccountTriageBody(a, json);
  json->EndObject();
}

std::string EconomicsText(const Economics& e, size_t limit) {
  std::string out = fmt::format("Economics as of {}, over the last {} days, in {}\n", FormatRfc3339(e.as_of),
                                e.window_days, e.currency);
  out += fmt::format("Revenue {}, cost to serve {}, margin {}.\n", MoneyText(e.revenue_minor, e.currency),
                     MoneyText(e.cost_minor, e.currency), MoneyText(e.margin_minor, e.currency));
  out += ParetoLine(e) + "\n";
  out += fmt::format("{:<32} {:>16} {:>16} {:>16} {:>8} {:>5} {:>6}\n", "account", "revenue", "cost", "margin",
                     "minutes", "late", "dso");
  for (size_t i = 0; i < e.rows.size() && (limit == 0 || i < limit); ++i) {
    const AccountEconomics& r = e.rows[i];
    std::string dso = r.dso_days ? fmt::format("{:.0f}", *r.dso_days) : "-";
    if (!r.unpriced.empty()) {
      out += fmt::format("{:<32} not priced: {}\n", Printable(r.account, 32), Printable(r.unpriced, 100));
      continue;
    }
    out += fmt::format("{:<32} {:>16} {:>16} {:>16} {:>8} {:>5} {:>6}\n", Printable(r.account, 32),
                       MoneyText(r.revenue_minor, e.currency), MoneyText(r.cost.Total(), e.currency),
                       MoneyText(r.margin_minor, e.currency), r.our_minutes, r.late + r.unpaid_overdue, dso);
  }
  if (limit != 0 && e.rows.size() > limit) out += fmt::format("... and {} more (--limit 0 shows all)\n", e.rows.size() - limit);
  return out;
}

void WriteEconomicsJson(const Economics& e, JsonOut* json) {
  json->BeginObject().Field("schema", "nanni.economics/1").Key("as_of").Time(e.as_of);
  SummaryJson(e, json);
  json->Key("curve").BeginArray();
  for (const ParetoPoint& p : e.curve) {
    json->BeginObject().Key("accounts_pct").Fixed(p.accounts_pct, 2).Key("revenue_pct").Fixed(p.revenue_pct, 2);
    json->Key("cost_pct").Fixed(p.cost_pct, 2).EndObject();
  }
  json->EndArray().Key("rows").BeginArray();
  for (const AccountEconomics& r : e.rows) AccountEconomicsJson(r, json);
  json->EndArray().EndObject();
}

std::string EscalationsText(const Escalations& e, size_t limit) {
  std::string out = fmt::format("Escalations as of {}: {} in all (cost in {})\n\n", FormatRfc3339(e.as_of),
                                e.cases.size(), e.currency);
  out += fmt::format("{:<16} {:>6} {:>9} {:>5} {:>16} {:>14} {:>14}\n", "root cause", "count", "accounts", "open",
                     "cost", "fix median", "fix p90");
  for (const EscalationCause& c : e.causes) {
    out += fmt::format("{:<16} {:>6} {:>9} {:>5} {:>16} {:>14} {:>14}\n", Printable(c.cause, 16), c.count, c.accounts,
                       c.open, MoneyText(c.cost_minor, e.currency), c.fix_median_s ? DurationText(*c.fix_median_s) : "-",
                       c.fix_p90_s ? DurationText(*c.fix_p90_s) : "-");
  }
  out += "\n";
  for (size_t i = 0; i < e.cases.size() && (limit == 0 || i < limit); ++i) {
    const EscalationCase& c = e.cases[i];
    out += fmt::format("{}  {:<28} {:<15} {:<9} {}  [{}]\n", WhenText(c.time), Printable(c.account, 28),
                       Printable(c.cause, 15), c.recorded ? "recorded" : "inferred",
                       c.fix_s ? "fixed after " + DurationText(*c.fix_s) : "still open", Printable(c.id, 80));
  }
  if (limit != 0 && e.cases.size() > limit) out += fmt::format("... and {} more (--limit 0 shows all)\n", e.cases.size() - limit);
  return out;
}

void WriteEscalationsJson(const Escalations& e, JsonOut* json) {
  json->BeginObject().Field("schema", "nanni.escalations/1").Key("as_of").Time(e.as_of).Field("currency", e.currency);
  json->Key("causes").BeginArray();
  for (const EscalationCause& c : e.causes) {
    json->BeginObject().Field("cause", c.cause).Field("count", c.count).Field("accounts", c.accounts);
    json->Field("open", c.open).Field("cost_minor", c.cost_minor).Key("fix_median_s");
    c.fix_median_s ? json->Int(*c.fix_median_s) : json->Null();
    json->Key("fix_p90_s");
    c.fix_p90_s ? json->Int(*c.fix_p90_s) : json->Null();
    json->EndObject();
  }
  json->EndArray().Key("cases").BeginArray();
  for (const EscalationCase& c : e.cases) {
    json->BeginObject().Field("account", c.account).Field("id", c.id).Field("seq", c.seq).Key("time").Time(c.time);
    json->Field("cause", c.cause).Field("recorded", c.recorded).Key("fix_s");
    c.fix_s ? json->Int(*c.fix_s) : json->Null();
    json->Field("cost_minor", c.cost_minor).Key("because").BeginArray();
    for (const Evidence& ev : c.because) EvidenceJson(ev, json);
    json->EndArray().EndObject();
  }
  json->EndArray().EndObject();
}

}  // namespace nanni
