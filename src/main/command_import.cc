// nanni import: add events from files, all or nothing, idempotently.
#include <fmt/format.h>

#include <cstdio>

#include "event/canonical.h"
#include "event/event_decoder.h"
#include "import/csv/builtin_profiles.h"
#include "import/csv/csv_source.h"
#include "import/importer.h"
#include "import/mail/mail_source.h"
#include "import/ndjson_source.h"
#include "main/cli.h"
#include "util/json_out.h"
#include "util/printable.h"

namespace nanni::cli {

namespace {

struct ImportFlags {
  std::vector<std::string> files;
  size_t max_event_bytes = kDefaultMaxEventBytes;
  bool no_progress = false;
  std::string profile;  // --profile NAME|FILE: the files are CSV read through it
  bool lenient = false;
  std::string rejects;
};

// Where --lenient puts what it leaves out: JSON lines, written as they come to a temporary
// file that takes the --rejects name only when the import succeeds.
class RejectLog {
 public:
  Status Open(const ImportFlags& flags, const ProtectedFiles& protect) {
    if (!flags.lenient) return Status::OK();
    if (flags.rejects.empty()) {
      return Status::InvalidArgument("--lenient needs --rejects FILE, where what it leaves out is written");
    }
    return OutputFile::Open("--rejects", flags.rejects, protect, &file_);
  }
  // The sink sources report to; empty when not lenient.
  RejectSink Sink() {
    if (!file_) return {};
    return [this](const ImportReject& r) {
      ++count_;
      if (written_.ok()) written_ = file_->Write(RejectToJsonLine(r));
    };
  }
  Status Commit() {
    if (!file_) return Status::OK();
    NANNI_RETURN_IF_ERROR(written_);
    return file_->Commit();
  }
  uint64_t count() const { return count_; }

