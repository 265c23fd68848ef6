#include "render/wording.h"

#include <fmt/format.h>

#include <cstdlib>
#include <map>

namespace nanni {

std::string DurationText(int64_t s) {
  if (s < 0) return "-" + DurationText(-s);
  int64_t d = s / 86400, h = s % 86400 / 3600, m = s % 3600 / 60;
  if (d > 0) return fmt::format("{} d {:02} h {:02} min", d, h, m);
  if (h > 0) return fmt::format("{} h {:02} min", h, m);
  if (m > 0) return fmt::format("{} min", m);
  return fmt::format("{} s", s);
}

std::string WhenText(const Timestamp& t) {
  std::string f = FormatRfc3339(Timestamp{t.utc_micros - t.utc_micros % 1000000, t.offset_minutes});
  // "2026-03-02T09:14:00+01:00" -> "2026-03-02 09:14 +01:00"
  std::string zone = f.size() > 19 ? f.substr(19) : "";
  if (zone == "Z") zone = "UTC";
  return f.substr(0, 10) + " " + f.substr(11, 5) + " " + zone;
}

std::string WhenText(const std::optional<Timestamp>& t) { return t ? WhenText(*t) : ""; }

std::string WhoText(const std::optional<CasePerson>& p) { return WhoText(p ? &*p : nullptr); }

std::string WhoText(const CasePerson* p) {
  if (!p) return "not recorded";
  std::string side = SideName(p->side), level = LevelName(p->level);
  std::string role = side;
  if (!level.empty()) role += (role.empty() ? "" : ", ") + level;
  return role.empty() ? p->name : fmt::format("{} ({})", p->name, role);
}

std::string WhoText(const std::vector<CasePerson>& people) {
  std::string out;
  for (const CasePerson& p : people) out += (out.empty() ? "" : "; ") + WhoText(&p);
  return out.empty() ? "not recorded" : out;
}

std::string WhoText(const std::vector<const CasePerson*>& people) {
  std::string out;
  for (const CasePerson* p : people) out += (out.empty() ? "" : "; ") + WhoText(p);
  return out.empty() ? "not recorded" : out;
}

std::string CiteText(const Citation& c) {
  std::string src;
  if (!c.file.empty()) src = c.line > 0 ? fmt::format("{}:{}", c.file, c.line) : c.file;
  if (!c.ref.empty()) src += (src.empty() ? "" : " ") + c.ref;
  if (src.empty()) src = c.event_id;
  return fmt::format("{} #{}", src, c.hash);
}

std::string ChronologyPhrase(const ChronologyLine& l) {
  // The templates, one per kind: {who}, {to}, {channel} and {detail} are filled in.
  static const std::map<EventKind, std::string_view> kTemplates = {
      {EventKind::kRequest, "Request from {who}{via}"},
      {EventKind::kResponse, "Response from {who}{via}"},
      {EventKind::kMessage, "Message from {who}{via}"},
      {EventKind::kCommitment, "Commitment by {who}: \"{detail}\""},
      {EventKind::kCommitmentOutcome, "Outcome recorded: {detail}"},
      {EventKind::kDeadline, "Deadline set by {who}: \"{detail}\""},
      {EventKind::kIncident, "Incident {detail}"},
      {EventKind::kEscalation, "Escalation by {who} to {to}: \"{detail}\""},
      {EventKind::kCall, "Call from {who}: {detail}"},
      {EventKind::kInvoice, "Invoice {detail} issued"},
      {EventKind::kPayment, "Payment recorded for invoice {detail}"},
      {EventKind::kDiscountRequest, "Discount request from {who}{detail_colon}"},
      {EventKind::kStatusUpdate, "Status update from {who}{via}"},
      {EventKind::kContract, "Contract recorded"},
      {EventKind::kNote, "Note by {who}"},
  };
  std::string via = l.channel.empty() ? "" : " via " + std::string(l.channel);
  std::string detail_colon = l.detail.empty() ? "" : ": \"" + std::string(l.detail) + "\"";
  return fmt::format(fmt::runtime(kTemplates.at(l.kind)), fmt::arg("who", WhoText(l.from)),
                     fmt::arg("to", WhoText(l.to)), fmt::arg("via", via),
                     fmt::arg("detail", l.detail), fmt::arg("detail_colon", detail_colon));
}

}  // namespace nanni
