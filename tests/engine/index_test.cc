// The analytic index beside the ledger: rebuilt from the ledger alone to the same content,
// checked by verify (a changed block is found and named; a missing or stale one is rebuilt),
// and kept by the import in its own transaction.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstring>

#include "index/index_format.h"
#include "index/index_snapshot.h"
#include "support/portfolio_check.h"
#include "support/test_support.h"

namespace nanni {
namespace {

using nlohmann::json;
using test::Nanni;

// Everything the index says, whatever its block boundaries: per event its fact (with the
// recording time itself, not its place in a block's table) and side records, and the strings.
struct Content {
  std::vector<Fact> facts;
  std::vector<int64_t> recorded;
  std::vector<std::string> strings;
  std::vector<CallFact> calls;
  std::vector<MoneyFact> money;
  std::vector<PromiseFact> promises;
  std::vector<IncidentFact> incidents;
  std::vector<ToneFact> tone;
  size_t blocks = 0;
};

Content Read(const std::string& db) {
  auto engine = test::OpenTestEngine(db);
  IndexSnapshot snapshot;
  std::string stale;
  Status st = IndexSnapshot::Load(engine->store(), kIndexAll, engine->index_fingerprint(), &snapshot, &stale);
  EXPECT_TRUE(st.ok()) << st.ToString();
  EXPECT_EQ(stale, "");
  snapshot.Finish();
  Content c;
  for (uint64_t seq = 1; seq <= snapshot.covered(); ++seq) {
    Fact f = snapshot.fact(seq);
    c.recorded.push_back(snapshot.recorded(seq));
    f.recorded = 0;
    c.facts.push_back(f);
  }
  for (uint32_t id = 1; id <= snapshot.string_count(); ++id) c.strings.emplace_back(snapshot.str(id));
  c.calls = snapshot.calls();
  c.money = snapshot.money();
  c.promises = snapshot.promises();
  c.incidents = snapshot.incidents();
  c.tone = snapshot.tone();
  c.blocks = snapshot.block_ends().size();
  return c;
}

template <typename T>
bool SameBytes(const std::vector<T>& a, const std::vector<T>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(T)) == 0;
}

void ExpectSameContent(const Content& a, const Content& b) {
  EXPECT_EQ(a.facts.size(), b.facts.size());
  EXPECT_TRUE(SameBytes(a.facts, b.facts));
  EXPECT_EQ(a.recorded, b.recorded);
  EXPECT_EQ(a.strings, b.strings);
  EXPECT_TRUE(SameBytes(a.calls, b.calls));
  EXPECT_TRUE(SameBytes(a.money, b.money));
  EXPECT_TRUE(SameBytes(a.promises, b.promises));
  EXPECT_TRUE(SameBytes(a.incidents, b.incidents));
  EXPECT_TRUE(SameBytes(a.tone, b.tone));
}

class IndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(Nanni({"generate", "--seed", "3", "--accounts", "24", "--months", "6", "--out", dir_.File("p.ndjson")}).exit_code, 0);
    // Two imports: the second holds the answers to many requests of the first, so links cross
    // blocks, and some reply to ids the first import did not hold yet (fixups).
    std::string all = test::ReadFile(dir_.File("p.ndjson"));
    size_t half = all.find('\n', all.size() / 2) + 1;
    std::string first, second;
    for (size_t pos = 0; pos < half;) {
      size_t end = all.find('\n', pos) + 1;
      std::string line = all.substr(pos, end - pos);
      (line.find("\"kind\":\"request\"") != std::string::npos && pos > half / 2 ? second : first) += line;
      pos = end;
    }
    second += all.substr(half);
    test::WriteFile(dir_.File("a.ndjson"), first);
    test::WriteFile(dir_.File("b.ndjson"), second);
    ASSERT_EQ(Nanni({"--db", db_, "init"}).exit_code, 0);
    ASSERT_EQ(Nanni({"--db", db_, "import", dir_.File("a.ndjson")}).exit_code, 0);
    ASSERT_EQ(Nanni({"--db", db_, "import", dir_.File("b.ndjson")}).exit_code, 0);
  }

  json Verify() {
    auto r = Nanni({"--db", db_, "--json", "verify"});
    json j = json::parse(r.out);
    j["exit"] = r.exit_code;
    j["err"] = r.err;
    return j;
  }

  test::TempDir dir_;
  std::string db_ = dir_.File("l.db");
};

TEST_F(IndexTest, ImportsKeepItWholeAndVerifyRebuildsEveryBlock) {
  json v = Verify();
  EXPECT_EQ(v["exit"], 0) << v["err"];
  EXPECT_EQ(v["index"]["checked"], v["checked"]);
  EXPECT_EQ(v["index"]["stale"], "");
  EXPECT_GE(Read(db_).blocks, 2u);
}

