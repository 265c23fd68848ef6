#include "render/tone_render.h"

#include <fmt/format.h>

#include "util/printable.h"
#include "util/utf8.h"

namespace nanni {

namespace {

// The text on one line for quoting: line breaks and tabs become spaces (Printable then
// escapes what is left).
std::string OneLine(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    bool space = c == '\n' || c == '\r' || c == '\t';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out.push_back(space ? ' ' : c);
  }
  return out;
}

// Customer text for JSON: valid UTF-8 whatever the input was.
void Text(JsonOut* json, std::string_view text) { json->String(ToValidUtf8(text)); }

std::string ContactLabel(const ContactTone& c) {
  if (!c.name.empty() && !c.email.empty()) return Printable(c.name, 30) + " <" + Printable(c.email, 40) + ">";
  return Printable(c.key, 60);
}

void TallyJson(const ToneTally& t, JsonOut* json) {
  json->Field("messages", static_cast<int64_t>(t.messages));
  json->Key("politeness").Fixed(t.Mean(0), 4).Key("demanding").Fixed(t.Mean(1), 4);
  json->Key("collaboration").Fixed(t.Mean(2), 4).Key("abuse").Fixed(t.Mean(3), 4);
  json->Field("demanding_flags", static_cast<int64_t>(t.demanding)).Field("abusive", static_cast<int64_t>(t.abusive));
  json->Field("threats", static_cast<int64_t>(t.threats)).Field("badgering", static_cast<int64_t>(t.badgering));
}

void ContactJson(const ContactTone& c, bool months, JsonOut* json) {
  json->BeginObject().Key("account");
  Text(json, c.account);
  json->Key("contact");
  Text(json, c.key);
  json->Key("name");
  Text(json, c.name);
  json->Key("email");
  Text(json, c.email);
  TallyJson(c.total, json);
  if (months) {
    json->Key("months").BeginArray();
    for (const auto& [m, t] : c.months) {
      json->BeginObject().Field("month", m);
      TallyJson(t, json);
      json->EndObject();
    }
    json->EndArray();
  }
  json->EndObject();
}

void StandoutsJson(const std::vector<ToneStandout>& list, JsonOut* json) {
  json->Key("standouts").BeginArray();
  for (const ToneStandout& s : list) {
    json->BeginObject().Field("category", s.category).Field("seq", s.seq).Key("account");
    Text(json, s.account);
    json->Key("contact");
    Text(json, s.contact);
    json->Key("time");
    Text(json, s.time);
    json->Key("text");
    Text(json, s.text);
    json->Key("flags").BeginArray();
    for (const std::string& f : s.flags) Text(json, f);
    json->EndArray().Key("reasons").BeginArray();
    for (const std::string& r : s.reasons) Text(json, r);
    json->EndArray().EndObject();
  }
  json->EndArray();
}

std::string TallyRow(const std::string& who, const std::string& month, const ToneTally& t) {
  return fmt::format("{:<52} {:<7} {:>5}  {:>6.2f} {:>6.2f} {:>6.2f} {:>6.2f}  {:>7} {:>7} {:>6}\n", who, month,
                     t.messages, t.Mean(0), t.Mean(1), t.Mean(2), t.Mean(3), t.abusive, t.threats, t.badgering);
}

std::string StandoutsText(const std::vector<ToneStandout>& list) {
  std::string out, category;
  for (const ToneStandout& s : list) {
    if (s.category != category) {
      category = s.category;
      out += fmt::format("\nMessages that stand out: {}\n", category);
    }
    out += fmt::format("  {}  {}  [#{}]  {}\n    \"{}\"\n", s.time, Printable(s.contact, 40), s.seq,
                       fmt::join(s.flags, ", "), Printable(OneLine(s.text), 160));
    for (const std::string& r : s.reasons) out += fmt::format("      {}\n", r);
  }
  return out;
}

}  // namespace

std::string ToneScoreText(size_t line, const ToneScore& s, const ToneModel& model, size_t reasons) {
  std::string out = fmt::format("[{}] {}\n", line, Printable(OneLine(s.text), 120));
  for (int d = 0; d < kToneDimensions; ++d) {
    bool rule = IsThreat(d) || IsBadgering(d);
    if (rule && s.score[d] < 0.5f) continue;
    const char* label = d == 0 ? (s.score[d] >= 0.5f ? "polite" : "rude") : (s.score[d] >= 0.5f ? "flagged" : "");
    std::string why;
    std::vector<ToneReason> rs = s.ReasonsFor(static_cast<ToneDimension>(d));
    for (size_t k = 0; k < rs.size() && k < reasons; ++k) {
      why += (k ? "; " : "") + ReasonLine(s, rs[k], model);
    }
    if (rs.size() > reasons) why += fmt::format("; ... {} more", rs.size() - reasons);
    if (rs.empty()) why = "(no evidence: the baseline)";
    out += fmt::format("    {:<18} {:.2f}  {:<8} {}\n", ToneDimensionName(d), s.score[d], label, why);
  }
  if (s.MaxThreat() < 0.5f) out += fmt::format("    {:<18} none\n", "threats");
  if (s.MaxBadgering() < 0.5f) out += fmt::format("    {:<18} none\n", "badgering");
  return out;
}

