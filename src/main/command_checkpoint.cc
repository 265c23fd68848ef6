// nanni checkpoint: print the receipt (event count and head digest) a customer can keep.
#include <fmt/format.h>

#include "main/cli.h"
#include "util/time.h"

namespace nanni::cli {

namespace {

Status RunCheckpoint(const GlobalOptions& global) {
  std::unique_ptr<SqliteStore> store;
  NANNI_RETURN_IF_ERROR(OpenLedger(global, LedgerAccess::kRead, &store));
  ChainHead head;
  NANNI_RETURN_IF_ERROR(store->Head(&head));
  std::string now = FormatUtc(NowMicros() / 1'000'000 * 1'000'000);
  if (global.json) {
    fmt::print("{{\"ledger_id\":\"{}\",\"events\":{},\"head\":\"{}\",\"receipt\":\"{}:{}\","
               "\"taken_at\":\"{}\"}}\n",
               store->LedgerId(), head.count, ToHex(head.hash), head.count, ToHex(head.hash), now);
    return Status::OK();
  }
  fmt::print("ledger   {}\nevents   {}\nhead     {}\ntaken at {}\n", store->LedgerId(), head.count,
             ToHex(head.hash), now);
  fmt::print("receipt  {}:{}\n", head.count, ToHex(head.hash));
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
