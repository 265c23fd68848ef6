#include "casefile/case_file_builder.h"

#include <algorithm>
#include <deque>
#include <memory>
#include <map>
#include <unordered_map>

#include <fmt/format.h>

#include "util/money.h"
#include "util/printable.h"

namespace nanni {

namespace {

const std::string* Str(const Event& e, std::string_view name) { return e.StringAttr(name); }

std::string StrOr(const Event& e, std::string_view name) {
  const std::string* v = e.StringAttr(name);
  return v ? *v : std::string();
}

int64_t IntOr(const Event& e, std::string_view name) {
  const int64_t* v = e.IntAttr(name);
  return v ? *v : 0;
}

// One CasePerson per distinct contact, kept in a deque that never moves them, so that the
// chronology's ten thousand lines can point at a few dozen people instead of copying them.
class PeopleIndex {
 public:
  explicit PeopleIndex(std::deque<CasePerson>* people) : people_(people) {}

  const CasePerson* Of(const Contact& c) {
    auto [it, added] = seen_.try_emplace(c, nullptr);
    if (added) it->second = &people_->emplace_back(PersonOf(c));
    return it->second;
  }
  const CasePerson* From(const Event& e) { return e.from ? Of(*e.from) : nullptr; }
  std::vector<const CasePerson*> To(const Event& e) {
    std::vector<const CasePerson*> out;
    out.reserve(e.to.size());
    for (const Contact& c : e.to) out.push_back(Of(c));
    return out;
  }
  // Copies, for the items that hold their people by value.
  std::optional<CasePerson> FromCopy(const Event& e) {
    if (!e.from) return std::nullopt;
    return *Of(*e.from);
  }
  std::vector<CasePerson> ToCopy(const Event& e) {
    std::vector<CasePerson> out;
    out.reserve(e.to.size());
    for (const Contact& c : e.to) out.push_back(*Of(c));
    return out;
  }

