// LayoutCase and LayoutBriefing: the sections, sentences and tables every text-like format
// draws. All wording is here or in wording.cc, fixed and neutral.
#include <fmt/format.h>

#include "render/report_doc.h"
#include "render/wording.h"

namespace nanni {

namespace {

DocCell C(std::string text, std::string tone = "") { return DocCell{std::move(text), false, std::move(tone)}; }
DocCell Q(std::string text) { return DocCell{std::move(text), true, ""}; }
DocCell Src(const Citation& c) { return C(CiteText(c), "src"); }

std::string Subject(std::string_view subject, std::string_view text) {
  return std::string(!subject.empty() ? subject : text);
}

std::string Group(const std::string& g) { return g.empty() ? "not recorded" : g; }

std::string StatsText(const DurationStats& s) {
  if (s.count == 0) return "-";
  return fmt::format("{} / {} / {}", DurationText(s.median_s), DurationText(s.p90_s),
                     DurationText(s.worst_s));
}

DocSection Requests(const CaseFile& cf) {
  DocSection s{"requests", "Requests", {}, {}, "No requests recorded."};
  s.lines.push_back(fmt::format("Requests: {}. Answered: {}. Open at {}: {}.", cf.counts.requests,
                                cf.counts.answered, WhenText(cf.as_of), cf.counts.open));
  DocTable t{{"Asked", "By", "Channel", "Answered", "Answered by", "Response (calendar / business)",
           "Source", "Request"}, {}};
  for (const RequestItem& r : cf.requests) {
    std::vector<DocCell> row = {C(WhenText(r.time)), C(WhoText(r.from)), C(Group(r.channel))};
    if (r.answered) {
      row.push_back(C(WhenText(r.response_time), "kept"));
      row.push_back(C(WhoText(r.response_by)));
      row.push_back(C(fmt::format("{} / {}", DurationText(r.response->calendar_s),
                                  DurationText(r.response->business_s))));
    } else {
      row.push_back(C("open", "open"));
      row.push_back(C("-"));
      row.push_back(C(fmt::format("open for {} / {}", DurationText(r.open_age->calendar_s),
                                  DurationText(r.open_age->business_s)), "open"));
    }
    row.push_back(Src(r.cite));
    row.push_back(Q(Subject(r.subject, r.text)));
    t.rows.push_back(std::move(row));
  }
  if (!t.rows.empty()) s.tables.push_back(std::move(t));
  return s;
}

DocTable StatsTable(const std::string& by, const std::vector<TimeStats>& stats, const TimeStats& overall) {
  DocTable t{{by, "Requests", "Answered", "Open", "Response calendar (median / p90 / longest)",
           "Response business", "Resolution calendar", "Resolution business"}, {}};
  auto add = [&](const TimeStats& x) {
    t.rows.push_back({C(Group(x.group)), C(std::to_string(x.requests)), C(std::to_string(x.answered)),
                      C(std::to_string(x.open)), C(StatsText(x.response_calendar)),
                      C(StatsText(x.response_business)), C(StatsText(x.resolution_calendar)),
                      C(StatsText(x.resolution_business))});
  };
  for (const TimeStats& x : stats) add(x);
  add(overall);
  return t;
}

DocSection Times(const CaseFile& cf) {
  DocSection s{"times", "Response and resolution times", {}, {}, "No requests recorded."};
  if (cf.requests.empty()) return s;
  s.lines.push_back(fmt::format(
      "Response: request to first answer. Resolution: request to last answer. Business hours in "
      "{}. Figures are median / 90th percentile / longest, over answered requests.",
      cf.business_time_zone));
  s.tables.push_back(StatsTable("Channel", cf.by_channel, cf.overall));
  s.tables.push_back(StatsTable("Level of asker", cf.by_level, cf.overall));
  return s;
}

std::string PromiseStatus(const PromiseItem& p, bool deadline) {
  if (p.status == "open") {
    return p.past_due ? fmt::format("open, {} past due", DurationText(p.late_s)) : "open";
  }
  if (deadline && p.status == "kept") {
    return p.met ? "met" : fmt::format("met {} after the date", DurationText(p.late_s));
  }
  if (p.late_s > 0) return fmt::format("{}, {} after the date", p.status, DurationText(p.late_s));
  return p.status;
}

std::string Tone(const PromiseItem& p) {
  if (p.status == "kept" && p.late_s == 0) return "kept";
  if (p.status == "broken" || p.past_due) return "broken";
  return p.status == "open" ? "open" : "";
}

DocSection Promises(const std::string& id, const std::string& title, const std::vector<PromiseItem>& items,
                 bool deadline) {
  DocSection s{id, title, {}, {}, deadline ? "No deadlines recorded." : "No commitments recorded."};
  DocTable t{{"Made", deadline ? "Set by" : "Side", "By", "To", "Due", "Status", "Settled",
           "Update before the date", "Source", "What"}, {}};
  for (const PromiseItem& p : items) {
    t.rows.push_back({C(WhenText(p.time)), C(p.owner), C(WhoText(p.from)), C(WhoText(p.to)),
                      C(WhenText(p.due)), C(PromiseStatus(p, deadline), Tone(p)),
                      C(p.settled ? WhenText(p.settled) + " " + CiteText(*p.outcome_cite) : "-"),
                      C(p.update_before_due ? WhenText(p.update_before_due) + " " + CiteText(*p.update_cite) : "none"),
                      Src(p.cite), Q(p.what)});
  }
  if (!t.rows.empty()) s.tables.push_back(std::move(t));
  return s;
}

DocSection Incidents(const CaseFile& cf) {
  DocSection s{"incidents", "Incidents", {}, {}, "No incidents recorded."};
  if (!cf.incidents.empty()) {
    s.lines.push_back(fmt::format("Incidents: {}. Total downtime: {}.", cf.incidents.size(),
                                  DurationText(cf.counts.downtime_s)));
  }
  DocTable t{{"Incident", "Severity", "Start", "End", "Downtime", "Source", "What"}, {}};
  for (const IncidentItem& i : cf.incidents) {
    std::string src = i.start_cite ? CiteText(*i.start_cite) : "";
    if (i.end_cite) src += (src.empty() ? "" : "; ") + CiteText(*i.end_cite);
    t.rows.push_back({C(i.incident), C(i.severity.empty() ? "-" : i.severity),
                      C(i.start ? WhenText(i.start) : "not recorded"),
                      C(i.end ? WhenText(i.end) : "no end recorded", i.end ? "" : "open"),
                      C(DurationText(i.downtime_s) + (i.ongoing ? " (to the report time)" : "")),
                      C(src), Q(i.what)});
  }
  if (!t.rows.empty()) s.tables.push_back(std::move(t));
  return s;
}

DocSection Escalations(const CaseFile& cf) {
  DocSection s{"escalations", "Escalations", {}, {}, "No escalations recorded."};
  DocTable t{{"When", "From", "To", "Last reply", "Source", "About", "Reply text"}, {}};
  for (const EscalationItem& x : cf.escalations) {
    t.rows.push_back({C(WhenText(x.time)), C(WhoText(x.from)), C(WhoText(x.to)),
                      C(x.ended ? fmt::format("{} {} {}", x.ended_kind, WhenText(x.ended), CiteText(*x.ended_cite))
                                : "no reply recorded", x.ended ? "" : "open"),
                      Src(x.cite), Q(x.about), Q(x.ended_text)});
  }
  if (!t.rows.empty()) s.tables.push_back(std::move(t));
  return s;
}

DocSection Invoices(const CaseFile& cf) {
  DocSection s{"invoices", "Invoices and payments", {}, {}, "No invoices recorded."};
  DocTable t{{"Invoice", "Issued", "Amount", "Due", "Paid", "Outstanding", "Paid in full", "Days late",
           "Source"}, {}};
  for (const InvoiceItem& i : cf.invoices) {
    std::string full = i.paid_in_full ? WhenText(i.paid_in_full) : "not paid in full";
    t.rows.push_back({C(i.invoice), C(WhenText(i.time)), C(MoneyText(i.amount_minor, i.currency)),
                      C(WhenText(i.due)), C(MoneyText(i.paid_minor, i.currency)),
                      C(MoneyText(i.outstanding_minor, i.currency), i.outstanding_minor > 0 ? "open" : ""),
                      C(full), C(std::to_string(i.days_late), i.days_late > 0 ? "broken" : ""),
                      Src(i.cite)});
  }
  if (!t.rows.empty()) s.tables.push_back(std::move(t));
  return s;
}

DocSection Discounts(const CaseFile& cf) {
  DocSection s{"discounts", "Discount requests", {}, {}, "No discount requests recorded."};
  DocTable t{{"When", "From", "Percent", "On", "Source", "Text"}, {}};
  for (const DiscountItem& d : cf.discount_requests) {
    t.rows.push_back({C(WhenText(d.time)), C(WhoText(d.from)),
                      C(d.percent ? std::to_string(*d.percent) + "%" : "-"), Q(d.what), Src(d.cite),
                      Q(d.text)});
  }
  if (!t.rows.empty()) s.tables.push_back(std::move(t));
  return s;
}

DocSection Calls(const CaseFile& cf) {
  DocSection s{"calls", "Calls", {}, {}, "No calls recorded."};
  DocTable t{{"When", "Caller", "Outcome", "Queue", "Agent", "Wait", "Handled", "Source"}, {}};
  for (const CallItem& k : cf.calls) {
    t.rows.push_back({C(WhenText(k.time)), C(WhoText(k.from)), C(k.outcome, k.outcome == "answered" ? "" : "open"),
                      C(k.queue.empty() ? "-" : k.queue), C(k.agent.empty() ? "-" : k.agent),
                      C(DurationText(k.queue_wait_s)), C(DurationText(k.handle_s)), Src(k.cite)});
  }
  if (!t.rows.empty()) s.tables.push_back(std::move(t));
  return s;
}

DocSection Chronology(const CaseFile& cf) {
  DocSection s{"chronology", "Chronology", {}, {}, "No events recorded."};
  DocTable t{{"When", "Event", "Source", "Text"}, {}};
  for (const ChronologyLine& l : cf.chronology) {
    std::string phrase = ChronologyPhrase(l);
    if (!l.corrects.empty()) phrase += " (corrects " + std::string(l.corrects) + ")";
    t.rows.push_back({C(WhenText(l.time)), C(phrase), Src(*l.cite), Q(Subject(l.subject, l.text))});
  }
  if (!t.rows.empty()) s.tables.push_back(std::move(t));
  return s;
}

}  // namespace

ReportDoc LayoutCase(const CaseFile& cf) {
  ReportDoc d;
  d.title = "Case file: " + cf.account;
  d.lines.push_back(fmt::format("Account {}. Report time {}. Events up to then: {}.", cf.account,
                                WhenText(cf.as_of), cf.counts.events));
  d.lines.push_back("Each line cites its source and the ledger hash prefix of its event.");
  d.sections = {Requests(cf), Times(cf),
                Promises("commitments", "Commitments", cf.commitments, false),
                Promises("deadlines", "Deadlines set by the customer", cf.deadlines, true),
                Incidents(cf), Escalations(cf), Invoices(cf), Discounts(cf), Calls(cf), Chronology(cf)};
  return d;
}

namespace {

DocSection PeopleSection(const std::string& id, const std::string& title, const std::vector<BriefPerson>& people) {
  DocSection s{id, title, {}, {}, "No people recorded."};
  DocTable t{{"Level", "Name", "Title", "Sent", "Received", "First seen", "Last seen"}, {}};
  for (const BriefPerson& p : people) {
    std::string level = LevelName(p.person.level);
    t.rows.push_back({C(level.empty() ? "not recorded" : level), C(p.person.name),
                      C(p.person.title.empty() ? "-" : p.person.title), C(std::to_string(p.sent)),
                      C(std::to_string(p.received)), C(WhenText(p.first_seen)), C(WhenText(p.last_seen))});
  }
  if (!t.rows.empty()) s.tables.push_back(std::move(t));
  return s;
}

}  // namespace

ReportDoc LayoutBriefing(const Briefing& b) {
  ReportDoc d;
  d.title = "Briefing: " + b.account;
  d.lines.push_back(fmt::format("Account {}. Report time {}.", b.account, WhenText(b.as_of)));
  d.sections.push_back(PeopleSection("theirs", "Their people", b.theirs));
  d.sections.push_back(PeopleSection("ours", "Our people", b.ours));

  DocSection m{"matrix", "Who spoke with whom", {}, {}, "No exchanges between the two sides recorded."};
  if (!b.matrix.rows.empty()) {
    m.lines.push_back("Events between each pair, in either direction (rows: their people; columns: ours).");
    DocTable t;
    t.header.push_back("");
    for (const CasePerson& c : b.matrix.columns) t.header.push_back(c.name);
    for (size_t r = 0; r < b.matrix.rows.size(); ++r) {
      std::vector<DocCell> row = {C(WhoText(std::optional<CasePerson>(b.matrix.rows[r])))};
      for (size_t n : b.matrix.cells[r]) row.push_back(C(std::to_string(n)));
      t.rows.push_back(std::move(row));
    }
    m.tables.push_back(std::move(t));
  }
  d.sections.push_back(std::move(m));

  DocSection l{"last_contact", "Last contact at each level", {}, {}, "No contacts recorded."};
  DocTable lt{{"Side", "Level", "When", "Who", "Source"}, {}};
  for (const LastContact& lc : b.last_contacts) {
    std::string level = LevelName(lc.level);
    lt.rows.push_back({C(SideName(lc.side)), C(level.empty() ? "not recorded" : level), C(WhenText(lc.time)),
                       C(lc.person.name), Src(lc.cite)});
  }
  if (!lt.rows.empty()) l.tables.push_back(std::move(lt));
  d.sections.push_back(std::move(l));

  DocSection w{"waiting", "Longest-waiting open requests", {}, {}, "No open requests."};
  DocTable wt{{"Asked", "By", "Channel", "Open for (calendar / business)", "Source", "Request"}, {}};
  for (const RequestItem& r : b.longest_waiting) {
    wt.rows.push_back({C(WhenText(r.time)), C(WhoText(r.from)), C(Group(r.channel)),
                       C(fmt::format("{} / {}", DurationText(r.open_age->calendar_s),
                                     DurationText(r.open_age->business_s)), "open"),
                       Src(r.cite), Q(Subject(r.subject, r.text))});
  }
  if (!wt.rows.empty()) w.tables.push_back(std::move(wt));
  d.sections.push_back(std::move(w));

  DocSection dm{"demands", "Demands, grouped where they repeat", {}, {}, "No requests recorded."};
  DocTable dt{{"Demand", "Times asked", "Open", "First asked", "Last asked", "First source", "First request"}, {}};
  for (const Demand& x : b.demands) {
    dt.rows.push_back({Q(x.label), C(std::to_string(x.times)), C(std::to_string(x.open), x.open ? "open" : ""),
                       C(WhenText(x.first_asked)), C(WhenText(x.last_asked)), Src(x.cites.front()),
                       Q(x.example_text)});
  }
  if (!dt.rows.empty()) dm.tables.push_back(std::move(dt));
  d.sections.push_back(std::move(dm));
  return d;
}

}  // namespace nanni
