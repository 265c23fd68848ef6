// nanni upgrade: convert a ledger made by an earlier nanni to the current format, in place.
#include <fmt/format.h>

#include "main/cli.h"
#include "storage/open_store.h"
#include "util/json_out.h"
#include "util/printable.h"
#include "util/progress_bar.h"

namespace nanni::cli {

namespace {

struct UpgradeFlags {
  std::string origin;
};

Status RunUpgrade(const GlobalOptions& global, const UpgradeFlags& flags) {
  ProgressBar progress("upgrade", 0, "events");
  UpgradeReport report;
  NANNI_RETURN_IF_ERROR(UpgradeLedger(global.db, flags.origin,
                                      [&](uint64_t done) { progress.Update(done, done); }, &report));
  progress.Finish();
  if (global.json) {
    JsonOut json;
    json.BeginObject().Field("upgraded", report.upgraded).Field("events", report.events)
        .Field("origin", report.origin).Field("root", ToHex(report.head.root)).EndObject().Raw("\n");
    fmt::print("{}", json.Take());
  } else if (!report.upgraded) {
    fmt::print("{} is in the current format already; nothing to do\n", Printable(global.db, 200));
  } else {
    fmt::print("verified the old hash chain of {} events and rebuilt them as a Merkle tree\n", report.events);
    fmt::print("origin {}; tree root {}\n", report.origin, ToHex(report.head.root));
    fmt::print("next: nanni key init, then nanni checkpoint (receipts of format 1 are not valid in "
               "format 2: hand out checkpoints again)\n");
  }
  return Status::OK();
}

}  // namespace

void RegisterUpgradeCommand(CLI::App& app, GlobalOptions& global, CommandRun* run) {
  auto flags = std::make_shared<UpgradeFlags>();
  CLI::App* cmd = app.add_subcommand("upgrade", "Convert a ledger from an earlier nanni to the current format");
  cmd->add_option("--origin", flags->origin,
                  "The name its checkpoints are issued under, e.g. support.example.com/ledger "
                  "(default nanni.ledger/LEDGER_ID)");
  cmd->footer(
      "Format 1 ledgers (a hash chain) become format 2 (an RFC 9162 Merkle tree, docs/ledger.md)\n"
      "in place. First the whole old chain is verified: if any event fails, the command names\n"
      "it and changes nothing. Then, in one transaction, the tree is built from the same\n"
      "entries (every event, seq and recording time kept) and the chain hashes are dropped. A\n"
      "crash leaves the ledger in format 1. A ledger already current is left alone.\n"
      "Back the file up first if it is your only copy.\n\n"
      "Example:\n  nanni --db acme.db upgrade --origin support.acme.com/ledger");
  OnChosen(cmd, run, [&global, flags] { return RunUpgrade(global, *flags); });
}

}  // namespace nanni::cli
