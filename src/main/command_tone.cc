// nanni tone: scores text, or an account's messages, on the tone dimensions, with reasons.
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>

#include "main/cli.h"
#include "util/json_out.h"
#include "render/tone_render.h"
#include "tone/tone_scorer.h"
#include "util/printable.h"

namespace nanni::cli {

namespace {

struct ToneFlags {
  std::string file;
  std::string text;
  std::string account;
  bool all = false;
  size_t reasons = 3;
  size_t top = 5;
  std::string as_of;
};

Status ScoreLines(const GlobalOptions& global, const ToneFlags& flags) {
  const ToneModel& model = ToneModel::Default();
  ToneScorer scorer(model);
  ToneScore score;
  JsonOut json([](std::string_view piece) { std::fwrite(piece.data(), 1, piece.size(), stdout); });
  if (global.json) json.BeginObject().Key("messages").BeginArray();
  size_t n = 0;
  auto one = [&](const std::string& text) {
    scorer.Score(text, &score);
    ++n;
    if (!global.json) {
      fmt::print("{}", ToneScoreText(n, score, model, flags.reasons));
      return;
    }
    json.BeginObject().Field("line", n);
    WriteToneScoreJson(score, model, &json);
    json.EndObject();
  };
  if (!flags.text.empty()) {
    one(flags.text);
  } else {
    std::ifstream file;
    std::istream* in = &std::cin;
    if (!flags.file.empty() && flags.file != "-") {
      file.open(flags.file, std::ios::binary);
      if (!file) return Status::NotFound(fmt::format("{}: cannot open", Printable(flags.file, 200)));
      in = &file;
    }
    std::string line;
    while (std::getline(*in, line)) one(line);
  }
  if (global.json) json.EndArray().EndObject().Raw("\n").Flush();
  return Status::OK();
}

Status RunAccount(const GlobalOptions& global, const ToneFlags& flags) {
  ReportMoment moment;
  NANNI_RETURN_IF_ERROR(ParseMoment(flags.as_of, "", &moment));
  std::unique_ptr<Engine> engine;
  NANNI_RETURN_IF_ERROR(OpenEngine(global, LedgerAccess::kRead, &engine));
  ToneReport report;
  NANNI_RETURN_IF_ERROR(engine->AccountTone(AccessScope::All(), flags.account, moment, flags.top, &report));
  NoteStaleIndex(engine.get());
  if (!global.json) {
    fmt::print("{}", AccountToneText(report));
    return Status::OK();
  }
  JsonOut json;
  WriteAccountToneJson(report, &json);
  fmt::print("{}\n", json.Take());
  return Status::OK();
}

Status RunAll(const GlobalOptions& global, const ToneFlags& flags) {
  ReportMoment moment;
  NANNI_RETURN_IF_ERROR(ParseMoment(flags.as_of, "", &moment));
  std::unique_ptr<Engine> engine;
  NANNI_RETURN_IF_ERROR(OpenEngine(global, LedgerAccess::kRead, &engine));
  ToneReport report;
  NANNI_RETURN_IF_ERROR(engine->PortfolioTone(AccessScope::All(), moment, flags.top, &report));
  NoteStaleIndex(engine.get());
  if (!global.json) {
    fmt::print("{}", PortfolioToneText(report, 10));
    return Status::OK();
  }
  JsonOut json;
  WritePortfolioToneJson(report, &json);
  fmt::print("{}\n", json.Take());
  return Status::OK();
}

Status RunTone(const GlobalOptions& global, const ToneFlags& flags) {
  int modes = !flags.account.empty() + flags.all + (!flags.text.empty() || !flags.file.empty());
  if (modes > 1) {
    return Status::InvalidArgument("give one of FILE, --text, --account or --all\nhint: nanni tone --help");
  }
  if (!flags.account.empty()) return RunAccount(global, flags);
  if (flags.all) return RunAll(global, flags);
  return ScoreLines(global, flags);
}

}  // namespace

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
  cmd->add_option("--as-of", flags->as_of,
                  "With --account or --all: the record as of this moment (RFC 3339, or YYYY-MM-DD "
                  "in UTC; default: now)");
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
