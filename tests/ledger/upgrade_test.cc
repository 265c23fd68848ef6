// `nanni upgrade` on a ledger made by the nanni before the Merkle tree (format 1): every
// event, seq and recording time kept, the tree built, the old chain checked first.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>
#include <sstream>

#include "ledger/ledger_tree.h"
#include "ledger/verifier.h"
#include "storage/open_store.h"
#include "storage/sqlite_store.h"
#include "support/ledger_fixture.h"
#include "support/test_support.h"
#include "tlog/merkle.h"

namespace nanni {
namespace {

struct Row {
  int64_t seq, recorded;
  std::string body;
  bool operator==(const Row&) const = default;
};

std::vector<Row> Rows(const std::string& path) {
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(db, "SELECT seq, recorded_utc, body FROM events ORDER BY seq", -1, &s, nullptr);
  std::vector<Row> rows;
  while (sqlite3_step(s) == SQLITE_ROW) {
    rows.push_back(Row{sqlite3_column_int64(s, 0), sqlite3_column_int64(s, 1),
                       std::string(static_cast<const char*>(sqlite3_column_blob(s, 2)), sqlite3_column_bytes(s, 2))});
  }
  sqlite3_finalize(s);
  sqlite3_close(db);
  return rows;
}

class UpgradeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::ifstream in(test::TestData("ledger/format1.sql"));
    std::stringstream sql;
    sql << in.rdbuf();
    ASSERT_EQ(test::TamperWithSql(path_, sql.str()), "");
  }
  test::TempDir dir_;
  std::string path_ = dir_.File("old.db");
};

TEST_F(UpgradeTest, AFormat1LedgerIsRefusedUntilUpgraded) {
  std::unique_ptr<LedgerStore> store;
  Status st = OpenLedgerStore(path_, StoreMode::kReadOnly, &store);
  EXPECT_EQ(st.code(), Status::Code::kInvalidInput);
  EXPECT_NE(st.message().find("nanni upgrade"), std::string::npos) << st.message();
}

TEST_F(UpgradeTest, KeepsEveryEventAndBuildsTheTree) {
  const std::vector<Row> before = Rows(path_);
  ASSERT_EQ(before.size(), 300u);
  UpgradeReport report;
  ASSERT_TRUE(UpgradeLedger(path_, "bank.example/calls", nullptr, &report).ok());
  EXPECT_TRUE(report.upgraded);
  EXPECT_EQ(report.events, 300u);
  EXPECT_EQ(Rows(path_), before);

  std::unique_ptr<LedgerStore> store;
  ASSERT_TRUE(OpenLedgerStore(path_, StoreMode::kReadOnly, &store).ok());
  EXPECT_EQ(store->Identity().origin, "bank.example/calls");
  EXPECT_EQ(store->LedgerId(), "b918ddabc5de1f7ab2543681086bf27a");
  VerifyReport verified;
  ASSERT_TRUE(VerifyLedger(store.get(), nullptr, &verified).ok()) << verified.problem;
  EXPECT_EQ(verified.checked, 300u);
  EXPECT_EQ(verified.head, report.head);

  // The tree is the one of the same entries appended to a format-2 ledger.
  const Digest identity = IdentityDigest(store->Identity());
  std::vector<Digest> leaves;
  for (const Row& r : before) {
    leaves.push_back(EntryLeafHash(identity, static_cast<uint64_t>(r.seq), r.recorded, Sha256::Of(r.body)));
  }
  MemorySubtrees memory(leaves);
  Digest root;
  ASSERT_TRUE(MerkleRoot(&memory, 300, &root).ok());
  EXPECT_EQ(report.head.root, root);

  UpgradeReport again;
  ASSERT_TRUE(UpgradeLedger(path_, "", nullptr, &again).ok());
  EXPECT_FALSE(again.upgraded);
}

TEST_F(UpgradeTest, ABrokenOldChainIsNamedAndNothingChanges) {
  ASSERT_EQ(test::TamperWithSql(path_, "UPDATE events SET recorded_utc = recorded_utc + 1 "
                        "WHERE seq = 120"), "");
  const std::vector<Row> before = Rows(path_);
  UpgradeReport report;
  Status st = UpgradeLedger(path_, "", nullptr, &report);
  EXPECT_EQ(st.code(), Status::Code::kCorruption);
  EXPECT_NE(st.message().find("event 120"), std::string::npos) << st.message();
  EXPECT_NE(st.message().find("was not changed"), std::string::npos) << st.message();
  EXPECT_EQ(Rows(path_), before);
  std::unique_ptr<LedgerStore> store;
  EXPECT_EQ(OpenLedgerStore(path_, StoreMode::kReadOnly, &store).code(), Status::Code::kInvalidInput);
}

TEST_F(UpgradeTest, AnOriginThatCannotNameALogIsRefusedBeforeAnythingChanges) {
  UpgradeReport report;
  EXPECT_EQ(UpgradeLedger(path_, "has space", nullptr, &report).code(), Status::Code::kInvalidArgument);
  std::unique_ptr<LedgerStore> store;
  EXPECT_EQ(OpenLedgerStore(path_, StoreMode::kReadOnly, &store).code(), Status::Code::kInvalidInput);
}

}  // namespace
}  // namespace nanni
