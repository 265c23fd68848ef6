// nanni import: add events from files, all or nothing, idempotently.
#include <fmt/format.h>

#include "event/event_decoder.h"
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
};

void PrintSummary(const GlobalOptions& global, const ImportSummary& s) {
  double rate = s.seconds > 0 ? s.read / s.seconds : 0;
  if (global.json) {
    fmt::print(
        "{{\"read\":{},\"added\":{},\"duplicates\":{},\"rejected\":{},\"seconds\":{:.3f},"
        "\"events\":{},\"head\":\"{}\"}}\n",
        s.read, s.added, s.duplicates, s.rejected, s.seconds, s.head.count, ToHex(s.head.hash));
    return;
  }
  fmt::print("read {}, added {}, duplicates {}, rejected {} in {:.2f} s ({:.0f} events/s)\n",
             s.read, s.added, s.duplicates, s.rejected, s.seconds, rate);
  fmt::print("ledger now holds {} events; receipt {}:{}\n", s.head.count, s.head.count,
             ToHex(s.head.hash));
}

Status RunImport(const GlobalOptions& global, const ImportFlags& flags) {
  // Open every file first, so a missing one fails before anything starts.
  std::vector<std::unique_ptr<EventSource>> sources;
  NanniConfig config;  // our domains and account overrides, for mail; outlives the sources
  bool config_loaded = false;
  for (const std::string& file : flags.files) {
    if (MailSource::IsMailPath(file)) {  // mbox, maildir, .eml or a folder: docs/mail.md
      if (!config_loaded) NANNI_RETURN_IF_ERROR(LoadConfig(global, &config));
      config_loaded = true;
      std::unique_ptr<MailSource> mail;
      NANNI_RETURN_IF_ERROR(MailSource::Open(file, &config, &mail));
      sources.push_back(std::move(mail));
      continue;
    }
    std::unique_ptr<NdjsonSource> source;
    NANNI_RETURN_IF_ERROR(NdjsonSource::Open(file, flags.max_event_bytes, &source));
    sources.push_back(std::move(source));
  }
  std::unique_ptr<SqliteStore> store;
  NANNI_RETURN_IF_ERROR(OpenLedger(global, &store));
  ImportOptions options;
  options.progress = !flags.no_progress;
  ImportSummary summary;
  Status st = ImportEvents(store.get(), std::move(sources), options, &summary);
  if (!st.ok()) return st.WithSuffix("\nnothing was imported; the ledger is unchanged");
  PrintSummary(global, summary);
  return Status::OK();
}

}  // namespace

void RegisterImportCommand(CLI::App& app, GlobalOptions& global, CommandRun* run) {
  auto flags = std::make_shared<ImportFlags>();
  CLI::App* cmd = app.add_subcommand("import", "Add events from NDJSON files or mail archives, all or nothing");
  cmd->add_option("FILE", flags->files,
                  "NDJSON files of events (docs/events.md), - for stdin; or mail: an mbox, a "
                  "maildir, an .eml file or a folder of them (docs/mail.md)")
      ->required();
  cmd->add_option("--max-event-bytes", flags->max_event_bytes,
                  "Refuse events larger than this many bytes")
      ->capture_default_str();
  cmd->add_flag("--no-progress", flags->no_progress, "No progress bar, even on a terminal");
  cmd->footer(
      "All files of one call are one transaction: if any event is bad, nothing is added and the\n"
      "error names the file, line and field. An event whose id is already in the ledger with\n"
      "the same content is skipped and counted as a duplicate, so importing a file again adds\n"
      "nothing; the same id with other content is refused (append a correction instead).\n\n"
      "Mail is recognised by what the path is; our own domains and account overrides come\n"
      "from the configuration (--config, docs/config.md).\n\n"
      "Examples:\n  nanni import tickets.ndjson calls.ndjson\n"
      "  nanni --config nanni.toml import support.mbox ~/Maildir/support\n"
      "  zcat archive.ndjson.gz | nanni --json import -");
  OnChosen(cmd, run, [&global, flags] { return RunImport(global, *flags); });
}

}  // namespace nanni::cli
