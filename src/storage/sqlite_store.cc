#include "storage/sqlite_store.h"

#include <fmt/format.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <mutex>
#include <random>

#include "ledger/leaf.h"
#include "storage/sqlite_append.h"
#include "storage/sqlite_error.h"
#include "storage/sqlite_files.h"
#include "storage/sqlite_tree.h"
#include "storage/sqlite_schema.h"
#include "storage/sqlite_statement.h"
#include "util/printable.h"

namespace nanni {

namespace schema = sqlite_schema;

namespace {

constexpr const char* kEntryColumns =
    "seq, recorded_utc, body, source_id, account, time_utc, tz_offset, kind";
// The first three of kEntryColumns: an entry without its index.
constexpr const char* kBodyColumns = "seq, recorded_utc, body";

// Fills *e from a row selected with kBodyColumns. Views point into the statement's row.
void ReadBody(const SqliteStatement& s, LedgerEntry* e) {
  e->seq = static_cast<uint64_t>(s.Int(0));
  e->recorded_utc_micros = s.Int(1);
  e->body = s.Blob(2);
}

// Fills *e from a row selected with kEntryColumns. Views point into the statement's row.
void ReadEntry(const SqliteStatement& s, LedgerEntry* e) {
  ReadBody(s, e);
  e->index.source_id = s.Text(3);
  e->index.account = s.Text(4);
  e->index.time_utc_micros = s.Int(5);
  e->index.offset_minutes = static_cast<int32_t>(s.Int(6));
  e->index.kind = s.Text(7);
}

Status VisitRows(SqliteStatement* s, const EntryVisitor& visit, bool with_index = true) {
  LedgerEntry e;
  for (;;) {
    bool row = false;
    NANNI_RETURN_IF_ERROR(s->Step(&row));
    if (!row) return Status::OK();
    if (with_index) {
      ReadEntry(*s, &e);
    } else {
      ReadBody(*s, &e);
    }
    Status st = visit(e);
    if (!st.ok()) {
      s->Reset();
      return st;
    }
  }
}

std::string RandomLedgerId() {
  std::random_device rd;
  return fmt::format("{:08x}{:08x}{:08x}{:08x}", rd(), rd(), rd(), rd());
}

bool IsLedgerId(std::string_view id) {
  return id.size() == 32 && id.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

// Memory statistics take a global mutex on every allocation, which serialises parallel
// readers; nanni does not use them. Must happen before SQLite initialises.
void ConfigureSqliteOnce() {
  static std::once_flag configured;
  std::call_once(configured, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

}  // namespace

Status SqliteStore::Open(const std::string& path, StoreMode mode, std::unique_ptr<SqliteStore>* out) {
  return OpenOrCreate(path, mode, LedgerIdentity(), out);
}

Status SqliteStore::Create(const std::string& path, LedgerIdentity identity,
                           std::unique_ptr<SqliteStore>* out) {
  if (identity.id.empty()) identity.id = RandomLedgerId();
  if (!IsLedgerId(identity.id)) return Status::InvalidArgument("a ledger id is 32 lower-case hex digits");
  if (identity.origin.empty()) identity.origin = DefaultOrigin(identity.id);
  NANNI_RETURN_IF_ERROR(CheckOrigin(identity.origin));
  return OpenOrCreate(path, StoreMode::kCreate, identity, out);
}

Status SqliteStore::OpenOrCreate(const std::string& path, StoreMode mode, const LedgerIdentity& identity,
                                 std::unique_ptr<SqliteStore>* out) {
  if (mode == StoreMode::kCreate && identity.id.empty()) return Create(path, identity, out);
  ConfigureSqliteOnce();
  struct stat st;
  bool exists = ::stat(path.c_str(), &st) == 0;
  if (mode != StoreMode::kCreate && !exists) {
    return Status::NotFound(fmt::format("no ledger at '{}'", Printable(path, 200)));
  }
  if (mode == StoreMode::kCreate && exists) {
    return Status::Conflict(fmt::format("'{}' already exists", Printable(path, 200)));
  }
  if (mode == StoreMode::kReadOnly) return OpenReadOnly(path, out);
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE | (mode == StoreMode::kCreate ? SQLITE_OPEN_CREATE : 0);
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  std::unique_ptr<SqliteStore> store(new SqliteStore(db, path, /*read_only=*/false));
  if (rc != SQLITE_OK) {
    return Status::IOError(fmt::format("cannot open '{}': {}", Printable(path, 200),
                                       db ? sqlite3_errmsg(db) : "out of memory"));
  }
  sqlite3_busy_timeout(db, 10'000);
  // 16 KiB pages: fewer B-tree splits for rows of a few hundred bytes (about 10% faster
  // imports than 4 KiB). Only takes effect while the file is still empty, before WAL.
  if (mode == StoreMode::kCreate) NANNI_RETURN_IF_ERROR(store->Exec("PRAGMA page_size = 16384"));
  NANNI_RETURN_IF_ERROR(store->ApplyWriterSettings());
  Status status = mode == StoreMode::kCreate ? store->CreateSchema(identity) : store->CheckSchema();
  if (status.ok()) status = store->Exec(schema::kDerivedTable);
  if (!status.ok()) return status.WithPrefix(Printable(path, 200));
  *out = std::move(store);
  return Status::OK();
}

Status SqliteStore::OpenReadOnly(const std::string& path, std::unique_ptr<SqliteStore>* out) {
  NANNI_RETURN_IF_ERROR(SettleFirstImport(path));
  const int flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
  std::string uri = "file:" + UriPath(path);
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(uri.c_str(), &db, flags, nullptr);
  // A WAL ledger needs its -shm file; in a folder the reader cannot write, SQLite can neither
  // create it nor read without it. No writer can exist in a folder nobody may create a
  // journal in, so the file is then read as immutable.
  if (rc == SQLITE_OK) rc = sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
  bool immutable = false;
  if (rc != SQLITE_OK) {
    sqlite3_close_v2(db);
    db = nullptr;
    struct stat wal;
    const bool has_wal = ::stat((path + "-wal").c_str(), &wal) == 0 && wal.st_size > 0;
    const std::string folder = std::filesystem::path(path).parent_path().string();
    const bool folder_writable = ::access(folder.empty() ? "." : folder.c_str(), W_OK) == 0;
    if (!has_wal && !folder_writable) {
      rc = sqlite3_open_v2((uri + "?immutable=1").c_str(), &db, flags, nullptr);
      immutable = rc == SQLITE_OK;
    }
  }
  std::unique_ptr<SqliteStore> store(new SqliteStore(db, path, /*read_only=*/true));
  if (rc != SQLITE_OK) {
    return Status::IOError(fmt::format("cannot open '{}' for reading: {}", Printable(path, 200),
                                       db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
  }
  sqlite3_busy_timeout(db, 10'000);
  sqlite3_exec(db, schema::kReaderSettings, nullptr, nullptr, nullptr);  // best effort: a memory map
  store->immutable_ = immutable;
  Status status = store->CheckSchema();
  if (!status.ok()) return status.WithPrefix(Printable(path, 200));
  *out = std::move(store);
  return Status::OK();
}

Status SqliteStore::SettleFirstImport(const std::string& path) {
  if (!InRollbackJournalMode(path)) return Status::OK();
  if (WriterHoldsLock(path)) return BulkLoadRunning(path);
  // Interrupted: a read-write open rolls back its journal, if hot, and returns to the WAL. It
  // is the one write a read-only command makes, when it can.
  std::unique_ptr<SqliteStore> settled;
  Status st = Open(path, StoreMode::kReadWrite, &settled);
  if (st.ok() || !JournalIsHot(path)) return Status::OK();
  return Status::IOError(fmt::format(
      "'{}' holds an interrupted first import that must be rolled back before it can be read, "
      "and this process cannot write it ({})\nhint: run `nanni verify` once as a user who can "
      "write the ledger's folder", Printable(path, 200), st.message()));
}

SqliteStore::~SqliteStore() { sqlite3_close_v2(db_); }

Status SqliteStore::ApplyWriterSettings() {
  int rc = sqlite3_exec(db_, "PRAGMA journal_mode = WAL", nullptr, nullptr, nullptr);
  // Only a bulk load (the first import into an empty ledger) leaves the WAL while it runs.
  if (rc == SQLITE_BUSY) return BulkLoadRunning(path_);
  if (rc != SQLITE_OK) return SqliteError(db_, rc);
  return Exec(schema::kWriterSettings);
}

Status SqliteStore::Exec(const char* sql) {
  int rc = sqlite3_exec(db_, sql, nullptr, nullptr, nullptr);
  return rc == SQLITE_OK ? Status::OK() : SqliteError(db_, rc);
}

Status SqliteStore::CreateSchema(const LedgerIdentity& identity) {
  identity_ = identity;
  NANNI_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
  Status st = Exec(schema::kTables);
  if (st.ok()) st = Exec(schema::kTreeTable);
  if (st.ok()) st = Exec(schema::kSecondaryIndexes);
  if (st.ok()) {
    SqliteStatement meta;
    st = meta.Prepare(db_, "INSERT INTO ledger_meta VALUES ('format', ?), ('ledger_id', ?), ('origin', ?)");
    if (st.ok()) {
      meta.BindText(1, schema::kFormat);
      meta.BindText(2, identity_.id);
      meta.BindText(3, identity_.origin);
      st = meta.Run();
    }
  }
  if (!st.ok()) {
    Exec("ROLLBACK");
    return st;
  }
  return Exec("COMMIT");
}

Status SqliteStore::CheckSchema() {
  SqliteStatement s;
  if (!s.Prepare(db_, "SELECT key, value FROM ledger_meta").ok()) {
    return Status::InvalidInput("not a nanni ledger (no ledger_meta table)");
  }
  std::string format;
  for (;;) {
    bool row = false;
    NANNI_RETURN_IF_ERROR(s.Step(&row));
    if (!row) break;
    if (s.Text(0) == "format") format = s.Text(1);
    if (s.Text(0) == "ledger_id") identity_.id = s.Text(1);
    if (s.Text(0) == "origin") identity_.origin = s.Text(1);
  }
  if (format == schema::kFormat1) {
    return Status::InvalidInput(
        "this ledger was made by an earlier nanni (format 1, a hash chain); `nanni upgrade` "
        "converts it in place to format 2 (a Merkle tree), after verifying its chain");
  }
  if (format != schema::kFormat) {
    return Status::InvalidInput(
        fmt::format("not a ledger this nanni can read (format '{}')", Printable(format)));
  }
  return Status::OK();
}

Status SqliteStore::CheckMetadata() {
  SqliteStatement s;
  NANNI_RETURN_IF_ERROR(s.Prepare(db_, "SELECT key, value FROM ledger_meta ORDER BY key"));
  size_t keys = 0;
  for (;;) {
    bool row = false;
    NANNI_RETURN_IF_ERROR(s.Step(&row));
    if (!row) break;
    ++keys;
    std::string_view key = s.Text(0), value = s.Text(1);
    if (std::find(std::begin(schema::kMetaKeys), std::end(schema::kMetaKeys), key) ==
        std::end(schema::kMetaKeys)) {
      return Status::Corruption(fmt::format("ledger_meta holds a key nanni never writes: '{}'", Printable(key)));
    }
    if (key == "origin" && !CheckOrigin(value).ok()) {
      return Status::Corruption(fmt::format("ledger_meta's origin '{}' cannot name a log", Printable(value)));
    }
    if (key == "ledger_id" && !IsLedgerId(value)) {
      return Status::Corruption(fmt::format("ledger_meta's ledger_id '{}' is not 32 hex digits", Printable(value)));
    }
  }
  if (keys != std::size(schema::kMetaKeys)) {
    return Status::Corruption("ledger_meta lacks one of format, ledger_id and origin");
  }
  return Status::OK();
}

Status SqliteStore::Size(const AccessScope&, uint64_t* size) { return ReadTreeSize(db_, size); }

Status SqliteStore::Head(const AccessScope& scope, TreeHead* head) {
  NANNI_RETURN_IF_ERROR(Size(scope, &head->size));
  return ReadTreeRoot(db_, head->size, &head->root);
}

Status SqliteStore::ReadTile(const AccessScope&, int level, uint64_t index, std::string* hashes) {
  return ReadTreeTile(db_, level, index, hashes);
}

Status SqliteStore::ListCheckpoints(const AccessScope&, std::vector<StoredCheckpoint>* out) {
  out->clear();
  SqliteStatement s;
  NANNI_RETURN_IF_ERROR(s.Prepare(db_, "SELECT size, recorded_utc, note FROM checkpoints ORDER BY rowid"));
  for (;;) {
    bool row = false;
    NANNI_RETURN_IF_ERROR(s.Step(&row));
    if (!row) return Status::OK();
    out->push_back(StoredCheckpoint{static_cast<uint64_t>(s.Int(0)), std::string(s.Text(2)), s.Int(1)});
  }
}

Status SqliteStore::BeginAppend(std::unique_ptr<AppendTransaction>* txn) {
  if (read_only_) {
    return Status::InvalidArgument(fmt::format("'{}' was opened read-only", Printable(path_, 200)));
  }
  auto t = std::make_unique<SqliteAppend>(db_, [this] { return ApplyWriterSettings(); });
  NANNI_RETURN_IF_ERROR(t->Begin());
  *txn = std::move(t);
  return Status::OK();
}

Status SqliteStore::OpenReader(sqlite3** db) {
  std::string uri = "file:" + UriPath(path_) + (immutable_ ? "?immutable=1" : "");
  int rc = sqlite3_open_v2(uri.c_str(), db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI,
                           nullptr);
  if (rc != SQLITE_OK) {
    Status st = Status::IOError(fmt::format("cannot open '{}' for reading: {}", Printable(path_, 200),
                                            *db ? sqlite3_errmsg(*db) : "out of memory"));
    sqlite3_close_v2(*db);
    return st;
  }
  sqlite3_busy_timeout(*db, 10'000);
  sqlite3_exec(*db, schema::kScanSettings, nullptr, nullptr, nullptr);
  return Status::OK();
}

Status SqliteStore::Scan(const AccessScope& scope, uint64_t from_seq, uint64_t to_seq,
                         const EntryVisitor& visit) {
  NANNI_RETURN_IF_ERROR(scope.CheckAll("a scan of the whole ledger"));
  sqlite3* reader = nullptr;
  NANNI_RETURN_IF_ERROR(OpenReader(&reader));
  Status st;
  {
    SqliteStatement s;
    st = s.Prepare(reader, fmt::format("SELECT {} FROM events WHERE seq >= ? AND seq < ? ORDER BY seq",
                                       kEntryColumns));
    if (st.ok()) {
      s.BindInt(1, static_cast<int64_t>(std::min<uint64_t>(from_seq, INT64_MAX)));
      s.BindInt(2, static_cast<int64_t>(std::min<uint64_t>(to_seq, INT64_MAX)));
      st = VisitRows(&s, visit);
    }
  }
  sqlite3_close_v2(reader);
  return st;
}

Status SqliteStore::CountEntries(const AccessScope& scope, uint64_t* count) {
  NANNI_RETURN_IF_ERROR(scope.CheckAll("counting every entry"));
  SqliteStatement s;
  NANNI_RETURN_IF_ERROR(s.Prepare(db_, "SELECT count(*) FROM events"));
  bool row = false;
  NANNI_RETURN_IF_ERROR(s.Step(&row));
  *count = row ? static_cast<uint64_t>(s.Int(0)) : 0;
  return Status::OK();
}

Status SqliteStore::Get(const AccessScope& scope, uint64_t seq, const EntryVisitor& visit) {
  SqliteStatement s;
  NANNI_RETURN_IF_ERROR(
      s.Prepare(db_, fmt::format("SELECT {} FROM events WHERE seq = ?", kEntryColumns)));
  s.BindInt(1, static_cast<int64_t>(std::min<uint64_t>(seq, INT64_MAX)));
  bool found = false;
  NANNI_RETURN_IF_ERROR(VisitRows(&s, [&](const LedgerEntry& e) {
    found = true;
    NANNI_RETURN_IF_ERROR(scope.Check(e.index.account));
    return visit(e);
  }));
  if (!found) return Status::NotFound(fmt::format("no event {} in the ledger", seq));
  return Status::OK();
}

// On a reader connection of its own with the scan settings (no memory map, a small cache),
// one statement stepped over the seqs in order.
Status SqliteStore::SourceIds(const AccessScope& scope, std::span<const uint64_t> seqs,
                              std::vector<std::string>* ids) {
  ids->assign(seqs.size(), std::string());
  if (seqs.empty()) return Status::OK();
  std::vector<size_t> order(seqs.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return seqs[a] < seqs[b]; });
  sqlite3* reader = nullptr;
  NANNI_RETURN_IF_ERROR(OpenReader(&reader));
  Status st;
  {
    SqliteStatement s;
    st = s.Prepare(reader, "SELECT source_id, account FROM events WHERE seq = ?");
    for (size_t k = 0; st.ok() && k < order.size(); ++k) {
      const uint64_t seq = seqs[order[k]];
      if (k > 0 && seq == seqs[order[k - 1]]) {
        (*ids)[order[k]] = (*ids)[order[k - 1]];
        continue;
      }
      s.Reset();
      s.BindInt(1, static_cast<int64_t>(std::min<uint64_t>(seq, INT64_MAX)));
      bool row = false;
      st = s.Step(&row);
      if (st.ok() && !row) st = Status::NotFound(fmt::format("no event {} in the ledger", seq));
      if (st.ok()) st = scope.Check(s.Text(1));
      if (st.ok()) (*ids)[order[k]] = std::string(s.Text(0));
    }
  }
  sqlite3_close_v2(reader);
  return st;
}

Status SqliteStore::FindSeq(const AccessScope& scope, std::string_view source_id, uint64_t* seq) {
  SqliteStatement s;
  NANNI_RETURN_IF_ERROR(s.Prepare(db_, "SELECT seq, account FROM events WHERE source_id = ?"));
  s.BindText(1, source_id);
  bool row = false;
  NANNI_RETURN_IF_ERROR(s.Step(&row));
  *seq = 0;
  if (!row) return Status::OK();
  NANNI_RETURN_IF_ERROR(scope.Check(s.Text(1)));
  *seq = static_cast<uint64_t>(s.Int(0));
  return Status::OK();
}

Status SqliteStore::ListAccounts(const AccessScope& scope, std::vector<AccountSummary>* out) {
  SqliteStatement s;
  NANNI_RETURN_IF_ERROR(s.Prepare(
      db_,
      "SELECT account, count(*), min(time_utc), max(time_utc) FROM events GROUP BY account "
      "ORDER BY account"));
  out->clear();
  for (;;) {
    bool row = false;
    NANNI_RETURN_IF_ERROR(s.Step(&row));
    if (!row) return Status::OK();
    if (!scope.Allows(s.Text(0))) continue;
    out->push_back({std::string(s.Text(0)), static_cast<uint64_t>(s.Int(1)), s.Int(2), s.Int(3)});
  }
}

Status SqliteStore::Query(const AccessScope& scope, const EventQuery& q, const EntryVisitor& visit) {
  NANNI_RETURN_IF_ERROR(q.account.empty() ? scope.CheckAll("a query of every account")
                                          : scope.Check(q.account));
  std::string sql = fmt::format("SELECT {} FROM events WHERE time_utc >= ? AND time_utc < ?",
                                q.with_index ? kEntryColumns : kBodyColumns);
  if (!q.account.empty()) sql += " AND account = ?";
  if (!q.kinds.empty()) {
    sql += " AND kind IN (?";
    for (size_t i = 1; i < q.kinds.size(); ++i) sql += ", ?";
    sql += ")";
  }
  sql += " ORDER BY time_utc, seq";
  if (q.limit > 0) sql += fmt::format(" LIMIT {}", q.limit);
  SqliteStatement s;
  NANNI_RETURN_IF_ERROR(s.Prepare(db_, sql));
  int i = 1;
  s.BindInt(i++, q.since_utc_micros);
  s.BindInt(i++, q.until_utc_micros);
  if (!q.account.empty()) s.BindText(i++, q.account);
  for (const std::string& k : q.kinds) s.BindText(i++, k);
  return VisitRows(&s, visit, q.with_index);
}

Status SqliteStore::HasDerivedTable(bool* exists) {
  SqliteStatement s;
  NANNI_RETURN_IF_ERROR(s.Prepare(db_, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'derived'"));
  return s.Step(exists);
}

Status SqliteStore::ReadDerived(const AccessScope& scope, std::string_view stream,
                                const DerivedVisitor& visit) {
  NANNI_RETURN_IF_ERROR(scope.CheckAll("the derived data"));
  bool exists = false;
  NANNI_RETURN_IF_ERROR(HasDerivedTable(&exists));
  if (!exists) return Status::OK();  // a ledger from before derived data, opened read-only
  SqliteStatement s;
  NANNI_RETURN_IF_ERROR(s.Prepare(
      db_, "SELECT first_seq, end_seq, bytes FROM derived WHERE stream = ? ORDER BY first_seq"));
  s.BindText(1, stream);
  for (;;) {
    bool row = false;
    NANNI_RETURN_IF_ERROR(s.Step(&row));
    if (!row) return Status::OK();
    DerivedBlock block{stream, static_cast<uint64_t>(s.Int(0)), static_cast<uint64_t>(s.Int(1)), s.Blob(2)};
    Status st = visit(block);
    if (!st.ok()) {
      s.Reset();
      return st;
    }
  }
}

Status SqliteStore::ReadDerivedPrefixes(const AccessScope& scope, std::string_view stream,
                                        size_t prefix_bytes, const DerivedVisitor& visit) {
  NANNI_RETURN_IF_ERROR(scope.CheckAll("the derived data"));
  bool exists = false;
  NANNI_RETURN_IF_ERROR(HasDerivedTable(&exists));
  if (!exists) return Status::OK();
  // length() of a blob is read from the record header, and sqlite3_blob_read() reads only the
  // pages it needs: the rest of each block stays on disk.
  SqliteStatement s;
  NANNI_RETURN_IF_ERROR(s.Prepare(
      db_, "SELECT rowid, first_seq, end_seq, length(bytes) FROM derived WHERE stream = ? ORDER BY first_seq"));
  s.BindText(1, stream);
  std::string prefix;
  for (;;) {
    bool row = false;
    NANNI_RETURN_IF_ERROR(s.Step(&row));
    if (!row) return Status::OK();
    prefix.resize(std::min<size_t>(prefix_bytes, static_cast<size_t>(s.Int(3))));
    sqlite3_blob* blob = nullptr;
    int rc = sqlite3_blob_open(db_, "main", "derived", "bytes", s.Int(0), 0, &blob);
    if (rc == SQLITE_OK) rc = sqlite3_blob_read(blob, prefix.data(), static_cast<int>(prefix.size()), 0);
    sqlite3_blob_close(blob);
    if (rc != SQLITE_OK) return SqliteError(db_, rc, "reading a derived block");
    DerivedBlock block{stream, static_cast<uint64_t>(s.Int(1)), static_cast<uint64_t>(s.Int(2)), prefix};
    Status st = visit(block);
    if (!st.ok()) {
      s.Reset();
      return st;
    }
  }
}

}  // namespace nanni
