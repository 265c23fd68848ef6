// The case file and the briefing as JSON (schema "nanni.case/1", "nanni.brief/1"; every field
// is documented in docs/case-file.md).
#include "event/kind.h"
#include "util/json_out.h"
#include "render/renderers.h"

namespace nanni {

namespace {

void Cite(JsonOut& j, const Citation& c) {
  j.BeginObject()
      .Field("event_id", c.event_id)
      .Field("file", c.file)
      .Field("line", c.line)
      .Field("ref", c.ref)
      .Field("seq", c.seq)
      .Field("hash", c.hash)
      .EndObject();
}

void OptCite(JsonOut& j, const std::optional<Citation>& c) {
  if (c) Cite(j, *c);
  else j.Null();
}

void PersonJson(JsonOut& j, const CasePerson& p) {
  j.BeginObject()
      .Field("key", p.key)
      .Field("name", p.name)
      .Field("title", p.title)
      .Field("side", SideName(p.side))
      .Field("level", LevelName(p.level))
      .EndObject();
}

void OptPerson(JsonOut& j, const CasePerson* p) {
  if (p) PersonJson(j, *p);
  else j.Null();
}

void OptPerson(JsonOut& j, const std::optional<CasePerson>& p) { OptPerson(j, p ? &*p : nullptr); }

void People(JsonOut& j, const std::vector<CasePerson>& people) {
  j.BeginArray();
  for (const CasePerson& p : people) PersonJson(j, p);
  j.EndArray();
}

void People(JsonOut& j, const std::vector<const CasePerson*>& people) {
  j.BeginArray();
  for (const CasePerson* p : people) PersonJson(j, *p);
  j.EndArray();
}

void SpanJson(JsonOut& j, const std::optional<DurationPair>& s) {
  if (!s) {
    j.Null();
    return;
  }
  j.BeginObject().Field("calendar_s", s->calendar_s).Field("business_s", s->business_s).EndObject();
}

void Stats(JsonOut& j, const DurationStats& s) {
  j.BeginObject()
      .Field("count", static_cast<uint64_t>(s.count))
      .Field("median_s", s.median_s)
      .Field("p90_s", s.p90_s)
      .Field("worst_s", s.worst_s)
      .EndObject();
}

void TimeStatsJson(JsonOut& j, const TimeStats& t) {
  j.BeginObject()
      .Field("group", t.group)
      .Field("requests", static_cast<uint64_t>(t.requests))
      .Field("answered", static_cast<uint64_t>(t.answered))
      .Field("open", static_cast<uint64_t>(t.open));
  j.Key("response_calendar"), Stats(j, t.response_calendar);
  j.Key("response_business"), Stats(j, t.response_business);
  j.Key("resolution_calendar"), Stats(j, t.resolution_calendar);
  j.Key("resolution_business"), Stats(j, t.resolution_business);
  j.EndObject();
}

void Request(JsonOut& j, const RequestItem& r) {
  j.BeginObject();
  j.Key("cite"), Cite(j, r.cite);
  j.Key("time").Time(r.time);
  j.Key("from"), OptPerson(j, r.from);
  j.Field("channel", r.channel).Field("subject", r.subject).Field("text", r.text);
  j.Field("priority", r.priority).Field("topic", r.topic);
  j.Key("due").OptTime(r.due);
  j.Field("answered", r.answered).Field("answers", r.answers);
  j.Key("response_time").OptTime(r.response_time);
  j.Key("response_by"), OptPerson(j, r.response_by);
  j.Key("response_cite"), OptCite(j, r.response_cite);
  j.Key("response"), SpanJson(j, r.response);
  j.Key("resolution_time").OptTime(r.resolution_time);
  j.Key("resolution"), SpanJson(j, r.resolution);
  j.Key("open_age"), SpanJson(j, r.open_age);
  j.EndObject();
}

void Promise(JsonOut& j, const PromiseItem& p) {
  j.BeginObject();
  j.Key("cite"), Cite(j, p.cite);
  j.Key("time").Time(p.time);
  j.Field("owner", p.owner).Field("what", p.what);
  j.Key("due").Time(p.due);
  j.Key("from"), OptPerson(j, p.from);
  j.Key("to"), People(j, p.to);
  j.Field("status", p.status);
  j.Key("settled").OptTime(p.settled);
  j.Key("outcome_cite"), OptCite(j, p.outcome_cite);
  j.Field("outcome_text", p.outcome_text);
  j.Field("late_s", p.late_s).Field("past_due", p.past_due).Field("met", p.met);
  j.Key("update_before_due").OptTime(p.update_before_due);
  j.Key("update_cite"), OptCite(j, p.update_cite);
  j.EndObject();
}

void Counts(JsonOut& j, const CaseCounts& n) {
  auto u = [](size_t v) { return static_cast<uint64_t>(v); };
  j.BeginObject()
      .Field("events", u(n.events))
      .Field("requests", u(n.requests))
      .Field("answered", u(n.answered))
      .Field("open", u(n.open))
      .Field("commitments_ours", u(n.commitments_ours))
      .Field("commitments_theirs", u(n.commitments_theirs))
      .Field("broken", u(n.broken))
      .Field("deadlines", u(n.deadlines))
      .Field("incidents", u(n.incidents))
      .Field("downtime_s", n.downtime_s)
      .Field("escalations", u(n.escalations))
      .Field("invoices", u(n.invoices))
      .Field("unpaid", u(n.unpaid))
      .Field("discount_requests", u(n.discount_requests))
      .Field("calls", u(n.calls))
      .EndObject();
}

void Sections(JsonOut& j, const CaseFile& cf) {
  j.Key("requests").BeginArray();
  for (const RequestItem& r : cf.requests) Request(j, r);
  j.EndArray();
  j.Key("times").BeginObject();
  j.Key("overall"), TimeStatsJson(j, cf.overall);
  j.Key("by_channel").BeginArray();
  for (const TimeStats& t : cf.by_channel) TimeStatsJson(j, t);
  j.EndArray();
  j.Key("by_level").BeginArray();
  for (const TimeStats& t : cf.by_level) TimeStatsJson(j, t);
  j.EndArray();
  j.EndObject();
  j.Key("commitments").BeginArray();
  for (const PromiseItem& p : cf.commitments) Promise(j, p);
  j.EndArray();
  j.Key("deadlines").BeginArray();
  for (const PromiseItem& p : cf.deadlines) Promise(j, p);
  j.EndArray();
  j.Key("incidents").BeginArray();
  for (const IncidentItem& i : cf.incidents) {
    j.BeginObject().Field("incident", i.incident).Field("what", i.what).Field("severity", i.severity);
    j.Key("start").OptTime(i.start);
    j.Key("end").OptTime(i.end);
    j.Key("start_cite"), OptCite(j, i.start_cite);
    j.Key("end_cite"), OptCite(j, i.end_cite);
    j.Field("ongoing", i.ongoing).Field("downtime_s", i.downtime_s).EndObject();
  }
  j.EndArray();
  j.Key("escalations").BeginArray();
  for (const EscalationItem& x : cf.escalations) {
    j.BeginObject();
    j.Key("cite"), Cite(j, x.cite);
    j.Key("time").Time(x.time);
    j.Key("from"), OptPerson(j, x.from);
    j.Key("to"), People(j, x.to);
    j.Field("about", x.about).Field("text", x.text);
    j.Key("ended").OptTime(x.ended);
    j.Key("ended_cite"), OptCite(j, x.ended_cite);
    j.Field("ended_kind", x.ended_kind).Field("ended_text", x.ended_text).EndObject();
  }
  j.EndArray();
}

void Money(JsonOut& j, const CaseFile& cf) {
  j.Key("invoices").BeginArray();
  for (const InvoiceItem& i : cf.invoices) {
    j.BeginObject();
    j.Key("cite"), Cite(j, i.cite);
    j.Field("invoice", i.invoice);
    j.Key("time").Time(i.time);
    j.Field("amount_minor", i.amount_minor).Field("currency", i.currency);
    j.Key("due").Time(i.due);
    j.Key("payments").BeginArray();
    for (const PaymentItem& p : i.payments) {
      j.BeginObject();
      j.Key("cite"), Cite(j, p.cite);
      j.Key("time").Time(p.time);
      j.Field("amount_minor", p.amount_minor).Field("currency", p.currency).EndObject();
    }
    j.EndArray();
    j.Field("paid_minor", i.paid_minor).Field("outstanding_minor", i.outstanding_minor);
    j.Key("paid_in_full").OptTime(i.paid_in_full);
    j.Field("days_late", i.days_late).EndObject();
  }
  j.EndArray();
  j.Key("discount_requests").BeginArray();
  for (const DiscountItem& d : cf.discount_requests) {
    j.BeginObject();
    j.Key("cite"), Cite(j, d.cite);
    j.Key("time").Time(d.time);
    j.Key("from"), OptPerson(j, d.from);
    j.Key("percent");
    if (d.percent) j.Int(*d.percent);
    else j.Null();
    j.Field("what", d.what).Field("text", d.text).EndObject();
  }
  j.EndArray();
  j.Key("calls").BeginArray();
  for (const CallItem& k : cf.calls) {
    j.BeginObject();
    j.Key("cite"), Cite(j, k.cite);
    j.Key("time").Time(k.time);
    j.Key("from"), OptPerson(j, k.from);
    j.Field("outcome", k.outcome).Field("agent", k.agent).Field("queue", k.queue);
    j.Field("direction", k.direction).Field("transfer_to", k.transfer_to);
    j.Field("queue_wait_s", k.queue_wait_s).Field("handle_s", k.handle_s).Field("ivr_s", k.ivr_s);
    j.EndObject();
  }
  j.EndArray();
}

void Chronology(JsonOut& j, const CaseFile& cf) {
  j.Key("chronology").BeginArray();
  for (const ChronologyLine& l : cf.chronology) {
    j.BeginObject();
    j.Key("cite"), Cite(j, *l.cite);
    j.Key("time").Time(l.time);
    j.Field("kind", SpecOf(l.kind).name);
    j.Key("from"), OptPerson(j, l.from);
    j.Key("to"), People(j, l.to);
    j.Field("channel", l.channel).Field("subject", l.subject).Field("text", l.text);
    j.Field("detail", l.detail).Field("corrects", l.corrects).EndObject();
  }
  j.EndArray();
}

void CaseDocument(JsonOut& j, const CaseFile& cf) {
  j.BeginObject().Field("schema", "nanni.case/1").Field("account", cf.account);
  j.Key("as_of").Time(cf.as_of);
  j.Field("business_time_zone", cf.business_time_zone);
  j.Key("counts"), Counts(j, cf.counts);
  Sections(j, cf);
  Money(j, cf);
  Chronology(j, cf);
  j.EndObject().Raw("\n");
}

}  // namespace

std::string CaseJson(const CaseFile& cf) {
  JsonOut j;
  j.Reserve(4096 + cf.chronology.size() * 1024);
  CaseDocument(j, cf);
  return j.Take();
}

void WriteCaseJson(const CaseFile& cf, const TextSink& sink) {
  JsonOut j(sink);
  CaseDocument(j, cf);
  j.Flush();
}

std::string BriefingJson(const Briefing& b) {
  JsonOut j;
  j.BeginObject().Field("schema", "nanni.brief/1").Field("account", b.account);
  j.Key("as_of").Time(b.as_of);
  for (const auto* side : {&b.theirs, &b.ours}) {
    j.Key(side == &b.theirs ? "theirs" : "ours").BeginArray();
    for (const BriefPerson& p : *side) {
      j.BeginObject();
      j.Key("person"), PersonJson(j, p.person);
      j.Field("sent", static_cast<uint64_t>(p.sent)).Field("received", static_cast<uint64_t>(p.received));
      j.Key("first_seen").OptTime(p.first_seen);
      j.Key("last_seen").OptTime(p.last_seen);
      j.EndObject();
    }
    j.EndArray();
  }
  j.Key("matrix").BeginObject();
  j.Key("rows"), People(j, b.matrix.rows);
  j.Key("columns"), People(j, b.matrix.columns);
  j.Key("cells").BeginArray();
  for (const auto& row : b.matrix.cells) {
    j.BeginArray();
    for (size_t n : row) j.Int(static_cast<int64_t>(n));
    j.EndArray();
  }
  j.EndArray().EndObject();
  j.Key("last_contacts").BeginArray();
  for (const LastContact& lc : b.last_contacts) {
    j.BeginObject().Field("side", SideName(lc.side)).Field("level", LevelName(lc.level));
    j.Key("time").Time(lc.time);
    j.Key("person"), PersonJson(j, lc.person);
    j.Key("cite"), Cite(j, lc.cite);
    j.EndObject();
  }
  j.EndArray();
  j.Key("longest_waiting").BeginArray();
  for (const RequestItem& r : b.longest_waiting) Request(j, r);
  j.EndArray();
  j.Key("demands").BeginArray();
  for (const Demand& d : b.demands) {
    j.BeginObject().Field("label", d.label);
    j.Field("times", static_cast<uint64_t>(d.times)).Field("open", static_cast<uint64_t>(d.open));
    j.Key("first_asked").Time(d.first_asked);
    j.Key("last_asked").Time(d.last_asked);
    j.Field("example_text", d.example_text);
    j.Key("cites").BeginArray();
    for (const Citation& c : d.cites) Cite(j, c);
    j.EndArray().EndObject();
  }
  j.EndArray().EndObject().Raw("\n");
  return j.Take();
}

}  // namespace nanni
