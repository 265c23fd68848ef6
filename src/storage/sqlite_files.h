// What storage/ learns about a ledger file without opening it through SQLite: whether a bulk
// load is running in it or was interrupted, and how to name it in a "file:" URI. Internal to
// storage/.
#pragma once

#include <string>

#include "util/status.h"

namespace nanni {

// `path` for a "file:" URI: '%', '?' and '#' escaped (RFC 3986), so that any file name works.
std::string UriPath(const std::string& path);

// True when the file's header says rollback-journal mode, which only a bulk load (running,
// or interrupted) leaves a ledger in: nanni's ledgers are otherwise always in WAL mode.
bool InRollbackJournalMode(const std::string& path);

// Whether another process holds SQLite's RESERVED lock on the file (a write transaction is
// open).
bool WriterHoldsLock(const std::string& path);

// Whether `path` has a journal that a reader would have to roll back first.
bool JournalIsHot(const std::string& path);

// The IOError every command gets while a bulk load holds the ledger.
Status BulkLoadRunning(const std::string& path);

}  // namespace nanni
