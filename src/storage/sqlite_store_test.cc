#include "storage/sqlite_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "ledger/ledger_writer.h"
#include "support/ledger_fixture.h"
#include "support/test_support.h"

namespace nanni {
namespace {

// What the sqlite3 shell would report about the file: its journal mode and index names.
struct FileState {
  std::string journal_mode;
  std::vector<std::string> indexes;
};

FileState StateOf(const std::string& path) {
  FileState state;
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &s, nullptr);
  if (sqlite3_step(s) == SQLITE_ROW) {
    state.journal_mode = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
  }
  sqlite3_finalize(s);
  sqlite3_prepare_v2(db, "SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name", -1,
                     &s, nullptr);
  while (sqlite3_step(s) == SQLITE_ROW) {
    state.indexes.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
  }
  sqlite3_finalize(s);
  sqlite3_close(db);
  return state;
}

const std::vector<std::string> kIndexes = {"events_by_account_time", "events_by_time",
                                           "sqlite_autoindex_derived_1", "sqlite_autoindex_events_1", "sqlite_autoindex_tree_tiles_1"};

class SqliteStoreTest : public ::testing::Test {
 protected:
  test::TempDir dir_;
  std::string path_ = dir_.File("l.db");
  std::unique_ptr<SqliteStore> store_ = test::NewLedger(path_);

  void Append(LedgerWriter* w, int from, int to) {
    std::vector<PreparedEvent> batch(static_cast<size_t>(to - from));
    for (int i = from; i < to; ++i) PrepareEvent(test::MakeEvent(i, i % 2 ? "acme" : "globex"), &batch[i - from]);
    LedgerWriter::BatchResult result;
    ASSERT_TRUE(w->AddBatch(batch, &result).ok());
  }
};

TEST_F(SqliteStoreTest, ANewLedgerIsInWalModeWithItsIndexes) {
  FileState state = StateOf(path_);
  EXPECT_EQ(state.journal_mode, "wal");
  EXPECT_EQ(state.indexes, kIndexes);
}

TEST_F(SqliteStoreTest, BulkLoadKeepsOthersOutThenLeavesTheUsualLedger) {
  std::unique_ptr<LedgerWriter> w;
  ASSERT_TRUE(LedgerWriter::Begin(store_.get(), 1, &w).ok());
  Append(w.get(), 0, 500);

  std::unique_ptr<SqliteStore> other;
  Status st = SqliteStore::Open(path_, StoreMode::kReadWrite, &other);
  EXPECT_EQ(st.code(), Status::Code::kIOError);
  EXPECT_NE(st.message().find("is taking its first import"), std::string::npos) << st.ToString();

  ASSERT_TRUE(w->Commit().ok());
  FileState state = StateOf(path_);
  EXPECT_EQ(state.journal_mode, "wal");
  EXPECT_EQ(state.indexes, kIndexes);
  ASSERT_TRUE(SqliteStore::Open(path_, StoreMode::kReadWrite, &other).ok());
  uint64_t acme = 0;
  EventQuery q;
  q.account = "acme";
  ASSERT_TRUE(other->Query(AccessScope::All(), q, [&](const LedgerEntry&) {
                     ++acme;
                     return Status::OK();
                   }).ok());
  EXPECT_EQ(acme, 250u);
}

TEST_F(SqliteStoreTest, ABulkLoadBesideAReaderStaysInTheWal) {
  sqlite3* reader = nullptr;
  ASSERT_EQ(sqlite3_open_v2(path_.c_str(), &reader, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(reader, "BEGIN; SELECT count(*) FROM events;", nullptr, nullptr, nullptr),
            SQLITE_OK);

  std::unique_ptr<LedgerWriter> w;
  ASSERT_TRUE(LedgerWriter::Begin(store_.get(), 1, &w).ok());
  Append(w.get(), 0, 50);
  EXPECT_EQ(StateOf(path_).journal_mode, "wal");
  ASSERT_TRUE(w->Commit().ok());
  sqlite3_exec(reader, "COMMIT", nullptr, nullptr, nullptr);
  sqlite3_close(reader);

  EXPECT_EQ(StateOf(path_).indexes, kIndexes);
  EXPECT_EQ(test::HeadOf(path_).size, 50u);
}

TEST_F(SqliteStoreTest, ABulkLoadRolledBackLeavesTheEmptyLedgerAsItWas) {
  {
    std::unique_ptr<LedgerWriter> w;
    ASSERT_TRUE(LedgerWriter::Begin(store_.get(), 1, &w).ok());
    Append(w.get(), 0, 500);
  }  // destroyed without Commit
  FileState state = StateOf(path_);
  EXPECT_EQ(state.journal_mode, "wal");
  EXPECT_EQ(state.indexes, kIndexes);
  EXPECT_EQ(test::HeadOf(path_).size, 0u);
}

TEST_F(SqliteStoreTest, AppendsAfterTheFirstKeepTheIndexesAndLetReadersIn) {
  std::unique_ptr<LedgerWriter> w;
  ASSERT_TRUE(LedgerWriter::Begin(store_.get(), 1, &w).ok());
  Append(w.get(), 0, 10);
  ASSERT_TRUE(w->Commit().ok());

  ASSERT_TRUE(LedgerWriter::Begin(store_.get(), 2, &w).ok());
  Append(w.get(), 10, 20);
  FileState during = StateOf(path_);
  EXPECT_EQ(during.journal_mode, "wal");
  EXPECT_EQ(during.indexes, kIndexes);
  EXPECT_EQ(test::HeadOf(path_).size, 10u);
  ASSERT_TRUE(w->Commit().ok());
  EXPECT_EQ(test::HeadOf(path_).size, 20u);
}

// The single-writer rule: a second writer waits for the first, then gives up with Busy (which
// says to retry), not with an I/O error.
TEST_F(SqliteStoreTest, ASecondWriterGetsBusyNotAnIoError) {
  std::unique_ptr<LedgerWriter> first;
  ASSERT_TRUE(LedgerWriter::Begin(store_.get(), 1, &first).ok());
  Append(first.get(), 0, 10);
  ASSERT_TRUE(first->Commit().ok());  // past the bulk load: appends now share the ledger
  ASSERT_TRUE(LedgerWriter::Begin(store_.get(), 2, &first).ok());
  std::unique_ptr<SqliteStore> other;
  ASSERT_TRUE(SqliteStore::Open(path_, StoreMode::kReadWrite, &other).ok());
  std::unique_ptr<AppendTransaction> second;
  Status st = other->BeginAppend(&second);
  EXPECT_EQ(st.code(), Status::Code::kBusy) << st.ToString();
  EXPECT_NE(st.message().find("try again"), std::string::npos) << st.ToString();
  // A read-only store refuses to write at all.
  std::unique_ptr<SqliteStore> reader;
  ASSERT_TRUE(SqliteStore::Open(path_, StoreMode::kReadOnly, &reader).ok());
  EXPECT_EQ(reader->BeginAppend(&second).code(), Status::Code::kInvalidArgument);
}

}  // namespace
}  // namespace nanni
