// nanni accounts: every account with its event count and first and last activity.
#include <fmt/format.h>

#include <algorithm>

#include "main/cli.h"
#include "util/json_out.h"
#include "util/printable.h"
#include "util/time.h"

namespace nanni::cli {

namespace {

struct AccountsFlags {
  std::string sort = "name";
  size_t limit = 0;
};

Status RunAccounts(const GlobalOptions& global, const AccountsFlags& flags) {
  std::unique_ptr<Engine> engine;
  NANNI_RETURN_IF_ERROR(OpenEngine(global, LedgerAccess::kRead, &engine));
  std::vector<AccountSummary> accounts;
  NANNI_RETURN_IF_ERROR(engine->Accounts(AccessScope::All(), &accounts));
  if (flags.sort == "events") {
    std::stable_sort(accounts.begin(), accounts.end(),
                     [](const auto& a, const auto& b) { return a.events > b.events; });
  } else if (flags.sort == "last") {
    std::stable_sort(accounts.begin(), accounts.end(), [](const auto& a, const auto& b) {
      return a.last_utc_micros > b.last_utc_micros;
    });
  }
  if (flags.limit > 0 && accounts.size() > flags.limit) accounts.resize(flags.limit);

  if (global.json) {
    JsonOut json;
    json.BeginObject().Key("accounts").BeginArray();
    for (const AccountSummary& a : accounts) {
      json.BeginObject().Field("account", a.account).Field("events", a.events)
          .Field("first", FormatUtc(a.first_utc_micros)).Field("last", FormatUtc(a.last_utc_micros)).EndObject();
    }
    json.EndArray().EndObject().Raw("\n");
    fmt::print("{}", json.Take());
    return Status::OK();
  }
  if (accounts.empty()) {
    fmt::print("the ledger holds no events yet\nnext: nanni --db {} import FILE.ndjson\n", global.db);
    return Status::OK();
  }
  size_t width = 7;
  for (const auto& a : accounts) width = std::max(width, std::min<size_t>(a.account.size(), 48));
  fmt::print("{:<{}}  {:>9}  {:<16}  {:<16}\n", "ACCOUNT", width, "EVENTS", "FIRST (UTC)", "LAST (UTC)");
  for (const auto& a : accounts) {
    fmt::print("{:<{}}  {:>9}  {:<16}  {:<16}\n", Printable(a.account, 48), width, a.events,
               ShortTime(a.first_utc_micros), ShortTime(a.last_utc_micros));
  }
  return Status::OK();
}

}  // namespace

void RegisterAccountsCommand(CLI::App& app, GlobalOptions& global, CommandRun* run) {
  auto flags = std::make_shared<AccountsFlags>();
  CLI::App* cmd = app.add_subcommand("accounts", "List accounts with event counts and activity");
  cmd->add_option("--sort", flags->sort, "Order by name, events (most first) or last (latest first)")
      ->check(CLI::IsMember({"name", "events", "last"}))
      ->capture_default_str();
  cmd->add_option("--limit", flags->limit, "Show at most this many accounts");
  cmd->footer("Examples:\n  nanni accounts --sort events --limit 20\n  nanni --json accounts");
  OnChosen(cmd, run, [&global, flags] { return RunAccounts(global, *flags); });
}

}  // namespace nanni::cli
