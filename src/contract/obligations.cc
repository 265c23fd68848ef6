#include "contract/obligations.h"

#include <fmt/format.h>

#include "contract/money_math.h"
#include "contract/rules.h"

namespace nanni {

namespace {

// What the record says of one obligation: its last outcome and any force majeure declared.
struct Delivery {
  const CaseEvent* commitment = nullptr;
  const CaseEvent* outcome = nullptr;        // the last, as of the moment
  const CaseEvent* force_majeure = nullptr;  // the first declaration
};

Delivery Find(const ContractInput& in, const std::string& id) {
  Delivery d;
  for (const CaseEvent& c : in.events) {
    const Event& e = c.event;
    if (e.time.utc_micros > in.as_of_utc_micros) continue;
    if (e.kind == EventKind::kCommitment && e.id == id) d.commitment = &c;
    const std::string* commitment = e.StringAttr("commitment");
    if (e.kind == EventKind::kCommitmentOutcome && commitment && *commitment == id) d.outcome = &c;
    const std::string* refers = e.StringAttr("refers_to");
    if (e.kind == EventKind::kStatusUpdate && refers && *refers == id && e.StringAttr("force_majeure") && !d.force_majeure) {
      d.force_majeure = &c;
    }
  }
  return d;
}

void Check(const ContractInput& in, const Obligation& o, std::vector<Finding>* out) {
  Finding f;
  f.rule = std::string(rules::kLateDelivery);
  f.month = MonthLabel(in.clock, o.due.utc_micros);
  f.subject = o.id;
  f.ours = o.owner == "ours";
  f.steps.push_back(fmt::format("{} ({}) is due {} from {}", o.id, o.what, FormatUtc(o.due.utc_micros),
                                f.ours ? "us" : "them"));
  const Delivery d = Find(in, ObligationEventId(in.terms, o));
  for (const CaseEvent* c : {d.commitment, d.outcome, d.force_majeure}) {
    if (c != nullptr) f.events.push_back(StoredId(*c));
  }
  const std::string* status = d.outcome ? d.outcome->event.StringAttr("status") : nullptr;
  if (status && *status == "withdrawn") {
    f.steps.push_back(fmt::format("withdrawn on {}: no penalty", FormatUtc(d.outcome->event.time.utc_micros)));
    out->push_back(std::move(f));
    return;
  }
  const bool delivered = status && *status == "kept";
  const int64_t end = delivered ? d.outcome->event.time.utc_micros : in.as_of_utc_micros;
  f.steps.push_back(delivered ? fmt::format("delivered {}", FormatUtc(end))
                              : fmt::format("not delivered by {}", FormatUtc(end)));
  const int64_t delay_s = (end - o.due.utc_micros) / kMicrosPerSecond;
  if (delay_s <= 0) {
    f.steps.push_back("on time: no penalty");
    out->push_back(std::move(f));
    return;
  }
  f.breach = true;
  if (d.force_majeure && o.force_majeure && d.force_majeure->event.time.utc_micros <= end) {
    f.steps.push_back(fmt::format("late by {}, but force majeure was declared {} ({}): excused", ExactDuration(delay_s),
                                  FormatUtc(d.force_majeure->event.time.utc_micros), StoredId(*d.force_majeure)));
    f.breach = false;
    out->push_back(std::move(f));
    return;
  }
  int64_t penalty = 0;
  if (o.whole_periods) {
    const int64_t periods = (delay_s + o.period_s - 1) / o.period_s;
    penalty = MulMulDivRound(o.value_minor, o.penalty, periods, kWhole);
    f.steps.push_back(fmt::format("late by {}: {} started period(s) of {} x {} % of {} = {}", ExactDuration(delay_s), periods,
                                  ExactDuration(o.period_s), PercentText(o.penalty), o.value_minor, penalty));
  } else {
    penalty = MulMulDivRound(o.value_minor, o.penalty, delay_s, o.period_s * kWhole);
    f.steps.push_back(fmt::format("late by {}: {} s / {} s x {} % of {} = {}", ExactDuration(delay_s), delay_s, o.period_s,
                                  PercentText(o.penalty), o.value_minor, penalty));
  }
  if (o.cap > 0) {
    const int64_t cap = MulDivRound(o.value_minor, o.cap, kWhole);
    if (penalty > cap) f.steps.push_back(fmt::format("capped at {} % of {}: {}", PercentText(o.cap), o.value_minor, cap));
    penalty = std::min(penalty, cap);
  }
  f.amount_minor = penalty;
  out->push_back(std::move(f));
}

}  // namespace

void CheckObligations(const ContractInput& in, std::vector<Finding>* out) {
  for (const Obligation& o : in.terms.obligations) {
    if (o.due.utc_micros >= in.from_utc_micros && o.due.utc_micros < in.to_utc_micros) Check(in, o, out);
  }
}

}  // namespace nanni
