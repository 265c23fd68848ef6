#include "storage/sqlite_error.h"

#include <fmt/format.h>

namespace nanni {

Status SqliteError(sqlite3* db, int rc, std::string_view context) {
  const char* message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  std::string what = context.empty() ? fmt::format("sqlite: {}", message)
                                     : fmt::format("sqlite: {} ({})", message, context);
  int primary = rc & 0xff;
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
    return Status::Busy(what + "\nhint: another import is writing this ledger; try again when it has finished");
  }
  return Status::IOError(what);
}

}  // namespace nanni
