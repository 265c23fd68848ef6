#include "contract/contract_evaluator.h"

#include <fmt/format.h>

#include <algorithm>

#include "contract/late_payment.h"
#include "contract/money_math.h"
#include "contract/obligations.h"
#include "contract/response_targets.h"
#include "contract/rules.h"
#include "contract/uptime.h"
#include "util/printable.h"

namespace nanni {

namespace {

size_t RuleRank(std::string_view rule) {
  return static_cast<size_t>(std::find(std::begin(rules::kAll), std::end(rules::kAll), rule) - std::begin(rules::kAll));
}

Status CheckOne(const std::string& account, const std::vector<CaseEvent>& events, const RecordedTerms& recorded,
                BusinessClock clock, int64_t from, int64_t to, int64_t as_of, const ReferenceRates& rates,
                ContractCheck* out) {
  const Terms& terms = recorded.terms;
  clock.Cover(from, std::max(from, std::min(as_of, to == INT64_MAX ? as_of : to + 366 * kMicrosPerDay)));
  *out = ContractCheck();
  out->account = account;
  out->contract = terms.contract;
  out->contract_event = recorded.event_id;
  out->terms_sha256 = recorded.digest;
  out->currency = terms.currency;
  out->from_utc_micros = from;
  out->to_utc_micros = to;
  out->as_of_utc_micros = as_of;
  const ContractInput in{terms, events, from, to, as_of, clock};
  CheckResponseTargets(in, &out->findings);
  CheckUptime(in, &out->findings);
  CheckLatePayments(in, rates, &out->findings, &out->notes);
  CheckObligations(in, &out->findings);
  std::stable_sort(out->findings.begin(), out->findings.end(), [](const Finding& a, const Finding& b) {
    if (a.rule != b.rule) return RuleRank(a.rule) < RuleRank(b.rule);
    if (a.month != b.month) return a.month < b.month;
    return a.subject < b.subject;
  });
  for (Finding& f : out->findings) {
    std::sort(f.events.begin(), f.events.end());
    f.events.erase(std::unique(f.events.begin(), f.events.end()), f.events.end());
    if (!f.breach) continue;
    int64_t& total = f.ours ? out->owed_to_them_minor : out->owed_to_us_minor;
    total = SaturatingAdd(total, f.amount_minor);
  }
  return Status::OK();
}

}  // namespace

const std::vector<std::string>& ContractEventKinds() {
  static const std::vector<std::string> kinds = {"commitment", "commitment_outcome", "contract", "incident", "invoice",
                                                 "payment", "request", "response", "status_update"};
  return kinds;
}

void FindRecordedTerms(const std::vector<CaseEvent>& events, std::vector<RecordedTerms>* out,
                       std::vector<std::string>* notes) {
  out->clear();
  for (const CaseEvent& c : events) {
    const Event& e = c.event;
    const std::string* claimed = e.StringAttr("terms_sha256");
    if (e.kind != EventKind::kContract || claimed == nullptr) continue;
    RecordedTerms r;
    r.digest = TermsDigest(e.text);
    r.event_id = c.cite.event_id;
    if (r.digest != *claimed) {
      notes->push_back(fmt::format("contract event {}: its text does not hash to its terms_sha256; its terms are not used",
                                   Printable(r.event_id)));
      continue;
    }
    Status st = ParseTerms(e.text, fmt::format("the terms of {}", r.event_id), &r.terms);
    if (!st.ok()) {
      notes->push_back(fmt::format("{}; they are not used", st.message()));
      continue;
    }
    out->push_back(std::move(r));
  }
  std::stable_sort(out->begin(), out->end(), [](const RecordedTerms& a, const RecordedTerms& b) {
    return a.terms.starts.utc_micros < b.terms.starts.utc_micros;
  });
}

Status EvaluateContracts(const std::string& account, const std::vector<CaseEvent>& events, const ContractPeriod& period,
                         int64_t as_of, const ReferenceRates& rates, std::vector<ContractCheck>* out) {
  out->clear();
  std::vector<RecordedTerms> recorded;
  std::vector<std::string> notes;
  FindRecordedTerms(events, &recorded, &notes);
  for (size_t i = 0; i < recorded.size(); ++i) {
    const Terms& t = recorded[i].terms;
    int64_t end = t.ends ? t.ends->utc_micros : INT64_MAX;
    if (i + 1 < recorded.size()) end = std::min(end, recorded[i + 1].terms.starts.utc_micros);
    BusinessClock clock;
    NANNI_RETURN_IF_ERROR(BusinessClock::Create(t.hours, &clock));
    const auto [asked_from, asked_to] = PeriodIn(period, clock);
    const int64_t from = std::max(asked_from, t.starts.utc_micros);
    const int64_t to = std::min({asked_to, end, as_of});
    if (from >= to) continue;
    NANNI_RETURN_IF_ERROR(CheckOne(account, events, recorded[i], std::move(clock), from, to, as_of, rates,
                                   &out->emplace_back()));
  }
  if (!notes.empty()) {
    if (out->empty()) out->emplace_back().account = account;
    out->front().notes.insert(out->front().notes.begin(), notes.begin(), notes.end());
  }
  return Status::OK();
}

}  // namespace nanni
