#include "main/cli.h"

#include <date/date.h>
#include <fmt/format.h>

#include "util/time.h"
#include "util/printable.h"

namespace nanni::cli {

Status OpenLedger(const GlobalOptions& global, LedgerAccess access, std::unique_ptr<SqliteStore>* store) {
  Status st = SqliteStore::Open(global.db,
                                access == LedgerAccess::kRead ? SqliteStore::OpenMode::kReadOnly
                                                              : SqliteStore::OpenMode::kExisting,
                                store);
  if (st.code() == Status::Code::kNotFound) {
    return Status::NotFound(fmt::format("{}\nhint: create it with `nanni --db {} init`, or point "
                                        "--db (or $NANNI_DB) at an existing ledger",
                                        st.message(), Printable(global.db, 200)));
  }
  return st;
}

ProtectedFiles ProtectedFor(const GlobalOptions& global) {
  ProtectedFiles p;
  p.AddLedger(global.db);
  p.Add(ResolveNanniConfigPath(global.config), "the configuration file");
  return p;
}

Status LoadConfig(const GlobalOptions& global, NanniConfig* config) {
  Status st = ResolveNanniConfig(global.config, config);
  if (st.code() == Status::Code::kNotFound) {
    return st.WithSuffix("\nhint: --config (or $NANNI_CONFIG) must name an existing TOML file; "
                         "see docs/config.md");
  }
  return st;
}

int ExitCodeFor(const Status& status) {
  switch (status.code()) {
    case Status::Code::kOk: return kExitOk;
    case Status::Code::kNotFound: return kExitNotFound;
    case Status::Code::kIOError:
    case Status::Code::kBusy: return kExitIO;
    case Status::Code::kInvalidArgument: return kExitUsage;
    case Status::Code::kPermissionDenied: return kExitDenied;
    case Status::Code::kInvalidInput:
    case Status::Code::kCorruption:
    case Status::Code::kConflict:
    case Status::Code::kAborted: return kExitFailed;
  }
  return kExitFailed;
}

std::string ShortTime(int64_t utc_micros, int32_t offset_minutes) {
  std::string full = FormatRfc3339(Timestamp{utc_micros, offset_minutes});
  // "2024-03-05T09:14:00+01:00" -> "2024-03-05 09:14"
  return full.substr(0, 10) + " " + full.substr(11, 5);
}

}  // namespace nanni::cli
