// How SQLite's result codes become a Status, the same way everywhere in storage/: a busy or
// locked database is Busy (another writer holds it: retryable), anything else an IOError
// with SQLite's message. Internal to storage/.
#pragma once

#include <sqlite3.h>

#include <string_view>

#include "util/status.h"

namespace nanni {

Status SqliteError(sqlite3* db, int rc, std::string_view context = {});

}  // namespace nanni
