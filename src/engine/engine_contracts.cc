// Engine's contract and dispute reads (engine/engine.h, "Contracts and disputes"): the
// account's events through the one moment layer (casefile/case_input.h), the rules in
// contract/, the decisions and proofs in dispute/.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "engine/account_pool.h"
#include "engine/engine.h"
#include "ledger/event_proof.h"
#include "util/printable.h"

namespace nanni {

namespace {

int64_t AsOf(const ReportMoment& moment) {
  return moment.as_of.utc_micros == INT64_MAX ? NowMicros() : moment.as_of.utc_micros;
}

ReportMoment Fixed(const ReportMoment& moment) {
  ReportMoment fixed = moment;
  fixed.as_of = Timestamp{AsOf(moment), 0};
  return fixed;
}

}  // namespace

Status Engine::ContractCheck(const AccessScope& scope, const std::string& account, const ReportMoment& moment,
                             const ContractPeriod& period, std::vector<nanni::ContractCheck>* out) {
  const ReportMoment at = Fixed(moment);
  std::vector<CaseEvent> events;
  Status st = LoadCaseEvents(store_.get(), scope, account, at, ContractEventKinds(), &events);
  if (st.code() == Status::Code::kNotFound) return CheckAccount(scope, account);
  NANNI_RETURN_IF_ERROR(st);
  return EvaluateContracts(account, events, period, at.as_of.utc_micros, ReferenceRates::Embedded(), out);
}

Status Engine::ContractCheckAll(const AccessScope& scope, const ReportMoment& moment, const ContractPeriod& period,
                                bool with_met, std::vector<nanni::ContractCheck>* out) {
  out->clear();
  std::shared_ptr<const IndexSnapshot> index;
  NANNI_RETURN_IF_ERROR(Snapshot(kIndexContracts, &index));
  // The accounts with a contract event that carries terms: only their records are read whole.
  std::set<std::string> accounts;
  for (const ContractFact& c : index->contracts()) {
    const std::string account(index->str(index->fact(c.seq).account));
    if (accounts.count(account) > 0 || !scope.Check(account).ok()) continue;
    bool terms = false;
    NANNI_RETURN_IF_ERROR(store_->Get(scope, c.seq, [&](const LedgerEntry& e) {
      terms = e.body.find("\"terms_sha256\":") != std::string_view::npos;
      return Status::OK();
    }));
    if (terms) accounts.insert(account);
  }
  const std::vector<std::string> names(accounts.begin(), accounts.end());
  std::vector<std::vector<nanni::ContractCheck>> per_account(names.size());
  std::vector<Status> failures(names.size());
  ForEachAccount(names.size(), [&](size_t i, AccountScratch*) {
    failures[i] = ContractCheck(scope, names[i], moment, period, &per_account[i]);
    if (with_met) return;
    for (nanni::ContractCheck& c : per_account[i]) std::erase_if(c.findings, [](const Finding& f) { return !f.breach; });
  });
  for (size_t i = 0; i < names.size(); ++i) {
    NANNI_RETURN_IF_ERROR(failures[i]);
    for (nanni::ContractCheck& c : per_account[i]) out->push_back(std::move(c));
  }
  return Status::OK();
}

Status Engine::RuleClaim(const AccessScope& scope, const Claim& claim, const ReportMoment& moment,
                         const CheckpointSource& checkpoint, Ruling* out) {
  *out = Ruling();
  out->claim = claim;
  const ReportMoment at = Fixed(moment);
  std::vector<CaseEvent> events;
  Status st = LoadCaseEvents(store_.get(), scope, claim.account, at, ContractEventKinds(), &events);
  if (st.code() == Status::Code::kNotFound) return CheckAccount(scope, claim.account);
  NANNI_RETURN_IF_ERROR(st);
  NANNI_RETURN_IF_ERROR(Decide(claim, events, at.as_of.utc_micros, ReferenceRates::Embedded(), &out->decision));
  // The stored events the decision cites, and those they correct (so that the check, which
  // applies the corrections again, reads the same record).
  std::map<std::string_view, const CaseEvent*> by_id;  // by stored id
  for (const CaseEvent& c : events) by_id.emplace(c.cite.event_id, &c);
  std::set<std::string> ids;
  uint64_t max_seq = 1;
  for (const std::string& id : EvidenceIds(claim, out->decision)) {
    ids.insert(id);
    auto it = by_id.find(id);
    if (it == by_id.end()) continue;
    max_seq = std::max(max_seq, it->second->cite.seq);
    if (it->second->event.id != id) ids.insert(it->second->event.id);  // what it corrects, stored before it
  }
  NANNI_RETURN_IF_ERROR(checkpoint(max_seq, &out->checkpoint));
  for (const std::string& id : ids) {
    EvidenceItem& item = out->evidence.emplace_back();
    item.id = id;
    NANNI_RETURN_IF_ERROR(ProveEvent(store_.get(), scope, id, out->checkpoint, &item.proof));
  }
  return Status::OK();
}

}  // namespace nanni
