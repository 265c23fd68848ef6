#include "storage/open_store.h"

#include <fmt/format.h>

#include "storage/sqlite_store.h"
#include "util/printable.h"

namespace nanni {

Status OpenLedgerStore(const std::string& location, StoreMode mode, std::unique_ptr<LedgerStore>* out) {
  if (location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0) {
    return Status::InvalidArgument(fmt::format(
        "'{}': this nanni has no PostgreSQL backend yet; give the path of a ledger file",
        Printable(location, 200)));
  }
  std::unique_ptr<SqliteStore> store;
  NANNI_RETURN_IF_ERROR(SqliteStore::Open(location, mode, &store));
  *out = std::move(store);
  return Status::OK();
}

}  // namespace nanni
