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

namespace nanni::cli {

namespace {

struct ImportFlags {
  std::vector<std::string> files;
  size_t max_event_bytes = EventDecoder::kDefaultMaxEventBytes;
  bool no_progress = false;
  std::string profile;  // --profile NAME|FILE: the files are CSV read through it
  bool lenient = false;
  std::string rejects;
};

// Where --lenient puts the rows it skips: a JSON-lines file, written as rows are read.
struct RejectLog {
  std::FILE* file = nullptr;
  uint64_t count = 0;
  ~RejectLog() { if (file != nullptr) std::fclose(file); }
};

Status OpenCsvSources(const ImportFlags& flags, RejectLog* log,
                      std::vector<std::unique_ptr<EventSource>>* sources) {
  if (flags.lenient && flags.rejects.empty()) {
    return Status::InvalidInput("--lenient needs --rejects FILE, where skipped rows are written");
  }
  Profile profile;
  NANNI_RETURN_IF_ERROR(ResolveProfile(flags.profile, &profile));
  if (flags.lenient) {
    log->file = std::fopen(flags.rejects.c_str(), "wb");
    if (log->file == nullptr) return Status::IOError(fmt::format("cannot write {}", flags.rejects));
  }
  for (const std::string& file : flags.files) {
    CsvSource::Options options;
    options.lenient = flags.lenient;
    options.on_reject = [log](const CsvReject& r) {
      ++log->count;
      std::string line = RejectToJsonLine(r);
      std::fwrite(line.data(), 1, line.size(), log->file);
    };
    std::unique_ptr<CsvSource> source;
    NANNI_RETURN_IF_ERROR(CsvSource::Open(file, profile, options, &source));
    sources->push_back(std::move(source));
  }
  return Status::OK();
}

// Without --profile each path is mail (an mbox, maildir, .eml or a folder: docs/mail.md) or
// NDJSON. The configuration is read only when there is mail; `config` must outlive `sources`.
Status OpenFileSources(const GlobalOptions& global, const ImportFlags& flags, NanniConfig* config,
                       std::vector<std::unique_ptr<EventSource>>* sources) {
  if (flags.lenient) return Status::InvalidInput("--lenient applies to CSV imports (--profile)");
  bool config_loaded = false;
  for (const std::string& file : flags.files) {
    if (MailSource::IsMailPath(file)) {
      if (!config_loaded) NANNI_RETURN_IF_ERROR(LoadConfig(global, config));
      config_loaded = true;
      std::unique_ptr<MailSource> mail;
      NANNI_RETURN_IF_ERROR(MailSource::Open(file, config, &mail));
      sources->push_back(std::move(mail));
      continue;
    }
    std::unique_ptr<NdjsonSource> source;
    NANNI_RETURN_IF_ERROR(NdjsonSource::Open(file, flags.max_event_bytes, &source));
    sources->push_back(std::move(source));
  }
  return Status::OK();
}

void PrintSummary(const GlobalOptions& global, const ImportSummary& s) {
  double rate = s.seconds > 0 ? s.read / s.seconds : 0;
  if (global.json) {
    std::string notes;
    for (const std::string& n : s.notes) {
      if (!notes.empty()) notes += ',';
      AppendJsonString(n, &notes);
    }
    fmt::print(
        "{{\"read\":{},\"added\":{},\"duplicates\":{},\"rejected\":{},\"seconds\":{:.3f},"
        "\"events\":{},\"head\":\"{}\",\"notes\":[{}]}}\n",
        s.read, s.added, s.duplicates, s.rejected, s.seconds, s.head.count, ToHex(s.head.hash),
        notes);
    return;
  }
  fmt::print("read {}, added {}, duplicates {}, rejected {} in {:.2f} s ({:.0f} events/s)\n",
             s.read, s.added, s.duplicates, s.rejected, s.seconds, rate);
  fmt::print("ledger now holds {} events; receipt {}:{}\n", s.head.count, s.head.count,
             ToHex(s.head.hash));
  for (const std::string& n : s.notes) fmt::print("note: {}\n", n);
}

Status RunImport(const GlobalOptions& global, const ImportFlags& flags) {
  // Open every file first, so a missing one fails before anything starts.
  NanniConfig config;  // our domains and account overrides, for mail; outlives the sources
  std::vector<std::unique_ptr<EventSource>> sources;
  RejectLog rejects;
  if (flags.profile.empty()) {
    NANNI_RETURN_IF_ERROR(OpenFileSources(global, flags, &config, &sources));
  } else {
    NANNI_RETURN_IF_ERROR(OpenCsvSources(flags, &rejects, &sources));
  }
  std::unique_ptr<SqliteStore> store;
  NANNI_RETURN_IF_ERROR(OpenLedger(global, &store));
  ImportOptions options;
  options.progress = !flags.no_progress;
  ImportSummary summary;
  Status st = ImportEvents(store.get(), std::move(sources), options, &summary);
  if (!st.ok()) return st.WithSuffix("\nnothing was imported; the ledger is unchanged");
  summary.rejected += rejects.count;
  PrintSummary(global, summary);
  if (rejects.count > 0 && !global.json) {
    fmt::print("{} rows skipped (--lenient), written to {}\n", rejects.count, flags.rejects);
  }
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
                  "Refuse events larger than this many bytes")
      ->capture_default_str();
  cmd->add_flag("--no-progress", flags->no_progress, "No progress bar, even on a terminal");
  cmd->add_option("--profile", flags->profile,
                  "Read the files as CSV through this profile: a built-in name (nanni profiles) "
                  "or a TOML file (docs/profiles.md)");
  CLI::Option* lenient = cmd->add_flag(
      "--lenient", flags->lenient,
      "CSV: skip unreadable rows instead of refusing the import (needs --rejects)");
  CLI::Option* rejects = cmd->add_option(
      "--rejects", flags->rejects,
      "CSV with --lenient: write each skipped row, with its line and reason, to this "
      "JSON-lines file");
  lenient->needs(rejects);
  rejects->needs(lenient);
  cmd->footer(
      "All files of one call are one transaction: if any event is bad, nothing is added and the\n"
      "error names the file, line and field. An event whose id is already in the ledger with\n"
      "the same content is skipped and counted as a duplicate, so importing a file again adds\n"
      "nothing; the same id with other content is refused (append a correction instead).\n\n"
      "A CSV row that cannot be read stops the import the same way (strict); with --lenient\n"
      "the other rows are imported and each skipped row is written to --rejects.\n\n"
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
