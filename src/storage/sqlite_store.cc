#include "storage/sqlite_store.h"

#include <fmt/format.h>
#include <sqlite3.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include <mutex>
#include <random>

#include "ledger/chain.h"
#include "storage/sqlite_statement.h"
#include "util/printable.h"

namespace nanni {

namespace {

constexpr const char* kFormat = "nanni-ledger-1";

constexpr const char* kSchema = R"sql(
CREATE TABLE ledger_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE events (
  seq          INTEGER PRIMARY KEY,
  source_id    TEXT    NOT NULL UNIQUE,
  account      TEXT    NOT NULL,
  time_utc     INTEGER NOT NULL,
  tz_offset    INTEGER NOT NULL,
  kind         TEXT    NOT NULL,
  recorded_utc INTEGER NOT NULL,
  body         BLOB    NOT NULL,
  hash         BLOB    NOT NULL
);
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
  BEGIN SELECT RAISE(ABORT, 'the nanni ledger is append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
  BEGIN SELECT RAISE(ABORT, 'the nanni ledger is append-only'); END;
CREATE TRIGGER ledger_meta_no_update BEFORE UPDATE ON ledger_meta
  BEGIN SELECT RAISE(ABORT, 'the nanni ledger''s identity is fixed'); END;
CREATE TRIGGER ledger_meta_no_delete BEFORE DELETE ON ledger_meta
  BEGIN SELECT RAISE(ABORT, 'the nanni ledger''s identity is fixed'); END;
)sql";

// The keys of ledger_meta, with what each holds. `genesis` = "ledger_id" says that the chain
// starts from the ledger id (ledger/chain.h); ledgers made before it have no such row.
constexpr const char* kMetaKeys[] = {"format", "ledger_id", "genesis"};

// The indexes besides source_id's. Part of the schema; a bulk load into an empty ledger drops
// them inside its transaction and builds them again, sorted, just before it commits.
constexpr const char* kSecondaryIndexes = R"sql(
CREATE INDEX events_by_account_time ON events (account, time_utc);
CREATE INDEX events_by_time ON events (time_utc);
)sql";
constexpr const char* kDropSecondaryIndexes =
    "DROP INDEX events_by_account_time; DROP INDEX events_by_time;";

// The connection's settings besides the WAL (ApplyWriterSettings): durable commits, a 256 MiB
// page cache, two threads for sorting.
constexpr const char* kWriterSettings =
    "PRAGMA synchronous = FULL; PRAGMA cache_size = -262144; "
    "PRAGMA temp_store = MEMORY; PRAGMA mmap_size = 1073741824; PRAGMA threads = 2;";

// A bulk load's: no memory map, which would keep every page read back mapped (the file grows
// past the map while it loads), and the index sorter's spill files on disk, not in memory.
constexpr const char* kBulkLoadSettings = "PRAGMA mmap_size = 0; PRAGMA temp_store = FILE;";

constexpr const char* kEntryColumns =
    "seq, recorded_utc, body, hash, source_id, account, time_utc, tz_offset, kind";
// The first four of kEntryColumns: an entry without its index.
constexpr const char* kBodyColumns = "seq, recorded_utc, body, hash";

// Fills *e from a row selected with kBodyColumns. Views point into the statement's row.
void ReadBody(const SqliteStatement& s, LedgerEntry* e) {
  e->seq = static_cast<uint64_t>(s.Int(0));
  e->recorded_utc_micros = s.Int(1);
  e->body = s.Blob(2);
  if (!s.DigestAt(3, &e->hash)) e->hash = Digest{};  // a wrong-sized hash cannot match
}

// Fills *e from a row selected with kEntryColumns. Views point into the statement's row.
void ReadEntry(const SqliteStatement& s, LedgerEntry* e) {
  ReadBody(s, e);
  e->index.source_id = s.Text(4);
  e->index.account = s.Text(5);
  e->index.time_utc_micros = s.Int(6);
  e->index.offset_minutes = static_cast<int32_t>(s.Int(7));
  e->index.kind = s.Text(8);
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

// `path` for a "file:" URI: '%', '?' and '#' escaped (RFC 3986), so that any file name works.
std::string UriPath(const std::string& path) {
  std::string out;
  for (char c : path) {
    if (c == '%' || c == '?' || c == '#') {
      out += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// Whether another process holds SQLite's RESERVED lock on the file (a write transaction is
// open): the unix VFS takes a POSIX lock on the byte after the pending byte (sqlite3.c,
// "PENDING_BYTE").
bool WriterHoldsLock(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct flock lock = {};
  lock.l_type = F_WRLCK;
  lock.l_whence = SEEK_SET;
  lock.l_start = 0x40000001;  // RESERVED_BYTE
  lock.l_len = 1;
  bool held = ::fcntl(fd, F_GETLK, &lock) == 0 && lock.l_type != F_UNLCK;
  ::close(fd);
  return held;
}

// Whether `path` has a journal that a reader would have to roll back first (SQLite refuses a
// read-only connection then).
bool JournalIsHot(const std::string& path) {
  sqlite3* probe = nullptr;
  int rc = sqlite3_open_v2(("file:" + UriPath(path)).c_str(), &probe,
                           SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr);
  if (rc == SQLITE_OK) rc = sqlite3_exec(probe, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
  sqlite3_close_v2(probe);
  return (rc & 0xff) == SQLITE_READONLY;
}

Status BulkLoadRunning(const std::string& path) {
  return Status::IOError(fmt::format(
      "'{}' is taking its first import, which loads in bulk with the ledger to itself; "
      "other commands can open it when that import has finished",
      Printable(path, 200)));
}

std::string RandomLedgerId() {
  std::random_device rd;
  return fmt::format("{:08x}{:08x}{:08x}{:08x}", rd(), rd(), rd(), rd());
}

}  // namespace

// One append. Into an empty ledger it is a bulk load: SQLite's rollback journal instead of
// the WAL (which would write every page twice, once to the log and once when copying it into
// the file), and the secondary indexes dropped and rebuilt from sorted keys at commit instead
// of updated row by row. Both stay inside the one transaction, so a crash or a rollback
// leaves the empty ledger as it was; the writer's usual settings come back when it ends.
class SqliteStore::Transaction : public AppendTransaction {
 public:
  explicit Transaction(SqliteStore* store) : store_(store) {}
  ~Transaction() override {
    if (open_) store_->Exec("ROLLBACK");
    if (bulk_load_) store_->ApplyWriterSettings();
  }

  Status Begin() {
    bool empty = false;
    NANNI_RETURN_IF_ERROR(store_->IsEmpty(&empty));
    if (empty) NANNI_RETURN_IF_ERROR(EnterBulkLoad());
    NANNI_RETURN_IF_ERROR(store_->Exec("BEGIN IMMEDIATE"));
    open_ = true;
    NANNI_RETURN_IF_ERROR(store_->IsEmpty(&empty));  // again: another writer may have been first
    if (empty && bulk_load_) NANNI_RETURN_IF_ERROR(store_->Exec(kDropSecondaryIndexes));
    indexes_dropped_ = empty && bulk_load_;
    NANNI_RETURN_IF_ERROR(insert_.Prepare(
        store_->db_,
        "INSERT INTO events (seq, source_id, account, time_utc, tz_offset, kind, recorded_utc, "
        "body, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source_id) DO NOTHING"));
    return existing_.Prepare(store_->db_, "SELECT body FROM events WHERE source_id = ?");
  }

  Status Append(const LedgerEntry& e, bool* added, std::string* existing_body) override {
    insert_.BindInt(1, static_cast<int64_t>(e.seq));
    insert_.BindText(2, e.index.source_id);
    insert_.BindText(3, e.index.account);
    insert_.BindInt(4, e.index.time_utc_micros);
    insert_.BindInt(5, e.index.offset_minutes);
    insert_.BindText(6, e.index.kind);
    insert_.BindInt(7, e.recorded_utc_micros);
    insert_.BindBlob(8, e.body.data(), e.body.size());
    insert_.BindBlob(9, e.hash.data(), e.hash.size());
    NANNI_RETURN_IF_ERROR(insert_.Run());
    *added = sqlite3_changes(store_->db_) == 1;
    if (*added) return Status::OK();

    existing_.BindText(1, e.index.source_id);
    bool row = false;
    NANNI_RETURN_IF_ERROR(existing_.Step(&row));
    if (row) existing_body->assign(existing_.Blob(0));
    existing_.Reset();
    if (!row) return Status::IOError("sqlite: insert ignored but no entry with that source id");
    return Status::OK();
  }

  Status Commit() override {
    insert_.Finalize();
    existing_.Finalize();
    if (indexes_dropped_) NANNI_RETURN_IF_ERROR(BuildSecondaryIndexes());
    NANNI_RETURN_IF_ERROR(store_->Exec("COMMIT"));
    open_ = false;
    if (bulk_load_) {
      // Best effort: the append is committed whatever happens here. Should a reader that
      // arrived just now keep SQLite from returning to the WAL, the next Open does it.
      store_->ApplyWriterSettings();
      bulk_load_ = false;
    }
    return Status::OK();
  }

 private:
  // Switches this connection to kBulkLoadSettings and, unless another connection is reading
  // the ledger (SQLite then refuses, and the load stays in the WAL beside that reader), to the
  // rollback journal. Outside any transaction: neither may change inside one.
  Status EnterBulkLoad() {
    bulk_load_ = true;
    NANNI_RETURN_IF_ERROR(store_->Exec(kBulkLoadSettings));
    int rc = sqlite3_exec(store_->db_, "PRAGMA journal_mode = DELETE", nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK || rc == SQLITE_BUSY) return Status::OK();
    return Status::IOError(fmt::format("sqlite: {}", sqlite3_errmsg(store_->db_)));
  }

  // The index sorter keeps up to a cache's worth of keys in memory per thread before it
  // spills them to a file; a smaller cache bounds it.
  Status BuildSecondaryIndexes() {
    NANNI_RETURN_IF_ERROR(store_->Exec("PRAGMA cache_size = -16384"));
    return store_->Exec(kSecondaryIndexes);
  }

  SqliteStore* store_;
  bool open_ = false;
  bool bulk_load_ = false;
  bool indexes_dropped_ = false;
  SqliteStatement insert_;
  SqliteStatement existing_;
};

Status SqliteStore::Open(const std::string& path, OpenMode mode,
                         std::unique_ptr<SqliteStore>* out) {
  return OpenOrCreate(path, mode, mode == OpenMode::kCreate ? RandomLedgerId() : "", out);
}

Status SqliteStore::CreateWithId(const std::string& path, const std::string& ledger_id,
                                 std::unique_ptr<SqliteStore>* out) {
  bool hex = ledger_id.size() == 32 && ledger_id.find_first_not_of("0123456789abcdef") == std::string::npos;
  if (!hex) return Status::InvalidArgument("a ledger id is 32 lower-case hex digits");
  return OpenOrCreate(path, OpenMode::kCreate, ledger_id, out);
}

Status SqliteStore::OpenOrCreate(const std::string& path, OpenMode mode, const std::string& new_id,
                                 std::unique_ptr<SqliteStore>* out) {
  // Memory statistics take a global mutex on every allocation, which serialises parallel
  // readers; nanni does not use them. Must happen before SQLite initialises.
  static std::once_flag configured;
  std::call_once(configured, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
  struct stat st;
  bool exists = ::stat(path.c_str(), &st) == 0;
  if (mode != OpenMode::kCreate && !exists) {
    return Status::NotFound(fmt::format("no ledger at '{}'", Printable(path, 200)));
  }
  if (mode == OpenMode::kCreate && exists) {
    return Status::Conflict(fmt::format("'{}' already exists", Printable(path, 200)));
  }
  sqlite3* db = nullptr;
  if (mode == OpenMode::kReadOnly) {
    NANNI_RETURN_IF_ERROR(SettleFirstImport(path));
    bool immutable = false;
    NANNI_RETURN_IF_ERROR(OpenReadOnly(path, &db, &immutable));
    std::unique_ptr<SqliteStore> store(new SqliteStore(db, path, /*read_only=*/true));
    store->immutable_ = immutable;
    Status status = store->CheckSchema();
    if (!status.ok()) return status.WithPrefix(Printable(path, 200));
    *out = std::move(store);
    return Status::OK();
  }
  int flags = SQLITE_OPEN_READWRITE | (mode == OpenMode::kCreate ? SQLITE_OPEN_CREATE : 0);
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  std::unique_ptr<SqliteStore> store(new SqliteStore(db, path, /*read_only=*/false));
  if (rc != SQLITE_OK) {
    return Status::IOError(fmt::format("cannot open '{}': {}", Printable(path, 200),
                                       db ? sqlite3_errmsg(db) : "out of memory"));
  }
  sqlite3_busy_timeout(db, 10'000);
  // 16 KiB pages: fewer B-tree splits for rows of a few hundred bytes (about 10% faster
  // imports than 4 KiB). Only takes effect while the file is still empty, before WAL.
  if (mode == OpenMode::kCreate) NANNI_RETURN_IF_ERROR(store->Exec("PRAGMA page_size = 16384"));
  NANNI_RETURN_IF_ERROR(store->ApplyWriterSettings());
  Status status = mode == OpenMode::kCreate ? store->CreateSchema(new_id) : store->CheckSchema();
  if (!status.ok()) return status.WithPrefix(Printable(path, 200));
  *out = std::move(store);
  return Status::OK();
}

Status SqliteStore::SettleFirstImport(const std::string& path) {
  // Byte 18 of the header is 1 in rollback-journal mode, which only a bulk load leaves a
  // ledger in, while it runs or when it was interrupted.
  char header[20] = {};
  std::FILE* f = std::fopen(path.c_str(), "rb");
  size_t n = f ? std::fread(header, 1, sizeof header, f) : 0;
  if (f) std::fclose(f);
  if (n < sizeof header || header[18] != 1) return Status::OK();
  if (WriterHoldsLock(path)) return BulkLoadRunning(path);
  // Interrupted: a read-write open rolls back its journal, if hot, and returns to the WAL. It
  // is the one write a read-only command makes, when it can.
  std::unique_ptr<SqliteStore> settled;
  Status st = Open(path, OpenMode::kExisting, &settled);
  if (st.ok() || !JournalIsHot(path)) return Status::OK();
  return Status::IOError(fmt::format(
      "'{}' holds an interrupted first import that must be rolled back before it can be read, "
      "and this process cannot write it ({})\nhint: run `nanni verify` once as a user who can "
      "write the ledger's folder", Printable(path, 200), st.message()));
}

Status SqliteStore::OpenReadOnly(const std::string& path, sqlite3** db, bool* immutable) {
  *immutable = false;
  const int flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
  std::string uri = "file:" + UriPath(path);
  int rc = sqlite3_open_v2(uri.c_str(), db, flags, nullptr);
  if (rc == SQLITE_OK) {
    sqlite3_busy_timeout(*db, 10'000);
    // A WAL ledger needs its -shm file; in a folder the reader cannot write, SQLite can
    // neither create it nor read without it.
    rc = sqlite3_exec(*db, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK) return Status::OK();
  }
  sqlite3_close_v2(*db);
  *db = nullptr;
  struct stat wal;
  const bool has_wal = ::stat((path + "-wal").c_str(), &wal) == 0 && wal.st_size > 0;
  const std::string folder = std::filesystem::path(path).parent_path().string();
  const bool folder_writable = ::access(folder.empty() ? "." : folder.c_str(), W_OK) == 0;
  if (!has_wal && !folder_writable) {
    // No writer can exist in a folder nobody may create a journal in.
    uri += "?immutable=1";
    rc = sqlite3_open_v2(uri.c_str(), db, flags, nullptr);
    if (rc == SQLITE_OK) {
      *immutable = true;
      return Status::OK();
    }
  }
  Status st = Status::IOError(fmt::format("cannot open '{}' for reading: {}", Printable(path, 200),
                                          *db ? sqlite3_errmsg(*db) : sqlite3_errstr(rc)));
  sqlite3_close_v2(*db);
  *db = nullptr;
  return st;
}

SqliteStore::~SqliteStore() { sqlite3_close_v2(db_); }

Status SqliteStore::ApplyWriterSettings() {
  char* err = nullptr;
  int rc = sqlite3_exec(db_, "PRAGMA journal_mode = WAL", nullptr, nullptr, &err);
  sqlite3_free(err);
  // Only a bulk load (the first import into an empty ledger) leaves the WAL while it runs.
  if (rc == SQLITE_BUSY) return BulkLoadRunning(path_);
  if (rc != SQLITE_OK) return Status::IOError(fmt::format("sqlite: {}", sqlite3_errmsg(db_)));
  return Exec(kWriterSettings);
}

Status SqliteStore::Exec(const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    Status st = Status::IOError(fmt::format("sqlite: {}", err ? err : sqlite3_errmsg(db_)));
    sqlite3_free(err);
    return st;
  }
  return Status::OK();
}

Status SqliteStore::CreateSchema(const std::string& ledger_id) {
  identity_ = LedgerIdentity{ledger_id, /*id_in_chain=*/true};
  NANNI_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
  Status st = Exec(kSchema);
  if (st.ok()) st = Exec(kSecondaryIndexes);
  if (st.ok()) {
    st = Exec(fmt::format("INSERT INTO ledger_meta VALUES ('format', '{}'), ('ledger_id', '{}'), "
                          "('genesis', 'ledger_id')",
                          kFormat, identity_.id)
                  .c_str());
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
    if (s.Text(0) == "genesis") identity_.id_in_chain = s.Text(1) == "ledger_id";
  }
  if (format != kFormat) {
    return Status::InvalidInput(
        fmt::format("not a ledger this nanni can read (format '{}')", Printable(format)));
  }
  return Status::OK();
}

Status SqliteStore::CheckMetadata() {
  SqliteStatement s;
  NANNI_RETURN_IF_ERROR(s.Prepare(db_, "SELECT key, value FROM ledger_meta ORDER BY key"));
  for (;;) {
    bool row = false;
    NANNI_RETURN_IF_ERROR(s.Step(&row));
    if (!row) return Status::OK();
    std::string_view key = s.Text(0), value = s.Text(1);
    if (std::find(std::begin(kMetaKeys), std::end(kMetaKeys), key) == std::end(kMetaKeys)) {
      return Status::Corruption(fmt::format("ledger_meta holds a key nanni never writes: '{}'", Printable(key)));
    }
    if (key == "genesis" && value != "ledger_id") {
      return Status::Corruption(fmt::format("ledger_meta's genesis is '{}', not 'ledger_id'", Printable(value)));
    }
    bool hex = value.size() == 32 && value.find_first_not_of("0123456789abcdef") == std::string_view::npos;
    if (key == "ledger_id" && !hex) {
      return Status::Corruption(fmt::format("ledger_meta's ledger_id '{}' is not 32 hex digits", Printable(value)));
    }
  }
}

Status SqliteStore::Head(ChainHead* head) {
  SqliteStatement s;
  NANNI_RETURN_IF_ERROR(s.Prepare(db_, "SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1"));
  bool row = false;
  NANNI_RETURN_IF_ERROR(s.Step(&row));
  if (!row) {
    *head = ChainHead{0, GenesisHash(identity_)};
    return Status::OK();
  }
  head->count = static_cast<uint64_t>(s.Int(0));
  if (!s.DigestAt(1, &head->hash)) {
    return Status::Corruption(fmt::format("event {} has a hash that is not 32 bytes", head->count));
  }
  return Status::OK();
}

Status SqliteStore::BeginAppend(std::unique_ptr<AppendTransaction>* txn) {
  if (read_only_) {
    return Status::InvalidArgument(fmt::format("'{}' was opened read-only", Printable(path_, 200)));
  }
  auto t = std::make_unique<Transaction>(this);
  NANNI_RETURN_IF_ERROR(t->Begin());
  *txn = std::move(t);
  return Status::OK();
}

Status SqliteStore::OpenReader(sqlite3** db) {
  std::string uri = "file:" + UriPath(path_) + (immutable_ ? "?immutable=1" : "");
  if (sqlite3_open_v2(uri.c_str(), db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI,
                      nullptr) != SQLITE_OK) {
    Status st = Status::IOError(fmt::format("cannot open '{}' for reading: {}", Printable(path_, 200),
                                            *db ? sqlite3_errmsg(*db) : "out of memory"));
    sqlite3_close_v2(*db);
    return st;
  }
  sqlite3_busy_timeout(*db, 10'000);
  char* err = nullptr;
  sqlite3_exec(*db, "PRAGMA mmap_size = 1073741824; PRAGMA cache_size = -65536;", nullptr, nullptr, &err);
  sqlite3_free(err);
  return Status::OK();
}

Status SqliteStore::Scan(uint64_t from_seq, uint64_t to_seq, const EntryVisitor& visit) {
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

Status SqliteStore::IsEmpty(bool* empty) {
  SqliteStatement s;
  NANNI_RETURN_IF_ERROR(s.Prepare(db_, "SELECT 1 FROM events LIMIT 1"));
  bool row = false;
  NANNI_RETURN_IF_ERROR(s.Step(&row));
  *empty = !row;
  return Status::OK();
}

Status SqliteStore::CountEntries(uint64_t* count) {
  SqliteStatement s;
  NANNI_RETURN_IF_ERROR(s.Prepare(db_, "SELECT count(*) FROM events"));
  bool row = false;
  NANNI_RETURN_IF_ERROR(s.Step(&row));
  *count = row ? static_cast<uint64_t>(s.Int(0)) : 0;
  return Status::OK();
}

Status SqliteStore::Get(uint64_t seq, const EntryVisitor& visit) {
  SqliteStatement s;
  NANNI_RETURN_IF_ERROR(
      s.Prepare(db_, fmt::format("SELECT {} FROM events WHERE seq = ?", kEntryColumns)));
  s.BindInt(1, static_cast<int64_t>(seq));
  bool found = false;
  NANNI_RETURN_IF_ERROR(VisitRows(&s, [&](const LedgerEntry& e) {
    found = true;
    return visit(e);
  }));
  if (!found) return Status::NotFound(fmt::format("no event {} in the ledger", seq));
  return Status::OK();
}

Status SqliteStore::ListAccounts(std::vector<AccountSummary>* out) {
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
    out->push_back({std::string(s.Text(0)), static_cast<uint64_t>(s.Int(1)), s.Int(2), s.Int(3)});
  }
}

Status SqliteStore::Query(const EventQuery& q, const EntryVisitor& visit) {
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

}  // namespace nanni
