// nanni tone: scores text, or an account's messages, on the tone dimensions, with reasons.
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>

#include "event/canonical.h"
#include "event/event_decoder.h"
#include "main/cli.h"
#include "text/new_text.h"
#include "tone/tone_scorer.h"
#include "tone/tone_trend.h"
#include "util/printable.h"
#include "util/time.h"
#include "util/utf8.h"

namespace nanni::cli {

namespace {

struct ToneFlags {
  std::string file;
  std::string text;
  std::string account;
  bool all = false;
  size_t reasons = 3;
  size_t top = 5;
};

// --- Scoring text ---------------------------------------------------------------------------

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

// A JSON string of `text`, with any byte that is not valid UTF-8 replaced by U+FFFD, so that
// the output stays valid JSON whatever the input was.
void AppendJsonText(std::string_view text, std::string* out) {
  AppendJsonString(ToValidUtf8(text), out);
}

void PrintScoreText(size_t line, const ToneScore& s, const ToneModel& model, size_t reasons) {
  fmt::print("[{}] {}\n", line, Printable(OneLine(s.text), 120));
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
    fmt::print("    {:<18} {:.2f}  {:<8} {}\n", ToneDimensionName(d), s.score[d], label, why);
  }
  if (s.MaxThreat() < 0.5f) fmt::print("    {:<18} none\n", "threats");
  if (s.MaxBadgering() < 0.5f) fmt::print("    {:<18} none\n", "badgering");
}

void AppendScoreJson(const ToneScore& s, const ToneModel& model, std::string* out) {
  *out += "\"text\":";
  AppendJsonText(s.text, out);
  *out += ",\"scores\":{";
  for (int d = 0; d < kToneDimensions; ++d) {
    fmt::format_to(std::back_inserter(*out), "{}\"{}\":{:.4f}", d ? "," : "", ToneDimensionName(d), s.score[d]);
  }
  *out += "},\"flagged\":[";
  bool first = true;
  for (int d = 1; d < kToneDimensions; ++d) {
    if (s.score[d] < 0.5f) continue;
    fmt::format_to(std::back_inserter(*out), "{}\"{}\"", first ? "" : ",", ToneDimensionName(d));
    first = false;
  }
  *out += "],\"baseline\":{";
  for (int d = 0; d < kToneDimensions; ++d) {
    fmt::format_to(std::back_inserter(*out), "{}\"{}\":{:.4f}", d ? "," : "", ToneDimensionName(d), s.baseline[d]);
  }
  *out += "},\"reasons\":[";
  for (size_t i = 0; i < s.reasons.size(); ++i) {
    const ToneReason& r = s.reasons[i];
    fmt::format_to(std::back_inserter(*out), "{}{{\"dimension\":\"{}\",\"text\":", i ? "," : "",
                   ToneDimensionName(r.dimension));
    AppendJsonText(s.ReasonText(r), out);
    *out += ",\"feature\":";
    AppendJsonText(model.FeatureName(r.feature), out);
    fmt::format_to(std::back_inserter(*out), ",\"value\":{:.2f},\"contribution\":{:.4f}}}", r.value, r.contribution);
  }
  *out += "]";
}

Status ScoreLines(const GlobalOptions& global, const ToneFlags& flags) {
  const ToneModel& model = ToneModel::Default();
  ToneScorer scorer(model);
  ToneScore score;
  std::string out = global.json ? "{\"messages\":[" : "";
  size_t n = 0;
  auto one = [&](const std::string& text) {
    scorer.Score(text, &score);
    ++n;
    if (!global.json) {
      PrintScoreText(n, score, model, flags.reasons);
      return;
    }
    fmt::format_to(std::back_inserter(out), "{}{{\"line\":{},", n > 1 ? "," : "", n);
    AppendScoreJson(score, model, &out);
    out += "}";
  };
  if (!flags.text.empty()) {
    one(flags.text);
  } else {
    std::ifstream file;
    std::istream* in = &std::cin;
    if (!flags.file.empty() && flags.file != "-") {
      file.open(flags.file, std::ios::binary);
      if (!file) return Status::NotFound(fmt::format("{}: cannot open", Printable(flags.file)));
      in = &file;
    }
    std::string line;
    while (std::getline(*in, line)) one(line);
  }
  if (global.json) {
    out += "]}\n";
    std::fwrite(out.data(), 1, out.size(), stdout);
  }
  return Status::OK();
}

// --- An account's messages ------------------------------------------------------------------

// Scores the events of `account` written by their side (or an unknown side) that carry text.
Status ScoreAccount(SqliteStore* store, const std::string& account, ToneScorer* scorer,
                    const ToneModel& model, ToneTrend* trend, uint64_t* scored) {
  EventQuery query;
  query.account = account;
  EventDecoder decoder;
  Event e;
  ToneScore score;
  std::string text;
  return store->Query(query, [&](const LedgerEntry& entry) -> Status {
    Status st = decoder.Decode(entry.body, &e);
    if (!st.ok()) return Status::Corruption(fmt::format("event {}: {}", entry.seq, st.message()));
    // Their side's words: anything not from our side; without a sender, anything but our
    // responses (an import may not know who wrote a message).
    if (e.from ? e.from->side == Side::kOurs : e.kind == EventKind::kResponse) return Status::OK();
    if (e.text.empty() && e.subject.empty()) return Status::OK();
    // The event's new text (docs/events.md), else its text stripped by the same rules.
    text.clear();
    if (e.reply_to.empty() && !e.subject.empty()) text = e.subject + "\n\n";
    text += !e.new_text.empty() ? e.new_text : SplitNewText(e.text).new_text;
    scorer->ScoreNewText(text, &score);
    static const Contact kUnknown{"", "(unknown sender)", "", "", Side::kUnknown, Level::kUnknown};
    const Contact& c = e.from ? *e.from : kUnknown;
    std::string key = !c.email.empty() ? c.email : !c.name.empty() ? c.name : c.id;
    std::string when = FormatRfc3339(e.time);
    trend->Add(account, key, c.name, c.email, when.substr(0, 7), ShortTime(e.time.utc_micros, e.time.offset_minutes),
               entry.seq, score, model);
    ++*scored;
    return Status::OK();
  });
}

std::string ContactLabel(const ContactTone& c) {
  if (!c.name.empty() && !c.email.empty()) return Printable(c.name, 30) + " <" + Printable(c.email, 40) + ">";
  return Printable(c.key, 60);
}

void AppendTallyJson(const ToneTally& t, std::string* out) {
  fmt::format_to(std::back_inserter(*out),
                 "\"messages\":{},\"politeness\":{:.4f},\"demanding\":{:.4f},\"collaboration\":{:.4f},"
                 "\"abuse\":{:.4f},\"demanding_flags\":{},\"abusive\":{},\"threats\":{},\"badgering\":{}",
                 t.messages, t.Mean(0), t.Mean(1), t.Mean(2), t.Mean(3), t.demanding, t.abusive, t.threats,
                 t.badgering);
}

void AppendContactJson(const ContactTone& c, bool months, std::string* out) {
  *out += "{\"account\":";
  AppendJsonText(c.account, out);
  *out += ",\"contact\":";
  AppendJsonText(c.key, out);
  *out += ",\"name\":";
  AppendJsonText(c.name, out);
  *out += ",\"email\":";
  AppendJsonText(c.email, out);
  *out += ",";
  AppendTallyJson(c.total, out);
  if (months) {
    *out += ",\"months\":[";
    bool first = true;
    for (const auto& [m, t] : c.months) {
      *out += first ? "{\"month\":\"" : ",{\"month\":\"";
      first = false;
      *out += m + "\",";
      AppendTallyJson(t, out);
      *out += "}";
    }
    *out += "]";
  }
  *out += "}";
}

void AppendStandoutsJson(const std::vector<ToneStandout>& list, std::string* out) {
  *out += "\"standouts\":[";
  for (size_t i = 0; i < list.size(); ++i) {
    const ToneStandout& s = list[i];
    fmt::format_to(std::back_inserter(*out), "{}{{\"category\":\"{}\",\"seq\":{},\"account\":", i ? "," : "",
                   s.category, s.seq);
    AppendJsonText(s.account, out);
    *out += ",\"contact\":";
    AppendJsonText(s.contact, out);
    *out += ",\"time\":";
    AppendJsonText(s.time, out);
    *out += ",\"text\":";
    AppendJsonText(s.text, out);
    *out += ",\"flags\":[";
    for (size_t k = 0; k < s.flags.size(); ++k) {
      *out += k ? "," : "";
      AppendJsonText(s.flags[k], out);
    }
    *out += "],\"reasons\":[";
    for (size_t k = 0; k < s.reasons.size(); ++k) {
      *out += k ? "," : "";
      AppendJsonText(s.reasons[k], out);
    }
    *out += "]}";
  }
  *out += "]";
}

void PrintTallyRow(const std::string& who, const std::string& month, const ToneTally& t) {
  fmt::print("{:<52} {:<7} {:>5}  {:>6.2f} {:>6.2f} {:>6.2f} {:>6.2f}  {:>7} {:>7} {:>6}\n", who, month,
             t.messages, t.Mean(0), t.Mean(1), t.Mean(2), t.Mean(3), t.abusive, t.threats, t.badgering);
}

void PrintStandouts(const std::vector<ToneStandout>& list) {
  if (list.empty()) return;
  std::string category;
  for (const ToneStandout& s : list) {
    if (s.category != category) {
      category = s.category;
      fmt::print("\nMessages that stand out: {}\n", category);
    }
    fmt::print("  {}  {}  [#{}]  {}\n    \"{}\"\n", s.time, Printable(s.contact, 40), s.seq,
               fmt::join(s.flags, ", "), Printable(OneLine(s.text), 160));
    for (const std::string& r : s.reasons) fmt::print("      {}\n", r);
  }
}

constexpr const char* kTableHead =
    "{:<52} {:<7} {:>5}  {:>6} {:>6} {:>6} {:>6}  {:>7} {:>7} {:>6}\n";

Status RunAccount(const GlobalOptions& global, const ToneFlags& flags) {
  std::unique_ptr<SqliteStore> store;
  NANNI_RETURN_IF_ERROR(OpenLedger(global, &store));
  const ToneModel& model = ToneModel::Default();
  ToneScorer scorer(model);
  ToneTrend trend(flags.top);
  uint64_t scored = 0;
  NANNI_RETURN_IF_ERROR(ScoreAccount(store.get(), flags.account, &scorer, model, &trend, &scored));
  if (scored == 0) {
    EventQuery any;
    any.account = flags.account;
    any.limit = 1;
    bool found = false;
    NANNI_RETURN_IF_ERROR(store->Query(any, [&](const LedgerEntry&) { found = true; return Status::OK(); }));
    if (!found) {
      return Status::NotFound(fmt::format("no account '{}' in the ledger\nhint: `nanni accounts` lists them",
                                          Printable(flags.account)));
    }
  }
  std::vector<ToneStandout> standouts = trend.Standouts();
  // The whole account, month by month: every contact's messages together.
  ContactTone whole{flags.account, "(all contacts)", "", "", {}, {}};
  for (const ContactTone& c : trend.contacts()) {
    whole.total.Merge(c.total);
    for (const auto& [m, t] : c.months) whole.months[m].Merge(t);
  }
  if (global.json) {
    std::string out = "{\"account\":";
    AppendJsonText(flags.account, &out);
    fmt::format_to(std::back_inserter(out), ",\"messages\":{},\"whole_account\":", scored);
    AppendContactJson(whole, true, &out);
    out += ",\"contacts\":[";
    for (size_t i = 0; i < trend.contacts().size(); ++i) {
      out += i ? "," : "";
      AppendContactJson(trend.contacts()[i], true, &out);
    }
    out += "],";
    AppendStandoutsJson(standouts, &out);
    out += "}\n";
    std::fwrite(out.data(), 1, out.size(), stdout);
    return Status::OK();
  }
  fmt::print("Tone of {}: {} messages with text from {} of their contacts (scores 0-1, means per month;\n"
             "abusive, threats, badgering: flagged messages). See docs/tone.md.\n\n",
             Printable(flags.account), scored, trend.contacts().size());
  if (scored == 0) return Status::OK();
  fmt::print(kTableHead, "contact", "month", "msgs", "polite", "demand", "collab", "abuse", "abusive",
             "threats", "badger");
  PrintTallyRow("(all contacts)", "all", whole.total);
  for (const auto& [m, t] : whole.months) PrintTallyRow("", m, t);
  for (const ContactTone& c : trend.contacts()) {
    PrintTallyRow(ContactLabel(c), "all", c.total);
    for (const auto& [m, t] : c.months) PrintTallyRow("", m, t);
  }
  PrintStandouts(standouts);
  return Status::OK();
}

// Every account's contacts with at least 3 messages, ranked three ways by the share of their
// messages flagged. Owns the trend the rankings point into.
struct ToneRanking {
  explicit ToneRanking(size_t top) : trend(top) {}
  ToneTrend trend;
  size_t accounts = 0;
  uint64_t scored = 0;
  std::vector<const ContactTone*> by_abuse, by_threats, by_badgering;
};

Status RankContacts(SqliteStore* store, ToneRanking* out) {
  std::vector<AccountSummary> accounts;
  NANNI_RETURN_IF_ERROR(store->ListAccounts(&accounts));
  const ToneModel& model = ToneModel::Default();
  ToneScorer scorer(model);
  for (const AccountSummary& a : accounts) {
    NANNI_RETURN_IF_ERROR(ScoreAccount(store, a.account, &scorer, model, &out->trend, &out->scored));
  }
  out->accounts = accounts.size();
  std::vector<const ContactTone*> list;
  for (const ContactTone& c : out->trend.contacts()) {
    if (c.total.messages >= 3) list.push_back(&c);
  }
  auto ranked = [&](auto share) {
    std::vector<const ContactTone*> r = list;
    std::stable_sort(r.begin(), r.end(), [&](const ContactTone* a, const ContactTone* b) {
      return share(a->total) > share(b->total);
    });
    return r;
  };
  out->by_abuse = ranked([](const ToneTally& t) { return t.Share(t.abusive) + 0.001 * t.Mean(3); });
  out->by_threats = ranked([](const ToneTally& t) { return t.Share(t.threats); });
  out->by_badgering = ranked([](const ToneTally& t) { return t.Share(t.badgering); });
  return Status::OK();
}

void PrintRankingJson(const ToneRanking& ranking) {
  std::string out = fmt::format("{{\"messages\":{},", ranking.scored);
  auto section = [&](const char* name, const std::vector<const ContactTone*>& r) {
    fmt::format_to(std::back_inserter(out), "\"{}\":[", name);
    for (size_t i = 0; i < r.size() && i < 20; ++i) {
      out += i ? "," : "";
      AppendContactJson(*r[i], false, &out);
    }
    out += "],";
  };
  section("by_abuse", ranking.by_abuse);
  section("by_threats", ranking.by_threats);
  section("by_badgering", ranking.by_badgering);
  AppendStandoutsJson(ranking.trend.Standouts(), &out);
  out += "}\n";
  std::fwrite(out.data(), 1, out.size(), stdout);
}

void PrintToneRankingTables(const ToneRanking& ranking, size_t rows) {
  fmt::print("Tone across {} accounts: {} messages with text from {} contacts; contacts with 3 or more\n"
             "messages, ranked by the share of their messages flagged.\n", ranking.accounts,
             ranking.scored, ranking.trend.contacts().size());
  auto table = [&](const char* title, const std::vector<const ContactTone*>& r, auto count) {
    fmt::print("\n{}\n{:<76} {:>5} {:>8} {:>6}\n", title, "contact (account)", "msgs", "flagged", "share");
    for (size_t i = 0; i < r.size() && i < rows; ++i) {
      if (count(r[i]->total) == 0) break;
      fmt::print("{:<76} {:>5} {:>8} {:>6.2f}\n",
                 ContactLabel(*r[i]) + " (" + Printable(r[i]->account, 30) + ")", r[i]->total.messages,
                 count(r[i]->total), r[i]->total.Share(count(r[i]->total)));
    }
  };
  table("Abuse", ranking.by_abuse, [](const ToneTally& t) { return t.abusive; });
  table("Threats", ranking.by_threats, [](const ToneTally& t) { return t.threats; });
  table("Discount badgering", ranking.by_badgering, [](const ToneTally& t) { return t.badgering; });
}

Status RunAll(const GlobalOptions& global, const ToneFlags& flags) {
  std::unique_ptr<SqliteStore> store;
  NANNI_RETURN_IF_ERROR(OpenLedger(global, &store));
  ToneRanking ranking(flags.top);
  NANNI_RETURN_IF_ERROR(RankContacts(store.get(), &ranking));
  if (global.json) {
    PrintRankingJson(ranking);
    return Status::OK();
  }
  PrintToneRankingTables(ranking, 10);
  PrintStandouts(ranking.trend.Standouts());
  return Status::OK();
}

Status RunTone(const GlobalOptions& global, const ToneFlags& flags) {
  int modes = !flags.account.empty() + flags.all + (!flags.text.empty() || !flags.file.empty());
  if (modes > 1) {
    return Status::InvalidInput("give one of FILE, --text, --account or --all\nhint: nanni tone --help");
  }
  if (!flags.account.empty()) return RunAccount(global, flags);
  if (flags.all) return RunAll(global, flags);
  return ScoreLines(global, flags);
}

}  // namespace

