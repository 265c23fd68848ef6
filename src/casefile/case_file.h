// CaseFile and Briefing: what the analysis found for one account, as plain data.
//
// Built by CaseFileBuilder and BriefingBuilder from ledger entries; turned into text,
// Markdown, JSON or HTML by the renderers in src/render/. Nothing here is formatted: times are
// Timestamps, durations are seconds, money is minor units. Every item keeps the Citation of
// the event(s) it came from. The meaning of each field is documented in docs/case-file.md.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "event/event.h"
#include "util/time.h"

namespace nanni {

// Where a fact came from: the source (file and line, or ref) and its place in the ledger.
struct Citation {
  std::string event_id;
  std::string file;
  int64_t line = 0;
  std::string ref;
  uint64_t seq = 0;
  std::string hash;  // first 12 hex digits of the entry's leaf hash (ledger/leaf.h)
};

// A person as a report names them.
struct CasePerson {
  std::string key;    // lower-case email, else id, else lower-case name
  std::string name;   // name, else email, else id
  std::string title;
  Side side = Side::kUnknown;
  Level level = Level::kUnknown;
};

// A duration measured twice: on the calendar and in business hours.
struct DurationPair {
  int64_t calendar_s = 0;
  int64_t business_s = 0;
};

struct RequestItem {
  Citation cite;
  Timestamp time;
  std::optional<CasePerson> from;
  std::string channel;  // "" when the source did not say
  std::string subject, text, priority, topic;
  std::optional<Timestamp> due;
  // The first answer (a response whose reply_to names this request).
  bool answered = false;
  std::optional<Citation> response_cite;
  std::optional<Timestamp> response_time;
  std::optional<CasePerson> response_by;
  std::optional<DurationPair> response;  // request -> first answer
  // The last answer (the same as the first when there is one).
  std::optional<Timestamp> resolution_time;
  std::optional<DurationPair> resolution;  // request -> last answer
  int answers = 0;
  std::optional<DurationPair> open_age;  // request -> as_of, for open requests
};

// Median, 90th percentile and worst of a set of durations (nearest-rank percentiles).
struct DurationStats {
  size_t count = 0;
  int64_t median_s = 0, p90_s = 0, worst_s = 0;
};

struct TimeStats {
  std::string group;  // the channel or level ("" shown as "unknown")
  size_t requests = 0, answered = 0, open = 0;
  DurationStats response_calendar, response_business;
  DurationStats resolution_calendar, resolution_business;
};

// A commitment (either side) or a customer deadline, and how it ended.
struct PromiseItem {
  Citation cite;
  Timestamp time;
  std::string owner;  // "ours" or "theirs" (deadlines: "theirs" set it)
  std::string what;
  Timestamp due;
  std::optional<CasePerson> from;
  std::vector<CasePerson> to;
  // "kept", "broken", "withdrawn" (from a commitment_outcome) or "open".
  std::string status = "open";
  std::optional<Timestamp> settled;
  std::optional<Citation> outcome_cite;
  std::string outcome_text;
  // Seconds past due: kept or broken late (settled - due, when > 0), or open past due (as_of - due).
  int64_t late_s = 0;
  bool past_due = false;  // due is before as_of and the item is not kept on time
  // Deadlines: met when kept no later than due.
  bool met = false;
  // The first status_update that refers to it before its due date.
  std::optional<Timestamp> update_before_due;
  std::optional<Citation> update_cite;
};

struct IncidentItem {
  std::string incident;
  std::string what, severity;
  std::optional<Timestamp> start, end;
  std::optional<Citation> start_cite, end_cite;
  bool ongoing = false;  // no end recorded by as_of (downtime counts to as_of)
  int64_t downtime_s = 0;
};

struct EscalationItem {
  Citation cite;
  Timestamp time;
  std::optional<CasePerson> from;
  std::vector<CasePerson> to;
  std::string about, text;
  // How it ended: the last response (reply_to) or status_update (refers_to) about it.
  std::optional<Timestamp> ended;
  std::optional<Citation> ended_cite;
  std::string ended_kind, ended_text;
};

struct PaymentItem {
  Citation cite;
  Timestamp time;
  int64_t amount_minor = 0;
  std::string currency;
};

struct InvoiceItem {
  Citation cite;
  std::string invoice;
  Timestamp time;
  int64_t amount_minor = 0;
  std::string currency;
  Timestamp due;
  std::vector<PaymentItem> payments;
  int64_t paid_minor = 0;
  int64_t outstanding_minor = 0;
  std::optional<Timestamp> paid_in_full;
  int64_t days_late = 0;  // paid in full after due: whole days late; unpaid past due: days to as_of
};

struct DiscountItem {
  Citation cite;
  Timestamp time;
  std::optional<CasePerson> from;
  std::optional<int64_t> percent;
  std::string what, text;
};

struct CallItem {
  Citation cite;
  Timestamp time;
  std::optional<CasePerson> from;
  std::string outcome, agent, queue, direction, transfer_to;
  int64_t queue_wait_s = 0, handle_s = 0, ivr_s = 0;
};

// One line of the chronology: every event, in time order. The citation pointer and the string
// views point into the events the case file was built from (CaseFileBuilder::Build), which
// must outlive it: an account of ten thousand events would otherwise hold its texts twice.
// The people point into the case file's `people`, which copies of the case file share.
struct ChronologyLine {
  const Citation* cite = nullptr;  // never null in a built case file
  Timestamp time;
  EventKind kind = EventKind::kNote;
  const CasePerson* from = nullptr;  // null when the source named no sender
  std::vector<const CasePerson*> to;  // never null
  std::string_view channel, subject;
  std::string_view text;      // verbatim (customer text is quoted, never paraphrased)
  std::string_view detail;    // the kind's main attribute (call outcome, what, status, phase...)
  std::string_view corrects;  // id of the event this one corrects
};

struct CaseCounts {
  size_t events = 0, requests = 0, answered = 0, open = 0, commitments_ours = 0,
         commitments_theirs = 0, broken = 0, deadlines = 0, incidents = 0, escalations = 0,
         invoices = 0, unpaid = 0, discount_requests = 0, calls = 0;
  int64_t downtime_s = 0;
};

// Borrows: its chronology views the events it was built from (ChronologyLine), so it is not a
// value on its own. Engine::CaseFile returns it inside a CaseReport, which owns both.
struct CaseFile {
  std::string account;
  Timestamp as_of;
  std::string business_time_zone;
  CaseCounts counts;
  std::vector<ChronologyLine> chronology;
  // Everyone the chronology names, once per distinct contact (the lines point here).
  std::shared_ptr<const std::deque<CasePerson>> people;
  std::vector<RequestItem> requests;  // in time order
  std::vector<TimeStats> by_channel, by_level;
  TimeStats overall;
  std::vector<PromiseItem> commitments, deadlines;
  std::vector<IncidentItem> incidents;
  std::vector<EscalationItem> escalations;
  std::vector<InvoiceItem> invoices;
  std::vector<DiscountItem> discount_requests;
  std::vector<CallItem> calls;
};

// ---- The briefing ----

struct BriefPerson {
  CasePerson person;
  size_t sent = 0, received = 0;
  std::optional<Timestamp> first_seen, last_seen;
};

struct LastContact {
  Side side = Side::kUnknown;
  Level level = Level::kUnknown;
  Timestamp time;
  CasePerson person;
  Citation cite;
};

// Who spoke with whom: rows are their people, columns ours; cells count events between them
// in either direction.
struct ContactMatrix {
  std::vector<CasePerson> rows, columns;
  std::vector<std::vector<size_t>> cells;
};

struct Demand {
  std::string label;  // the request's topic, else its normalised subject
  size_t times = 0, open = 0;
  Timestamp first_asked, last_asked;
  std::vector<Citation> cites;  // every request of the group, in time order
  std::string example_text;     // the first request's text, verbatim
};

struct Briefing {
  std::string account;
  Timestamp as_of;
  std::vector<BriefPerson> theirs, ours;  // by level (executive first), then by activity
  ContactMatrix matrix;
  std::vector<LastContact> last_contacts;  // one per (side, level) seen
  std::vector<RequestItem> longest_waiting;
  std::vector<Demand> demands;
};

}  // namespace nanni
