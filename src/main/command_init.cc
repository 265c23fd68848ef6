// nanni init: create an empty ledger.
#include <fmt/format.h>

#include "main/cli.h"
#include "util/json_out.h"
#include "storage/open_store.h"
#include "util/printable.h"

namespace nanni::cli {

namespace {

Status RunInit(const GlobalOptions& global) {
  std::unique_ptr<LedgerStore> store;
  Status st = OpenLedgerStore(global.db, StoreMode::kCreate, &store);
  if (st.code() == Status::Code::kConflict) {
    return Status::Conflict(fmt::format(
        "{}; init never touches an existing file\nhint: choose another --db, or use the "
        "ledger that is there", st.message()));
  }
  NANNI_RETURN_IF_ERROR(st);
  if (global.json) {
    JsonOut json;
    json.BeginObject().Field("db", global.db).Field("ledger_id", store->LedgerId()).Field("events", 0);
    fmt::print("{}", json.EndObject().Raw("\n").Take());
  } else {
    fmt::print("created an empty ledger at {} (id {})\n", Printable(global.db, 200), store->LedgerId());
    fmt::print("next: nanni --db {} import FILE.ndjson\n", Printable(global.db, 200));
  }
  return Status::OK();
}

}  // namespace

void RegisterInitCommand(CLI::App& app, GlobalOptions& global, CommandRun* run) {
  CLI::App* cmd = app.add_subcommand("init", "Create an empty ledger");
  cmd->footer(
      "Creates a new SQLite ledger file (WAL mode). Refuses to touch an existing file.\n\n"
      "Example:\n  nanni --db acme.db init");
  OnChosen(cmd, run, [&global] { return RunInit(global); });
}

}  // namespace nanni::cli
