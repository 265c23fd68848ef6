// Helpers for tests that need a ledger with events in it.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "event/event.h"
#include "import/importer.h"
#include "storage/sqlite_store.h"

namespace nanni::test {

// A valid event of kind message (or `kind`), with id "e<i>", in `account`, at a time that
// grows with i.
Event MakeEvent(int i, const std::string& account = "acme");

// The id of every ledger NewLedger makes, so that tree hashes are the same on every run.
constexpr const char* kTestLedgerId = "0123456789abcdef0123456789abcdef";

// A new, empty ledger at `path`, with the id kTestLedgerId.
std::unique_ptr<SqliteStore> NewLedger(const std::string& path);

// Imports `events` as one transaction through the real importer, recorded at
// `recorded_utc_micros` (0: now). Two imports of the same events at the same recording time
// into ledgers of the same identity give the same leaves.
Status ImportVector(LedgerStore* store, const std::vector<Event>& events, ImportSummary* summary,
                    int64_t recorded_utc_micros = 0);

// Runs `sql` on the SQLite file at `path` directly, as someone with the sqlite3 shell would,
// after dropping the append-only triggers. Returns SQLite's error text, or "" on success.
std::string TamperWithSql(const std::string& path, const std::string& sql);

// The number of events in the ledger at `path` and its tree root, read directly.
TreeHead HeadOf(const std::string& path);

}  // namespace nanni::test
