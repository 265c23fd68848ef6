#include "main/cli.h"

#include <date/date.h>
#include <fmt/format.h>

#include <cstdio>

#include "util/printable.h"
#include "util/time.h"

namespace nanni::cli {

Status OpenEngine(const GlobalOptions& global, LedgerAccess access, std::unique_ptr<Engine>* engine) {
  Engine::Options options;
  options.location = global.db;
  options.mode = access == LedgerAccess::kRead ? StoreMode::kReadOnly : StoreMode::kReadWrite;
  NANNI_RETURN_IF_ERROR(LoadConfig(global, &options.config));
  Status st = Engine::Open(std::move(options), engine);
  if (st.code() == Status::Code::kNotFound) {
    return Status::NotFound(fmt::format("{}\nhint: create it with `nanni --db {} init`, or point "
                                        "--db (or $NANNI_DB) at an existing ledger",
                                        st.message(), Printable(global.db, 200)));
  }
  return st;
}

void NoteStaleIndex(Engine* engine) {
  std::string stale;
  if (!engine->IndexStatus(&stale).ok() || stale.empty()) return;
  std::fprintf(stderr,
               "note: the analytic index beside the ledger is not current (%s); this command built "
               "what it lacks in memory. `nanni reindex` (or the next import) stores it.\n",
               PrintableLines(stale).c_str());
}

Status FlagError(std::string_view flag, const Status& st) {
  if (st.ok()) return st;
  std::string message = fmt::format("{}: {}", flag, st.message());
  if (st.code() == Status::Code::kNotFound) return Status::NotFound(std::move(message));
  if (st.code() == Status::Code::kIOError) return Status::IOError(std::move(message));
  return Status::InvalidArgument(std::move(message));
}

Status ParseFlagTime(std::string_view flag, const std::string& text, int64_t* utc_micros) {
  return FlagError(flag, ParseTimeBound(text, utc_micros));
}

Status ParseMoment(const std::string& as_of, const std::string& recorded_by, ReportMoment* out) {
  *out = ReportMoment();
  out->as_of = Timestamp{NowMicros(), 0};
  if (!as_of.empty()) {
    Timestamp parsed;
    if (ParseRfc3339(as_of, &parsed).ok()) {
      out->as_of = parsed;
    } else {
      NANNI_RETURN_IF_ERROR(ParseFlagTime("--as-of", as_of, &out->as_of.utc_micros));
      out->as_of.offset_minutes = 0;
    }
  }
  if (!recorded_by.empty()) NANNI_RETURN_IF_ERROR(ParseFlagTime("--recorded-by", recorded_by, &out->recorded_by_utc_micros));
  return Status::OK();
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
