#include "engine/triage_builder.h"

#include <algorithm>
#include <optional>

#include "engine/account_pool.h"
#include "engine/economics_builder.h"
#include "engine/signals/signal_input.h"

namespace nanni {

namespace {

int64_t Median(std::vector<int64_t>* v) {
  if (v->empty()) return 0;
  std::nth_element(v->begin(), v->begin() + static_cast<ptrdiff_t>(v->size() / 2), v->end());
  return (*v)[v->size() / 2];
}

// How long we took to deliver what was due: for every kept outcome of a deadline or of a
// commitment of ours by the moment, the business time from when it was set to the outcome.
DeliveryNorms LearnNorms(const IndexSnapshot& index, const BusinessClock& clock, const ReportMoment& moment) {
  std::unordered_map<uint32_t, std::vector<int64_t>> by_what;
  std::vector<int64_t> all;
  for (const PromiseFact& outcome : index.promises()) {
    const Fact& f = index.fact(outcome.seq);
    if (!Is(f, EventKind::kCommitmentOutcome) || outcome.status != 1 || f.ref == 0) continue;
    if (!moment.Keeps(f.time_utc_micros, index.recorded(outcome.seq))) continue;
    const Fact& target = index.fact(f.ref);
    const uint32_t r = index.side_row(f.ref);
    if (r == IndexSnapshot::kNoRecord || target.account != f.account) continue;
    const PromiseFact& p = index.promises()[r];
    const bool ours = Is(target, EventKind::kCommitment) && p.owner == 1;
    if (!ours && !Is(target, EventKind::kDeadline)) continue;
    const int64_t took = clock.BusinessSeconds(target.time_utc_micros, f.time_utc_micros);
    all.push_back(took);
    if (p.what != 0) by_what[p.what].push_back(took);
  }
  DeliveryNorms norms;
  norms.count_all = all.size();
  norms.median_all = Median(&all);
  for (auto& [what, took] : by_what) {
    norms.count_by_what[what] = took.size();
    norms.median_by_what[what] = Median(&took);
  }
  return norms;
}

size_t Order(std::string_view signal) {
  return static_cast<size_t>(std::find(std::begin(kSignalIds), std::end(kSignalIds), signal) - std::begin(kSignalIds));
}

std::vector<Signal> Detect(const SignalInput& in) {
  std::vector<Signal> signals;
  DetectMoneySignals(in, &signals);
  DetectContactSignals(in, &signals);
  DetectLevelSignals(in, &signals);
  DetectPromiseSignals(in, &signals);
  DetectDemandSignals(in, &signals);
  DetectAdvocateSignals(in, &signals);
  DetectLetGo(in, &signals);
  std::stable_sort(signals.begin(), signals.end(),
                   [](const Signal& a, const Signal& b) { return Order(a.signal) < Order(b.signal); });
  return signals;
}

// The sum of the signals' weights, each scaled by how strong its evidence is.
double Urgency(const SignalSettings& settings, const std::vector<Signal>& signals) {
  double u = 0;
  for (const Signal& s : signals) u += settings.Get(s.signal, "weight") * (0.5 + 0.5 * s.score);
  return u;
}

}  // namespace

Status TriageBuilder::Build(const AccessScope& scope, const ReportMoment& moment, Triage* out) {
  *out = Triage();
  out->as_of = moment.as_of;
  out->currency = settings_.economics.currency;
  const DeliveryNorms norms = LearnNorms(index_, clock_, moment);
  const AccountGroups groups(index_);
  const std::vector<uint32_t> accounts = AllowedAccounts(index_, groups, scope);
  std::vector<std::optional<AccountTriage>> rows(accounts.size());
  ForEachAccount(accounts.size(), [&](size_t i, AccountScratch* scratch) {
    AccountView view(index_, moment, groups.events(accounts[i]), scratch);
    if (view.size() == 0) return;
    AccountTriage& t = rows[i].emplace();
    t.account = std::string(index_.str(accounts[i]));
    t.economics = AccountEconomicsOf(view, settings_.economics);
    t.economics.account = t.account;
    const SignalInput in{view, t.economics, norms, settings_.signals, clock_, settings_.economics.currency,
                         settings_.economics.window_days};
    t.signals = Detect(in);
    t.urgency = Urgency(settings_.signals, t.signals);
    t.moves = playbook_.MovesFor(t.account, t.signals);
  });
  for (auto& r : rows) {
    if (!r) continue;
    out->economics.rows.push_back(r->economics);
    out->accounts.push_back(std::move(*r));
  }
  out->economics.as_of = moment.as_of;
  out->economics.currency = settings_.economics.currency;
  out->economics.window_days = settings_.economics.window_days;
  SummarizeEconomics(settings_.economics, &out->economics);
  out->economics.rows.clear();
  std::stable_sort(out->accounts.begin(), out->accounts.end(),
                   [](const AccountTriage& a, const AccountTriage& b) { return a.urgency > b.urgency; });
  for (size_t i = 0; i < out->accounts.size(); ++i) out->accounts[i].rank = i + 1;
  return Status::OK();
}

}  // namespace nanni
