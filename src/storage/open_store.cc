#include "storage/open_store.h"

#include <fmt/format.h>

#include "storage/sqlite_store.h"
#include "storage/sqlite_upgrade.h"
#include "util/printable.h"

namespace nanni {

namespace {
Status RefuseUrls(const std::string& location) {
  if (location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0) {
    return Status::InvalidArgument(fmt::format(
        "'{}': this nanni has no PostgreSQL backend yet; give the path of a ledger file",
        Printable(location, 200)));
  }
  return Status::OK();
}
}  // namespace

Status CreateLedgerStore(const std::string& location, const LedgerIdentity& identity,
                         std::unique_ptr<LedgerStore>* out) {
  NANNI_RETURN_IF_ERROR(RefuseUrls(location));
  std::unique_ptr<SqliteStore> store;
  NANNI_RETURN_IF_ERROR(SqliteStore::Create(location, identity, &store));
  *out = std::move(store);
  return Status::OK();
}

Status UpgradeLedger(const std::string& location, const std::string& origin,
                     const std::function<void(uint64_t)>& progress, UpgradeReport* report) {
  NANNI_RETURN_IF_ERROR(RefuseUrls(location));
  return UpgradeSqliteLedger(location, origin, progress, report);
}

Status OpenLedgerStore(const std::string& location, StoreMode mode, std::unique_ptr<LedgerStore>* out) {
  NANNI_RETURN_IF_ERROR(RefuseUrls(location));
  std::unique_ptr<SqliteStore> store;
  NANNI_RETURN_IF_ERROR(SqliteStore::Open(location, mode, &store));
  *out = std::move(store);
  return Status::OK();
}

}  // namespace nanni
