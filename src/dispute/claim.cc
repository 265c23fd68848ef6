#include "dispute/claim.h"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "contract/rules.h"
#include "dispute/json_fields.h"
#include "util/printable.h"

namespace nanni {

namespace {

using namespace dispute_json;

constexpr std::string_view kDoc = "claim";
constexpr std::string_view kFormat = "nanni-claim/1";
constexpr size_t kMaxAsks = 1000, kMaxEvidence = 100000;

Status ReadPeriod(const object& root, ContractPeriod* out) {
  element e;
  bool found = false;
  NANNI_RETURN_IF_ERROR(Member(kDoc, root, "", "period", false, &e, &found));
  if (!found) return Status::OK();
  object o;
  if (e.get_object().get(o) != simdjson::SUCCESS) return FieldError(kDoc, "period", "must be an object {\"from\", \"to\"}");
  NANNI_RETURN_IF_ERROR(OnlyKeys(kDoc, o, "period", {"from", "to"}));
  for (auto [key, field, day] : {std::tuple{"from", &out->from_utc_micros, &out->from_day},
                                  std::tuple{"to", &out->to_utc_micros, &out->to_day}}) {
    std::string text;
    NANNI_RETURN_IF_ERROR(String(kDoc, o, "period", key, false, &text));
    if (!text.empty() && !ParsePeriodBound(text, field, day).ok()) {
      return FieldError(kDoc, Path("period", key), "must be a date (2026-03-01, in the terms' time zone) or an RFC 3339 time");
    }
  }
  if (out->to_utc_micros <= out->from_utc_micros) return FieldError(kDoc, "period.to", "must be later than period.from");
  return Status::OK();
}

Status ReadAsk(const element& e, const std::string& at, ClaimAsk* out) {
  object o;
  if (e.get_object().get(o) != simdjson::SUCCESS) return FieldError(kDoc, at, "must be an object");
  NANNI_RETURN_IF_ERROR(OnlyKeys(kDoc, o, at, {"rule", "subject", "amount_minor"}));
  NANNI_RETURN_IF_ERROR(String(kDoc, o, at, "rule", true, &out->rule));
  if (std::find(std::begin(rules::kAll), std::end(rules::kAll), out->rule) == std::end(rules::kAll)) {
    return FieldError(kDoc, Path(at, "rule"), fmt::format("'{}' is not a rule ({})", Printable(out->rule, 60),
                                                          fmt::join(rules::kAll, ", ")));
  }
  NANNI_RETURN_IF_ERROR(String(kDoc, o, at, "subject", false, &out->subject));
  bool found = false;
  int64_t amount = 0;
  NANNI_RETURN_IF_ERROR(Int(kDoc, o, at, "amount_minor", false, &found, &amount));
  if (found && amount < 0) return FieldError(kDoc, Path(at, "amount_minor"), "must not be negative");
  if (found) out->amount_minor = amount;
  return Status::OK();
}

Status ReadAsks(const object& root, Claim* out) {
  element e;
  bool found = false;
  NANNI_RETURN_IF_ERROR(Member(kDoc, root, "", "asks", true, &e, &found));
  simdjson::dom::array asks;
  if (e.get_array().get(asks) != simdjson::SUCCESS || asks.size() == 0 || asks.size() > kMaxAsks) {
    return FieldError(kDoc, "asks", fmt::format("must be an array of 1 to {} asks", kMaxAsks));
  }
  for (element ask : asks) {
    const std::string at = fmt::format("asks[{}]", out->asks.size());
    NANNI_RETURN_IF_ERROR(ReadAsk(ask, at, &out->asks.emplace_back()));
  }
  return Status::OK();
}

Status ReadEvidence(const object& root, Claim* out) {
  element e;
  bool found = false;
  NANNI_RETURN_IF_ERROR(Member(kDoc, root, "", "evidence", false, &e, &found));
  if (!found) return Status::OK();
  simdjson::dom::array ids;
  if (e.get_array().get(ids) != simdjson::SUCCESS || ids.size() > kMaxEvidence) {
    return FieldError(kDoc, "evidence", "must be an array of event ids");
  }
  for (element id : ids) {
    std::string_view s;
    if (id.get_string().get(s) != simdjson::SUCCESS || s.empty()) {
      return FieldError(kDoc, fmt::format("evidence[{}]", out->evidence.size()), "must be a non-empty event id");
    }
    out->evidence.emplace_back(s);
  }
  return Status::OK();
}

}  // namespace

Status ParseClaim(std::string_view json, Claim* out) {
  *out = Claim();
  simdjson::dom::parser parser;
  element doc;
  if (parser.parse(json.data(), json.size()).get(doc) != simdjson::SUCCESS) {
    return Status::InvalidInput("claim: not a JSON document");
  }
  object root;
  if (doc.get_object().get(root) != simdjson::SUCCESS) return Status::InvalidInput("claim: must be a JSON object");
  NANNI_RETURN_IF_ERROR(OnlyKeys(kDoc, root, "", {"claim", "claimant", "account", "contract", "terms_sha256", "period",
                                                  "asks", "evidence", "statement"}));
  std::string format;
  NANNI_RETURN_IF_ERROR(String(kDoc, root, "", "claim", true, &format));
  if (format != kFormat) return FieldError(kDoc, "claim", fmt::format("must be \"{}\"", kFormat));
  NANNI_RETURN_IF_ERROR(String(kDoc, root, "", "claimant", true, &out->claimant));
  if (out->claimant != "customer" && out->claimant != "provider") {
    return FieldError(kDoc, "claimant", "must be \"customer\" or \"provider\"");
  }
  NANNI_RETURN_IF_ERROR(String(kDoc, root, "", "account", true, &out->account));
  if (out->account.empty()) return FieldError(kDoc, "account", "must not be empty");
  NANNI_RETURN_IF_ERROR(String(kDoc, root, "", "contract", false, &out->contract));
  NANNI_RETURN_IF_ERROR(String(kDoc, root, "", "terms_sha256", false, &out->terms_sha256));
  if (!out->terms_sha256.empty() && (out->terms_sha256.size() != 64 ||
                                     out->terms_sha256.find_first_not_of("0123456789abcdef") != std::string::npos)) {
    return FieldError(kDoc, "terms_sha256", "must be 64 lowercase hex digits");
  }
  NANNI_RETURN_IF_ERROR(ReadPeriod(root, &out->period));
  NANNI_RETURN_IF_ERROR(ReadAsks(root, out));
  NANNI_RETURN_IF_ERROR(ReadEvidence(root, out));
  return String(kDoc, root, "", "statement", false, &out->statement);
}

void WriteClaim(const Claim& c, JsonOut* out) {
  out->BeginObject();
  out->Field("claim", kFormat).Field("claimant", c.claimant).Field("account", c.account);
  if (!c.contract.empty()) out->Field("contract", c.contract);
  if (!c.terms_sha256.empty()) out->Field("terms_sha256", c.terms_sha256);
  if (c.period.from_utc_micros != INT64_MIN || c.period.to_utc_micros != INT64_MAX) {
    out->Key("period").BeginObject();
    if (c.period.from_utc_micros != INT64_MIN) out->Field("from", PeriodBoundText(c.period.from_utc_micros, c.period.from_day));
    if (c.period.to_utc_micros != INT64_MAX) out->Field("to", PeriodBoundText(c.period.to_utc_micros, c.period.to_day));
    out->EndObject();
  }
  out->Key("asks").BeginArray();
  for (const ClaimAsk& a : c.asks) {
    out->BeginObject().Field("rule", a.rule);
    if (!a.subject.empty()) out->Field("subject", a.subject);
    if (a.amount_minor) out->Key("amount_minor").Int(*a.amount_minor);
    out->EndObject();
  }
  out->EndArray();
  if (!c.evidence.empty()) {
    out->Key("evidence").BeginArray();
    for (const std::string& id : c.evidence) out->String(id);
    out->EndArray();
  }
  if (!c.statement.empty()) out->Field("statement", c.statement);
  out->EndObject();
}

}  // namespace nanni
