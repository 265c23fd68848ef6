// nanni checkpoint: print the receipt (event count and head digest) a customer can keep.
#include <fmt/format.h>

#include "main/cli.h"
#include "util/json_out.h"
#include "util/time.h"

namespace nanni::cli {

namespace {

Status RunCheckpoint(const GlobalOptions& global) {
  std::unique_ptr<Engine> engine;
  NANNI_RETURN_IF_ERROR(OpenEngine(global, LedgerAccess::kRead, &engine));
  TreeHead head;
  NANNI_RETURN_IF_ERROR(engine->Head(&head));
  std::string now = FormatUtc(NowMicros() / 1'000'000 * 1'000'000);
  const std::string receipt = fmt::format("{}:{}", head.size, ToHex(head.root));
  if (global.json) {
    JsonOut json;
    json.BeginObject().Field("ledger_id", engine->store()->LedgerId()).Field("events", head.size)
        .Field("head", ToHex(head.root)).Field("receipt", receipt).Field("taken_at", now).EndObject().Raw("\n");
    fmt::print("{}", json.Take());
    return Status::OK();
  }
  fmt::print("ledger   {}\nevents   {}\nhead     {}\ntaken at {}\n", engine->store()->LedgerId(), head.size,
             ToHex(head.root), now);
  fmt::print("receipt  {}\n", receipt);
  return Status::OK();
}

}  // namespace

void RegisterCheckpointCommand(CLI::App& app, GlobalOptions& global, CommandRun* run) {
  CLI::App* cmd = app.add_subcommand("checkpoint", "Print the receipt: event count and head digest");
  cmd->footer(
      "The receipt COUNT:HASH pins the whole history up to now: hand it to the customer, and\n"
      "`nanni verify --receipt COUNT:HASH` later proves nothing before it was changed.\n\n"
      "Example:\n  nanni checkpoint");
  OnChosen(cmd, run, [&global] { return RunCheckpoint(global); });
}

}  // namespace nanni::cli
