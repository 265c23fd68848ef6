// SqliteStore: the embedded default LedgerStore, one SQLite file (WAL mode) per ledger.
//
// Schema (docs/ledger.md, storage/sqlite_schema.h): `ledger_meta` (format, ledger id,
// origin), `events` keyed by seq with the canonical body and index columns copied from the
// body (unique source_id, (account, time) and time), `tree_tiles` (the Merkle tree's
// hashes), `checkpoints` (those handed out) and `derived` (the engine's derived data).
// Triggers refuse UPDATE and DELETE on `events`, `ledger_meta` and `checkpoints`, which
// guards against accidents; the tree and the signed checkpoints are what catch intent.
//
// The first append into an empty ledger is a bulk load (storage/sqlite_append.h): while it
// runs, opening the ledger from another connection fails with an IOError that says so.
//
// Read-only (StoreMode::kReadOnly) never writes, so a reader without write access can read
// and verify: in a folder nobody may write the file is opened as immutable. The one exception
// is SQLite's crash recovery: a first import that was killed leaves a journal behind, which a
// reader that can write the folder rolls back before reading.
#pragma once

#include <memory>
#include <string>

#include "ledger/ledger_store.h"

struct sqlite3;

namespace nanni {

class SqliteStore : public LedgerStore {
 public:
  // Opens (or, for kCreate, creates with a random id) the ledger at `path`. The store owns
  // its connection.
  static Status Open(const std::string& path, StoreMode mode, std::unique_ptr<SqliteStore>* out);

  // Creates a new, empty ledger at `path` with the given identity: an empty id is a random
  // one (tests give their own, for the same hashes on every run), an empty origin
  // DefaultOrigin(id). InvalidArgument for an id that is not 32 lower-case hex digits or an
  // origin CheckOrigin refuses.
  static Status Create(const std::string& path, LedgerIdentity identity,
                       std::unique_ptr<SqliteStore>* out);

  ~SqliteStore() override;

  const LedgerIdentity& Identity() const override { return identity_; }
  const std::string& Location() const override { return path_; }
  Status CheckMetadata() override;
  Status Size(const AccessScope& scope, uint64_t* size) override;
  Status Head(const AccessScope& scope, TreeHead* head) override;
  Status ReadTile(const AccessScope& scope, int level, uint64_t index, std::string* hashes) override;
  Status ListCheckpoints(const AccessScope& scope, std::vector<StoredCheckpoint>* out) override;
  Status BeginAppend(std::unique_ptr<AppendTransaction>* txn) override;
  Status Scan(const AccessScope& scope, uint64_t from_seq, uint64_t to_seq,
              const EntryVisitor& visit) override;
  Status CountEntries(const AccessScope& scope, uint64_t* count) override;
  Status Get(const AccessScope& scope, uint64_t seq, const EntryVisitor& visit) override;
  Status SourceIds(const AccessScope& scope, std::span<const uint64_t> seqs, std::vector<std::string>* ids) override;
  Status FindSeq(const AccessScope& scope, std::string_view source_id, uint64_t* seq) override;
  Status ListAccounts(const AccessScope& scope, std::vector<AccountSummary>* out) override;
  Status Query(const AccessScope& scope, const EventQuery& query, const EntryVisitor& visit) override;
  Status ReadDerived(const AccessScope& scope, std::string_view stream,
                     const DerivedVisitor& visit) override;
  Status ReadDerivedPrefixes(const AccessScope& scope, std::string_view stream, size_t prefix_bytes,
                             const DerivedVisitor& visit) override;

 private:
  SqliteStore(sqlite3* db, std::string path, bool read_only)
      : db_(db), path_(std::move(path)), read_only_(read_only) {}
  static Status OpenOrCreate(const std::string& path, StoreMode mode, const LedgerIdentity& identity,
                             std::unique_ptr<SqliteStore>* out);
  static Status OpenReadOnly(const std::string& path, std::unique_ptr<SqliteStore>* out);
  // Before a read-only open: IOError if a bulk load is running; if one was interrupted,
  // rolls it back through a read-write open (or says why it cannot).
  static Status SettleFirstImport(const std::string& path);
  // A read-only connection of its own (storage/sqlite_schema.h, kScanSettings), for a scan
  // that may run beside others.
  Status OpenReader(sqlite3** db);
  Status Exec(const char* sql);
  Status CreateSchema(const LedgerIdentity& identity);
  // WAL mode and the writer's pragmas; an IOError that says so when another connection's
  // bulk load holds the ledger.
  Status ApplyWriterSettings();
  Status CheckSchema();
  Status HasDerivedTable(bool* exists);

  sqlite3* db_;
  std::string path_;
  bool read_only_ = false;
  bool immutable_ = false;  // opened with ?immutable=1: its readers must be too
  LedgerIdentity identity_;
};

}  // namespace nanni
