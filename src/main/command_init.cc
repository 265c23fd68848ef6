// nanni init: create an empty ledger.
#include <fmt/format.h>

#include "main/cli.h"
#include "util/json_out.h"
#include "storage/open_store.h"
#include "util/printable.h"

namespace nanni::cli {

namespace {

Status RunInit(const GlobalOptions& global, const std::string& origin) {
  std::unique_ptr<LedgerStore> store;
  Status st = CreateLedgerStore(global.db, LedgerIdentity{"", origin}, &store);
  if (st.code() == Status::Code::kConflict) {
    return Status::Conflict(fmt::format(
        "{}; init never touches an existing file\nhint: choose another --db, or use the "
        "ledger that is there", st.message()));
  }
  NANNI_RETURN_IF_ERROR(st);
  if (global.json) {
    JsonOut json;
    json.BeginObject().Field("db", global.db).Field("ledger_id", store->LedgerId())
        .Field("origin", store->Identity().origin).Field("events", 0);
    fmt::print("{}", json.EndObject().Raw("\n").Take());
  } else {
    fmt::print("created an empty ledger at {} (id {}, origin {})\n", Printable(global.db, 200),
               store->LedgerId(), store->Identity().origin);
    fmt::print("next: nanni --db {} import FILE.ndjson\n", Printable(global.db, 200));
  }
  return Status::OK();
}

}  // namespace

void RegisterInitCommand(CLI::App& app, GlobalOptions& global, CommandRun* run) {
  CLI::App* cmd = app.add_subcommand("init", "Create an empty ledger");
  auto origin = std::make_shared<std::string>();
  cmd->add_option("--origin", *origin,
                  "The name the ledger's checkpoints are issued under, fixed for its life: a "
                  "schema-less URL you control, e.g. support.example.com/ledger (default "
                  "nanni.ledger/LEDGER_ID)");
  cmd->footer(
      "Creates a new SQLite ledger file (WAL mode). Refuses to touch an existing file. The\n"
      "ledger's random id and its origin are bound into every entry's leaf of its Merkle tree\n"
      "(docs/ledger.md); the origin is also the first line of every checkpoint it signs.\n\n"
      "Example:\n  nanni --db acme.db init --origin support.acme.com/ledger");
  OnChosen(cmd, run, [&global, origin] { return RunInit(global, *origin); });
}

}  // namespace nanni::cli
