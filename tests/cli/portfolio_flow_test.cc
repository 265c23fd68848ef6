// The acceptance flow on a generated portfolio: generate, init, import, verify,
// re-import, list, tamper with the sqlite3 shell, break a line, and kill -9 an import.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "support/test_support.h"
#include "util/time.h"

namespace nanni {
namespace {

using test::Nanni;

// One generated portfolio shared by the tests of this file (generated once).
class PortfolioFlowTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::TempDir();
    auto r = Nanni({"generate", "--seed", "7", "--accounts", "200", "--months", "24", "--out",
                    dir_->File("p.ndjson"), "--truth", dir_->File("t.json")});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    // Read the file independently of nanni: id, account, per line.
    std::istringstream in(test::ReadFile(dir_->File("p.ndjson")));
    lines_ = new std::vector<std::string>();
    for (std::string line; std::getline(in, line);) lines_->push_back(line);
  }
  static void TearDownTestSuite() {
    delete dir_;
    delete lines_;
  }

  std::string NewImportedLedger(const std::string& name) {
    std::string db = dir_->File(name);
    EXPECT_EQ(Nanni({"--db", db, "init"}).exit_code, 0);
    auto r = Nanni({"--db", db, "--json", "import", dir_->File("p.ndjson")});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return db;
  }

  // Starts `nanni --db DB import FILE` in a child process, to be killed; returns its pid.
  static pid_t StartImport(const std::string& db, const std::string& file) {
    pid_t pid = fork();
    if (pid == 0) {
      setenv("NANNI_NO_PROGRESS", "1", 1);
      freopen("/dev/null", "w", stdout);
      execl(NANNI_BINARY, NANNI_BINARY, "--db", db.c_str(), "import", file.c_str(), (char*)nullptr);
      _exit(127);
    }
    return pid;
  }

  static test::TempDir* dir_;
  static std::vector<std::string>* lines_;
};
test::TempDir* PortfolioFlowTest::dir_ = nullptr;
std::vector<std::string>* PortfolioFlowTest::lines_ = nullptr;

