// Real-data tests of the CSV import (issue 3): the built-in profiles on the files in
// ../shared/data. Every expected figure is computed here from the CSV itself, by a small
// independent parser, never read back from nanni.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <ctime>
#include <map>
#include <set>
#include <sstream>

#include "storage/sqlite_store.h"
#include "support/ledger_fixture.h"
#include "support/real_data_scan.h"
#include "support/test_support.h"

namespace nanni {
namespace {

using test::Nanni;
using test::ReadFile;
using test::SharedData;

// The CSV is read by a deliberately simple parser of its own (support/real_data_scan.h),
// independent of src/import/csv.
using Row = test::CsvRow;
using test::ParseCsv;

// Every event in the ledger at `db`, as JSON.
std::vector<nlohmann::json> AllEvents(const std::string& db) {
  std::unique_ptr<SqliteStore> store;
  EXPECT_TRUE(SqliteStore::Open(db, StoreMode::kReadWrite, &store).ok());
  std::vector<nlohmann::json> out;
  EXPECT_TRUE(store->Query(AccessScope::All(), EventQuery{}, [&](const LedgerEntry& e) {
    out.push_back(nlohmann::json::parse(e.body));
    return Status::OK();
  }).ok());
  return out;
}

int64_t UtcMicros(const std::string& rfc3339) { return test::Rfc3339Seconds(rfc3339) * 1000000; }

class CsvRealData : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(Nanni({"--db", db_, "init"}).exit_code, 0); }
  test::CommandResult Import(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db_, "import"});
    return Nanni(args);
  }
  test::TempDir dir_;
  std::string db_ = dir_.File("ledger.db");
};

TEST_F(CsvRealData, CallCenterLogGivesOneCallPerRowAndCountsPerCustomer) {
  std::string path = SharedData("calls/anonymous_bank_august.csv");
  std::vector<Row> rows = ParseCsv(ReadFile(path));
  ASSERT_FALSE(rows.empty());
  std::vector<std::string> header = rows[0].fields;
  size_t outcome = 12, customer = 2;
  ASSERT_EQ(header[outcome], "outcome");
  ASSERT_EQ(header[customer], "customer_id");
  size_t calls = 0, hang = 0;
  std::map<std::string, size_t> per_account;
  for (const Row& r : rows) {
    if (r.fields == header) continue;  // the header, and its repetition mid-file
    ++calls;
    if (r.fields[outcome] == "HANG") ++hang;
    const std::string& id = r.fields[customer];
    ++per_account["callcenter:" + (id == "0" ? std::string("unidentified") : id)];
  }
  // The file's own figures (shared/data/README.md): 32,913 + 11,212 + 328 rows.
  EXPECT_EQ(calls, 44453u);
  EXPECT_EQ(hang, 11212u);

  auto r = Import({"--no-progress", "--profile", "callcenter", path});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::map<std::string, size_t> got;
  size_t got_calls = 0, abandoned = 0;
  for (const auto& e : AllEvents(db_)) {
    ASSERT_EQ(e["kind"], "call");
    ++got_calls;
    if (e["outcome"] == "abandoned") ++abandoned;
    ++got[e["account"].get<std::string>()];
  }
  EXPECT_EQ(got_calls, calls);
  EXPECT_EQ(abandoned, hang);
  EXPECT_EQ(got, per_account);
  // 4,743 identified customers and one account for the unidentified callers. (The data's
  // README says 4,744 customers and 44,454 calls: it counts the header repeated mid-file.)
  EXPECT_EQ(per_account.size(), 4743u + 1);

  auto again = Import({"--json", "--no-progress", "--profile", "callcenter", path});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(nlohmann::json::parse(again.out)["added"], 0);
}

