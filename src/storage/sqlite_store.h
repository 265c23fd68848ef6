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
  };

  // Opens (or creates) the ledger at `path`. The store owns the connection.
  static Status Open(const std::string& path, OpenMode mode, std::unique_ptr<SqliteStore>* out);

  ~SqliteStore() override;

  std::string LedgerId() const override { return ledger_id_; }
  Status Head(ChainHead* head) override;
  Status BeginAppend(std::unique_ptr<AppendTransaction>* txn) override;
  Status Scan(uint64_t from_seq, uint64_t to_seq, const EntryVisitor& visit) override;
  Status CountEntries(uint64_t* count) override;
  Status Get(uint64_t seq, const EntryVisitor& visit) override;
  Status ListAccounts(std::vector<AccountSummary>* out) override;
  Status Query(const EventQuery& query, const EntryVisitor& visit) override;

 private:
  class Transaction;

  SqliteStore(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  // A read-only connection of its own, for a scan that may run beside others.
  Status OpenReader(sqlite3** db);
  Status Exec(const char* sql);
  Status CreateSchema();
  Status IsEmpty(bool* empty);
  // WAL mode and the writer's pragmas; an IOError that says so when another connection's
  // bulk load holds the ledger.
  Status ApplyWriterSettings();
  Status CheckSchema();

  sqlite3* db_;
  std::string path_;
  std::string ledger_id_;
};

}  // namespace nanni