Status PrintToneRanking(SqliteStore* store, size_t rows) {
  ToneRanking ranking(/*top=*/0);
  NANNI_RETURN_IF_ERROR(RankContacts(store, &ranking));
  PrintToneRankingTables(ranking, rows);
  return Status::OK();
}

void RegisterToneCommand(CLI::App& app, GlobalOptions& global, CommandRun* run) {
  auto flags = std::make_shared<ToneFlags>();
  CLI::App* cmd = app.add_subcommand("tone", "Tone of text or of an account's messages, with reasons");
  auto* file = cmd->add_option("FILE", flags->file, "Score each line of this file (- or nothing: standard input)");
  auto* text = cmd->add_option("--text", flags->text, "Score this text (one message)");
  auto* account = cmd->add_option("--account", flags->account, "Each contact's tone in this account, month by month");
  auto* all = cmd->add_flag("--all", flags->all, "Rank every account's contacts by abuse, threats and badgering");
  file->excludes(text)->excludes(account)->excludes(all);
  text->excludes(account)->excludes(all);
  account->excludes(all);
  cmd->add_option("--reasons", flags->reasons, "Reasons shown per dimension")->capture_default_str();
  cmd->add_option("--top", flags->top, "Messages quoted as standouts")->capture_default_str();
  cmd->footer(
      "Dimensions (scores 0-1, flagged at 0.5): politeness (0 rude, 1 polite), demanding,\n"
      "collaboration, abuse, threat.legal|churn|public|escalation|personal,\n"
      "badger.price_cut|credit|freebie|match. Only the new text is scored: quoted lines, reply\n"
      "history and code blocks are left out. Each reason is the matched words, the feature and\n"
      "its contribution to the dimension's logit. See docs/tone.md.\n\n"
      "Examples:\n  nanni tone --text \"This is unacceptable. Fix it today or our lawyers will call.\"\n"
      "  nanni --json tone messages.txt\n  nanni tone --account northwind-logistics\n"
      "  nanni tone --all");
  OnChosen(cmd, run, [&global, flags] { return RunTone(global, *flags); });
}

}  // namespace nanni::cli
