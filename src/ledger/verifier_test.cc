#include "ledger/verifier.h"

#include <gtest/gtest.h>

#include <sqlite3.h>

#include "support/ledger_fixture.h"
#include "support/test_support.h"

namespace nanni {
namespace {

class VerifierTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::vector<Event> events;
    for (int i = 1; i <= 10000; ++i) events.push_back(test::MakeEvent(i, i % 3 ? "acme" : "globex"));
    ImportSummary summary;
    ASSERT_TRUE(test::ImportVector(store_.get(), events, &summary).ok());
    ASSERT_EQ(summary.added, 10000u);
    head_ = summary.head;
  }

  Status Verify(VerifyReport* report, std::optional<Receipt> receipt = std::nullopt) {
    std::unique_ptr<SqliteStore> store;  // a fresh connection, as `nanni verify` would open
    Status st = SqliteStore::Open(path_, StoreMode::kReadWrite, &store);
    if (!st.ok()) return st;
    return VerifyLedger(store.get(), receipt, nullptr, report);
  }

  test::TempDir dir_;
  std::string path_ = dir_.File("l.db");
  std::unique_ptr<SqliteStore> store_ = test::NewLedger(path_);
  ChainHead head_;
};

TEST_F(VerifierTest, AnIntactLedgerVerifies) {
  VerifyReport report;
  ASSERT_TRUE(Verify(&report).ok());
  EXPECT_EQ(report.checked, 10000u);
  EXPECT_EQ(report.head.hash, head_.hash);
  EXPECT_FALSE(report.first_bad_seq.has_value());
}

TEST_F(VerifierTest, TheAppendOnlyTriggersRefuseEdits) {
  std::string err;
  // Without dropping triggers: use the store's own connection through a plain UPDATE.
  sqlite3* db = nullptr;
  sqlite3_open(path_.c_str(), &db);
  char* msg = nullptr;
  EXPECT_NE(sqlite3_exec(db, "UPDATE events SET account='x' WHERE seq=1", nullptr, nullptr, &msg), SQLITE_OK);
  EXPECT_NE(std::string(msg ? msg : "").find("append-only"), std::string::npos);
  sqlite3_free(msg);
  EXPECT_NE(sqlite3_exec(db, "DELETE FROM events WHERE seq=1", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
}

struct Tamper {
  const char* name;
  const char* sql;
  uint64_t bad_seq;
  const char* says;
};

// Prints a case by its name in test output (instead of its bytes).
void PrintTo(const Tamper& tamper, std::ostream* os) { *os << tamper.name; }

class VerifierTamperTest : public VerifierTest, public ::testing::WithParamInterface<Tamper> {};

TEST_P(VerifierTamperTest, NamesTheFirstChangedEvent) {
  ASSERT_EQ(test::TamperWithSql(path_, GetParam().sql), "");
  VerifyReport report;
  Status st = Verify(&report);
  ASSERT_EQ(st.code(), Status::Code::kCorruption) << st.ToString();
  ASSERT_TRUE(report.first_bad_seq.has_value());
  EXPECT_EQ(*report.first_bad_seq, GetParam().bad_seq);
  EXPECT_NE(st.message().find(GetParam().says), std::string::npos) << st.message();
}

INSTANTIATE_TEST_SUITE_P(
    AnyColumn, VerifierTamperTest,
    ::testing::Values(
        Tamper{"body", "UPDATE events SET body = replace(body, 'number', 'NUMBER') WHERE seq = 5000",
               5000, "does not match its contents"},
        Tamper{"account", "UPDATE events SET account = 'initech' WHERE seq = 7001", 7001,
               "column 'account'"},
        Tamper{"source_id", "UPDATE events SET source_id = 'zzz' WHERE seq = 9", 9, "column 'source_id'"},
        Tamper{"time", "UPDATE events SET time_utc = time_utc + 1 WHERE seq = 12", 12, "time_utc"},
        Tamper{"offset", "UPDATE events SET tz_offset = 0 WHERE seq = 13", 13, "tz_offset"},
        Tamper{"kind", "UPDATE events SET kind = 'note' WHERE seq = 14", 14, "column 'kind'"},
        Tamper{"recorded", "UPDATE events SET recorded_utc = recorded_utc + 1 WHERE seq = 15", 15,
               "does not match"},
        Tamper{"hash", "UPDATE events SET hash = zeroblob(32) WHERE seq = 16", 16, "does not match"},
        Tamper{"delete", "DELETE FROM events WHERE seq = 17", 17, "missing"},
        Tamper{"swap", "UPDATE events SET seq = -1 WHERE seq = 20; UPDATE events SET seq = 20 WHERE seq = 21; "
                       "UPDATE events SET seq = 21 WHERE seq = -1", 20, "does not match"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST_F(VerifierTest, AReceiptCatchesARewrittenOrTruncatedChain) {
  Receipt receipt{head_.count, head_.hash};
  VerifyReport report;
  EXPECT_TRUE(Verify(&report, receipt).ok());
  // Truncation keeps a self-consistent chain; only the receipt shows it.
  ASSERT_EQ(test::TamperWithSql(path_, "DELETE FROM events WHERE seq > 9990"), "");
  EXPECT_TRUE(Verify(&report).ok());
  Status st = Verify(&report, receipt);
  EXPECT_EQ(st.code(), Status::Code::kCorruption);
  EXPECT_NE(st.message().find("holds only 9990"), std::string::npos);
}

TEST(ReceiptTest, ParsesWhatCheckpointPrints) {
  Receipt r;
  ASSERT_TRUE(ParseReceipt("12:" + std::string(64, 'a'), &r).ok());
  EXPECT_EQ(r.count, 12u);
  EXPECT_FALSE(ParseReceipt("12", &r).ok());
  EXPECT_FALSE(ParseReceipt("x:" + std::string(64, 'a'), &r).ok());
  EXPECT_FALSE(ParseReceipt("12:abc", &r).ok());
}

}  // namespace
}  // namespace nanni