TEST_F(IndexTest, ReindexRebuildsTheSameContent) {
  Content imported = Read(db_);
  auto r = Nanni({"--db", db_, "--json", "reindex"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  Content rebuilt = Read(db_);
  EXPECT_LT(rebuilt.blocks, imported.blocks);  // other block ends ...
  ExpectSameContent(imported, rebuilt);        // ... same content
  EXPECT_EQ(Verify()["exit"], 0);
}

TEST_F(IndexTest, VerifyNamesAChangedBlockAndReindexMendsIt) {
  // One byte of one fact changed (the account of event 1), as the sqlite3 shell could.
  auto t = test::Run({"sqlite3", db_,
                      "UPDATE derived SET bytes = CAST(substr(bytes, 1, 32) || X'09' || substr(bytes, 34) AS BLOB) "
                      "WHERE stream = 'index.facts' AND first_seq = 1"});
  ASSERT_EQ(t.exit_code, 0) << t.err;
  auto len = test::Run({"sqlite3", db_, "SELECT typeof(bytes), length(bytes) > 1000 FROM derived "
                                        "WHERE stream = 'index.facts' AND first_seq = 1"});
  ASSERT_EQ(len.out, "blob|1\n");
  json v = Verify();
  EXPECT_EQ(v["exit"], 1);
  EXPECT_NE(v["err"].get<std::string>().find("the analytic index disagrees with the ledger"), std::string::npos) << v["err"];
  EXPECT_NE(v["err"].get<std::string>().find("index.facts block for events 1 to"), std::string::npos) << v["err"];
  ASSERT_EQ(Nanni({"--db", db_, "reindex"}).exit_code, 0);
  EXPECT_EQ(Verify()["exit"], 0);
}

TEST_F(IndexTest, ALostIndexIsBuiltInMemoryAndByTheNextImport) {
  auto before = Nanni({"--db", db_, "--json", "portfolio", "--as-of", "2026-12-01"});
  ASSERT_EQ(before.exit_code, 0);
  ASSERT_EQ(test::Run({"sqlite3", db_, "DELETE FROM derived"}).exit_code, 0);
  auto after = Nanni({"--db", db_, "--json", "portfolio", "--as-of", "2026-12-01"});
  ASSERT_EQ(after.exit_code, 0) << after.err;
  EXPECT_EQ(before.out, after.out);
  json v = Verify();
  EXPECT_EQ(v["exit"], 0);
  EXPECT_NE(v["notes"].dump().find("not current"), std::string::npos) << v.dump();
  test::WriteFile(dir_.File("c.ndjson"), "{\"id\":\"late-1\",\"account\":\"late\",\"time\":\"2026-11-20T10:00:00Z\","
                                         "\"kind\":\"note\",\"text\":\"one more\"}\n");
  ASSERT_EQ(Nanni({"--db", db_, "import", dir_.File("c.ndjson")}).exit_code, 0);
  v = Verify();
  EXPECT_EQ(v["exit"], 0);
  EXPECT_EQ(v["index"]["checked"], v["checked"]);
  EXPECT_EQ(v["index"]["stale"], "");
}

// Per-account access, by construction: a scope that does not allow an account cannot read it.
TEST_F(IndexTest, AScopeSeesOnlyItsAccounts) {
  auto engine = test::OpenTestEngine(db_);
  std::vector<AccountSummary> all;
  ASSERT_TRUE(engine->Accounts(AccessScope::All(), &all).ok());
  ASSERT_GE(all.size(), 3u);
  AccessScope two = AccessScope::Only({all[0].account, all[2].account});
  std::vector<AccountSummary> seen;
  ASSERT_TRUE(engine->Accounts(two, &seen).ok());
  EXPECT_EQ(seen.size(), 2u);
  ReportMoment moment;
  moment.as_of = Timestamp{INT64_MAX / 2, 0};
  Portfolio p;
  ASSERT_TRUE(engine->Portfolio(two, moment, &p).ok());
  ASSERT_EQ(p.rows.size(), 2u);
  EXPECT_EQ(p.rows[0].account, all[0].account);
  EXPECT_EQ(p.rows[1].account, all[2].account);
  CaseReport report;
  EXPECT_EQ(engine->CaseFile(two, all[1].account, moment, &report).code(), Status::Code::kPermissionDenied);
  ToneReport tone;
  EXPECT_EQ(engine->AccountTone(two, all[1].account, moment, 5, &tone).code(), Status::Code::kPermissionDenied);
  ASSERT_TRUE(engine->PortfolioTone(two, moment, 5, &tone).ok());
  for (const ContactTone& c : tone.contacts) EXPECT_TRUE(two.Allows(c.account)) << c.account;
  EventQuery q;
  q.account = all[1].account;
  EXPECT_EQ(engine->store()->Query(two, q, [](const LedgerEntry&) { return Status::OK(); }).code(),
            Status::Code::kPermissionDenied);
  EXPECT_EQ(engine->store()->Scan(two, 1, 10, [](const LedgerEntry&) { return Status::OK(); }).code(),
            Status::Code::kPermissionDenied);
}

}  // namespace
}  // namespace nanni