TEST_F(CsvRealData, TwitterRepliesBecomeRequestResponsePairs) {
  std::string path = SharedData("twitter_support/twcs_sample.csv");
  // Strict: the broken tweet (index 2484) stops the import at its first physical line.
  auto strict = Import({"--no-progress", "--profile", "twcs", path});
  EXPECT_EQ(strict.exit_code, 1);
  EXPECT_NE(strict.err.find("twcs_sample.csv:2589: expected 8 fields, found 6"), std::string::npos)
      << strict.err;
  EXPECT_EQ(test::HeadOf(db_).size, 0u);

  std::string rejects = dir_.File("rejects.jsonl");
  auto lenient = Import({"--no-progress", "--profile", "twcs", "--lenient", "--rejects", rejects, path});
  ASSERT_EQ(lenient.exit_code, 0) << lenient.err;
  std::vector<int> reject_lines;
  std::istringstream in(ReadFile(rejects));
  for (std::string line; std::getline(in, line);) {
    reject_lines.push_back(nlohmann::json::parse(line)["line"]);
  }
  EXPECT_EQ(reject_lines, (std::vector<int>{2589, 2591}));

  // Independently: customer tweets by id, then brand replies whose parent is one of them.
  std::vector<Row> rows = ParseCsv(ReadFile(path));
  struct Tweet { std::string author; int64_t time; };
  std::map<std::string, Tweet> customer;
  auto seconds = [](const std::string& created) {
    std::tm tm{};
    strptime(created.c_str(), "%a %b %d %H:%M:%S +0000 %Y", &tm);
    return static_cast<int64_t>(timegm(&tm));
  };
  auto int_id = [](std::string s) { return s.substr(0, s.find('.')); };
  size_t good_rows = 0;
  for (size_t i = 1; i < rows.size(); ++i) {
    const auto& f = rows[i].fields;
    if (f.size() != 8) continue;
    ++good_rows;
    if (f[3] == "True") customer[f[1]] = {f[2], seconds(f[4])};
  }
  std::map<std::string, std::pair<std::string, int64_t>> pairs;  // reply -> (parent, seconds)
  for (size_t i = 1; i < rows.size(); ++i) {
    const auto& f = rows[i].fields;
    if (f.size() != 8 || f[3] != "False" || f[7].empty()) continue;
    auto parent = customer.find(int_id(f[7]));
    if (parent == customer.end()) continue;
    pairs[f[1]] = {parent->first, seconds(f[4]) - parent->second.time};
  }
  ASSERT_GT(pairs.size(), 1000u);

  std::map<std::string, nlohmann::json> by_id;
  for (auto& e : AllEvents(db_)) by_id[e["id"].get<std::string>()] = e;
  EXPECT_EQ(by_id.size(), good_rows);
  size_t responses = 0;
  for (const auto& [id, e] : by_id) responses += e["kind"] == "response";
  EXPECT_EQ(responses, pairs.size());
  for (const auto& [reply, want] : pairs) {
    const auto& e = by_id["twcs:" + reply];
    ASSERT_EQ(e["kind"], "response") << reply;
    EXPECT_EQ(e["reply_to"], "twcs:" + want.first);
    const auto& req = by_id["twcs:" + want.first];
    ASSERT_EQ(req["kind"], "request");
    EXPECT_EQ(e["account"], "twitter:" + customer[want.first].author);
    EXPECT_EQ(e["account"], req["account"]);
    int64_t got = (UtcMicros(e["time"]) - UtcMicros(req["time"])) / 1000000;
    EXPECT_EQ(got, want.second) << reply;
  }
  auto again = Import({"--json", "--no-progress", "--profile", "twcs", "--lenient", "--rejects",
                       rejects, path});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(nlohmann::json::parse(again.out)["added"], 0);
}

TEST_F(CsvRealData, ComplaintCompaniesBecomeAccountsWithTheirOpenComplaints) {
  std::string path = SharedData("complaints/cfpb_complaints_sample.csv");
  std::string text = ReadFile(path);
  std::vector<Row> rows = ParseCsv(text);
  ASSERT_FALSE(rows.back().closed);  // the file was cut inside its last row
  int last_line = 1;
  for (char c : text) last_line += c == '\n';
  if (text.back() == '\n') --last_line;

  auto strict = Import({"--no-progress", "--profile", "cfpb", path});
  EXPECT_EQ(strict.exit_code, 1);
  EXPECT_NE(strict.err.find("cfpb_complaints_sample.csv:" + std::to_string(last_line) + ": "),
            std::string::npos) << strict.err;
  EXPECT_NE(strict.err.find("nothing was imported"), std::string::npos);
  EXPECT_EQ(test::HeadOf(db_).size, 0u);

  std::string rejects = dir_.File("rejects.jsonl");
  auto lenient = Import({"--no-progress", "--profile", "cfpb", "--lenient", "--rejects", rejects, path});
  ASSERT_EQ(lenient.exit_code, 0) << lenient.err;
  auto reject = nlohmann::json::parse(ReadFile(rejects));
  EXPECT_EQ(reject["line"], last_line);

  const auto& header = rows[0].fields;
  size_t company = 7, response = 14;
  ASSERT_EQ(header[company], "Company");
  ASSERT_EQ(header[response], "Company response to consumer");
  std::map<std::string, std::pair<size_t, size_t>> want;  // company -> (complaints, open)
  for (size_t i = 1; i + 1 < rows.size(); ++i) {
    ++want[rows[i].fields[company]].first;
    if (rows[i].fields[response] == "In progress") ++want[rows[i].fields[company]].second;
  }
  std::map<std::string, std::pair<size_t, size_t>> got;
  std::set<std::string> answered;
  std::vector<nlohmann::json> events = AllEvents(db_);
  for (const auto& e : events) {
    if (e["kind"] == "response") answered.insert(e["reply_to"].get<std::string>());
  }
  for (const auto& e : events) {
    if (e["kind"] != "request") continue;
    auto& g = got[e["account"].get<std::string>()];
    ++g.first;
    if (!answered.count(e["id"].get<std::string>())) ++g.second;
  }
  EXPECT_EQ(got, want);
  size_t open = 0;
  for (const auto& [c, n] : want) open += n.second;
  EXPECT_GT(open, 500u);  // "about 616" in the data's README
}

}  // namespace
}  // namespace nanni
