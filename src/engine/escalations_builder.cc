#include "engine/escalations_builder.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>

#include "engine/account_pool.h"
#include "engine/economics_builder.h"
#include "engine/settled_invoices.h"
#include "engine/signals/signal_input.h"

namespace nanni {

namespace {

struct Inference {
  std::string cause;
  std::vector<size_t> because;  // positions
  std::optional<size_t> incident_end;  // incident: where it ended, when it had not yet
};

// The root-cause rules of docs/escalations.md over one account's events, in their order.
class CauseRules {
 public:
  CauseRules(const AccountView& v, const TriageSettings& settings, const BusinessClock& clock)
      : v_(v), s_(settings), clock_(clock), invoices_(SettleInvoices(v)) {
    for (size_t i = 0; i < v.size(); ++i) {
      const Fact& f = v.fact(i);
      if (Is(f, EventKind::kRequest) && Theirs(f)) requests_.push_back(i);
      const PromiseFact* p = Is(f, EventKind::kCommitment) ? v.Promise(i) : nullptr;
      if (p != nullptr && p->owner == 1) commitments_.push_back(i);
      const uint32_t r = Is(f, EventKind::kIncident) ? v.index().side_row(v.seq(i)) : IndexSnapshot::kNoRecord;
      if (r == IndexSnapshot::kNoRecord) continue;
      const IncidentFact& x = v.index().incidents()[r];
      auto& span = incidents_[x.incident];
      if (x.start) {
        span.first = i;
      } else {
        span.second = i;
      }
    }
  }

  Inference Infer(size_t i) const {
    Inference out;
    if (Incident(i, &out) || BrokenPromise(i, &out) || Unanswered(i, &out) || Repeat(i, &out) || Billing(i, &out)) {
      return out;
    }
    out.cause = "other";
    return out;
  }

 private:
  int64_t Days(std::string_view key) const { return static_cast<int64_t>(s_.Escalation(key) * kMicrosPerDay); }

  // An incident under way when they escalated, or ended at most incident_days before.
  bool Incident(size_t i, Inference* out) const {
    const int64_t t = v_.time(i);
    for (const auto& [key, span] : incidents_) {
      const auto [start, end] = span;
      if (!start || v_.time(*start) > t) continue;
      const bool ended_before = end && v_.time(*end) <= t;
      if (ended_before && v_.time(*end) < t - Days("incident_days")) continue;
      out->cause = "incident";
      out->because.push_back(*start);
      if (end && ended_before) out->because.push_back(*end);
      if (end && !ended_before) out->incident_end = *end;
      return true;
    }
    return false;
  }

  // A commitment of ours due at most promise_days before, broken by then or still not kept.
  bool BrokenPromise(size_t i, Inference* out) const {
    const int64_t t = v_.time(i);
    for (size_t j : commitments_) {
      if (j >= i) break;
      const PromiseFact* p = v_.Promise(j);
      if (p->due_utc_micros > t || p->due_utc_micros < t - Days("promise_days")) continue;
      const uint32_t o = v_.LastOutcome(j);
      const bool settled = o != AccountView::kNone && v_.time(o) <= t;
      const PromiseFact* outcome = settled ? v_.Promise(o) : nullptr;
      if (settled && (outcome == nullptr || outcome->status != 2)) continue;
      out->cause = "broken_promise";
      out->because.push_back(j);
      if (settled) out->because.push_back(o);
      return true;
    }
    return false;
  }

  // A request of theirs made at most unanswered_days before, still unanswered after
  // unanswered_hours of business time.
  bool Unanswered(size_t i, Inference* out) const {
    const int64_t t = v_.time(i);
    const int64_t min_s = static_cast<int64_t>(s_.Escalation("unanswered_hours") * 3600);
    for (size_t j : requests_) {
      if (j >= i) break;
      const Fact& f = v_.fact(j);
      if (f.time_utc_micros < t - Days("unanswered_days")) continue;
      const uint32_t reply = v_.FirstReply(j);
      if (reply != AccountView::kNone && v_.time(reply) <= t) continue;
      if (clock_.BusinessSeconds(f.time_utc_micros, t) < min_s) continue;
      out->cause = "unanswered";
      out->because.push_back(j);
      return true;
    }
    return false;
  }

