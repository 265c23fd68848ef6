// The SQLite ledger's schema (docs/ledger.md), and the settings its connections use. Internal
// to storage/.
#pragma once

namespace nanni::sqlite_schema {

constexpr const char* kFormat = "nanni-ledger-2";
// The hash-chained format before it, which `nanni upgrade` converts (storage/sqlite_upgrade.h).
constexpr const char* kFormat1 = "nanni-ledger-1";

// The tables, their triggers and the source_id index.
constexpr const char* kTables = R"sql(
CREATE TABLE ledger_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE events (
  seq          INTEGER PRIMARY KEY,
  source_id    TEXT    NOT NULL UNIQUE,
  account      TEXT    NOT NULL,
  time_utc     INTEGER NOT NULL,
  tz_offset    INTEGER NOT NULL,
  kind         TEXT    NOT NULL,
  recorded_utc INTEGER NOT NULL,
  body         BLOB    NOT NULL
);
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
  BEGIN SELECT RAISE(ABORT, 'the nanni ledger is append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
  BEGIN SELECT RAISE(ABORT, 'the nanni ledger is append-only'); END;
CREATE TRIGGER ledger_meta_no_update BEFORE UPDATE ON ledger_meta
  BEGIN SELECT RAISE(ABORT, 'the nanni ledger''s identity is fixed'); END;
CREATE TRIGGER ledger_meta_no_delete BEFORE DELETE ON ledger_meta
  BEGIN SELECT RAISE(ABORT, 'the nanni ledger''s identity is fixed'); END;
CREATE TABLE checkpoints (
  size         INTEGER NOT NULL,
  recorded_utc INTEGER NOT NULL,
  note         TEXT    NOT NULL
);
CREATE TRIGGER checkpoints_no_update BEFORE UPDATE ON checkpoints
  BEGIN SELECT RAISE(ABORT, 'the nanni ledger''s checkpoints are append-only'); END;
CREATE TRIGGER checkpoints_no_delete BEFORE DELETE ON checkpoints
  BEGIN SELECT RAISE(ABORT, 'the nanni ledger''s checkpoints are append-only'); END;
)sql";

// The tree's tiles (tlog/tiles.h): the last tile of each level is replaced as it grows.
constexpr const char* kTreeTable = R"sql(
CREATE TABLE tree_tiles (
  level  INTEGER NOT NULL,
  idx    INTEGER NOT NULL,
  hashes BLOB    NOT NULL,
  UNIQUE (level, idx)
);
)sql";

// Derived data (ledger/ledger_store.h): never the record, so it may be replaced. Ledgers
// made before it existed get it on their first read-write open.
constexpr const char* kDerivedTable = R"sql(
CREATE TABLE IF NOT EXISTS derived (
  stream    TEXT    NOT NULL,
  first_seq INTEGER NOT NULL,
  end_seq   INTEGER NOT NULL,
  bytes     BLOB    NOT NULL,
  UNIQUE (stream, first_seq)
);
)sql";

// The keys of ledger_meta: the format, and the ledger's identity (ledger/leaf.h).
constexpr const char* kMetaKeys[] = {"format", "ledger_id", "origin"};

// The indexes besides source_id's. A bulk load into an empty ledger drops them inside its
// transaction and builds them again, sorted, just before it commits.
constexpr const char* kSecondaryIndexes = R"sql(
CREATE INDEX events_by_account_time ON events (account, time_utc);
CREATE INDEX events_by_time ON events (time_utc);
)sql";
constexpr const char* kDropSecondaryIndexes =
    "DROP INDEX events_by_account_time; DROP INDEX events_by_time;";

// A writer's settings besides the WAL: durable commits, a 256 MiB page cache, two threads
// for sorting.
constexpr const char* kWriterSettings =
    "PRAGMA synchronous = FULL; PRAGMA cache_size = -262144; "
    "PRAGMA temp_store = MEMORY; PRAGMA mmap_size = 1073741824; PRAGMA threads = 2;";

// A bulk load's: no memory map, which would keep every page read back mapped (the file grows
// past the map while it loads), and the index sorter's spill files on disk, not in memory.
constexpr const char* kBulkLoadSettings = "PRAGMA mmap_size = 0; PRAGMA temp_store = FILE;";

// A reader's: a memory map and a 64 MiB cache.
constexpr const char* kReaderSettings = "PRAGMA mmap_size = 1073741824; PRAGMA cache_size = -65536;";

// A scan's (every entry once, in seq order, on a connection of its own): no memory map, which
// would keep every page it passed resident, and a small cache.
constexpr const char* kScanSettings = "PRAGMA mmap_size = 0; PRAGMA cache_size = -8192;";

}  // namespace nanni::sqlite_schema
