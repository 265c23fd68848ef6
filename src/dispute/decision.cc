#include "dispute/decision.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <set>

#include "contract/money_math.h"
#include "util/printable.h"

namespace nanni {

namespace {

bool SubjectMatches(const ClaimAsk& ask, const Finding& f) {
  if (ask.subject.empty()) return true;
  return f.subject == ask.subject || f.subject.rfind(ask.subject + " @ ", 0) == 0;
}

// Claimants collect what is owed to them: the customer our breaches, the provider theirs.
bool OwedToClaimant(const Claim& claim, const Finding& f) { return f.ours == (claim.claimant == "customer"); }

void DecideAsk(const Claim& claim, const std::vector<ContractCheck>& checks, AskDecision* a) {
  for (const ContractCheck& c : checks) {
    for (const Finding& f : c.findings) {
      if (f.rule == a->ask.rule && SubjectMatches(a->ask, f)) a->findings.push_back(f);
    }
  }
  if (a->findings.empty()) {
    a->verdict = Verdict::kInsufficientEvidence;
    a->missing.push_back(a->ask.subject.empty()
                             ? fmt::format("the record holds nothing the terms' {} applies to in the period", a->ask.rule)
                             : fmt::format("the record holds no '{}' that {} applies to in the period",
                                           Printable(a->ask.subject, 120), a->ask.rule));
    return;
  }
  for (const Finding& f : a->findings) {
    if (f.breach && OwedToClaimant(claim, f)) a->computed_minor = SaturatingAdd(a->computed_minor, f.amount_minor);
  }
  a->awarded_minor = a->ask.amount_minor ? std::min(a->computed_minor, *a->ask.amount_minor) : a->computed_minor;
  if (a->awarded_minor == 0) {
    a->verdict = Verdict::kRejected;
  } else if (a->ask.amount_minor && a->awarded_minor < *a->ask.amount_minor) {
    a->verdict = Verdict::kPartlyUpheld;
  } else {
    a->verdict = Verdict::kUpheld;
  }
}

Verdict Overall(const Decision& d) {
  if (!d.missing.empty()) return Verdict::kInsufficientEvidence;
  size_t upheld = 0, insufficient = 0, awarded = 0;
  for (const AskDecision& a : d.asks) {
    upheld += a.verdict == Verdict::kUpheld;
    insufficient += a.verdict == Verdict::kInsufficientEvidence;
    awarded += a.awarded_minor > 0;
  }
  if (insufficient == d.asks.size()) return Verdict::kInsufficientEvidence;
  if (upheld == d.asks.size()) return Verdict::kUpheld;
  return awarded > 0 ? Verdict::kPartlyUpheld : Verdict::kRejected;
}

// The claim's own evidence and asserted terms, against the record.
void CheckClaimFacts(const Claim& claim, const std::vector<CaseEvent>& events, Decision* d) {
  std::set<std::string_view> ids;
  for (const CaseEvent& c : events) ids.insert(c.cite.event_id);
  for (const std::string& id : claim.evidence) {
    if (ids.count(id) == 0) d->missing.push_back(fmt::format("event '{}' is not in {}'s record", Printable(id, 120), Printable(claim.account, 120)));
  }
  if (d->terms.empty()) {
    d->missing.push_back(fmt::format("the record holds no contract terms{} for {} in the period",
                                     claim.contract.empty() ? "" : fmt::format(" of contract '{}'", Printable(claim.contract, 80)),
                                     Printable(claim.account, 120)));
  }
  if (!claim.terms_sha256.empty() && std::none_of(d->terms.begin(), d->terms.end(), [&](const AppliedTerms& t) {
        return t.terms_sha256 == claim.terms_sha256;
      })) {
    d->missing.push_back(fmt::format("the claim's terms {} are not the terms the record holds for the period",
                                     claim.terms_sha256.substr(0, 16)));
  }
}

void WriteStrings(const std::vector<std::string>& items, JsonOut* out) {
  out->BeginArray();
  for (const std::string& s : items) out->String(s);
  out->EndArray();
}

}  // namespace

const char* VerdictName(Verdict v) {
  switch (v) {
    case Verdict::kUpheld: return "upheld";
    case Verdict::kPartlyUpheld: return "partly upheld";
    case Verdict::kRejected: return "rejected";
    case Verdict::kInsufficientEvidence: return "insufficient evidence";
  }
  return "";
}

Status Decide(const Claim& claim, const std::vector<CaseEvent>& events, int64_t as_of, const ReferenceRates& rates,
              Decision* d) {
  *d = Decision();
  d->account = claim.account;
  d->period = claim.period;
  d->as_of_utc_micros = as_of;
  std::vector<ContractCheck> checks;
  NANNI_RETURN_IF_ERROR(EvaluateContracts(claim.account, events, claim.period, as_of, rates, &checks));
  // The checks' notes are left out: they may rest on events that are not the decision's
  // evidence, and a ruling must be recomputable from its evidence alone.
  std::erase_if(checks, [&](const ContractCheck& c) {
    return c.terms_sha256.empty() || (!claim.contract.empty() && c.contract != claim.contract);
  });
  std::set<std::string> currencies;
  for (const ContractCheck& c : checks) {
    d->terms.push_back(AppliedTerms{c.contract, c.contract_event, c.terms_sha256});
    d->currency = c.currency;
    currencies.insert(c.currency);
  }
  CheckClaimFacts(claim, events, d);
  if (currencies.size() > 1) {  // one amount cannot add euros to dollars
    d->missing.push_back(fmt::format("the terms in the period are in {}: a claim must name one contract, so that its "
                                     "amounts are in one currency", fmt::join(currencies, " and ")));
  }
  for (const ClaimAsk& ask : claim.asks) {
    AskDecision& a = d->asks.emplace_back();
    a.ask = ask;
    if (!d->missing.empty()) {
      a.verdict = Verdict::kInsufficientEvidence;
      continue;
    }
    DecideAsk(claim, checks, &a);
    if (ask.amount_minor) d->claimed_minor = SaturatingAdd(d->claimed_minor, *ask.amount_minor);
    d->awarded_minor = SaturatingAdd(d->awarded_minor, a.awarded_minor);
  }
  d->verdict = Overall(*d);
  return Status::OK();
}

std::vector<std::string> EvidenceIds(const Claim& claim, const Decision& d) {
  std::set<std::string> ids;
  for (const AppliedTerms& t : d.terms) ids.insert(t.contract_event);
  for (const AskDecision& a : d.asks) {
    for (const Finding& f : a.findings) ids.insert(f.events.begin(), f.events.end());
  }
  const bool complete = d.missing.empty();
  for (const std::string& id : claim.evidence) {
    if (complete) ids.insert(id);
  }
  return std::vector<std::string>(ids.begin(), ids.end());
}

void WriteFinding(const Finding& f, JsonOut* out) {
  out->BeginObject().Field("rule", f.rule).Field("month", f.month).Field("subject", f.subject);
  out->Field("in_breach", f.ours ? "ours" : "theirs").Key("breach").Bool(f.breach);
  out->Key("amount_minor").Int(f.amount_minor);
  out->Key("steps");
  WriteStrings(f.steps, out);
  out->Key("events");
  WriteStrings(f.events, out);
  out->EndObject();
}

void WriteDecision(const Decision& d, JsonOut* out) {
  out->BeginObject().Field("account", d.account).Field("currency", d.currency);
  out->Key("period").BeginObject();
  if (d.period.from_utc_micros != INT64_MIN) out->Field("from", PeriodBoundText(d.period.from_utc_micros, d.period.from_day));
  if (d.period.to_utc_micros != INT64_MAX) out->Field("to", PeriodBoundText(d.period.to_utc_micros, d.period.to_day));
  out->EndObject().Field("as_of", FormatUtc(d.as_of_utc_micros));
  out->Key("terms").BeginArray();
  for (const AppliedTerms& t : d.terms) {
    out->BeginObject().Field("contract", t.contract).Field("contract_event", t.contract_event).Field("terms_sha256", t.terms_sha256).EndObject();
  }
  out->EndArray().Field("verdict", VerdictName(d.verdict));
  out->Key("claimed_minor").Int(d.claimed_minor).Key("awarded_minor").Int(d.awarded_minor);
  out->Key("asks").BeginArray();
  for (const AskDecision& a : d.asks) {
    out->BeginObject().Field("rule", a.ask.rule).Field("subject", a.ask.subject);
    out->Key("claimed_minor");
    if (a.ask.amount_minor) {
      out->Int(*a.ask.amount_minor);
    } else {
      out->Null();
    }
    out->Key("computed_minor").Int(a.computed_minor).Key("awarded_minor").Int(a.awarded_minor);
    out->Field("verdict", VerdictName(a.verdict)).Key("missing");
    WriteStrings(a.missing, out);
    out->Key("findings").BeginArray();
    for (const Finding& f : a.findings) WriteFinding(f, out);
    out->EndArray().EndObject();
  }
  out->EndArray().Key("missing");
  WriteStrings(d.missing, out);
  out->Key("notes");
  WriteStrings(d.notes, out);
  out->EndObject();
}

}  // namespace nanni
