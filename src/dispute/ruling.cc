#include "dispute/ruling.h"

#include <fmt/format.h>

#include "dispute/json_fields.h"
#include "event/event_decoder.h"
#include "ledger/checkpoint_log.h"
#include "ledger/event_proof.h"
#include "util/printable.h"

namespace nanni {

namespace {

using namespace dispute_json;

constexpr std::string_view kDoc = "ruling";
constexpr std::string_view kFormat = "nanni-ruling/1";
constexpr size_t kMaxDifferences = 20;

std::string Scalar(const element& e) {
  std::string text = simdjson::to_string(e);
  return text.size() > 120 ? text.substr(0, 117) + "..." : text;
}

// Appends where `ruling` and `recomputed` differ, by path, up to kMaxDifferences.
void Diff(const element& ruling, const element& recomputed, const std::string& path, std::vector<std::string>* out) {
  if (out->size() >= kMaxDifferences) return;
  object a, b;
  simdjson::dom::array x, y;
  if (ruling.get_object().get(a) == simdjson::SUCCESS && recomputed.get_object().get(b) == simdjson::SUCCESS) {
    for (auto [key, value] : b) {
      element other;
      if (a.at_key(key).get(other) != simdjson::SUCCESS) {
        out->push_back(fmt::format("{}.{}: missing from the ruling", path, Printable(key, 60)));
      } else {
        Diff(other, value, fmt::format("{}.{}", path, Printable(key, 60)), out);
      }
    }
    for (auto [key, value] : a) {
      element other;
      if (b.at_key(key).get(other) != simdjson::SUCCESS) {
        out->push_back(fmt::format("{}.{}: not in the recomputed decision", path, Printable(key, 60)));
      }
    }
    return;
  }
  if (ruling.get_array().get(x) == simdjson::SUCCESS && recomputed.get_array().get(y) == simdjson::SUCCESS) {
    if (x.size() != y.size()) {
      out->push_back(fmt::format("{}: the ruling has {} items, the evidence gives {}", path, x.size(), y.size()));
    }
    for (size_t i = 0; i < std::min(x.size(), y.size()); ++i) Diff(x.at(i).value(), y.at(i).value(), fmt::format("{}[{}]", path, i), out);
    return;
  }
  const std::string s = simdjson::to_string(ruling), t = simdjson::to_string(recomputed);
  if (s != t) out->push_back(fmt::format("{}: the ruling says {}, the evidence gives {}", path, Printable(Scalar(ruling), 130),
                                         Printable(Scalar(recomputed), 130)));
}

struct ParsedRuling {
  simdjson::dom::parser parser;
  Claim claim;
  element decision;
  std::string checkpoint;
  std::vector<EvidenceItem> evidence;
};

Status ParseEvidence(const object& root, std::vector<EvidenceItem>* out) {
  element e;
  bool found = false;
  NANNI_RETURN_IF_ERROR(Member(kDoc, root, "", "evidence", true, &e, &found));
  simdjson::dom::array items;
  if (e.get_array().get(items) != simdjson::SUCCESS) return FieldError(kDoc, "evidence", "must be an array");
  for (element item : items) {
    const std::string at = fmt::format("evidence[{}]", out->size());
    object o;
    if (item.get_object().get(o) != simdjson::SUCCESS) return FieldError(kDoc, at, "must be an object {\"id\", \"proof\"}");
    NANNI_RETURN_IF_ERROR(OnlyKeys(kDoc, o, at, {"id", "proof"}));
    EvidenceItem& ev = out->emplace_back();
    NANNI_RETURN_IF_ERROR(String(kDoc, o, at, "id", true, &ev.id));
    NANNI_RETURN_IF_ERROR(String(kDoc, o, at, "proof", true, &ev.proof));
  }
  return Status::OK();
}

Status ParseRulingDocument(std::string_view text, ParsedRuling* out) {
  element doc;
  object root;
  if (out->parser.parse(text.data(), text.size()).get(doc) != simdjson::SUCCESS || doc.get_object().get(root) != simdjson::SUCCESS) {
    return Status::InvalidInput("ruling: not a JSON object");
  }
  NANNI_RETURN_IF_ERROR(OnlyKeys(kDoc, root, "", {"ruling", "claim", "decision", "checkpoint", "evidence"}));
  std::string format;
  NANNI_RETURN_IF_ERROR(String(kDoc, root, "", "ruling", true, &format));
  if (format != kFormat) return FieldError(kDoc, "ruling", fmt::format("must be \"{}\"", kFormat));
  element claim;
  bool found = false;
  NANNI_RETURN_IF_ERROR(Member(kDoc, root, "", "claim", true, &claim, &found));
  Status st = ParseClaim(simdjson::to_string(claim), &out->claim);
  if (!st.ok()) return Status::InvalidInput(fmt::format("ruling: its {}", st.message()));
  NANNI_RETURN_IF_ERROR(Member(kDoc, root, "", "decision", true, &out->decision, &found));
  NANNI_RETURN_IF_ERROR(String(kDoc, root, "", "checkpoint", true, &out->checkpoint));
  return ParseEvidence(root, &out->evidence);
}

// Verifies every proof against the one trusted checkpoint and decodes its event.
Status ProvenEvents(const ParsedRuling& r, const TrustedCheckpoint& trusted, std::vector<CaseEvent>* out) {
  EventDecoder decoder;
  for (size_t i = 0; i < r.evidence.size(); ++i) {
    const EvidenceItem& item = r.evidence[i];
    auto fail = [&](const Status& st) {
      return Status::Corruption(fmt::format("evidence[{}] (event '{}'): {}", i, Printable(item.id, 120), st.message()));
    };
    ProofBundle proof;
    EventLeaf leaf;
    Status st = ParseProofBundle(item.proof, &proof);
    if (st.ok()) st = VerifyEventProofIn(proof, r.checkpoint, trusted, &leaf);
    if (!st.ok()) return fail(st);
    CaseEvent& c = out->emplace_back();
    st = decoder.Decode(leaf.body, &c.event);
    if (!st.ok()) return fail(st);
    if (c.event.id != item.id) return fail(Status::Corruption(fmt::format("the proven event is '{}'", Printable(c.event.id, 120))));
    if (c.event.account != r.claim.account) {
      return fail(Status::Corruption(fmt::format("the event is of account '{}', not the claim's", Printable(c.event.account, 120))));
    }
    c.cite.event_id = c.event.id;
    c.cite.seq = leaf.seq;
    c.recorded_utc_micros = leaf.recorded_utc_micros;
  }
  return Status::OK();
}

}  // namespace

std::string FormatRuling(const Ruling& r) {
  JsonOut out;
  out.BeginObject().Field("ruling", kFormat).Key("claim");
  WriteClaim(r.claim, &out);
  out.Key("decision");
  WriteDecision(r.decision, &out);
  out.Field("checkpoint", r.checkpoint).Key("evidence").BeginArray();
  for (const EvidenceItem& e : r.evidence) out.BeginObject().Field("id", e.id).Field("proof", e.proof).EndObject();
  out.EndArray().EndObject().Raw("\n");
  return out.Take();
}

Status CheckRuling(std::string_view text, const NoteVerifier& log_key, const ReferenceRates& rates, RulingCheck* report) {
  *report = RulingCheck();
  ParsedRuling r;
  NANNI_RETURN_IF_ERROR(ParseRulingDocument(text, &r));
  TrustedCheckpoint trusted;
  Status st = TrustCheckpoint(r.checkpoint, log_key, {}, 0, &trusted);
  if (!st.ok()) return Status::Corruption(fmt::format("ruling field 'checkpoint': {}", st.message()));
  report->checkpoint_size = trusted.checkpoint.size;
  report->origin = trusted.checkpoint.origin;
  std::vector<CaseEvent> events;
  NANNI_RETURN_IF_ERROR(ProvenEvents(r, trusted, &events));
  report->evidence = events.size();
  ReportMoment moment;
  Decision recomputed;
  element as_of;
  std::string_view as_of_text;
  int64_t as_of_micros = 0;
  if (r.decision.at_key("as_of").get(as_of) != simdjson::SUCCESS || as_of.get_string().get(as_of_text) != simdjson::SUCCESS ||
      !ParseTimeBound(as_of_text, &as_of_micros).ok()) {
    return Status::InvalidInput("ruling field 'decision.as_of': must be an RFC 3339 time");
  }
  moment.as_of = Timestamp{as_of_micros, 0};
  PrepareCaseEvents(moment, &events);
  NANNI_RETURN_IF_ERROR(Decide(r.claim, events, as_of_micros, rates, &recomputed));
  report->verdict = VerdictName(recomputed.verdict);
  report->awarded_minor = recomputed.awarded_minor;
  report->currency = recomputed.currency;
  JsonOut json;
  WriteDecision(recomputed, &json);
  const std::string mine = json.Take();
  simdjson::dom::parser parser;
  element theirs_again;
  if (parser.parse(mine).get(theirs_again) != simdjson::SUCCESS) return Status::Corruption("the recomputed decision is not JSON");
  Diff(r.decision, theirs_again, "decision", &report->differences);
  if (report->differences.empty()) return Status::OK();
  return Status::Corruption(fmt::format("the decision differs from what its evidence gives: {}",
                                        fmt::join(report->differences, "; ")));
}

}  // namespace nanni