 private:
  struct Hash {
    size_t operator()(const Contact& c) const {
      std::hash<std::string> h;
      size_t v = h(c.email) ^ (h(c.id) * 3) ^ (h(c.name) * 5) ^ (h(c.title) * 7);
      return v ^ (static_cast<size_t>(c.side) << 4) ^ static_cast<size_t>(c.level);
    }
  };
  std::unordered_map<Contact, const CasePerson*, Hash> seen_;
  std::deque<CasePerson>* people_;
};

constexpr int64_t kMicros = 1'000'000;

// Links from an event id to the events that answer it or report on it. The ids are views of
// the events' strings.
using LinkMap = std::unordered_map<std::string_view, std::vector<const CaseEvent*>>;
struct Links {
  LinkMap replies;   // reply_to
  LinkMap updates;   // refers_to
  LinkMap outcomes;  // commitment
};

Links LinkEvents(const std::vector<CaseEvent>& events) {
  Links l;
  for (const CaseEvent& c : events) {
    const Event& e = c.event;
    if (!e.reply_to.empty() && e.kind == EventKind::kResponse) l.replies[e.reply_to].push_back(&c);
    if (e.kind == EventKind::kStatusUpdate) {
      if (const std::string* r = Str(e, "refers_to")) l.updates[*r].push_back(&c);
    }
    if (e.kind == EventKind::kCommitmentOutcome) {
      if (const std::string* r = Str(e, "commitment")) l.outcomes[*r].push_back(&c);
    }
  }
  return l;
}

const std::vector<const CaseEvent*>* Find(const LinkMap& m, std::string_view id) {
  auto it = m.find(id);
  return it == m.end() ? nullptr : &it->second;
}

std::string LevelGroup(const RequestItem& r) {
  if (!r.from) return "";
  return LevelName(r.from->level);
}

TimeStats Stats(const std::string& group, const std::vector<const RequestItem*>& items) {
  TimeStats s;
  s.group = group;
  std::vector<int64_t> rc, rb, sc, sb;
  for (const RequestItem* r : items) {
    ++s.requests;
    if (!r->answered) {
      ++s.open;
      continue;
    }
    ++s.answered;
    rc.push_back(r->response->calendar_s);
    rb.push_back(r->response->business_s);
    sc.push_back(r->resolution->calendar_s);
    sb.push_back(r->resolution->business_s);
  }
  s.response_calendar = ComputeStats(&rc);
  s.response_business = ComputeStats(&rb);
  s.resolution_calendar = ComputeStats(&sc);
  s.resolution_business = ComputeStats(&sb);
  return s;
}

std::vector<TimeStats> Grouped(const std::vector<RequestItem>& requests,
                               std::string (*key)(const RequestItem&)) {
  std::map<std::string, std::vector<const RequestItem*>> groups;
  for (const RequestItem& r : requests) groups[key(r)].push_back(&r);
  std::vector<TimeStats> out;
  for (const auto& [k, v] : groups) out.push_back(Stats(k, v));
  return out;
}

std::string ChannelGroup(const RequestItem& r) { return r.channel; }

std::string_view StrView(const Event& e, std::string_view name) {
  const std::string* v = e.StringAttr(name);
  return v ? std::string_view(*v) : std::string_view();
}

std::string_view Detail(const Event& e) {
  // Kind-specific facts, in a fixed form the renderers show as they are; text stays apart.
  switch (e.kind) {
    case EventKind::kCall:
      return StrView(e, "outcome");
    case EventKind::kCommitment:
    case EventKind::kDeadline:
      return StrView(e, "what");
    case EventKind::kCommitmentOutcome:
      return StrView(e, "status");
    case EventKind::kIncident:
      return StrView(e, "phase");
    case EventKind::kEscalation:
      return StrView(e, "about");
    case EventKind::kInvoice:
    case EventKind::kPayment:
      return StrView(e, "invoice");
    case EventKind::kDiscountRequest:
      return StrView(e, "what");
    default:
      return {};
  }
}

Status Overflow(const InvoiceItem& inv, std::string_view what) {
  return Status::InvalidInput(fmt::format(
      "invoice '{}' (event {}): {} exceed what a 64-bit sum of minor units can hold; no total "
      "is shown rather than a wrong one", Printable(inv.invoice), inv.cite.seq, what));
}

}  // namespace

DurationStats ComputeStats(std::vector<int64_t>* values) {
  DurationStats s;
  s.count = values->size();
  if (values->empty()) return s;
  auto at_rank = [&](size_t num, size_t den) {  // the position of rank ceil(n * num / den)
    size_t r = (values->size() * num + den - 1) / den;
    return values->begin() + static_cast<ptrdiff_t>(std::max<size_t>(r, 1) - 1);
  };
  // Selection instead of a full sort: p90 first, then the median among the values below it.
  auto p90 = at_rank(9, 10), median = at_rank(1, 2);
  std::nth_element(values->begin(), p90, values->end());
  std::nth_element(values->begin(), median, p90);
  s.median_s = *median;
  s.p90_s = *p90;
  s.worst_s = *std::max_element(p90, values->end());
  return s;
}

Status CaseFileBuilder::Build(const std::string& account, const Timestamp& as_of,
                              const std::vector<CaseEvent>& events, CaseFile* out) const {
  CaseFile& cf = *out;
  cf = CaseFile();
  cf.account = account;
  cf.as_of = as_of;
  const int64_t now = as_of.utc_micros;
  Links links = LinkEvents(events);
  std::map<std::string, IncidentItem> incidents;
  std::map<std::string, size_t> invoice_index;
  std::vector<PaymentItem> orphan_payments;
  std::vector<std::pair<std::string, PaymentItem>> payments;
  cf.chronology.reserve(events.size());
  auto people = std::make_shared<std::deque<CasePerson>>();
  PeopleIndex index(people.get());
  cf.people = people;
  // Requests are most of an account's events: reserving spares moving them while growing.
  cf.requests.reserve(std::count_if(events.begin(), events.end(), [](const CaseEvent& c) {
    return c.event.kind == EventKind::kRequest;
  }));

  for (const CaseEvent& c : events) {
    const Event& e = c.event;
    ChronologyLine line{&c.cite, e.time, e.kind, index.From(e), index.To(e), e.channel, e.subject,
                        e.text, Detail(e), e.corrects};
    cf.chronology.push_back(std::move(line));
    switch (e.kind) {
      case EventKind::kRequest: {
        RequestItem r;
        r.cite = c.cite;
        r.time = e.time;
        r.from = index.FromCopy(e);
        r.channel = e.channel;
        r.subject = e.subject;
        r.text = e.text;
        r.priority = StrOr(e, "priority");
        r.topic = StrOr(e, "topic");
        if (const Timestamp* d = e.TimeAttr("due")) r.due = *d;
        if (const auto* replies = Find(links.replies, e.id)) {
          const CaseEvent* first = replies->front();
          const CaseEvent* last = replies->back();
          r.answered = true;
          r.answers = static_cast<int>(replies->size());
          r.response_cite = first->cite;
          r.response_time = first->event.time;
          r.response_by = index.FromCopy(first->event);
          r.response = Measure(e.time.utc_micros, first->event.time.utc_micros);
          r.resolution_time = last->event.time;
          r.resolution = Measure(e.time.utc_micros, last->event.time.utc_micros);
        } else {
          r.open_age = Measure(e.time.utc_micros, now);
        }
        cf.requests.push_back(std::move(r));
        break;
      }
      case EventKind::kCommitment:
      case EventKind::kDeadline: {
        PromiseItem p;
        p.cite = c.cite;
        p.time = e.time;
        p.owner = e.kind == EventKind::kDeadline ? "theirs" : StrOr(e, "owner");
        p.what = StrOr(e, "what");
        p.due = *e.TimeAttr("due");
        p.from = index.FromCopy(e);
        p.to = index.ToCopy(e);
        const int64_t due = p.due.utc_micros;
        if (const auto* outs = Find(links.outcomes, e.id)) {
          const CaseEvent* o = outs->back();
          p.status = StrOr(o->event, "status");
          p.settled = o->event.time;
          p.outcome_cite = o->cite;
          p.outcome_text = o->event.text;
          int64_t late = o->event.time.utc_micros - due;
          if (p.status != "withdrawn" && late > 0) p.late_s = late / kMicros;
          p.met = p.status == "kept" && late <= 0;
          p.past_due = !p.met && p.status != "withdrawn" && due < now;
        } else {
          p.past_due = due < now;
          if (p.past_due) p.late_s = (now - due) / kMicros;
        }
        if (const auto* ups = Find(links.updates, e.id)) {
          for (const CaseEvent* u : *ups) {
            if (u->event.time.utc_micros < due) {
              p.update_before_due = u->event.time;
              p.update_cite = u->cite;
              break;
            }
          }
        }
        (e.kind == EventKind::kDeadline ? cf.deadlines : cf.commitments).push_back(std::move(p));
        break;
      }
      case EventKind::kIncident: {
        std::string id = StrOr(e, "incident");
        IncidentItem& inc = incidents[id];
        inc.incident = id;
        if (inc.what.empty()) inc.what = StrOr(e, "what");
        if (inc.severity.empty()) inc.severity = StrOr(e, "severity");
        if (StrOr(e, "phase") == "start") {
          if (!inc.start) {
            inc.start = e.time;
            inc.start_cite = c.cite;
          }
        } else {
          inc.end = e.time;
          inc.end_cite = c.cite;
        }
        break;
      }
      case EventKind::kEscalation: {
        EscalationItem x;
        x.cite = c.cite;
        x.time = e.time;
        x.from = index.FromCopy(e);
        x.to = index.ToCopy(e);
        x.about = StrOr(e, "about");
        x.text = e.text;
        const CaseEvent* last = nullptr;
        for (const auto* list : {Find(links.replies, e.id), Find(links.updates, e.id)}) {
          if (list && (!last || list->back()->event.time.utc_micros >= last->event.time.utc_micros)) {
            last = list->back();
          }
        }
        if (last) {
          x.ended = last->event.time;
          x.ended_cite = last->cite;
          x.ended_kind = std::string(SpecOf(last->event.kind).name);
          x.ended_text = last->event.text;
        }
        cf.escalations.push_back(std::move(x));
        break;
      }
      case EventKind::kInvoice: {
        InvoiceItem inv;
        inv.cite = c.cite;
        inv.invoice = StrOr(e, "invoice");
        inv.time = e.time;
        inv.amount_minor = IntOr(e, "amount_minor");
        inv.currency = StrOr(e, "currency");
        inv.due = *e.TimeAttr("due");
        invoice_index[inv.invoice] = cf.invoices.size();
        cf.invoices.push_back(std::move(inv));
        break;
      }
      case EventKind::kPayment:
        payments.emplace_back(StrOr(e, "invoice"),
                              PaymentItem{c.cite, e.time, IntOr(e, "amount_minor"), StrOr(e, "currency")});
        break;
      case EventKind::kDiscountRequest: {
        DiscountItem d{c.cite, e.time, index.FromCopy(e), std::nullopt, StrOr(e, "what"), e.text};
        if (const int64_t* pct = e.IntAttr("percent")) d.percent = *pct;
        cf.discount_requests.push_back(std::move(d));
        break;
      }
      case EventKind::kCall: {
        CallItem k;
        k.cite = c.cite;
        k.time = e.time;
        k.from = index.FromCopy(e);
        k.outcome = StrOr(e, "outcome");
        k.agent = StrOr(e, "agent");
        k.queue = StrOr(e, "queue");
        k.direction = StrOr(e, "direction");
        k.transfer_to = StrOr(e, "transfer_to");
        k.queue_wait_s = IntOr(e, "queue_wait_s");
        k.handle_s = IntOr(e, "handle_s");
        k.ivr_s = IntOr(e, "ivr_s");
        cf.calls.push_back(std::move(k));
        break;
      }
      default:
        break;
    }
  }

  // Payments settle invoices in time order (a payment before its invoice still counts); one in
  // another currency than its invoice is listed but not counted.
  for (auto& [id, pay] : payments) {
    auto it = invoice_index.find(id);
    if (it == invoice_index.end()) continue;
    InvoiceItem& inv = cf.invoices[it->second];
    inv.payments.push_back(pay);
    if (pay.currency != inv.currency) continue;
    if (!AddMinor(inv.paid_minor, pay.amount_minor, &inv.paid_minor)) {
      return Overflow(inv, "the payments to it");
    }
    if (!inv.paid_in_full && inv.paid_minor >= inv.amount_minor) inv.paid_in_full = pay.time;
  }
  constexpr int64_t kDay = 86400 * kMicros;
  for (InvoiceItem& inv : cf.invoices) {
    int64_t owed = 0;
    if (!SubtractMinor(inv.amount_minor, inv.paid_minor, &owed)) return Overflow(inv, "its balance");
    inv.outstanding_minor = std::max<int64_t>(0, owed);
    int64_t until = inv.paid_in_full ? inv.paid_in_full->utc_micros : now;
    if (until > inv.due.utc_micros) inv.days_late = (until - inv.due.utc_micros) / kDay;
  }

  for (auto& [id, inc] : incidents) {
    if (inc.start) {
      inc.ongoing = !inc.end;
      int64_t end = inc.end ? inc.end->utc_micros : now;
      inc.downtime_s = std::max<int64_t>(0, end - inc.start->utc_micros) / kMicros;
    }
    cf.incidents.push_back(std::move(inc));
  }
  std::stable_sort(cf.incidents.begin(), cf.incidents.end(), [](const auto& a, const auto& b) {
    auto t = [](const IncidentItem& i) {
      return i.start ? i.start->utc_micros : i.end ? i.end->utc_micros : 0;
    };
    return t(a) < t(b);
  });

  cf.by_channel = Grouped(cf.requests, ChannelGroup);
  cf.by_level = Grouped(cf.requests, LevelGroup);
  std::vector<const RequestItem*> all;
  for (const RequestItem& r : cf.requests) all.push_back(&r);
  cf.overall = Stats("all", all);

  CaseCounts& n = cf.counts;
  n.events = events.size();
  n.requests = cf.requests.size();
  n.answered = cf.overall.answered;
  n.open = cf.overall.open;
  for (const PromiseItem& p : cf.commitments) {
    (p.owner == "ours" ? n.commitments_ours : n.commitments_theirs)++;
    if (p.status == "broken") ++n.broken;
  }
  n.deadlines = cf.deadlines.size();
  n.incidents = cf.incidents.size();
  for (const IncidentItem& i : cf.incidents) n.downtime_s += i.downtime_s;
  n.escalations = cf.escalations.size();
  n.invoices = cf.invoices.size();
  for (const InvoiceItem& i : cf.invoices) n.unpaid += i.outstanding_minor > 0 ? 1 : 0;
  n.discount_requests = cf.discount_requests.size();
  n.calls = cf.calls.size();
  return Status::OK();
}

}  // namespace nanni
