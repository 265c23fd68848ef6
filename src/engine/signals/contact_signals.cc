// Signals about one contact of theirs, from the tone of their messages (index ToneFact):
// abusive_contact, hostile_stakeholder (hostility far above their colleagues' that the
// account's service record does not justify) and legal_risk (a legal threat with a complaint
// still unresolved).
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "engine/signals/signal_input.h"

namespace nanni {

namespace {

struct ContactTone {
  size_t messages = 0, abusive = 0, hostile = 0, legal = 0, churn = 0;
  std::vector<size_t> abusive_at, hostile_at, legal_at;  // positions
};

// Threats that steer rather than insult: to leave for a competitor, to go public, to go over
// our heads.
constexpr uint8_t kHostileThreats = kChurnThreat | kPublicThreat | kEscalationThreat;

std::map<uint32_t, ContactTone> TonesSince(const AccountView& v, int64_t from) {
  std::map<uint32_t, ContactTone> by_contact;
  for (size_t i = 0; i < v.size(); ++i) {
    const Fact& f = v.fact(i);
    // Senders the record does not name (an anonymous complaint) are grouped as contact 0.
    if (v.time(i) <= from || Ours(f)) continue;
    const uint32_t r = v.index().tone_row(v.seq(i));
    if (r == IndexSnapshot::kNoRecord) continue;
    const ToneFact& t = v.index().tone()[r];
    ContactTone& c = by_contact[f.from];
    ++c.messages;
    if (t.flags & kAbusiveFlag) ++c.abusive, c.abusive_at.push_back(i);
    // A threat made while haggling over a price is pressure in a negotiation
    // (discount_badgering), not the hostility of a stakeholder.
    const bool haggling = Is(f, EventKind::kDiscountRequest);
    // An escalation goes over our heads by what it is: its own wording is not a threat to.
    const uint8_t threats = Is(f, EventKind::kEscalation) ? (t.threats & ~kEscalationThreat) : t.threats;
    if ((threats & kHostileThreats) && !haggling) ++c.hostile, c.hostile_at.push_back(i);
    if (t.threats & kChurnThreat) ++c.churn;
    if (t.threats & kLegalThreat) ++c.legal, c.legal_at.push_back(i);
  }
  return by_contact;
}

std::vector<Evidence> At(const AccountView& v, const std::vector<size_t>& positions, std::string_view note) {
  std::vector<Evidence> out;
  for (size_t i : positions) out.push_back(EvidenceAt(v, i, std::string(note)));
  KeepRecent(&out);
  return out;
}

void Abusive(const SignalInput& in, const std::map<uint32_t, ContactTone>& tones, std::vector<Signal>* out) {
  const uint32_t* worst = nullptr;
  double worst_share = 0;
  for (const auto& [contact, c] : tones) {
    if (contact == 0) continue;  // abuse is one person's: not a crowd of unnamed senders
    const double share = static_cast<double>(c.abusive) / static_cast<double>(c.messages);
    if (c.abusive < in.Get("abusive_contact", "min_messages") || share < in.Get("abusive_contact", "min_share")) continue;
    if (worst == nullptr || share > worst_share) worst = &contact, worst_share = share;
  }
  if (worst == nullptr) return;
  const ContactTone& c = tones.at(*worst);
  Signal s;
  s.signal = "abusive_contact";
  s.score = worst_share;
  s.contact = ContactText(in.view.index(), *worst);
  s.reason = fmt::format("{} of {}'s {} messages in the last {} days are abusive (insults, profanity).", c.abusive,
                         s.contact, c.messages, static_cast<int>(in.Get("abusive_contact", "window_days")));
  s.evidence = At(in.view, c.abusive_at, "an abusive message");
  out->push_back(std::move(s));
}

// What the account's service record was over the window: outage hours, our broken share,
// median first response.
struct ServiceRecord {
  double outage_hours = 0, broken_share = 0, response_hours = 0;
};

ServiceRecord RecordSince(const AccountView& v, int64_t from) {
  ServiceRecord r;
  std::map<uint32_t, std::pair<int64_t, int64_t>> incidents;  // key -> start, end
  size_t ours = 0, broken = 0;
  std::vector<int64_t> responses;
  for (size_t i = 0; i < v.size(); ++i) {
    const Fact& f = v.fact(i);
    const uint32_t row = v.index().side_row(v.seq(i));
    if (Is(f, EventKind::kIncident) && row != IndexSnapshot::kNoRecord) {
      const IncidentFact& x = v.index().incidents()[row];
      auto& span = incidents.try_emplace(x.incident, 0, 0).first->second;
      (x.start ? span.first : span.second) = v.time(i);
    }
    if (v.time(i) <= from) continue;
    if (Is(f, EventKind::kCommitment) && row != IndexSnapshot::kNoRecord && v.index().promises()[row].owner == 1 &&
        v.LastOutcome(i) != AccountView::kNone) {
      const uint32_t o = v.index().side_row(v.seq(v.LastOutcome(i)));
      ++ours;
      broken += o != IndexSnapshot::kNoRecord && v.index().promises()[o].status == 2;
    }
    if (Is(f, EventKind::kRequest) && v.FirstReply(i) != AccountView::kNone) {
      responses.push_back(v.time(v.FirstReply(i)) - v.time(i));
    }
  }
  for (const auto& [key, span] : incidents) {
    if (span.first == 0) continue;
    const int64_t end = span.second > span.first ? span.second : v.as_of();
    const int64_t start = std::max(span.first, from);
    if (end > start) r.outage_hours += static_cast<double>(end - start) / kMicrosPerHour;
  }
  r.broken_share = ours == 0 ? 0 : static_cast<double>(broken) / static_cast<double>(ours);
  if (!responses.empty()) {
    std::nth_element(responses.begin(), responses.begin() + responses.size() / 2, responses.end());
    r.response_hours = static_cast<double>(responses[responses.size() / 2]) / kMicrosPerHour;
  }
  return r;
}

void Hostile(const SignalInput& in, const std::map<uint32_t, ContactTone>& tones, std::vector<Signal>* out) {
  const std::string_view id = "hostile_stakeholder";
  size_t all = 0, all_hostile = 0;
  for (const auto& [contact, c] : tones) all += c.messages, all_hostile += c.hostile;
  const uint32_t* who = nullptr;
  double best = 0, colleagues_best = 0;
  for (const auto& [contact, c] : tones) {
    if (contact == 0 || c.hostile < in.Get(id, "min_hostile")) continue;
    const size_t others = all - c.messages, others_hostile = all_hostile - c.hostile;
    const double share = static_cast<double>(c.hostile) / static_cast<double>(c.messages);
    const double colleagues = others == 0 ? 0 : static_cast<double>(others_hostile) / static_cast<double>(others);
    if (share < in.Get(id, "ratio") * std::max(colleagues, 0.02)) continue;
    if (who == nullptr || share > best) who = &contact, best = share, colleagues_best = colleagues;
  }
  if (who == nullptr) return;
  const ServiceRecord record = RecordSince(in.view, in.WindowStart(id));
  if (record.outage_hours >= in.Get(id, "max_incident_hours") || record.broken_share >= in.Get(id, "max_broken_share") ||
      record.response_hours >= in.Get(id, "max_response_hours")) {
    return;  // their anger has grounds in our record: not a hostile stakeholder
  }
  const ContactTone& c = tones.at(*who);
  Signal s;
  s.signal = std::string(id);
  s.score = std::clamp(best, 0.0, 1.0);
  s.contact = ContactText(in.view.index(), *who);
  s.reason = fmt::format(
      "{} made {} hostile threats in {} messages{} ({:.0f}% of their messages against {:.0f}% of their colleagues'), "
      "while our record over the last {} days is good: {:.1f} outage hours, {:.0f}% of our promises broken, "
      "first answers in {:.1f} hours (median).",
      s.contact, c.hostile, c.messages, c.churn > 0 ? fmt::format(", {} of them to move to a competitor", c.churn) : "",
      100 * best, 100 * colleagues_best, static_cast<int>(in.Get(id, "window_days")), record.outage_hours,
      100 * record.broken_share, record.response_hours);
  s.evidence = At(in.view, c.hostile_at, "a threat to leave, go public or go over our heads");
  out->push_back(std::move(s));
}

// For each contact of theirs, when they sent the messages we answered (a response of ours
// replies to it), in time order.
std::map<uint32_t, std::vector<int64_t>> AnsweredMessages(const AccountView& v) {
  std::map<uint32_t, std::vector<int64_t>> out;
  for (size_t i = 0; i < v.size(); ++i) {
    const Fact& f = v.fact(i);
    if (!Is(f, EventKind::kResponse) || !Ours(f)) continue;
    const uint32_t to = v.Position(f.reply_to);
    if (to != AccountView::kNone && v.fact(to).from != 0) out[v.fact(to).from].push_back(v.time(to));
  }
  for (auto& [contact, times] : out) std::sort(times.begin(), times.end());
  return out;
}

// The complaints of theirs still unresolved at the moment: requests and escalations made
// since `from` that nobody of ours has answered for `open_days`, and incidents not over. A
// request counts as answered too when we answered what the same person wrote right after it
// (within `open_days`): one complaint sent in several pieces, answered once.
std::vector<Evidence> Unresolved(const AccountView& v, int64_t from, double open_days) {
  std::vector<Evidence> out;
  const int64_t open = static_cast<int64_t>(open_days * 24) * kMicrosPerHour;
  const int64_t before = v.as_of() - open;
  const std::map<uint32_t, std::vector<int64_t>> answered = AnsweredMessages(v);
  auto answered_soon_after = [&](size_t i) {
    auto it = answered.find(v.fact(i).from);
    if (it == answered.end()) return false;
    auto next = std::upper_bound(it->second.begin(), it->second.end(), v.time(i));
    return next != it->second.end() && *next <= v.time(i) + open;
  };
  std::map<uint32_t, size_t> open_incidents;
  for (size_t i = 0; i < v.size(); ++i) {
    const Fact& f = v.fact(i);
    const bool theirs = !Ours(f);
    if ((Is(f, EventKind::kRequest) || Is(f, EventKind::kEscalation)) && theirs && v.time(i) > from && v.time(i) <= before &&
        v.FirstReply(i) == AccountView::kNone && !v.Updated(i) && !answered_soon_after(i)) {
      out.push_back(EvidenceAt(v, i, Is(f, EventKind::kRequest) ? "a request still unanswered" : "an escalation still unanswered"));
    }
    const uint32_t row = v.index().side_row(v.seq(i));
    if (Is(f, EventKind::kIncident) && row != IndexSnapshot::kNoRecord) {
      const IncidentFact& x = v.index().incidents()[row];
      x.start ? void(open_incidents[x.incident] = i) : void(open_incidents.erase(x.incident));
    }
  }
  for (const auto& [key, i] : open_incidents) out.push_back(EvidenceAt(v, i, "an incident not over"));
  return out;
}

void Legal(const SignalInput& in, const std::map<uint32_t, ContactTone>& tones, std::vector<Signal>* out) {
  const uint32_t* who = nullptr;
  size_t last = 0;
  for (const auto& [contact, c] : tones) {
    if (c.legal == 0) continue;
    if (who == nullptr || c.legal_at.back() > last) who = &contact, last = c.legal_at.back();
  }
  if (who == nullptr) return;
  std::vector<Evidence> open = Unresolved(in.view, in.WindowStart("legal_risk"), in.Get("legal_risk", "open_days"));
  const ContactTone& c = tones.at(*who);
  if (*who == 0) {  // unnamed senders (one complaint each): only a threatening complaint itself counts
    std::erase_if(open, [&](const Evidence& e) {
      return std::none_of(c.legal_at.begin(), c.legal_at.end(), [&](size_t i) { return in.view.seq(i) == e.seq; });
    });
  }
  if (open.empty()) return;
  Signal s;
  s.signal = "legal_risk";
  s.score = std::clamp(0.5 + 0.1 * static_cast<double>(c.legal), 0.0, 1.0);
  s.contact = *who == 0 ? "" : ContactText(in.view.index(), *who);
  s.reason = fmt::format("{} spoke of legal action {} time{} in the last {} days, and {} complaint{} still unresolved.",
                         s.contact.empty() ? "A sender the record does not name" : s.contact, c.legal,
                         c.legal == 1 ? "" : "s", static_cast<int>(in.Get("legal_risk", "window_days")),
                         open.size(), open.size() == 1 ? " is" : "s are");
  s.evidence = At(in.view, c.legal_at, "a legal threat");
  KeepRecent(&open, 6);
  s.evidence.insert(s.evidence.end(), open.begin(), open.end());
  KeepRecent(&s.evidence);
  out->push_back(std::move(s));
}

}  // namespace

void DetectContactSignals(const SignalInput& in, std::vector<Signal>* out) {
  Abusive(in, TonesSince(in.view, in.WindowStart("abusive_contact")), out);
  Hostile(in, TonesSince(in.view, in.WindowStart("hostile_stakeholder")), out);
  Legal(in, TonesSince(in.view, in.WindowStart("legal_risk")), out);
}

}  // namespace nanni
