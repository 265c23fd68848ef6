#include "render/portfolio_render.h"

#include <fmt/format.h>

#include "render/wording.h"
#include "util/printable.h"

namespace nanni {

namespace {

void Stats(const DurationStats& s, JsonOut* json) {
  json->BeginObject().Field("count", s.count).Field("median_s", s.median_s).Field("p90_s", s.p90_s)
      .Field("worst_s", s.worst_s).EndObject();
}

void Counts(const CaseCounts& n, JsonOut* json) {
  json->BeginObject().Field("events", n.events).Field("requests", n.requests).Field("answered", n.answered)
      .Field("open", n.open).Field("commitments_ours", n.commitments_ours)
      .Field("commitments_theirs", n.commitments_theirs).Field("broken", n.broken).Field("deadlines", n.deadlines)
      .Field("incidents", n.incidents).Field("downtime_s", n.downtime_s).Field("escalations", n.escalations)
      .Field("invoices", n.invoices).Field("unpaid", n.unpaid).Field("discount_requests", n.discount_requests)
      .Field("calls", n.calls).EndObject();
}

void Money(const MoneyTotals& m, JsonOut* json) {
  json->BeginObject().Field("currency", m.currency).Field("invoices", m.invoices).Field("unpaid", m.unpaid)
      .Field("overdue", m.overdue).Field("invoiced_minor", m.invoiced_minor).Field("paid_minor", m.paid_minor)
      .Field("outstanding_minor", m.outstanding_minor).Field("days_late_max", m.days_late_max).Key("dso_days");
  m.dso_days ? json->Fixed(*m.dso_days, 1) : json->Null();
  if (!m.error.empty()) json->Field("error", m.error);
  json->EndObject();
}

void Row(const PortfolioRow& r, JsonOut* json) {
  json->BeginObject().Field("account", r.account).Key("counts");
  Counts(r.counts, json);
  json->Key("events_by_kind").BeginObject();
  for (const KindSpec& k : AllKinds()) json->Key(k.name).Int(static_cast<int64_t>(r.by_kind[static_cast<size_t>(k.kind)]));
  json->EndObject().Key("first_event").Time(r.first_event).Key("last_event").Time(r.last_event);
  json->Key("response_calendar");
  Stats(r.response_calendar, json);
  json->Key("response_business");
  Stats(r.response_business, json);
  json->Key("oldest_open").BeginObject().Key("since").OptTime(r.oldest_open_since).Key("calendar_s");
  r.oldest_open_age ? json->Int(r.oldest_open_age->calendar_s) : json->Null();
  json->Key("business_s");
  r.oldest_open_age ? json->Int(r.oldest_open_age->business_s) : json->Null();
  json->Key("seq");
  r.oldest_open_seq ? json->Int(static_cast<int64_t>(r.oldest_open_seq)) : json->Null();
  json->EndObject().Field("ongoing_incidents", r.ongoing_incidents).Field("open_escalations", r.open_escalations);
  json->Field("handle_s", r.handle_s).Field("queue_wait_s", r.queue_wait_s).Key("money").BeginArray();
  for (const MoneyTotals& m : r.money) Money(m, json);
  json->EndArray().Key("last_contacts").BeginArray();
  for (const LastContactAt& c : r.last_contacts) {
    json->BeginObject().Field("side", SideName(c.side)).Field("level", LevelName(c.level)).Key("time").Time(c.time)
        .Field("seq", c.seq).EndObject();
  }
  json->EndArray().EndObject();
}

// "3d 4h", "5h 20m", "12m": an age or a duration at a glance.
std::string Short(int64_t seconds) {
  if (seconds >= 86400) return fmt::format("{}d {}h", seconds / 86400, seconds % 86400 / 3600);
  if (seconds >= 3600) return fmt::format("{}h {}m", seconds / 3600, seconds % 3600 / 60);
  return fmt::format("{}m", seconds / 60);
}

std::string MoneyCell(const PortfolioRow& r) {
  std::string out;
  for (const MoneyTotals& m : r.money) {
    if (!out.empty()) out += ", ";
    out += m.error.empty() ? MoneyText(m.outstanding_minor, m.currency) : m.currency + " (overflow)";
  }
  return out.empty() ? "-" : out;
}

}  // namespace

void WritePortfolioJson(const Portfolio& p, JsonOut* json) {
  json->BeginObject().Field("schema", "nanni.portfolio/1").Key("as_of").Time(p.as_of).Key("recorded_by");
  p.recorded_by_utc_micros == INT64_MAX ? json->Null() : json->Time(Timestamp{p.recorded_by_utc_micros, 0});
  json->Field("business_time_zone", p.business_time_zone.empty() ? "UTC" : p.business_time_zone);
  json->Field("accounts", p.rows.size()).Key("rows").BeginArray();
  for (const PortfolioRow& r : p.rows) Row(r, json);
  json->EndArray().EndObject();
}

std::string PortfolioText(const Portfolio& p, size_t limit) {
  std::string out = fmt::format("Portfolio as of {}: {} accounts (calendar times; `--json` has every figure)\n\n",
                                FormatRfc3339(p.as_of), p.rows.size());
  out += fmt::format("{:<32} {:>7} {:>6} {:>5} {:>9} {:>9} {:>9} {:>4} {:>4} {:>6}  {}\n", "account", "events",
                     "reqs", "open", "oldest", "resp p50", "resp p90", "esc", "inc", "calls", "outstanding");
  for (size_t i = 0; i < p.rows.size() && (limit == 0 || i < limit); ++i) {
    const PortfolioRow& r = p.rows[i];
    std::string oldest = r.oldest_open_age ? Short(r.oldest_open_age->calendar_s) : "-";
    std::string p50 = r.response_calendar.count ? Short(r.response_calendar.median_s) : "-";
    std::string p90 = r.response_calendar.count ? Short(r.response_calendar.p90_s) : "-";
    out += fmt::format("{:<32} {:>7} {:>6} {:>5} {:>9} {:>9} {:>9} {:>4} {:>4} {:>6}  {}\n", Printable(r.account, 32),
                       r.counts.events, r.counts.requests, r.counts.open, oldest, p50, p90, r.counts.escalations,
                       r.counts.incidents, r.counts.calls, MoneyCell(r));
  }
  if (limit != 0 && p.rows.size() > limit) out += fmt::format("... and {} more (--limit 0 shows all)\n", p.rows.size() - limit);
  return out;
}

}  // namespace nanni