  // A request of theirs at most repeat_days before that follows up an earlier request of
  // theirs (it replies, through any chain, to it): the same thing asked again.
  bool Repeat(size_t i, Inference* out) const {
    const int64_t t = v_.time(i);
    for (size_t k = requests_.size(); k-- > 0;) {
      const size_t j = requests_[k];
      if (j >= i) continue;
      if (v_.time(j) < t - Days("repeat_days")) break;
      const std::optional<size_t> first = EarlierAsk(j);
      if (!first) continue;
      out->cause = "repeat_request";
      out->because = {*first, j};
      return true;
    }
    return false;
  }

  // An invoice of theirs overdue and not paid in full when they escalated.
  bool Billing(size_t i, Inference* out) const {
    const int64_t t = v_.time(i);
    for (const SettledInvoice& inv : invoices_) {
      const int64_t due = inv.money->due_utc_micros;
      if (due == 0 || inv.time > t || due > t - Days("billing_late_days")) continue;
      if (inv.paid_in_full && *inv.paid_in_full <= t) continue;
      out->cause = "billing";
      out->because.push_back(inv.position);
      return true;
    }
    return false;
  }

  std::optional<size_t> EarlierAsk(size_t j) const {
    uint32_t at = static_cast<uint32_t>(j);
    for (int step = 0; step < 16; ++step) {
      const Fact& f = v_.fact(at);
      const uint32_t next = v_.Position(f.reply_to);
      if (next == AccountView::kNone || next >= at) return std::nullopt;
      if (Is(v_.fact(next), EventKind::kRequest) && Theirs(v_.fact(next))) return next;
      at = next;
    }
    return std::nullopt;
  }

