// The chain head as SQLite stores it: the last entry's seq and hash. Internal to storage/:
// the store reads it for readers, its append transaction for the writer.
#pragma once

#include <sqlite3.h>

#include "ledger/ledger_entry.h"
#include "util/status.h"

namespace nanni {

// The head of the ledger on `db` as that connection sees it; an empty ledger's is
// {0, genesis}. Corruption when the last hash is not 32 bytes.
Status ReadChainHead(sqlite3* db, const Digest& genesis, ChainHead* head);

}  // namespace nanni
