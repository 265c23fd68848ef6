#include "render/contract_render.h"

#include <fmt/format.h>

#include <map>

#include "contract/money_math.h"
#include "util/money.h"
#include "util/time.h"

namespace nanni {

namespace {

// A period asked (its dates as given: they are read in the terms' time zone).
std::string PeriodText(const ContractPeriod& p) {
  return fmt::format("{} to {}", p.from_utc_micros == INT64_MIN ? "the start" : PeriodBoundText(p.from_utc_micros, p.from_day),
                     p.to_utc_micros == INT64_MAX ? "the end" : PeriodBoundText(p.to_utc_micros, p.to_day));
}

std::string PeriodText(int64_t from, int64_t to) {
  return fmt::format("{} to {}", from == INT64_MIN ? "the start" : FormatUtc(from), to == INT64_MAX ? "the end" : FormatUtc(to));
}

void FindingText(const Finding& f, const std::string& currency, std::string* out) {
  *out += fmt::format("  {:<21} {:<8} {}  {}{}\n", f.rule, f.month, f.subject,
                      f.breach ? (f.ours ? "our breach" : "their breach") : "met",
                      f.breach && f.amount_minor > 0 ? fmt::format(": {} owed to {}", MoneyText(f.amount_minor, currency),
                                                                    f.ours ? "them" : "us")
                                                     : "");
  for (const std::string& step : f.steps) *out += fmt::format("      - {}\n", step);
  *out += fmt::format("      events: {}\n", fmt::join(f.events, ", "));
}

// A moment of the period, or null: the open ends of a period, and every moment of a check
// that found no usable terms (it has no period).
void PeriodTime(const ContractCheck& c, int64_t micros, JsonOut* out) {
  if (c.contract.empty() || micros == INT64_MIN || micros == INT64_MAX) {
    out->Null();
  } else {
    out->String(FormatUtc(micros));
  }
}

// Per currency: owed to them, owed to us; never added across currencies.
std::map<std::string, std::pair<int64_t, int64_t>> Totals(const std::vector<ContractCheck>& checks) {
  std::map<std::string, std::pair<int64_t, int64_t>> totals;
  for (const ContractCheck& c : checks) {
    if (c.contract.empty()) continue;
    auto& [to_them, to_us] = totals[c.currency];
    to_them = SaturatingAdd(to_them, c.owed_to_them_minor);
    to_us = SaturatingAdd(to_us, c.owed_to_us_minor);
  }
  return totals;
}

void WriteTotalsJson(const std::vector<ContractCheck>& checks, JsonOut* out) {
  out->Key("totals").BeginObject();
  for (const auto& [currency, t] : Totals(checks)) {
    out->Key(currency).BeginObject().Key("owed_to_them_minor").Int(t.first).Key("owed_to_us_minor").Int(t.second);
    out->EndObject();
  }
  out->EndObject();
}

}  // namespace

std::string ContractChecksText(const std::vector<ContractCheck>& checks, bool all_findings) {
  std::string out;
  for (const ContractCheck& c : checks) {
    if (c.contract.empty()) {
      out += fmt::format("{}: no usable terms\n", c.account);
    } else {
      out += fmt::format("{}: contract {} (terms {}, recorded by {})\n  period {}, as of {}\n", c.account, c.contract,
                         c.terms_sha256.substr(0, 16), c.contract_event, PeriodText(c.from_utc_micros, c.to_utc_micros),
                         FormatUtc(c.as_of_utc_micros));
      size_t breaches = 0;
      for (const Finding& f : c.findings) breaches += f.breach;
      out += fmt::format("  {} breach(es); owed to the customer {}, owed to us {}\n", breaches, MoneyText(c.owed_to_them_minor, c.currency), MoneyText(c.owed_to_us_minor, c.currency));
      for (const Finding& f : c.findings) {
        if (f.breach || all_findings) FindingText(f, c.currency, &out);
      }
    }
    for (const std::string& n : c.notes) out += fmt::format("  note: {}\n", n);
    out += "\n";
  }
  if (checks.size() > 1) {
    for (const auto& [currency, t] : Totals(checks)) {
      out += fmt::format("all {} checks in {}: owed to customers {}, owed to us {}\n", checks.size(), currency,
                         MoneyText(t.first, currency), MoneyText(t.second, currency));
    }
  }
  if (checks.empty()) out = "no account's record holds contract terms (`nanni contract add ACCOUNT TERMS.toml` records them)\n";
  return out;
}

void WriteContractChecksJson(const std::vector<ContractCheck>& checks, JsonOut* out) {
  out->BeginObject().Key("checks").BeginArray();
  for (const ContractCheck& c : checks) {
    out->BeginObject().Field("account", c.account).Field("contract", c.contract).Field("contract_event", c.contract_event);
    out->Field("terms_sha256", c.terms_sha256).Field("currency", c.currency);
    out->Key("from");
    PeriodTime(c, c.from_utc_micros, out);
    out->Key("to");
    PeriodTime(c, c.to_utc_micros, out);
    out->Key("as_of");
    PeriodTime(c, c.as_of_utc_micros, out);
    out->Key("owed_to_them_minor").Int(c.owed_to_them_minor).Key("owed_to_us_minor").Int(c.owed_to_us_minor);
    out->Key("findings").BeginArray();
    for (const Finding& f : c.findings) WriteFinding(f, out);
    out->EndArray().Key("notes").BeginArray();
    for (const std::string& n : c.notes) out->String(n);
    out->EndArray().EndObject();
  }
  out->EndArray();
  WriteTotalsJson(checks, out);
  out->EndObject();
}

std::string RulingText(const Ruling& r) {
  const Decision& d = r.decision;
  std::string out = fmt::format("ruling on {}'s claim against {}: {}\n", r.claim.claimant,
                                r.claim.claimant == "customer" ? "us" : d.account, d.verdict == Verdict::kUpheld ? "UPHELD"
                                : d.verdict == Verdict::kPartlyUpheld ? "PARTLY UPHELD"
                                : d.verdict == Verdict::kRejected ? "REJECTED" : "INSUFFICIENT EVIDENCE");
  out += fmt::format("  account {}, period {}, as of {}\n", d.account, PeriodText(d.period),
                     FormatUtc(d.as_of_utc_micros));
  for (const AppliedTerms& t : d.terms) out += fmt::format("  terms {} of contract {} ({})\n", t.terms_sha256, t.contract, t.contract_event);
  if (!d.currency.empty()) {
    out += fmt::format("  claimed {}, awarded {}\n", MoneyText(d.claimed_minor, d.currency), MoneyText(d.awarded_minor, d.currency));
  }
  for (const AskDecision& a : d.asks) {
    out += fmt::format("  {}{}: {}", a.ask.rule, a.ask.subject.empty() ? "" : " " + a.ask.subject, VerdictName(a.verdict));
    if (!d.currency.empty() && a.verdict != Verdict::kInsufficientEvidence) {
      out += fmt::format(", the record gives {}, awarded {}", MoneyText(a.computed_minor, d.currency), MoneyText(a.awarded_minor, d.currency));
    }
    out += fmt::format(" ({} finding(s))\n", a.findings.size());
    for (const std::string& m : a.missing) out += fmt::format("      missing: {}\n", m);
  }
  for (const std::string& m : d.missing) out += fmt::format("  missing: {}\n", m);
  for (const std::string& n : d.notes) out += fmt::format("  note: {}\n", n);
  out += fmt::format("  {} evidence event(s), each with its inclusion proof against one signed checkpoint\n", r.evidence.size());
  return out;
}

std::string RulingCheckText(const RulingCheck& c) {
  std::string out = fmt::format("{} evidence event(s) proven in the checkpoint of {} events of {}\n", c.evidence,
                                c.checkpoint_size, c.origin);
  if (c.differences.empty()) {
    out += fmt::format("recomputed from the evidence alone: the same decision, {}{}\n", c.verdict,
                       c.currency.empty() ? "" : fmt::format(", awarded {}", MoneyText(c.awarded_minor, c.currency)));
  } else {
    out += "recomputed from the evidence alone, the decision differs:\n";
    for (const std::string& d : c.differences) out += fmt::format("  {}\n", d);
  }
  return out;
}

}  // namespace nanni