  const AccountView& v_;
  const TriageSettings& s_;
  const BusinessClock& clock_;
  std::vector<SettledInvoice> invoices_;
  std::vector<size_t> requests_, commitments_;  // theirs; ours (positions, in order)
  std::map<uint32_t, std::pair<std::optional<size_t>, std::optional<size_t>>> incidents_;
};

const char* BecauseNote(const std::string& cause) {
  if (cause == "incident") return "the incident it followed";
  if (cause == "broken_promise") return "the promise of ours it followed";
  if (cause == "unanswered") return "their request still unanswered";
  if (cause == "repeat_request") return "the same request asked again";
  if (cause == "billing") return "the invoice overdue";
  return "";
}

// Our events that answer an escalation (reply to it or refer to it): the first, and what
// our time on all of them cost.
struct Answers {
  std::optional<size_t> first;
  int64_t cost_minor = 0;
};

std::map<size_t, Answers> AnswersTo(const AccountView& v, const CostModel& costs) {
  std::map<size_t, Answers> out;
  for (size_t j = 0; j < v.size(); ++j) {
    const Fact& f = v.fact(j);
    if (!Ours(f)) continue;
    for (uint32_t seq : {f.reply_to, f.ref}) {
      const uint32_t to = v.Position(seq);
      if (to == AccountView::kNone || to >= j || !Is(v.fact(to), EventKind::kEscalation)) continue;
      Answers& a = out[to];
      if (!a.first) a.first = j;
      a.cost_minor += OurTimeCost(v, j, costs);
      break;
    }
  }
  return out;
}

// The escalation's fix (the incident's end for an incident still under way, else our first
// answer) and its cost (the flat cost of an escalation and our time answering it).
void Settle(const AccountView& v, size_t i, const Inference& why, const Answers& answers, const CostModel& costs,
            EscalationCase* c) {
  if (why.incident_end) {
    c->fix_s = (v.time(*why.incident_end) - v.time(i)) / 1'000'000;
  } else if (answers.first) {
    c->fix_s = (v.time(*answers.first) - v.time(i)) / 1'000'000;
  }
  c->cost_minor = costs.PerEvent("escalation") + answers.cost_minor;
}

std::vector<EscalationCase> AccountCases(const AccountView& v, const std::string& account,
                                         const TriageSettings& settings, const BusinessClock& clock) {
  std::vector<EscalationCase> cases;
  std::optional<CauseRules> rules;
  std::optional<std::map<size_t, Answers>> answers;
  for (size_t i = 0; i < v.size(); ++i) {
    const uint32_t r = Is(v.fact(i), EventKind::kEscalation) ? v.index().side_row(v.seq(i)) : IndexSnapshot::kNoRecord;
    if (r == IndexSnapshot::kNoRecord) continue;
    EscalationCase& c = cases.emplace_back();
    c.account = account;
    c.seq = v.seq(i);
    c.time = Timestamp{v.time(i), v.fact(i).offset_minutes};
    Inference why;
    const std::string_view recorded = v.index().str(v.index().escalations()[r].cause);
    if (!recorded.empty()) {
      why.cause = std::string(recorded);
      c.recorded = true;
    } else {
      if (!rules) rules.emplace(v, settings, clock);
      why = rules->Infer(i);
    }
    c.cause = why.cause;
    for (size_t at : why.because) c.because.push_back(EvidenceAt(v, at, BecauseNote(c.cause)));
    if (!answers) answers = AnswersTo(v, settings.economics);
    auto a = answers->find(i);
    Settle(v, i, why, a == answers->end() ? Answers() : a->second, settings.economics, &c);
  }
  return cases;
}

std::optional<int64_t> NearestRank(std::vector<int64_t>* values, double q) {
  if (values->empty()) return std::nullopt;
  std::sort(values->begin(), values->end());
  const size_t rank = static_cast<size_t>(std::max(1.0, std::ceil(q * static_cast<double>(values->size()))));
  return (*values)[std::min(rank, values->size()) - 1];
}

std::vector<EscalationCause> RankCauses(const std::vector<EscalationCase>& cases) {
  std::map<std::string, EscalationCause> by_cause;
  std::map<std::string, std::set<std::string>> accounts;
  std::map<std::string, std::vector<int64_t>> fixes;
  for (const EscalationCase& c : cases) {
    EscalationCause& k = by_cause[c.cause];
    k.cause = c.cause;
    ++k.count;
    k.cost_minor += c.cost_minor;
    accounts[c.cause].insert(c.account);
    if (c.fix_s) {
      fixes[c.cause].push_back(*c.fix_s);
    } else {
      ++k.open;
    }
  }
  std::vector<EscalationCause> out;
  for (auto& [cause, k] : by_cause) {
    k.accounts = accounts[cause].size();
    k.fix_median_s = NearestRank(&fixes[cause], 0.5);
    k.fix_p90_s = NearestRank(&fixes[cause], 0.9);
    out.push_back(std::move(k));
  }
  std::stable_sort(out.begin(), out.end(), [](const EscalationCause& a, const EscalationCause& b) {
    return a.count != b.count ? a.count > b.count : a.cost_minor > b.cost_minor;
  });
  return out;
}

}  // namespace

Status EscalationsBuilder::Build(const AccessScope& scope, const ReportMoment& moment, Escalations* out) {
  *out = Escalations();
  out->as_of = moment.as_of;
  out->currency = settings_.economics.currency;
  const AccountGroups groups(index_);
  const std::vector<uint32_t> accounts = AllowedAccounts(index_, groups, scope);
  std::vector<std::vector<EscalationCase>> per_account(accounts.size());
  ForEachAccount(accounts.size(), [&](size_t i, AccountScratch* scratch) {
    AccountView view(index_, moment, groups.events(accounts[i]), scratch);
    per_account[i] = AccountCases(view, std::string(index_.str(accounts[i])), settings_, clock_);
  });
  for (auto& cases : per_account) {
    for (EscalationCase& c : cases) out->cases.push_back(std::move(c));
  }
  out->causes = RankCauses(out->cases);
  return Status::OK();
}

}  // namespace nanni
