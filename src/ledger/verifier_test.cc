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

  Status Verify(VerifyReport* report) {
    std::unique_ptr<SqliteStore> store;  // a fresh connection, as `nanni verify` would open
    Status st = SqliteStore::Open(path_, StoreMode::kReadWrite, &store);
    if (!st.ok()) return st;
    return VerifyLedger(store.get(), nullptr, report);
  }

  test::TempDir dir_;
  std::string path_ = dir_.File("l.db");
  std::unique_ptr<SqliteStore> store_ = test::NewLedger(path_);
  TreeHead head_;
};

TEST_F(VerifierTest, AnIntactLedgerVerifies) {
  VerifyReport report;
  ASSERT_TRUE(Verify(&report).ok());
  EXPECT_EQ(report.checked, 10000u);
  EXPECT_EQ(report.head, head_);
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
               5000, "do not match its leaf"},
        Tamper{"account", "UPDATE events SET account = 'initech' WHERE seq = 7001", 7001,
               "column 'account'"},
        Tamper{"source_id", "UPDATE events SET source_id = 'zzz' WHERE seq = 9", 9, "column 'source_id'"},
        Tamper{"time", "UPDATE events SET time_utc = time_utc + 1 WHERE seq = 12", 12, "time_utc"},
        Tamper{"offset", "UPDATE events SET tz_offset = 0 WHERE seq = 13", 13, "tz_offset"},
        Tamper{"kind", "UPDATE events SET kind = 'note' WHERE seq = 14", 14, "column 'kind'"},
        Tamper{"recorded", "UPDATE events SET recorded_utc = recorded_utc + 1 WHERE seq = 15", 15,
               "do not match its leaf"},
        Tamper{"leaf_hash", "UPDATE tree_tiles SET hashes = substr(hashes, 1, 15 * 32) || zeroblob(32) || "
                            "substr(hashes, 16 * 32 + 1) WHERE level = 0 AND idx = 0", 16, "do not match its leaf"},
        Tamper{"interior_hash", "UPDATE tree_tiles SET hashes = zeroblob(32) || substr(hashes, 33) "
                                "WHERE level = 1 AND idx = 0", 1, "stored hash over events 1-256"},
        Tamper{"short_tile", "UPDATE tree_tiles SET hashes = substr(hashes, 1, 32 * 10) WHERE level = 0 AND idx = 39",
               9995, "holds 10 hashes where it needs 16"},
        Tamper{"identity", "UPDATE ledger_meta SET value = 'example.com/other' WHERE key = 'origin'", 1,
               "the ledger's id or origin"},
        Tamper{"bad_origin", "UPDATE ledger_meta SET value = 'has space' WHERE key = 'origin'", 0,
               "origin"},
        Tamper{"delete", "DELETE FROM events WHERE seq = 17", 17, "missing"},
        Tamper{"truncate", "DELETE FROM events WHERE seq > 9990", 9991, "cut short"},
        Tamper{"swap", "UPDATE events SET seq = -1 WHERE seq = 20; UPDATE events SET seq = 20 WHERE seq = 21; "
                       "UPDATE events SET seq = 21 WHERE seq = -1", 20, "do not match its leaf"}),
    [](const auto& info) { return std::string(info.param.name); });

// Above one level-1 tile: the chunks' level-2 hashes are checked against the stored tiles.
TEST(VerifierLargeTest, CatchesAChangedHashHighInTheTree) {
  test::TempDir dir;
  const std::string path = dir.File("l.db");
  {
    std::unique_ptr<SqliteStore> store = test::NewLedger(path);
    std::vector<Event> events;
    for (int i = 1; i <= 70'000; ++i) events.push_back(test::MakeEvent(i, "acme"));
    ImportSummary summary;
    ASSERT_TRUE(test::ImportVector(store.get(), events, &summary).ok());
  }
  auto verify = [&](VerifyReport* report) {
    std::unique_ptr<SqliteStore> store;
    Status st = SqliteStore::Open(path, StoreMode::kReadOnly, &store);
    return st.ok() ? VerifyLedger(store.get(), nullptr, report) : st;
  };
  VerifyReport report;
  ASSERT_TRUE(verify(&report).ok());
  EXPECT_EQ(report.checked, 70'000u);
  ASSERT_EQ(test::TamperWithSql(path, "UPDATE tree_tiles SET hashes = zeroblob(32) WHERE level = 2 AND idx = 0"), "");
  Status st = verify(&report);
  EXPECT_EQ(st.code(), Status::Code::kCorruption);
  EXPECT_EQ(report.first_bad_seq, 1u);
  EXPECT_NE(st.message().find("events 1-65536 (tile 2/0"), std::string::npos) << st.message();
}

}  // namespace
}  // namespace nanni
