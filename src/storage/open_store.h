// OpenLedgerStore: opens the ledger a location names, whichever backend holds it. The one
// place that knows the backends; everything else talks to LedgerStore (ledger/ledger_store.h).
//
// A location is a file path (the embedded SQLite default). A PostgreSQL backend will take
// "postgresql://..." URLs here.
#pragma once

#include <memory>
#include <string>

#include "ledger/ledger_store.h"

namespace nanni {

// Opens (kReadWrite, kReadOnly) or creates (kCreate) the ledger at `location`. NotFound when
// there is none to open, Conflict when one exists to create.
Status OpenLedgerStore(const std::string& location, StoreMode mode, std::unique_ptr<LedgerStore>* out);

}  // namespace nanni
