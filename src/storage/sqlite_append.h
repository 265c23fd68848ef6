// SqliteAppend: the AppendTransaction of the SQLite store (ledger/ledger_store.h). Internal
// to storage/; SqliteStore::BeginAppend makes one.
//
// An append into an empty ledger is a bulk load: SQLite's rollback journal instead of the WAL
// (which would write every page twice, once to the log and once when copying it into the
// file), and the secondary indexes dropped and rebuilt from sorted keys at commit instead of
// updated row by row. Both stay inside the one transaction, so a crash or a rollback leaves
// the empty ledger as it was; the writer's usual settings come back when it ends.
#pragma once

#include <sqlite3.h>

#include <string>

#include "ledger/ledger_store.h"
#include "storage/sqlite_statement.h"

namespace nanni {

class SqliteAppend : public AppendTransaction {
 public:
  // `db` is the store's writing connection; `apply_writer_settings` restores its usual
  // settings after a bulk load. Both must outlive the transaction.
  SqliteAppend(sqlite3* db, std::function<Status()> apply_writer_settings)
      : db_(db), apply_writer_settings_(std::move(apply_writer_settings)) {}
  ~SqliteAppend() override;

  // BEGIN IMMEDIATE (Busy when another writer keeps the ledger past the busy timeout).
  Status Begin();

  Status ReadSize(uint64_t* size) override;
  Status ReadTile(int level, uint64_t index, std::string* hashes) override;
  Status PutTile(int level, uint64_t index, std::string_view hashes) override;
  Status AppendBatch(std::span<const PreparedEvent> events, EntryCursor* cursor) override;
  Status FindSeq(std::string_view source_id, uint64_t* seq) override;
  Status PutDerived(const DerivedBlock& block) override;
  Status DeleteDerived(std::string_view prefix, uint64_t from_seq) override;
  Status AddCheckpoint(const StoredCheckpoint& checkpoint) override;
  Status Commit() override;

 private:
  Status Exec(const char* sql);
  Status IsEmpty(bool* empty);
  // Switches to kBulkLoadSettings and, unless another connection is reading the ledger
  // (SQLite then refuses, and the load stays in the WAL beside that reader), to the rollback
  // journal. Outside any transaction: neither may change inside one.
  Status EnterBulkLoad();
  Status Insert(const LedgerEntry& entry, bool* added);
  Status StoredBody(std::string_view source_id, std::string* body);

  sqlite3* db_;
  std::function<Status()> apply_writer_settings_;
  bool open_ = false;
  bool bulk_load_ = false;
  bool indexes_dropped_ = false;
  SqliteStatement insert_, existing_, find_seq_, put_derived_;
  std::string stored_body_;
};

}  // namespace nanni