void WriteToneScoreJson(const ToneScore& s, const ToneModel& model, JsonOut* json) {
  json->Key("text");
  Text(json, s.text);
  json->Key("scores").BeginObject();
  for (int d = 0; d < kToneDimensions; ++d) json->Key(ToneDimensionName(d)).Fixed(s.score[d], 4);
  json->EndObject().Key("flagged").BeginArray();
  for (int d = 1; d < kToneDimensions; ++d) {
    if (s.score[d] >= 0.5f) json->String(ToneDimensionName(d));
  }
  json->EndArray().Key("baseline").BeginObject();
  for (int d = 0; d < kToneDimensions; ++d) json->Key(ToneDimensionName(d)).Fixed(s.baseline[d], 4);
  json->EndObject().Key("reasons").BeginArray();
  for (const ToneReason& r : s.reasons) {
    json->BeginObject().Field("dimension", ToneDimensionName(r.dimension)).Key("text");
    Text(json, s.ReasonText(r));
    json->Key("feature");
    Text(json, model.FeatureName(r.feature));
    json->Key("value").Fixed(r.value, 2).Key("contribution").Fixed(r.contribution, 4).EndObject();
  }
  json->EndArray();
}

std::string AccountToneText(const ToneReport& r) {
  std::string out = fmt::format(
      "Tone of {}: {} messages with text from {} of their contacts (scores 0-1, means per month;\n"
      "abusive, threats, badgering: flagged messages). See docs/tone.md.\n\n",
      Printable(r.account), r.messages, r.contacts.size());
  if (r.messages == 0) return out;
  out += fmt::format("{:<52} {:<7} {:>5}  {:>6} {:>6} {:>6} {:>6}  {:>7} {:>7} {:>6}\n", "contact", "month", "msgs",
                     "polite", "demand", "collab", "abuse", "abusive", "threats", "badger");
  out += TallyRow("(all contacts)", "all", r.whole.total);
  for (const auto& [m, t] : r.whole.months) out += TallyRow("", m, t);
  for (const ContactTone& c : r.contacts) {
    out += TallyRow(ContactLabel(c), "all", c.total);
    for (const auto& [m, t] : c.months) out += TallyRow("", m, t);
  }
  return out + StandoutsText(r.standouts);
}

void WriteAccountToneJson(const ToneReport& r, JsonOut* json) {
  json->BeginObject().Key("account");
  Text(json, r.account);
  json->Field("messages", r.messages).Key("whole_account");
  ContactJson(r.whole, true, json);
  json->Key("contacts").BeginArray();
  for (const ContactTone& c : r.contacts) ContactJson(c, true, json);
  json->EndArray();
  StandoutsJson(r.standouts, json);
  json->EndObject();
}

std::string PortfolioToneText(const ToneReport& r, size_t rows) {
  std::string out = fmt::format(
      "Tone across {} accounts: {} messages with text from {} contacts; contacts with 3 or more\n"
      "messages, ranked by the share of their messages flagged.\n",
      r.accounts, r.messages, r.contacts.size());
  auto table = [&](const char* title, const std::vector<size_t>& ranked, uint32_t ToneTally::*count) {
    out += fmt::format("\n{}\n{:<76} {:>5} {:>8} {:>6}\n", title, "contact (account)", "msgs", "flagged", "share");
    for (size_t i = 0; i < ranked.size() && i < rows; ++i) {
      const ContactTone& c = r.contacts[ranked[i]];
      if (c.total.*count == 0) break;
      out += fmt::format("{:<76} {:>5} {:>8} {:>6.2f}\n", ContactLabel(c) + " (" + Printable(c.account, 30) + ")",
                         c.total.messages, c.total.*count, c.total.Share(c.total.*count));
    }
  };
  table("Abuse", r.by_abuse, &ToneTally::abusive);
  table("Threats", r.by_threats, &ToneTally::threats);
  table("Discount badgering", r.by_badgering, &ToneTally::badgering);
  return out;
}

void WritePortfolioToneJson(const ToneReport& r, JsonOut* json) {
  json->BeginObject().Field("messages", r.messages);
  auto section = [&](const char* name, const std::vector<size_t>& ranked) {
    json->Key(name).BeginArray();
    for (size_t i = 0; i < ranked.size() && i < 20; ++i) ContactJson(r.contacts[ranked[i]], false, json);
    json->EndArray();
  };
  section("by_abuse", r.by_abuse);
  section("by_threats", r.by_threats);
  section("by_badgering", r.by_badgering);
  StandoutsJson(r.standouts, json);
  json->EndObject();
}

}  // namespace nanni
