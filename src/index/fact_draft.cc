#include "index/fact_draft.h"

#include <algorithm>
#include <limits>

#include "event/contact_key.h"
#include "event/kind.h"
#include "text/chase.h"
#include "tone/tone_text.h"

namespace nanni {

namespace {

constexpr char kSeparator = '\x1f';

// 1 + the index of `value` among the choices of `kind`'s attribute `name`; 0 when absent.
uint8_t ChoiceCode(EventKind kind, std::string_view name, const std::string* value) {
  if (value == nullptr) return 0;
  const AttributeSpec* spec = FindAttribute(SpecOf(kind), name);
  if (spec == nullptr) return 0;
  auto it = std::find(spec->choices.begin(), spec->choices.end(), *value);
  return it == spec->choices.end() ? 0 : static_cast<uint8_t>(1 + (it - spec->choices.begin()));
}

uint8_t ChannelCode(const std::string& channel) {
  auto channels = Channels();
  auto it = std::find(channels.begin(), channels.end(), channel);
  return it == channels.end() ? 0 : static_cast<uint8_t>(1 + (it - channels.begin()));
}

void AssignOr(const std::string* value, std::string* out) {
  if (value != nullptr) {
    out->assign(*value);
  } else {
    out->clear();
  }
}

int64_t IntOr(const Event& e, std::string_view name) {
  const int64_t* v = e.IntAttr(name);
  return v ? *v : 0;
}

int64_t TimeOr(const Event& e, std::string_view name) {
  const Timestamp* t = e.TimeAttr(name);
  return t ? t->utc_micros : 0;
}

void DraftCore(const Event& e, FactDraft* d) {
  d->id.assign(e.id);
  d->account.assign(e.account);
  d->from.clear();
  if (e.from) AppendContactString(*e.from, &d->from);
  d->reply_to.assign(e.reply_to);
  d->corrects.assign(e.corrects);
  const std::string* ref = e.kind == EventKind::kStatusUpdate        ? e.StringAttr("refers_to")
                           : e.kind == EventKind::kCommitmentOutcome ? e.StringAttr("commitment")
                                                                     : nullptr;
  AssignOr(ref, &d->ref);
  Fact& f = d->fact;
  f = Fact();
  f.time_utc_micros = e.time.utc_micros;
  f.offset_minutes = static_cast<int16_t>(e.time.offset_minutes);
  f.kind = static_cast<uint8_t>(e.kind);
  f.channel = ChannelCode(e.channel);
  if (e.from) {
    f.from_side = static_cast<uint8_t>(e.from->side);
    f.from_level = static_cast<uint8_t>(e.from->level);
    f.participants |= ParticipantBit(f.from_side, f.from_level);
  }
  for (const Contact& c : e.to) {
    f.participants |= ParticipantBit(static_cast<int>(c.side), static_cast<int>(c.level));
  }
}

// A call's duration as CallFact keeps it (the schema makes them non-negative).
int32_t Seconds32(int64_t seconds) {
  return static_cast<int32_t>(std::clamp<int64_t>(seconds, 0, std::numeric_limits<int32_t>::max()));
}

void DraftCall(const Event& e, FactDraft* d) {
  d->table = FactDraft::Table::kCall;
  CallFact& c = d->call;
  c = CallFact();
  c.queue_wait_s = Seconds32(IntOr(e, "queue_wait_s"));
  c.handle_s = Seconds32(IntOr(e, "handle_s"));
  c.ivr_s = Seconds32(IntOr(e, "ivr_s"));
  c.outcome = ChoiceCode(e.kind, "outcome", e.StringAttr("outcome"));
  c.direction = ChoiceCode(e.kind, "direction", e.StringAttr("direction"));
  AssignOr(e.StringAttr("agent"), &d->agent);
  AssignOr(e.StringAttr("queue"), &d->queue);
  AssignOr(e.StringAttr("transfer_to"), &d->transfer_to);
}

void DraftMoney(const Event& e, FactDraft* d) {
  d->table = FactDraft::Table::kMoney;
  MoneyFact& m = d->money;
  m = MoneyFact();
  m.amount_minor = IntOr(e, "amount_minor");
  m.due_utc_micros = TimeOr(e, "due");
  AssignOr(e.StringAttr("invoice"), &d->invoice);
  AssignOr(e.StringAttr("currency"), &d->currency);
}

void DraftPromise(const Event& e, FactDraft* d) {
  d->table = FactDraft::Table::kPromise;
  PromiseFact& p = d->promise;
  p = PromiseFact();
  p.due_utc_micros = TimeOr(e, "due");
  if (e.kind == EventKind::kCommitment) p.owner = ChoiceCode(e.kind, "owner", e.StringAttr("owner"));
  if (e.kind == EventKind::kDeadline) p.owner = 2;  // the customer set it
  if (e.kind == EventKind::kCommitmentOutcome) p.status = ChoiceCode(e.kind, "status", e.StringAttr("status"));
  AssignOr(e.StringAttr("what"), &d->what);
}

void DraftContract(const Event& e, FactDraft* d) {
  d->table = FactDraft::Table::kContract;
  ContractFact& c = d->contract;
  c = ContractFact();
  c.starts_utc_micros = TimeOr(e, "starts");
  c.ends_utc_micros = TimeOr(e, "ends");
  c.value_minor = IntOr(e, "value_minor");
  AssignOr(e.StringAttr("contract"), &d->contract_key);
  AssignOr(e.StringAttr("currency"), &d->currency);
}

void DraftEscalation(const Event& e, FactDraft* d) {
  d->table = FactDraft::Table::kEscalation;
  AssignOr(e.StringAttr("cause"), &d->cause);
}

void DraftIncident(const Event& e, FactDraft* d) {
  d->table = FactDraft::Table::kIncident;
  d->incident = IncidentFact();
  const std::string* phase = e.StringAttr("phase");
  d->incident.start = phase != nullptr && *phase == "start";
  AssignOr(e.StringAttr("incident"), &d->incident_key);
}

}  // namespace

void ScoreTone(ToneScorer* scorer, ToneScore* score, FactDraft* d) {
  if (!d->has_tone) return;
  scorer->ScoreNewText(d->tone_text, score);
  ToneFact& t = d->tone;
  t = ToneFact();
  t.politeness = score->Score(ToneDimension::kPoliteness);
  t.demanding = score->Score(ToneDimension::kDemanding);
  t.collaboration = score->Score(ToneDimension::kCollaboration);
  t.abuse = score->Score(ToneDimension::kAbuse);
  t.max_threat = score->MaxThreat();
  t.max_badgering = score->MaxBadgering();
  for (int dim = static_cast<int>(ToneDimension::kAbuse); dim < kToneDimensions; ++dim) {
    if (score->score[dim] >= 0.5f) t.flagged_sum += score->score[dim];
  }
  t.flags = (score->Flagged(ToneDimension::kDemanding) ? kDemandingFlag : 0) |
            (score->Flagged(ToneDimension::kAbuse) ? kAbusiveFlag : 0) |
            (t.max_threat >= 0.5f ? kThreatFlag : 0) | (t.max_badgering >= 0.5f ? kBadgeringFlag : 0) |
            (ChasePhrases::Default().Chases(d->tone_text) ? kChaseFlag : 0);
  for (int dim = static_cast<int>(ToneDimension::kThreatLegal); IsThreat(dim); ++dim) {
    if (score->score[dim] >= 0.5f) t.threats |= static_cast<uint8_t>(1u << (dim - static_cast<int>(ToneDimension::kThreatLegal)));
  }
}

void AppendContactString(const Contact& c, std::string* out) {
  AppendContactKey(c, out);
  *out += kSeparator;
  *out += c.name;
  *out += kSeparator;
  *out += c.email;
}

std::string ContactString(const Contact& c) {
  std::string s;
  AppendContactString(c, &s);
  return s;
}

ContactParts SplitContactString(std::string_view s) {
  ContactParts p;
  size_t a = s.find(kSeparator);
  p.key = s.substr(0, a);
  if (a == std::string_view::npos) return p;
  size_t b = s.find(kSeparator, a + 1);
  p.name = s.substr(a + 1, b == std::string_view::npos ? std::string_view::npos : b - a - 1);
  if (b != std::string_view::npos) p.email = s.substr(b + 1);
  return p;
}

void DraftFact(const Event& e, FactDraft* out) {
  DraftCore(e, out);
  out->table = FactDraft::Table::kNone;
  switch (e.kind) {
    case EventKind::kCall: DraftCall(e, out); break;
    case EventKind::kInvoice:
    case EventKind::kPayment: DraftMoney(e, out); break;
    case EventKind::kCommitment:
    case EventKind::kDeadline:
    case EventKind::kCommitmentOutcome: DraftPromise(e, out); break;
    case EventKind::kIncident: DraftIncident(e, out); break;
    case EventKind::kContract: DraftContract(e, out); break;
    case EventKind::kEscalation: DraftEscalation(e, out); break;
    default: break;
  }
  out->has_tone = IsCustomerWords(e);
  out->tone_text.clear();
  if (out->has_tone) AppendToneText(e, &out->tone_text);
}

}  // namespace nanni
