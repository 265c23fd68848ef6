// OpenLedgerStore: opens the ledger a location names, whichever backend holds it. The one
// place that knows the backends; everything else talks to LedgerStore (ledger/ledger_store.h).
//
// A location is a file path (the embedded SQLite default). A PostgreSQL backend will take
// "postgresql://..." URLs here.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "ledger/ledger_store.h"

namespace nanni {

// Opens (kReadWrite, kReadOnly) or creates (kCreate) the ledger at `location`. NotFound when
// there is none to open, Conflict when one exists to create.
Status OpenLedgerStore(const std::string& location, StoreMode mode, std::unique_ptr<LedgerStore>* out);

// Creates an empty ledger at `location` with `identity` (empty members: a random id, the
// default origin; ledger/leaf.h). Conflict when one exists there.
Status CreateLedgerStore(const std::string& location, const LedgerIdentity& identity,
                         std::unique_ptr<LedgerStore>* out);

struct UpgradeReport {
  bool upgraded = false;  // false: the ledger was current already, and was left alone
  uint64_t events = 0;    // entries verified in the old format and carried over
  TreeHead head;          // the tree after the upgrade
  std::string origin;
};

// Upgrades the ledger at `location` in place to the current format, after verifying it in
// its old one (storage/sqlite_upgrade.h says how); report->upgraded is false when it was
// current already. `origin` names the upgraded ledger (empty: the default).
Status UpgradeLedger(const std::string& location, const std::string& origin,
                     const std::function<void(uint64_t)>& progress, UpgradeReport* report);

}  // namespace nanni
