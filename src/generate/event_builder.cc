#include "generate/event_builder.h"

#include <fmt/format.h>

#include <iterator>
#include <vector>

#include "contract/terms.h"
#include "generate/generated_terms.h"
#include "generate/name_pool.h"
#include "generate/text_templates.h"

namespace nanni {

namespace {

constexpr std::string_view kPriorities[] = {"", "low", "normal", "high", "urgent"};
constexpr std::string_view kStatuses[] = {"", "kept", "broken", "withdrawn"};
constexpr std::string_view kOwners[] = {"", "ours", "theirs"};
constexpr std::string_view kPhases[] = {"", "start", "end"};
constexpr std::string_view kSeverities[] = {"", "critical", "major", "minor"};
constexpr std::string_view kOutcomes[] = {"", "answered", "abandoned", "dropped", "transferred"};
constexpr std::string_view kQueues[] = {"", "billing", "technical", "general"};
constexpr std::string_view kDirections[] = {"", "inbound", "outbound"};
constexpr std::string_view kDayNames[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                          "Friday", "Saturday", "Sunday"};
constexpr std::string_view kMonthNames[] = {
    "",     "January", "February",  "March",   "April",    "May",     "June",
    "July", "August",  "September", "October", "November", "December"};

// Writes attributes in place, reusing the strings of the previous event.
class AttributeWriter {
 public:
  explicit AttributeWriter(std::vector<std::pair<std::string, AttributeValue>>* attrs)
      : attrs_(attrs) {}
  ~AttributeWriter() { attrs_->resize(n_); }

  void String(std::string_view name, std::string_view value) {
    AttributeValue& v = Slot(name);
    if (auto* s = std::get_if<std::string>(&v)) {
      s->assign(value);
    } else {
      v.emplace<std::string>(value);
    }
  }
  void Int(std::string_view name, int64_t value) { Slot(name) = value; }
  void Time(std::string_view name, int64_t utc, int32_t offset) {
    Slot(name) = Timestamp{utc, offset};
  }

 private:
  AttributeValue& Slot(std::string_view name) {
    if (n_ == attrs_->size()) attrs_->emplace_back();
    auto& slot = (*attrs_)[n_++];
    slot.first.assign(name);
    return slot.second;
  }