 private:
  std::unique_ptr<OutputFile> file_;
  Status written_;
  uint64_t count_ = 0;
};

Status OpenCsvSources(const ImportFlags& flags, const Profile& profile, RejectLog* log,
                      std::vector<std::unique_ptr<EventSource>>* sources) {
  for (const std::string& file : flags.files) {
    CsvSource::Options options;
    options.lenient = flags.lenient;
    options.on_reject = log->Sink();
    std::unique_ptr<CsvSource> source;
    NANNI_RETURN_IF_ERROR(CsvSource::Open(file, profile, options, &source));
    sources->push_back(std::move(source));
  }
  return Status::OK();
}

// Without --profile each path is mail (an mbox, maildir, .eml or a folder: docs/mail.md) or
// NDJSON. The configuration is read only when there is mail; `config` must outlive `sources`.
Status OpenFileSources(const GlobalOptions& global, const ImportFlags& flags, NanniConfig* config,
                       RejectLog* log, std::vector<std::unique_ptr<EventSource>>* sources) {
  bool config_loaded = false;
  for (const std::string& file : flags.files) {
    if (MailSource::IsMailPath(file)) {
      if (!config_loaded) NANNI_RETURN_IF_ERROR(LoadConfig(global, config));
      config_loaded = true;
      MailSource::Options mail_options;
      mail_options.lenient = flags.lenient;
      mail_options.on_reject = log->Sink();
      std::unique_ptr<MailSource> mail;
      NANNI_RETURN_IF_ERROR(MailSource::Open(file, config, std::move(mail_options), &mail));
      sources->push_back(std::move(mail));
      continue;
    }
    NdjsonSource::Options options;
    options.max_event_bytes = flags.max_event_bytes;
    options.lenient = flags.lenient;
    options.on_reject = log->Sink();
    std::unique_ptr<NdjsonSource> source;
    NANNI_RETURN_IF_ERROR(NdjsonSource::Open(file, std::move(options), &source));
    sources->push_back(std::move(source));
  }
  return Status::OK();
}

// "1200 rows and 40 messages"
std::string UnitsText(const ImportSummary& s) {
  std::string out;
  for (size_t i = 0; i < s.units.size(); ++i) {
    out += i == 0 ? "" : i + 1 == s.units.size() ? " and " : ", ";
    out += fmt::format("{} {}", s.units[i].second, s.units[i].first);
  }
  return out;
}

void PrintSummary(const GlobalOptions& global, const ImportSummary& s, const ImportFlags& flags) {
  double rate = s.seconds > 0 ? s.read / s.seconds : 0;
  if (global.json) {
    JsonOut json;
    json.BeginObject().Key("units").BeginObject();
    for (const auto& [name, n] : s.units) json.Key(name).Int(static_cast<int64_t>(n));
    json.EndObject().Field("read", s.read).Field("added", s.added).Field("duplicates", s.duplicates)
        .Field("rejected", s.rejected).Key("seconds").Fixed(s.seconds, 3)
        .Field("events", s.head.size).Field("root", ToHex(s.head.root)).Key("notes").BeginArray();
    for (const std::string& note : s.notes) json.String(note);
    json.EndArray().EndObject().Raw("\n");
    fmt::print("{}", json.Take());
    return;
  }
  fmt::print("read {}: {} events, added {}, duplicates {}, rejected {} in {:.2f} s ({:.0f} events/s)\n",
             UnitsText(s), s.read, s.added, s.duplicates, s.rejected, s.seconds, rate);
  fmt::print("ledger now holds {} events; tree root {}\n", s.head.size, ToHex(s.head.root));
  if (s.rejected > 0) {
    fmt::print("{} left out (--lenient), written to {}\n", s.rejected, Printable(flags.rejects, 200));
  }
  for (const std::string& note : s.notes) fmt::print("note: {}\n", note);
}

Status RunImport(const GlobalOptions& global, const ImportFlags& flags) {
  NANNI_RETURN_IF_ERROR(CheckMaxEventBytes(flags.max_event_bytes));
  ProtectedFiles protect = ProtectedFor(global);
  for (const std::string& file : flags.files) protect.Add(file, "an input of this import");
  Profile profile;
  if (!flags.profile.empty()) {
    NANNI_RETURN_IF_ERROR(ResolveProfile(flags.profile, &profile));
    protect.Add(profile.file, "the import profile");
  }
  RejectLog rejects;
  NANNI_RETURN_IF_ERROR(rejects.Open(flags, protect));
  // Open every file first, so a missing one fails before anything starts.
  NanniConfig config;  // our domains and account overrides, for mail; outlives the sources
  std::vector<std::unique_ptr<EventSource>> sources;
  if (flags.profile.empty()) {
    NANNI_RETURN_IF_ERROR(OpenFileSources(global, flags, &config, &rejects, &sources));
  } else {
    NANNI_RETURN_IF_ERROR(OpenCsvSources(flags, profile, &rejects, &sources));
  }
  std::unique_ptr<Engine> engine;
  NANNI_RETURN_IF_ERROR(OpenEngine(global, LedgerAccess::kWrite, &engine));
  ImportOptions options;
  options.progress = !flags.no_progress;
  options.max_event_bytes = flags.max_event_bytes;
  options.lenient = flags.lenient;
  options.on_reject = rejects.Sink();
  ImportSummary summary;
  Status st = engine->Import(std::move(sources), options, &summary);
  if (!st.ok()) return st.WithSuffix("\nnothing was imported; the ledger is unchanged");
  summary.rejected = rejects.count();
  NANNI_RETURN_IF_ERROR(rejects.Commit());
  PrintSummary(global, summary, flags);
  return Status::OK();
}

}  // namespace

void RegisterImportCommand(CLI::App& app, GlobalOptions& global, CommandRun* run) {
  auto flags = std::make_shared<ImportFlags>();
  CLI::App* cmd = app.add_subcommand(
      "import", "Add events from NDJSON files, mail archives or CSV exports, all or nothing");
  cmd->add_option("FILE", flags->files,
                  "NDJSON files of events (docs/events.md), - for stdin; mail: an mbox, a "
                  "maildir, an .eml file or a folder of them (docs/mail.md); or CSV exports "
                  "with --profile (docs/profiles.md)")
      ->required();
  cmd->add_option("--max-event-bytes", flags->max_event_bytes,
                  "Refuse events larger than this many bytes (at most 67108864, 64 MiB)")
      ->capture_default_str();
  cmd->add_flag("--no-progress", flags->no_progress, "No progress bar, even on a terminal");
  cmd->add_option("--profile", flags->profile,
                  "Read the files as CSV through this profile: a built-in name (nanni profiles) "
                  "or a TOML file (docs/profiles.md)");
  CLI::Option* lenient = cmd->add_flag(
      "--lenient", flags->lenient,
      "Leave out unreadable rows, lines and messages, and events over the size limit, "
      "instead of refusing the import (needs --rejects)");
  CLI::Option* rejects = cmd->add_option(
      "--rejects", flags->rejects,
      "With --lenient: write each unit left out, with its file, line and reason, to this "
      "JSON-lines file (a new file; never the ledger or an input)");
  lenient->needs(rejects);
  rejects->needs(lenient);
  cmd->footer(
      "All files of one call are one transaction: if any event is bad, nothing is added and the\n"
      "error names the file, line and field. An event whose id is already in the ledger with\n"
      "the same content is skipped and counted as a duplicate, so importing a file again adds\n"
      "nothing; the same id with other content is refused (append a correction instead).\n\n"
      "A CSV row, NDJSON line or message that cannot be read, or whose event is larger than\n"
      "--max-event-bytes, stops the import the same way (strict); with --lenient the rest\n"
      "is imported and each unit left out is written to --rejects.\n\n"
      "Mail is recognised by what the path is; our own domains and account overrides come\n"
      "from the configuration (--config, docs/config.md).\n\n"
      "Examples:\n  nanni import tickets.ndjson calls.ndjson\n"
      "  nanni import --profile callcenter calls.csv\n"
      "  nanni import --profile cfpb --lenient --rejects rejects.jsonl complaints.csv\n"
      "  nanni --config nanni.toml import support.mbox ~/Maildir/support\n"
      "  zcat archive.ndjson.gz | nanni --json import -");
  OnChosen(cmd, run, [&global, flags] { return RunImport(global, *flags); });
}

}  // namespace nanni::cli
