// nanni: the case file for difficult customers. This file only wires the commands together.
#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>

#include "main/cli.h"
#include "util/printable.h"

namespace {

constexpr const char* kDescription = R"(nanni keeps the record of your relationship with each customer in an
append-only, hash-chained ledger, built from what you already have, and reads it for you.

Start with `nanni demo`, or:
  nanni init                        create an empty ledger (./nanni.db, or --db PATH)
  nanni import events.ndjson        add events, all or nothing, idempotently
  nanni verify                      recompute the hash chain
  nanni accounts                    every account with its activity
  nanni events ACCOUNT              one account's events in time order
  nanni portfolio --sort open       every account's figures, from the analytic index
  nanni triage                      the accounts that need something now, with the evidence
  nanni economics                   revenue, cost to serve and margin per account
  nanni case ACCOUNT                the account's case file: every fact, cited
  nanni tone --account ACCOUNT      how each contact's tone moved, month by month

Every command takes --help. Docs: docs/cli.md, docs/events.md, docs/ledger.md.)";

}  // namespace

int main(int argc, char** argv) {
  using namespace nanni::cli;
  CLI::App app(kDescription, "nanni");
  app.require_subcommand(1);
  app.fallthrough();
  app.set_version_flag("--version", "nanni 0.1.0");

  GlobalOptions global;
  const char* env_db = std::getenv("NANNI_DB");
  global.db = env_db != nullptr && *env_db != '\0' ? env_db : "nanni.db";
  app.add_option("--db", global.db, "The ledger file (default: $NANNI_DB, else ./nanni.db)")
      ->capture_default_str();
  app.add_option("--config", global.config,
                 "Company settings, TOML (default: $NANNI_CONFIG, else ./nanni.toml if present; "
                 "see docs/config.md)");
  app.add_flag("--json", global.json, "Machine-readable JSON on stdout");

  CommandRun run;
  RegisterInitCommand(app, global, &run);
  RegisterImportCommand(app, global, &run);
  RegisterVerifyCommand(app, global, &run);
  RegisterCheckpointCommand(app, global, &run);
  RegisterAccountsCommand(app, global, &run);
  RegisterEventsCommand(app, global, &run);
  RegisterGenerateCommand(app, global, &run);
  RegisterDemoCommand(app, global, &run);
  RegisterToneCommand(app, global, &run);
  RegisterToneEvalCommand(app, global, &run);
  RegisterProfilesCommand(app, global, &run);
  RegisterCaseCommand(app, global, &run);
  RegisterBriefCommand(app, global, &run);
  RegisterPortfolioCommand(app, global, &run);
  RegisterTriageCommand(app, global, &run);
  RegisterSignalsCommand(app, global, &run);
  RegisterEconomicsCommand(app, global, &run);
  RegisterEscalationsCommand(app, global, &run);
  RegisterSludgeCommand(app, global, &run);
  RegisterReindexCommand(app, global, &run);
  RegisterUpgradeCommand(app, global, &run);
  RegisterKeyCommand(app, global, &run);
  RegisterProveCommand(app, global, &run);
  RegisterVerifyProofCommand(app, global, &run);
  RegisterCosignCommand(app, global, &run);
  RegisterContractCommand(app, global, &run);
  RegisterDisputeCommand(app, global, &run);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::string what = e.what();
    std::fprintf(stderr, "nanni: %s\nhint: run `nanni --help`, or `nanni COMMAND --help`\n",
                 nanni::PrintableLines(what).c_str());
    return kExitUsage;
  }
  if (!run) return kExitUsage;
  nanni::Status status = run();
  if (!status.ok()) {
    std::fprintf(stderr, "nanni: %s\n", nanni::PrintableLines(status.message()).c_str());
    return ExitCodeFor(status);
  }
  return kExitOk;
}
