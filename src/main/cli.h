// The `nanni` command line: shared options and helpers used by every command.
//
// Each command lives in its own command_*.cc and registers itself with RegisterXCommand().
// A command's run function returns a Status; main.cc prints it and turns it into the exit
// code (see ExitCodeFor). Commands write results to stdout and nothing else there; progress
// and errors go to stderr.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <string>

#include "config/nanni_config.h"
#include "engine/engine.h"
#include "generate/portfolio_generator.h"
#include "util/output_file.h"
#include "util/status.h"

namespace nanni::cli {

struct GlobalOptions {
  std::string db;      // --db, default $NANNI_DB or ./nanni.db
  std::string config;  // --config, "" for $NANNI_CONFIG, else ./nanni.toml, else defaults
  bool json = false;   // --json
};

// The run function of the command that was chosen.
using CommandRun = std::function<Status()>;

// Every command registers itself: adds its subcommand and options to `app`, and sets *run
// (through the subcommand's callback) when it is chosen.
void RegisterInitCommand(CLI::App& app, GlobalOptions& global, CommandRun* run);
void RegisterImportCommand(CLI::App& app, GlobalOptions& global, CommandRun* run);
void RegisterVerifyCommand(CLI::App& app, GlobalOptions& global, CommandRun* run);
void RegisterCheckpointCommand(CLI::App& app, GlobalOptions& global, CommandRun* run);
void RegisterAccountsCommand(CLI::App& app, GlobalOptions& global, CommandRun* run);
void RegisterEventsCommand(CLI::App& app, GlobalOptions& global, CommandRun* run);
void RegisterGenerateCommand(CLI::App& app, GlobalOptions& global, CommandRun* run);
void RegisterDemoCommand(CLI::App& app, GlobalOptions& global, CommandRun* run);
void RegisterToneCommand(CLI::App& app, GlobalOptions& global, CommandRun* run);
void RegisterToneEvalCommand(CLI::App& app, GlobalOptions& global, CommandRun* run);
void RegisterProfilesCommand(CLI::App& app, GlobalOptions& global, CommandRun* run);
void RegisterCaseCommand(CLI::App& app, GlobalOptions& global, CommandRun* run);
void RegisterBriefCommand(CLI::App& app, GlobalOptions& global, CommandRun* run);
void RegisterPortfolioCommand(CLI::App& app, GlobalOptions& global, CommandRun* run);
void RegisterReindexCommand(CLI::App& app, GlobalOptions& global, CommandRun* run);
void RegisterTriageCommand(CLI::App& app, GlobalOptions& global, CommandRun* run);
void RegisterSignalsCommand(CLI::App& app, GlobalOptions& global, CommandRun* run);
void RegisterEconomicsCommand(CLI::App& app, GlobalOptions& global, CommandRun* run);
void RegisterEscalationsCommand(CLI::App& app, GlobalOptions& global, CommandRun* run);
void RegisterSludgeCommand(CLI::App& app, GlobalOptions& global, CommandRun* run);
void RegisterUpgradeCommand(CLI::App& app, GlobalOptions& global, CommandRun* run);
void RegisterKeyCommand(CLI::App& app, GlobalOptions& global, CommandRun* run);
void RegisterProveCommand(CLI::App& app, GlobalOptions& global, CommandRun* run);
void RegisterVerifyProofCommand(CLI::App& app, GlobalOptions& global, CommandRun* run);
void RegisterCosignCommand(CLI::App& app, GlobalOptions& global, CommandRun* run);
void RegisterContractCommand(CLI::App& app, GlobalOptions& global, CommandRun* run);
void RegisterDisputeCommand(CLI::App& app, GlobalOptions& global, CommandRun* run);

// Makes `fn` the command to run when the subcommand `cmd` is chosen on the command line.
inline void OnChosen(CLI::App* cmd, CommandRun* run, CommandRun fn) {
  cmd->callback([run, fn = std::move(fn)] { *run = fn; });
}

// Reads the configuration named by --config (see ResolveNanniConfig in config/nanni_config.h).
Status LoadConfig(const GlobalOptions& global, NanniConfig* config);

// The files no command may write over: the ledger named by --db (and the files SQLite keeps
// beside it) and the configuration file in use. Commands add their own inputs.
ProtectedFiles ProtectedFor(const GlobalOptions& global);

// Opens the engine on the ledger named by --db with the configuration of --config, with a
// hint to run `nanni init` when there is no ledger. kRead never writes to the ledger or its
// folder (StoreMode::kReadOnly).
enum class LedgerAccess { kRead, kWrite };
Status OpenEngine(const GlobalOptions& global, LedgerAccess access, std::unique_ptr<Engine>* engine);

// Tells the user on stderr when the analytic index stored beside the ledger is not current
// (the command then built what it lacked in memory) and how to store it.
void NoteStaleIndex(Engine* engine);

// A value given to `flag` that could not be used: `st`'s message, prefixed with the flag, as
// InvalidArgument (exit 2: the command line was wrong), except that a file that does not
// exist stays NotFound (exit 3) and one the system failed to read stays IOError (exit 4).
Status FlagError(std::string_view flag, const Status& st);

// Parses a time bound given to `flag` (RFC 3339, or YYYY-MM-DD meaning 00:00 UTC).
Status ParseFlagTime(std::string_view flag, const std::string& text, int64_t* utc_micros);

// Parses a report moment from --as-of (RFC 3339 or a bare date; "" = now) and --recorded-by
// ("" = no cut), naming the flag in errors.
Status ParseMoment(const std::string& as_of, const std::string& recorded_by, ReportMoment* out);

// Writes a generated portfolio as NDJSON to `out_path` ("-": stdout) and, unless
// `truth_path` is empty, the planted situations as JSON there, each through an OutputFile
// that refuses `protect` (command_generate.cc).
Status GenerateToFile(const GeneratorOptions& options, const std::string& out_path,
                      const std::string& truth_path, ProtectedFiles protect, GeneratorTruth* truth);


// Exit codes, documented in docs/cli.md.
constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;    // verification failed, or the input was refused
constexpr int kExitUsage = 2;     // the command line was wrong
constexpr int kExitNotFound = 3;  // a file or ledger that was named does not exist
constexpr int kExitIO = 4;        // the system or database failed
constexpr int kExitDenied = 5;    // the access scope does not cover what was asked
int ExitCodeFor(const Status& status);

// Formats microseconds since the epoch as "2024-03-05 09:14" in the given offset, for tables.
std::string ShortTime(int64_t utc_micros, int32_t offset_minutes = 0);

}  // namespace nanni::cli