TEST_F(PortfolioFlowTest, ImportVerifyReimportAndReadBack) {
  std::string db = dir_->File("flow.db");
  ASSERT_EQ(Nanni({"--db", db, "init"}).exit_code, 0);
  auto r = Nanni({"--db", db, "--json", "import", dir_->File("p.ndjson")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto summary = nlohmann::json::parse(r.out);
  EXPECT_EQ(summary["read"], lines_->size());
  EXPECT_EQ(summary["added"], lines_->size());
  EXPECT_EQ(summary["duplicates"], 0);

  r = Nanni({"--db", db, "verify"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("ok: " + std::to_string(lines_->size()) + " events and their tree verified"), std::string::npos) << r.out;

  r = Nanni({"--db", db, "--json", "import", dir_->File("p.ndjson")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["added"], 0);
  EXPECT_EQ(nlohmann::json::parse(r.out)["duplicates"], lines_->size());

  // accounts --json: the same accounts with the same counts as the file says.
  std::map<std::string, uint64_t> expected;
  std::map<std::string, std::set<std::string>> ids_by_account;
  for (const std::string& line : *lines_) {
    auto e = nlohmann::json::parse(line);
    ++expected[e["account"]];
    ids_by_account[e["account"]].insert(e["id"]);
  }
  r = Nanni({"--db", db, "--json", "accounts"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::map<std::string, uint64_t> listed;
  const auto listing = nlohmann::json::parse(r.out);
  for (const auto& a : listing["accounts"]) listed[a["account"].get<std::string>()] = a["events"];
  EXPECT_EQ(listed, expected);
  EXPECT_EQ(expected.size(), 200u);

  // events ACCOUNT --json: exactly that account's events, in time order, byte-identical.
  const std::string account = expected.begin()->first;
  r = Nanni({"--db", db, "--json", "events", account});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto events = nlohmann::json::parse(r.out)["events"];
  std::set<std::string> got;
  int64_t previous_utc = INT64_MIN;
  for (const auto& e : events) {
    got.insert(e["event"]["id"].get<std::string>());
    EXPECT_EQ(e["event"]["account"], account);
    EXPECT_EQ(e["leaf_hash"].get<std::string>().size(), 64u);
    Timestamp t;
    ASSERT_TRUE(ParseRfc3339(e["event"]["time"].get<std::string>(), &t).ok());
    EXPECT_GE(t.utc_micros, previous_utc) << "events must come in time order";
    previous_utc = t.utc_micros;
  }
  EXPECT_EQ(got, ids_by_account[account]);
  // Each returned event is the generated line, plus the source the importer adds (the
  // file's base name and the line number, docs/events.md).
  std::map<std::string, nlohmann::json> expected_events;
  for (size_t i = 0; i < lines_->size(); ++i) {
    auto e = nlohmann::json::parse((*lines_)[i]);
    if (e["account"] != account) continue;
    e["source"] = {{"file", "p.ndjson"}, {"line", i + 1}};
    expected_events[e["id"].get<std::string>()] = e;
  }
  for (const auto& e : events) {
    const std::string id = e["event"]["id"];
    ASSERT_EQ(expected_events.count(id), 1u) << id;
    EXPECT_EQ(e["event"], expected_events[id]) << id;
  }
}

TEST_F(PortfolioFlowTest, ChangingAStoredFieldWithTheSqlite3ShellIsCaughtAndNamed) {
  std::string db = NewImportedLedger("tamper.db");
  auto r = test::Run({"sqlite3", db,
                      "DROP TRIGGER events_no_update; "
                      "UPDATE events SET account = 'someone-else' WHERE seq = 4321;"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = Nanni({"--db", db, "verify"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("verification FAILED: event 4321 (id '"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("column 'account' is 'someone-else'"), std::string::npos) << r.err;

  // The body itself, with the hash left alone.
  std::string db2 = NewImportedLedger("tamper2.db");
  r = test::Run({"sqlite3", db2,
                 "DROP TRIGGER events_no_update; "
                 "UPDATE events SET body = CAST(replace(CAST(body AS TEXT), '\"kind\":', ' \"kind\":') AS BLOB) WHERE seq = 777;"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = Nanni({"--db", db2, "--json", "verify"});
  EXPECT_EQ(r.exit_code, 1);
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["ok"], false);
  EXPECT_EQ(j["failure"]["seq"], 777);
}

TEST_F(PortfolioFlowTest, ABrokenLineAThousandLinesInIsNamedAndChangesNothing) {
  std::string db = NewImportedLedger("broken.db");
  auto before = Nanni({"--db", db, "--json", "verify"});
  ASSERT_EQ(before.exit_code, 0);
  // A second file: 1,500 new events, the 1,000th with its time broken.
  std::string content;
  for (int i = 0; i < 1500; ++i) {
    std::string line = "{\"id\":\"new-" + std::to_string(i) +
                       "\",\"account\":\"fresh\",\"time\":\"2026-11-01T10:00:00Z\",\"kind\":\"note\"}";
    if (i == 999) line.replace(line.find("2026-11-01T10:00:00Z"), 20, "2026-11-01T25:00:00Z");
    content += line + "\n";
  }
  test::WriteFile(dir_->File("more.ndjson"), content);
  auto r = Nanni({"--db", db, "import", dir_->File("more.ndjson")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("more.ndjson:1000: field 'time': '2026-11-01T25:00:00Z' is not an RFC 3339 time"),
            std::string::npos) << r.err;
  auto after = Nanni({"--db", db, "--json", "verify"});
  auto b = nlohmann::json::parse(before.out), a = nlohmann::json::parse(after.out);
  EXPECT_EQ(a["root"], b["root"]);  // the same tree
  EXPECT_EQ(a["checked"], b["checked"]);
  EXPECT_EQ(b["checked"].get<size_t>(), lines_->size());
}

// kill -9 at several moments of a large import: the ledger verifies and holds either the old
// count or the new one, never anything between, and its analytic index matches it.
TEST_F(PortfolioFlowTest, KillDuringAnImportLeavesAVerifiableLedgerWithTheOldOrNewCount) {
  std::string big = dir_->File("big.ndjson");
  auto g = Nanni({"generate", "--seed", "11", "--accounts", "300", "--months", "24", "--events", "400000", "--out", big});
  ASSERT_EQ(g.exit_code, 0) << g.err;
  uint64_t big_count = 0;
  {
    std::istringstream in(test::ReadFile(big));
    for (std::string line; std::getline(in, line);) ++big_count;
  }
  std::string db = NewImportedLedger("crash.db");
  const uint64_t old_count = lines_->size();
  int saw_old = 0, saw_new = 0;
  for (int delay_ms : {50, 300, 700, 1200, 2500}) {
    pid_t pid = StartImport(db, big);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    auto v = Nanni({"--db", db, "--json", "verify"});
    ASSERT_EQ(v.exit_code, 0) << "after kill at " << delay_ms << " ms: " << v.err << v.out;
    auto verified = nlohmann::json::parse(v.out);
    uint64_t count = verified["checked"];
    ASSERT_TRUE(count == old_count || count == old_count + big_count)
        << "after kill at " << delay_ms << " ms the ledger holds " << count;
    // The analytic index is written in the import's transaction: it describes exactly the
    // events the ledger holds, and verify rebuilt and matched every block of it.
    EXPECT_EQ(verified["index"]["checked"], count) << verified.dump();
    EXPECT_EQ(verified["index"]["stale"], "") << verified.dump();
    if (count == old_count) ++saw_old;
    if (count == old_count + big_count) {
      ++saw_new;
      break;  // the import finished before the kill; later kills would test nothing new
    }
  }
  EXPECT_GT(saw_old, 0) << "no kill landed during the import: the test did not test anything";
}

// The first import into an empty ledger is a bulk load (docs/ledger.md): while it runs, other
// commands are turned away with a message that says why; killed, it leaves the empty ledger
// as it was, indexes and WAL included, ready for the next import.
TEST_F(PortfolioFlowTest, KillDuringABulkLoadLeavesTheEmptyLedgerReadyForTheNext) {
  std::string big = dir_->File("bulk.ndjson");
  auto g = Nanni({"generate", "--seed", "12", "--accounts", "300", "--months", "24", "--events", "400000", "--out", big});
  ASSERT_EQ(g.exit_code, 0) << g.err;
  std::string db = dir_->File("bulk.db");
  ASSERT_EQ(Nanni({"--db", db, "init"}).exit_code, 0);
  pid_t pid = StartImport(db, big);
  test::CommandResult during;
  for (int tries = 0; tries < 50; ++tries) {  // until the import has begun its transaction
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    during = Nanni({"--db", db, "accounts"});
    if (during.exit_code != 0) break;
  }
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the import finished before the kill: nothing was tested";
  EXPECT_NE(during.exit_code, 0);
  EXPECT_NE(during.err.find("is taking its first import"), std::string::npos) << during.err;

  auto v = Nanni({"--db", db, "--json", "verify"});
  ASSERT_EQ(v.exit_code, 0) << v.err << v.out;
  EXPECT_EQ(nlohmann::json::parse(v.out)["checked"], 0);
  EXPECT_EQ(nlohmann::json::parse(v.out)["index"]["covered"], 0);  // no block of the killed load
  auto shape = test::Run({"sqlite3", db, "PRAGMA journal_mode; SELECT name FROM sqlite_master "
                                         "WHERE type = 'index' ORDER BY name;"});
  EXPECT_EQ(shape.out, "wal\nevents_by_account_time\nevents_by_time\nsqlite_autoindex_derived_1\n"
                       "sqlite_autoindex_events_1\nsqlite_autoindex_tree_tiles_1\n");
  auto again = Nanni({"--db", db, "--json", "import", dir_->File("p.ndjson")});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(nlohmann::json::parse(again.out)["added"], lines_->size());
  auto after = nlohmann::json::parse(Nanni({"--db", db, "--json", "verify"}).out);
  EXPECT_EQ(after["index"]["checked"], lines_->size()) << after.dump();
}

}  // namespace
}  // namespace nanni