  std::vector<std::pair<std::string, AttributeValue>>* attrs_;
  size_t n_ = 0;
};

// "Friday 14 March" for a time, in its own offset.
void FormatDay(int64_t utc, int32_t offset, std::string* out) {
  int64_t days = FloorDiv(utc + int64_t{offset} * kMicrosPerMinute, kMicrosPerDay);
  int64_t y;
  unsigned m, d;
  CivilFromDays(days, &y, &m, &d);
  fmt::format_to(std::back_inserter(*out), "{} {} {}", kDayNames[Weekday(days)], d, kMonthNames[m]);
}

bool RefIsReply(EventKind kind) {
  return kind == EventKind::kRequest || kind == EventKind::kResponse ||
         kind == EventKind::kMessage || kind == EventKind::kEscalation || kind == EventKind::kNote;
}

}  // namespace

EventBuilder::EventBuilder(uint64_t seed, const AccountProfile& account)
    : account_(account), prefix_(fmt::format("gen-{}:{}:", seed, account.slug)) {}

void EventBuilder::Build(const Item& item, Event* out) {
  Ids(item, out);
  People(item, out);
  Words(item, out);
  if (item.kind == EventKind::kContract) {
    out->text = GeneratedTermsText(account_, Timestamp{item.when_utc, item.when_offset},
                                   Timestamp{item.num2, item.num2_offset});
  }
  Attributes(item, out);
  out->source = SourceRef();
  out->meta.clear();
}

void EventBuilder::FormatId(uint32_t seq, std::string* out) const {
  out->assign(prefix_);
  fmt::format_to(std::back_inserter(*out), "{}", seq);
}

std::string_view EventBuilder::First(int person) const {
  return person >= 0 ? std::string_view(account_.people[person].first) : std::string_view();
}

void EventBuilder::Ids(const Item& item, Event* out) const {
  Event& e = *out;
  FormatId(item.seq, &e.id);
  e.account.assign(account_.slug);
  e.time = Timestamp{item.utc, item.offset};
  e.kind = item.kind;
  if (item.thread != 0) {
    e.thread.assign(prefix_);
    fmt::format_to(std::back_inserter(e.thread), "t{}", item.thread);
  } else {
    e.thread.clear();
  }
  if (item.ref != 0 && RefIsReply(item.kind)) {
    FormatId(item.ref, &e.reply_to);
  } else {
    e.reply_to.clear();
  }
  e.corrects.clear();
  if (item.channel != 0) {
    e.channel.assign(Channels()[item.channel - 1]);
  } else {
    e.channel.clear();
  }
}

void EventBuilder::People(const Item& item, Event* out) const {
  Event& e = *out;
  if (item.from >= 0) {
    e.from = account_.people[item.from].contact;
  } else {
    e.from.reset();
  }
  size_t n = 0;
  while (n < std::size(item.to) && item.to[n] >= 0) ++n;
  e.to.resize(n);
  for (size_t i = 0; i < n; ++i) e.to[i] = account_.people[item.to[i]].contact;
}

void EventBuilder::Words(const Item& item, Event* out) {
  Event& e = *out;
  TextVars vars;
  vars.first = First(item.to[0]);
  vars.me = First(item.from);
  vars.company = account_.name;
  vars.seed = item.var_seed;
  vars.years = item.num3;
  due_.clear();
  if (item.when_utc != 0) FormatDay(item.when_utc, item.when_offset, &due_);
  vars.due = due_;
  invoice_.clear();
  bool billing = item.kind == EventKind::kInvoice || item.kind == EventKind::kPayment ||
                 (item.kind == EventKind::kMessage && item.num2 != 0);
  if (billing)
    fmt::format_to(std::back_inserter(invoice_), "INV-{:04}-{:03}", account_.index + 1, item.num2);
  vars.invoice = invoice_;
  what_.clear();
  if (item.what != TextList::kNone) ExpandTemplate(Texts(item.what)[item.what_idx], vars, &what_);
  vars.what = what_;

  e.subject.clear();
  if (item.subject != TextList::kNone) {
    if (item.flags & kFlagReply) e.subject.assign("Re: ");
    ExpandTemplate(Texts(item.subject)[item.subject_idx], vars, &e.subject);
  }
  e.text.clear();
  if (item.text != TextList::kNone) ExpandTemplate(Texts(item.text)[item.text_idx], vars, &e.text);
  if (item.text2 != TextList::kNone) {
    if (!e.text.empty()) e.text.push_back(' ');
    ExpandTemplate(Texts(item.text2)[item.text2_idx], vars, &e.text);
  }
}

void EventBuilder::Attributes(const Item& item, Event* out) {
  AttributeWriter w(&out->attributes);
  std::string_view currency = account_.currency;
  switch (item.kind) {
    case EventKind::kRequest:
      if (item.when_utc != 0) w.Time("due", item.when_utc, item.when_offset);
      if (item.e1 != 0) w.String("priority", kPriorities[item.e1]);
      if (item.e2 == 100) w.String("topic", "outage");
      if (item.e2 != 0 && item.e2 != 100) w.String("topic", Topics()[item.e2 - 1].name);
      break;
    case EventKind::kCommitment:
      w.Time("due", item.when_utc, item.when_offset);
      w.String("owner", kOwners[item.e1]);
      w.String("what", what_);
      break;
    case EventKind::kCommitmentOutcome:
      FormatId(item.ref, &scratch_);
      w.String("commitment", scratch_);
      w.String("status", kStatuses[item.e1]);
      break;
    case EventKind::kDeadline:
      w.Time("due", item.when_utc, item.when_offset);
      w.String("what", what_);
      break;
    case EventKind::kIncident:
      scratch_.assign(prefix_);
      fmt::format_to(std::back_inserter(scratch_), "inc{}", item.num3);
      w.String("incident", scratch_);
      w.String("phase", kPhases[item.e1]);
      w.String("severity", kSeverities[item.e2]);
      w.String("what", what_);
      break;
    case EventKind::kEscalation:
      w.String("about", what_);
      if (item.flags & kFlagCauseRecorded) w.String("cause", EscalationCauseName(item.e1));
      break;
    case EventKind::kCall:
      if (item.to[0] >= 0 && !account_.people[item.to[0]].contact.id.empty()) {
        w.String("agent", account_.people[item.to[0]].contact.id);
      }
      w.String("direction", kDirections[item.e3]);
      w.Int("handle_s", item.num);
      if (item.num3 != 0) w.Int("ivr_s", item.num3);
      w.String("outcome", kOutcomes[item.e1]);
      w.String("queue", kQueues[item.e2]);
      w.Int("queue_wait_s", item.num2);
      if (item.e4 != 0) w.String("transfer_to", kQueues[item.e4]);
      break;
    case EventKind::kInvoice:
      w.Int("amount_minor", item.num);
      w.String("currency", currency);
      w.Time("due", item.when_utc, item.when_offset);
      w.String("invoice", invoice_);
      break;
    case EventKind::kPayment:
      w.Int("amount_minor", item.num);
      w.String("currency", currency);
      w.String("invoice", invoice_);
      break;
    case EventKind::kDiscountRequest:
      w.Int("percent", item.num);
      w.String("what", what_);
      break;
    case EventKind::kStatusUpdate:
      FormatId(item.ref, &scratch_);
      w.String("refers_to", scratch_);
      break;
    case EventKind::kContract:
      scratch_.clear();
      fmt::format_to(std::back_inserter(scratch_), "CTR-{:04}", account_.index + 1);
      w.String("contract", scratch_);
      w.String("currency", currency);
      w.Time("ends", item.num2, item.num2_offset);
      w.Time("starts", item.when_utc, item.when_offset);
      w.String("terms_sha256", TermsDigest(out->text));
      w.Int("value_minor", item.num);
      break;
    case EventKind::kResponse:
    case EventKind::kMessage:
    case EventKind::kNote: break;
  }
}

}  // namespace nanni
