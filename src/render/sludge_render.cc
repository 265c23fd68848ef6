#include "render/sludge_render.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "render/wording.h"
#include "util/printable.h"

namespace nanni {

namespace {

constexpr int kDecimals = 6;  // every number of the JSON that is not whole

// How unlikely, from log10 of the p-value: "p < 1e-300", "p = 3.2e-9", "p = 0.012".
std::string PValueText(double log10_p) {
  if (std::isnan(log10_p)) return "p not measured";
  if (log10_p <= -300) return "p < 1e-300";
  if (log10_p > -3) return fmt::format("p = {:.3f}", std::pow(10.0, log10_p));
  int exponent = static_cast<int>(std::floor(log10_p));
  double mantissa = std::pow(10.0, log10_p - exponent);
  if (mantissa >= 9.95) {  // would print as "10.0e-9"
    mantissa = 1;
    ++exponent;
  }
  return fmt::format("p = {:.1f}e{}", mantissa, exponent);
}

std::string RatioText(double ratio) {
  return ratio >= 10 ? fmt::format("{:.0f}x", ratio) : fmt::format("{:.1f}x", ratio);
}

std::string FlagName(const CutShortFlag& f) { return f.queue.empty() ? f.agent : "queue " + f.queue; }

std::string ShortCallsPart(const CutShortFlag& f, const ShortCallsEvidence& e) {
  return fmt::format("{} of {} services under {} s, against {} for {} ({}; binomial {})", ShareText(e.share),
                     CountText(e.served), e.short_s, ShareText(e.reference_share),
                     f.queue.empty() ? "the median agent" : "the median of the others", RatioText(e.ratio),
                     PValueText(e.log10_p));
}

std::string BunchingPart(const BunchingEvidence& e) {
  int64_t t = e.threshold_s;
  return fmt::format(
      "service times bunch below {} s: {:.0f} calls in [{} s, {} s) against {:.0f} expected ({:+.0f}%), {:.0f} in "
      "[{} s, {} s) against {:.0f} expected; the excess calls' 95% bootstrap interval is {:.0f} to {:.0f} (z = {:.1f}); "
      "counterfactual: a polynomial of order {} over [{} s, {} s) in {} s bins, {} services; {} of the bunched "
      "calls were dropped",
      t, e.observed_below, t - e.window_below_s, t, e.expected_below, e.excess * 100, e.observed_above, t,
      t + e.window_above_s, e.expected_above, e.ci_low, e.ci_high, e.z, e.order, e.fit_from_s, e.fit_to_s, e.bin_s,
      CountText(e.served), CountText(e.dropped_in_bunch));
}

std::string CallbacksPart(const CutShortFlag& f) {
  const CallbackCheck& c = f.callbacks;
  if (c.these.calls == 0) return "no caller of those calls is identified, so callbacks cannot be compared";
  return fmt::format("their customers called back within 24 h after {} of those calls ({} identified), {} after {} "
                     "other calls, {} for other {}; callbacks {} the pattern",
                     ShareText(c.these.share_24h), CountText(c.these.calls), ShareText(c.agent_other.share_24h),
                     f.queue.empty() ? "the agent's" : "the queue's", ShareText(c.other_agents.share_24h),
                     f.queue.empty() ? "agents" : "queues",
                     c.confirmed ? "confirm" : "do not confirm");
}

// ---- JSON ----

void OptInt(const std::optional<int64_t>& v, JsonOut* json) { v ? json->Int(*v) : json->Null(); }
void OptReal(const std::optional<double>& v, JsonOut* json) { v ? json->Fixed(*v, kDecimals) : json->Null(); }
JsonOut& Real(JsonOut* json, double v) { return json->Fixed(v, kDecimals); }

void CallStatsJson(const CallStats& c, JsonOut* json) {
  json->BeginObject().Field("calls", c.calls).Field("answered", c.answered).Field("abandoned", c.abandoned);
  json->Field("dropped", c.dropped).Field("transferred", c.transferred).Key("service_level_20");
  OptReal(c.service_level_20, json);
  json->Key("service_level_60");
  OptReal(c.service_level_60, json);
  json->Key("abandon_rate");
  OptReal(c.abandon_rate, json);
  json->Key("asa_s");
  OptReal(c.asa_s, json);
  json->Key("median_wait_s");
  OptInt(c.median_wait_s, json);
  json->Key("p90_wait_s");
  OptInt(c.p90_wait_s, json);
  json->Field("wait_s", c.wait_s).EndObject();
}

void PatienceJson(const Patience& p, JsonOut* json) {
  json->BeginObject().Field("calls", p.calls).Field("hung_up", p.hung_up).Key("curve").BeginArray();
  for (const PatiencePoint& c : p.curve) {
    json->BeginObject().Field("wait_s", c.wait_s).Field("at_risk", c.at_risk).Field("hung_up", c.hung_up);
    Real(&json->Key("survival"), c.survival).EndObject();
  }
  json->EndArray().Key("hazard").BeginArray();
  for (const HazardBin& h : p.hazard) {
    json->BeginObject().Field("from_s", h.from_s).Field("to_s", h.to_s).Field("hung_up", h.hung_up);
    Real(&json->Key("at_risk_minutes"), h.at_risk_minutes);
    Real(&json->Key("per_minute"), h.per_minute).EndObject();
  }
  json->EndArray().Key("median_s");
  OptInt(p.median_s, json);
  json->EndObject();
}

void CallbackRateJson(const CallbackRate& c, JsonOut* json) {
  json->BeginObject().Field("calls", c.calls).Field("within_24h", c.within_24h).Field("within_7d", c.within_7d);
  json->Key("share_24h");
  OptReal(c.share_24h, json);
  json->EndObject();
}

void AgentJson(const AgentCalls& a, JsonOut* json) {
  json->BeginObject().Field("agent", a.agent).Field("served", a.served).Field("dropped", a.dropped);
  json->Field("transferred", a.transferred).Field("p10_s", a.p10_s).Field("p25_s", a.p25_s);
  json->Field("median_s", a.median_s).Field("p75_s", a.p75_s).Field("p90_s", a.p90_s);
  Real(&json->Key("mean_s"), a.mean_s).Field("short_calls", a.short_calls).Key("callbacks");
  CallbackRateJson(a.callbacks, json);
  json->EndObject();
}

void RepeatsJson(const Repeats& r, JsonOut* json) {
  json->BeginObject().Field("customers", r.customers).Field("calls", r.calls).Field("within_24h", r.within_24h);
  json->Field("within_7d", r.within_7d).Field("customers_24h", r.customers_24h);
  json->Field("customers_7d", r.customers_7d).EndObject();
}

void CountsJson(const std::vector<uint64_t>& counts, JsonOut* json) {
  json->BeginArray();
  for (uint64_t n : counts) json->Int(static_cast<int64_t>(n));
  json->EndArray();
}

void ShortCallsJson(const std::optional<ShortCallsEvidence>& e, JsonOut* json) {
  if (!e) {
    json->Null();
    return;
  }
  json->BeginObject().Field("served", e->served).Field("short_calls", e->short_calls).Field("short_s", e->short_s);
  Real(&json->Key("share"), e->share);
  Real(&json->Key("reference_share"), e->reference_share);
  Real(&json->Key("ratio"), e->ratio);
  Real(&json->Key("log10_p"), e->log10_p).EndObject();
}

void BunchingJson(const BunchingEvidence& e, JsonOut* json) {
  json->BeginObject().Field("threshold_s", e.threshold_s).Field("bin_s", e.bin_s);
  json->Field("window_below_s", e.window_below_s).Field("window_above_s", e.window_above_s);
  json->Field("fit_from_s", e.fit_from_s).Field("fit_to_s", e.fit_to_s).Field("order", e.order);
  json->Field("served", e.served);
  Real(&json->Key("observed_below"), e.observed_below);
  Real(&json->Key("expected_below"), e.expected_below);
  Real(&json->Key("observed_above"), e.observed_above);
  Real(&json->Key("expected_above"), e.expected_above);
  Real(&json->Key("excess"), e.excess);
  Real(&json->Key("ci_low"), e.ci_low);
  Real(&json->Key("ci_high"), e.ci_high);
  Real(&json->Key("z"), e.z).Field("dropped_in_bunch", e.dropped_in_bunch).EndObject();
}

void FlagJson(const CutShortFlag& f, JsonOut* json) {
  json->BeginObject().Field("agent", f.agent).Field("pattern", f.pattern).Field("queue", f.queue);
  json->Key("short_calls");
  ShortCallsJson(f.short_calls, json);
  json->Key("bunching");
  f.bunching ? BunchingJson(*f.bunching, json) : void(json->Null());
  json->Key("callbacks").BeginObject().Key("these");
  CallbackRateJson(f.callbacks.these, json);
  json->Key("agent_other");
  CallbackRateJson(f.callbacks.agent_other, json);
  json->Key("other_agents");
  CallbackRateJson(f.callbacks.other_agents, json);
  json->Field("confirmed", f.callbacks.confirmed).EndObject();
  json->Field("suspect_calls", f.suspect_calls).Key("by_flagged_agents");
  OptReal(f.by_flagged_agents, json);
  json->EndObject();
}

void ScanJson(const ThresholdScan& t, JsonOut* json) {
  json->BeginObject().Field("agent", t.agent).Field("queue", t.queue).Key("best");
  BunchingJson(t.best, json);
  json->Field("flagged", t.flagged).EndObject();
}

void WrittenJson(const WrittenStats& w, JsonOut* json) {
  json->BeginObject().Field("requests", w.requests).Field("handed_off", w.handed_off);
  Real(&json->Key("handlers_mean"), w.handlers_mean).Field("reopened", w.reopened).Field("chased", w.chased);
  json->Field("bounced", w.bounced).Field("waiting_on_us_s", w.waiting_on_us_s);
  json->Field("waiting_on_them_s", w.waiting_on_them_s).Key("first_reply_median_s");
  OptInt(w.first_reply_median_s, json);
  json->EndObject();
}

void PromiseStatsJson(const PromiseStats& p, JsonOut* json) {
  json->BeginObject().Field("who", p.who).Field("promised", p.promised).Field("kept_on_time", p.kept_on_time);
  json->Field("kept_late", p.kept_late).Field("broken", p.broken).Field("withdrawn", p.withdrawn);
  json->Field("overdue", p.overdue).Field("open", p.open);
  json->Field("missed", p.missed).Field("missed_warned", p.missed_warned).Key("late_median_s");
  OptInt(p.late_median_s, json);
  json->Field("late_s", p.late_s);
  json->EndObject();
}

void PromiseCaseJson(const PromiseCase& c, JsonOut* json) {
  json->BeginObject().Field("account", c.account).Field("promiser", c.promiser).Field("seq", c.seq);
  json->Field("id", c.id).Key("due").Time(c.due).Key("settled").OptTime(c.settled);
  json->Field("status", c.status).Field("warned", c.warned).EndObject();
}

void JourneyJson(const Journey& j, JsonOut* json) {
  json->BeginObject().Field("account", j.account).Field("customer", j.customer).Field("contacts", j.contacts);
  json->Field("repeat_calls", j.repeat_calls).Field("abandoned", j.abandoned).Field("chased", j.chased);
  json->Field("wait_s", j.wait_s).Field("cost_s", j.cost_s).EndObject();
}

void FindingJson(const SludgeFinding& f, JsonOut* json) {
  json->BeginObject().Field("where", f.where).Field("who", f.who).Field("what", f.what);
  json->Field("cost_s", f.cost_s).Field("repeat_contacts", f.repeat_contacts).EndObject();
}

template <typename T, typename F>
void ArrayJson(const char* key, const std::vector<T>& items, F write, JsonOut* json) {
  json->Key(std::string_view(key)).BeginArray();
  for (const T& item : items) write(item, json);
  json->EndArray();
}

void PlacesJson(const Sludge& s, JsonOut* json) {
  ArrayJson("hours", s.hours, [](const HourCalls& h, JsonOut* j) {
    j->BeginObject().Field("hour", h.hour).Key("stats");
    CallStatsJson(h.stats, j);
    j->EndObject();
  }, json);
  ArrayJson("queues", s.queues, [](const QueueCalls& q, JsonOut* j) {
    j->BeginObject().Field("queue", q.queue).Key("stats");
    CallStatsJson(q.stats, j);
    j->Field("repeat_7d", q.repeat_7d).EndObject();
  }, json);
}

void CutShortJson(const Sludge& s, JsonOut* json) {
  json->Key("handle_histogram");
  CountsJson(s.handle_histogram, json);
  json->Field("histogram_bin_s", s.histogram_bin_s).Key("wait_histogram");
  CountsJson(s.wait_histogram, json);
  ArrayJson("flagged_agents", s.flagged, FlagJson, json);
  ArrayJson("scanned", s.scanned, ScanJson, json);
  ArrayJson("flagged_queues", s.flagged_queues, FlagJson, json);
  ArrayJson("scanned_queues", s.scanned_queues, ScanJson, json);
}

// ---- text ----

std::string More(size_t total, size_t shown) {
  return shown < total ? fmt::format("  ... and {} more (--limit 0 shows all)\n", total - shown) : "";
}

size_t Shown(size_t total, size_t limit) { return limit == 0 ? total : std::min(total, limit); }

std::string Headline(const Sludge& s) {
  const CallStats& c = s.calls;
  std::string out = fmt::format("Sludge audit as of {}\n", FormatRfc3339(s.as_of));
  if (c.calls == 0) return out + "Calls: none in the record.\n";
  out += fmt::format("Calls: {}; answered {}, abandoned {} ({} of those answered or abandoned), dropped {}, "
                     "transferred {}.\n", CountText(c.calls), CountText(c.answered), CountText(c.abandoned),
                     ShareText(c.abandon_rate), CountText(c.dropped), CountText(c.transferred));
  out += fmt::format("Service level: {} answered within 20 s, {} within 60 s; average speed of answer {}; median "
                     "wait {}, 90th percentile {}; customers' time in queues {}.\n", ShareText(c.service_level_20),
                     ShareText(c.service_level_60), SecondsText(c.asa_s), SecondsText(c.median_wait_s),
                     SecondsText(c.p90_wait_s), DurationText(c.wait_s));
  const Patience& p = s.patience;
  std::string median = p.median_s ? SecondsText(*p.median_s) : "not reached (the survival stays above 50%)";
  out += fmt::format("Median patience: {} ({} waiting calls, {} hung up).\n", p.calls == 0 ? "-" : median,
                     CountText(p.calls), CountText(p.hung_up));
  return out;
}

std::string FindingsText(const std::vector<SludgeFinding>& findings, size_t limit) {
  std::string out = fmt::format("\nFindings, by customers' time ({}):\n", findings.size());
  if (findings.empty()) out += "  none\n";
  size_t shown = Shown(findings.size(), limit);
  for (size_t i = 0; i < shown; ++i) {
    const SludgeFinding& f = findings[i];
    std::string where = f.who.empty() ? f.where : f.where + " " + f.who;
    out += fmt::format("{:>4}. [{}] {}\n      customers' time {}, {}\n", i + 1, Printable(where, 60),
                       Printable(f.what, 400), DurationText(f.cost_s), CountOf(f.repeat_contacts, "repeat contact"));
  }
  return out + More(findings.size(), shown);
}

std::string FlagsText(const Sludge& s) {
  std::string out = fmt::format("\nCalls cut short: {} flagged on strong evidence (agents scanned for a "
                                "handle-time threshold: {})\n", s.flagged.size(), s.scanned.size());
  if (s.flagged.empty()) out += "  No agent or queue shows either pattern on strong evidence.\n";
  for (const CutShortFlag& f : s.flagged) {
    std::string line = FlagEvidenceText(f);
    out += fmt::format("  [{}] {}\n", Printable(f.pattern, 40), Printable(line, line.size() + 1));
  }
  out += fmt::format("Queues as a whole: {} flagged ({} scanned)\n", s.flagged_queues.size(), s.scanned_queues.size());
  for (const CutShortFlag& f : s.flagged_queues) {
    std::string line = FlagEvidenceText(f);
    if (f.by_flagged_agents) line += fmt::format("; the agents flagged for it served {} of these calls", ShareText(f.by_flagged_agents));
    out += fmt::format("  [{}] {}\n", Printable(f.pattern, 40), Printable(line, line.size() + 1));
  }
  return out;
}

std::string QueuesText(const std::vector<QueueCalls>& queues) {
  if (queues.empty()) return "\nQueues: none in the record.\n";
  std::string out = fmt::format("\nQueues, by customers' time waiting:\n  {:<20} {:>8} {:>8} {:>9} {:>7} {:>7} "
                                "{:>8} {:>8} {:>9} {:>16}\n", "queue", "calls", "answered", "abandoned", "SL 20s",
                                "ASA", "median", "p90", "repeat 7d", "time in queue");
  for (const QueueCalls& q : queues) {
    const CallStats& c = q.stats;
    out += fmt::format("  {:<20} {:>8} {:>8} {:>9} {:>7} {:>7} {:>8} {:>8} {:>9} {:>16}\n",
                       q.queue.empty() ? "(none named)" : Printable(q.queue, 20), CountText(c.calls),
                       CountText(c.answered), CountText(c.abandoned), ShareText(c.service_level_20),
                       SecondsText(c.asa_s), SecondsText(c.median_wait_s), SecondsText(c.p90_wait_s),
                       CountText(q.repeat_7d), DurationText(c.wait_s));
  }
  return out;
}

std::string AgentsText(const std::vector<AgentCalls>& agents, size_t limit) {
  if (agents.empty()) return "\nAgents: none in the record.\n";
  std::string out = fmt::format("\nAgents, by calls served (service times in seconds):\n  {:<20} {:>7} {:>7} {:>7} "
                                "{:>5} {:>5} {:>6} {:>5} {:>5} {:>6} {:>6} {:>12}\n", "agent", "served", "dropped",
                                "transf", "p10", "p25", "median", "p75", "p90", "mean", "short", "callback 24h");
  size_t shown = Shown(agents.size(), limit);
  for (size_t i = 0; i < shown; ++i) {
    const AgentCalls& a = agents[i];
    out += fmt::format("  {:<20} {:>7} {:>7} {:>7} {:>5} {:>5} {:>6} {:>5} {:>5} {:>6.0f} {:>6} {:>12}\n",
                       Printable(a.agent, 20), CountText(a.served), CountText(a.dropped), CountText(a.transferred),
                       a.p10_s, a.p25_s, a.median_s, a.p75_s, a.p90_s, a.mean_s, CountText(a.short_calls),
                       ShareText(a.callbacks.share_24h));
  }
  return out + More(agents.size(), shown);
}

std::string RepeatsText(const Repeats& r) { return "\nRepeat calls: " + RepeatsSentence(r) + "\n"; }

std::string WrittenText(const WrittenStats& w) {
  if (w.requests == 0) return "\nWritten requests: none in the record.\n";
  return fmt::format("\nWritten requests: {}; {} handed off between our people ({:.1f} of our people per answered "
                     "request), {} reopened, {} chased before we answered, {} bounced back to an earlier handler; "
                     "waiting on us {}, waiting on them {}; median first reply {}.\n", CountText(w.requests),
                     CountText(w.handed_off), w.handlers_mean, CountText(w.reopened), CountText(w.chased),
                     CountText(w.bounced), DurationText(w.waiting_on_us_s), DurationText(w.waiting_on_them_s),
                     w.first_reply_median_s ? DurationText(*w.first_reply_median_s) : "-");
}

std::string PromiseRow(const PromiseStats& p) {
  return fmt::format("  {:<28} {:>8} {:>7} {:>5} {:>6} {:>7} {:>5} {:>6} {:>11} {:>16}\n", Printable(p.who, 28),
                     CountText(p.promised), CountText(p.kept_on_time), CountText(p.kept_late), CountText(p.broken),
                     CountText(p.overdue), CountText(p.open), CountText(p.missed), CountText(p.missed_warned),
                     p.late_median_s ? DurationText(*p.late_median_s) : "-");
}

std::string PromiseTable(const char* title, const std::vector<PromiseStats>& rows, size_t limit) {
  if (rows.empty()) return "";
  std::string out = fmt::format("  {}, most missed first:\n", title);
  out += fmt::format("  {:<28} {:>8} {:>7} {:>5} {:>6} {:>7} {:>5} {:>6} {:>11} {:>16}\n", "", "promised", "on time",
                     "late", "broken", "overdue", "open", "missed", "warned", "late median");
  size_t shown = Shown(rows.size(), limit);
  for (size_t i = 0; i < shown; ++i) out += PromiseRow(rows[i]);
  return out + More(rows.size(), shown);
}

std::string PromisesText(const Sludge& s, size_t limit) {
  const PromiseStats& p = s.promises;
  if (p.promised == 0) return "\nOur promises: none in the record.\n";
  std::string out = fmt::format("\nOur promises: {}; kept on time {}, kept late {}, broken {}, overdue {}, open {}. "
                                "Of the {} missed, {} had an update from us before the date and {} did not; median "
                                "time past the date of the settled ones {}.\n", CountText(p.promised),
                                CountText(p.kept_on_time), CountText(p.kept_late), CountText(p.broken),
                                CountText(p.overdue), CountText(p.open), CountText(p.missed), CountText(p.missed_warned),
                                CountText(p.missed - std::min(p.missed, p.missed_warned)),
                                p.late_median_s ? DurationText(*p.late_median_s) : "-");
  return out + PromiseTable("By team (our people's level)", s.promises_by_team, limit) +
         PromiseTable("By person", s.promises_by_person, limit) +
         PromiseTable("By account", s.promises_by_account, limit);
}

std::string JourneysText(const std::vector<Journey>& journeys, size_t limit) {
  if (journeys.empty()) return "\nJourneys: none in the record.\n";
  std::string out = fmt::format("\nThe journeys that cost customers most:\n  {:<24} {:<24} {:>8} {:>7} {:>9} {:>6} "
                                "{:>16} {:>16}\n", "account", "customer", "contacts", "repeat", "abandoned", "chased",
                                "waiting", "cost");
  size_t shown = Shown(journeys.size(), limit);
  for (size_t i = 0; i < shown; ++i) {
    const Journey& j = journeys[i];
    out += fmt::format("  {:<24} {:<24} {:>8} {:>7} {:>9} {:>6} {:>16} {:>16}\n", Printable(j.account, 24),
                       j.customer.empty() ? "(unidentified)" : Printable(j.customer, 24), CountText(j.contacts),
                       CountText(j.repeat_calls), CountText(j.abandoned), CountText(j.chased), DurationText(j.wait_s),
                       DurationText(j.cost_s));
  }
  return out + More(journeys.size(), shown);
}

}  // namespace

std::string SecondsText(int64_t s) { return s < 600 ? fmt::format("{} s", s) : DurationText(s); }

std::string SecondsText(const std::optional<int64_t>& s) { return s ? SecondsText(*s) : "-"; }

std::string SecondsText(const std::optional<double>& s) {
  return s ? SecondsText(static_cast<int64_t>(std::llround(*s))) : "-";
}

std::string RepeatsSentence(const Repeats& r) {
  if (r.calls == 0) return "no call from an identified customer in the record.";
  return fmt::format("of {} from {}, {} followed by another call from the same customer within 24 h and {} within "
                     "7 days; {} called again within 24 h at least once, {} within 7 days.",
                     CountOf(r.calls, "call"), CountOf(r.customers, "identified customer"),
                     CountText(r.within_24h) + (r.within_24h == 1 ? " was" : " were"), CountText(r.within_7d),
                     CountOf(r.customers_24h, "customer"), CountText(r.customers_7d));
}

std::string ShareText(std::optional<double> share) {
  if (!share || std::isnan(*share)) return "-";
  double pct = *share * 100;
  return pct > 0 && pct < 0.1 ? fmt::format("{:.2f}%", pct) : fmt::format("{:.1f}%", pct);
}

std::string FlagEvidenceText(const CutShortFlag& f) {
  std::string out = FlagName(f) + ": ";
  if (f.short_calls) out += ShortCallsPart(f, *f.short_calls) + "; ";
  if (f.bunching) out += BunchingPart(*f.bunching) + "; ";
  if (!f.short_calls && !f.bunching) out += "the evidence is not recorded; ";
  return out + CallbacksPart(f) + fmt::format(" ({} calls of the pattern)", CountText(f.suspect_calls));
}

std::string SludgeText(const Sludge& s, size_t limit) {
  return Headline(s) + FindingsText(s.findings, limit) + FlagsText(s) + QueuesText(s.queues) +
         AgentsText(s.agents, limit) + RepeatsText(s.repeats) + WrittenText(s.written) + PromisesText(s, limit) +
         JourneysText(s.journeys, limit);
}

void WriteSludgeJson(const Sludge& s, JsonOut* json) {
  json->BeginObject().Key("as_of").Time(s.as_of).Key("calls");
  CallStatsJson(s.calls, json);
  PlacesJson(s, json);
  json->Key("patience");
  PatienceJson(s.patience, json);
  ArrayJson("agents", s.agents, AgentJson, json);
  json->Key("repeats");
  RepeatsJson(s.repeats, json);
  CutShortJson(s, json);
  json->Key("written");
  WrittenJson(s.written, json);
  json->Key("promises");
  PromiseStatsJson(s.promises, json);
  ArrayJson("promises_by_person", s.promises_by_person, PromiseStatsJson, json);
  ArrayJson("promises_by_account", s.promises_by_account, PromiseStatsJson, json);
  ArrayJson("promises_by_team", s.promises_by_team, PromiseStatsJson, json);
  ArrayJson("missed_promises", s.missed_promises, PromiseCaseJson, json);
  ArrayJson("journeys", s.journeys, JourneyJson, json);
  ArrayJson("findings", s.findings, FindingJson, json);
  json->EndObject();
}

}  // namespace nanni
