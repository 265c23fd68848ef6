// SqliteStore: the embedded default LedgerStore, one SQLite file (WAL mode) per ledger.
//
// Schema (docs/ledger.md): a `ledger_meta` table (format version, ledger id) and an `events`
// table keyed by seq, with the canonical body, the chain hash, and index columns copied from
// the body: unique source_id, (account, time_utc) and (time_utc). Triggers refuse UPDATE and
// DELETE on `events`, which guards against accidents; the hash chain is what catches intent.
//
// The first append into an empty ledger is a bulk load (rollback journal instead of the WAL,
// secondary indexes built at commit): while it runs, opening the ledger from another
// connection fails with an IOError that says so, instead of reading beside it.
#pragma once

#include <memory>
#include <string>

#include "ledger/ledger_store.h"

struct sqlite3;

namespace nanni {

class SqliteStore : public LedgerStore {
 public:
  enum class OpenMode {
    kExisting,  // NotFound unless `path` holds a nanni ledger
    kCreate,    // Conflict if `path` exists; otherwise creates a new, empty ledger
    // As kExisting, but never writes: no file is created or changed, so an auditor with read
    // access only, in a folder they cannot write, can read and verify the ledger. BeginAppend
    // fails. In a read-only folder with no -wal file beside the ledger, the file is opened
    // as immutable (no writer can exist there).
    kReadOnly,
  };

  // Opens (or creates) the ledger at `path`. The store owns the connection. A ledger created
  // here gets a random id.
  static Status Open(const std::string& path, OpenMode mode, std::unique_ptr<SqliteStore>* out);

  // Creates a new, empty ledger at `path` with the given id (32 lower-case hex digits): for
  // tests that need the same chain hashes on every run.
  static Status CreateWithId(const std::string& path, const std::string& ledger_id,
                             std::unique_ptr<SqliteStore>* out);

  ~SqliteStore() override;

  const LedgerIdentity& Identity() const override { return identity_; }
  Status CheckMetadata() override;
  Status Head(ChainHead* head) override;
  Status BeginAppend(std::unique_ptr<AppendTransaction>* txn) override;
  Status Scan(uint64_t from_seq, uint64_t to_seq, const EntryVisitor& visit) override;
  Status CountEntries(uint64_t* count) override;
  Status Get(uint64_t seq, const EntryVisitor& visit) override;
  Status ListAccounts(std::vector<AccountSummary>* out) override;
  Status Query(const EventQuery& query, const EntryVisitor& visit) override;

 private:
  class Transaction;

  SqliteStore(sqlite3* db, std::string path, bool read_only)
      : db_(db), path_(std::move(path)), read_only_(read_only) {}
  static Status OpenOrCreate(const std::string& path, OpenMode mode, const std::string& new_id,
                             std::unique_ptr<SqliteStore>* out);
  // Before a read-only open: IOError if a bulk load is running; if one was interrupted,
  // rolls it back through a read-write open (or says why it cannot).
  static Status SettleFirstImport(const std::string& path);
  // Opens `path` read-only into *db; *immutable when it had to be opened as immutable.
  static Status OpenReadOnly(const std::string& path, sqlite3** db, bool* immutable);
  // A read-only connection of its own, for a scan that may run beside others.
  Status OpenReader(sqlite3** db);
  Status Exec(const char* sql);
  Status CreateSchema(const std::string& ledger_id);
  Status IsEmpty(bool* empty);
  // WAL mode and the writer's pragmas; an IOError that says so when another connection's
  // bulk load holds the ledger.
  Status ApplyWriterSettings();
  Status CheckSchema();

  sqlite3* db_;
  std::string path_;
  bool read_only_ = false;
  bool immutable_ = false;  // opened with ?immutable=1: its readers must be too
  LedgerIdentity identity_;
};

}  // namespace nanni
