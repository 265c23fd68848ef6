// The portfolio agrees with the case files, account by account and figure by figure: on the
// demo portfolio with corrections and a late import (at several moments, with and without a
// cut on recording time), and on the real data sets (call log, Twitter sample, complaints,
// USRP mail). The portfolio reads the analytic index, the case file decodes the events: the
// agreement is the check of the index and of the one read path (ledger/effective_events.h).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

#include "import/ndjson_source.h"
#include "support/portfolio_check.h"
#include "support/test_support.h"
#include "util/time.h"

namespace nanni {
namespace {

using nlohmann::json;
using test::Nanni;

int64_t T(const char* rfc3339) {
  Timestamp t;
  EXPECT_TRUE(ParseRfc3339(rfc3339, &t).ok());
  return t.utc_micros;
}

ReportMoment At(const char* as_of, int64_t recorded_by = INT64_MAX) {
  ReportMoment m;
  ParseRfc3339(as_of, &m.as_of);
  m.recorded_by_utc_micros = recorded_by;
  return m;
}

// Imports an NDJSON file through the engine, recorded at `recorded`.
void ImportAt(const std::string& db, const std::string& file, int64_t recorded) {
  Engine::Options options;
  options.location = db;
  options.mode = StoreMode::kReadWrite;
  std::unique_ptr<Engine> engine;
  ASSERT_TRUE(Engine::Open(std::move(options), &engine).ok());
  std::vector<std::unique_ptr<EventSource>> sources;
  std::unique_ptr<NdjsonSource> source;
  ASSERT_TRUE(NdjsonSource::Open(file, NdjsonSource::Options(), &source).ok());
  sources.push_back(std::move(source));
  ImportOptions import;
  import.recorded_utc_micros = recorded;
  import.progress = false;
  ImportSummary summary;
  Status st = engine->Import(std::move(sources), import, &summary);
  ASSERT_TRUE(st.ok()) << st.ToString();
}

// Corrections of generated events: a request moved in time and re-answered, a response
// corrected (same kind), a note beside a request (another kind), one that names an event of
// another account, and one that names no event at all.
std::string Corrections(const std::string& generated) {
  std::istringstream in(generated);
  std::vector<json> requests, responses;
  for (std::string line; std::getline(in, line);) {
    json e = json::parse(line);
    if (e["kind"] == "request" && requests.size() < 40) requests.push_back(e);
    if (e["kind"] == "response" && responses.size() < 40) responses.push_back(e);
  }
  std::string out;
  auto emit = [&](json e) { out += e.dump() + "\n"; };
  json moved = requests[3];
  moved["corrects"] = moved["id"];
  moved["id"] = "fix-request-3";
  moved["time"] = "2025-01-02T08:00:00Z";
  moved.erase("source");
  emit(moved);
  json reply = responses[5];
  reply["corrects"] = reply["id"];
  reply["id"] = "fix-response-5";
  reply.erase("source");
  emit(reply);
  json beside = {{"id", "note-on-request-7"}, {"account", requests[7]["account"]}, {"kind", "note"},
                 {"time", requests[7]["time"]}, {"corrects", requests[7]["id"]}, {"text", "wrong customer"}};
  emit(beside);
  json elsewhere = requests[9];
  elsewhere["account"] = "someone-else";
  elsewhere["id"] = "fix-elsewhere";
  elsewhere["corrects"] = requests[9]["id"];
  elsewhere.erase("source");
  emit(elsewhere);
  for (int i : {13, 15, 17}) {  // a second answer, a week later: resolution differs from response
    json again = {{"id", "again-" + std::to_string(i)}, {"account", requests[i]["account"]}, {"kind", "response"},
                  {"reply_to", requests[i]["id"]}, {"text", "Following up."}};
    Timestamp t;
    ParseRfc3339(requests[i]["time"].get<std::string>(), &t);
    again["time"] = FormatUtc(t.utc_micros + 7 * 86'400'000'000);
    emit(again);
  }
  json nothing = requests[11];
  nothing["id"] = "fix-nothing";
  nothing["corrects"] = "no-such-event";
  nothing.erase("source");
  emit(nothing);
  return out;
}

class PortfolioDemo : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::TempDir();
    db_ = dir_->File("p.db");
    ASSERT_EQ(Nanni({"generate", "--seed", "5", "--accounts", "40", "--months", "12", "--out",
                     dir_->File("p.ndjson")}).exit_code, 0);
    ASSERT_EQ(Nanni({"--db", db_, "init"}).exit_code, 0);
    ImportAt(db_, dir_->File("p.ndjson"), T("2026-11-01T00:00:00Z"));
    test::WriteFile(dir_->File("fix.ndjson"), Corrections(test::ReadFile(dir_->File("p.ndjson"))));
    ImportAt(db_, dir_->File("fix.ndjson"), T("2026-11-15T00:00:00Z"));
  }
  static void TearDownTestSuite() { delete dir_; }

  static test::TempDir* dir_;
  static std::string db_;
};
test::TempDir* PortfolioDemo::dir_ = nullptr;
std::string PortfolioDemo::db_;

TEST_F(PortfolioDemo, EveryFigureIsTheCaseFilesAtEveryMoment) {
  auto engine = test::OpenTestEngine(db_);
  EXPECT_GE(test::ExpectPortfolioMatchesCaseFiles(engine.get(), At("2026-12-01T00:00:00Z")), 40u);
  EXPECT_GT(test::ExpectPortfolioMatchesCaseFiles(engine.get(), At("2026-06-15T12:00:00+02:00")), 0u);
  // What the ledger held before the corrections were imported.
  EXPECT_GE(test::ExpectPortfolioMatchesCaseFiles(engine.get(), At("2026-12-01T00:00:00Z", T("2026-11-10T00:00:00Z"))), 40u);
  EXPECT_GT(test::ExpectPortfolioMatchesCaseFiles(engine.get(), At("2025-12-15T00:00:00Z")), 0u);
}

// The corrections change the portfolio exactly as they change the case files: the moved
// request leaves the months it was in.
TEST_F(PortfolioDemo, CorrectionsAndCutsMoveTheFigures) {
  auto engine = test::OpenTestEngine(db_);
  Portfolio before, after;
  ASSERT_TRUE(engine->Portfolio(AccessScope::All(), At("2026-12-01T00:00:00Z", T("2026-11-10T00:00:00Z")), &before).ok());
  ASSERT_TRUE(engine->Portfolio(AccessScope::All(), At("2026-12-01T00:00:00Z"), &after).ok());
  uint64_t events_before = 0, events_after = 0;
  for (const auto& r : before.rows) events_before += r.counts.events;
  for (const auto& r : after.rows) events_after += r.counts.events;
  // Five corrections (two replace an event of their kind, three stand beside one) and three
  // second answers.
  EXPECT_EQ(events_after, events_before + 3 + 3);
  EXPECT_EQ(after.rows.size(), before.rows.size() + 1);  // "someone-else"
}

TEST_F(PortfolioDemo, TheCommandGivesTheEnginesFigures) {
  auto r = Nanni({"--db", db_, "--json", "portfolio", "--as-of", "2026-12-01", "--sort", "open", "--limit", "5"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json j = json::parse(r.out);
  EXPECT_EQ(j["schema"], "nanni.portfolio/1");
  ASSERT_EQ(j["rows"].size(), 5u);
  for (size_t i = 1; i < 5; ++i) EXPECT_GE(j["rows"][i - 1]["counts"]["open"], j["rows"][i]["counts"]["open"]);
  const json& top = j["rows"][0];
  auto c = Nanni({"--db", db_, "--json", "case", top["account"], "--as-of", "2026-12-01"});
  ASSERT_EQ(c.exit_code, 0) << c.err;
  json cf = json::parse(c.out);
  EXPECT_EQ(top["counts"], cf["counts"]);
  EXPECT_EQ(top["response_calendar"], cf["times"]["overall"]["response_calendar"]);
  EXPECT_EQ(top["response_business"], cf["times"]["overall"]["response_business"]);
  auto text = Nanni({"--db", db_, "portfolio", "--as-of", "2026-12-01", "--sort", "events"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("Portfolio as of 2026-12-01T00:00:00Z: 41 accounts"), std::string::npos) << text.out;
  auto bad = Nanni({"--db", db_, "portfolio", "--sort", "nonsense"});
  EXPECT_EQ(bad.exit_code, 2);
}

// Every real data set, every account.
class PortfolioRealData : public ::testing::Test {
 protected:
  void Import(const std::vector<std::string>& args) {
    ASSERT_EQ(Nanni({"--db", db_, "init"}).exit_code, 0);
    std::vector<std::string> a = {"--db", db_, "import", "--no-progress"};
    a.insert(a.end(), args.begin(), args.end());
    auto r = Nanni(a);
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  test::TempDir dir_;
  std::string db_ = dir_.File("r.db");
};

TEST_F(PortfolioRealData, TheCallLog) {
  Import({"--profile", "callcenter", test::SharedData("calls/anonymous_bank_august.csv")});
  auto engine = test::OpenTestEngine(db_);
  EXPECT_GT(test::ExpectPortfolioMatchesCaseFiles(engine.get(), At("2026-12-01T00:00:00Z")), 100u);
}

TEST_F(PortfolioRealData, TheTwitterSample) {
  Import({"--profile", "twcs", "--lenient", "--rejects", dir_.File("r.jsonl"),
          test::SharedData("twitter_support/twcs_sample.csv")});
  auto engine = test::OpenTestEngine(db_);
  EXPECT_GT(test::ExpectPortfolioMatchesCaseFiles(engine.get(), At("2026-12-01T00:00:00Z")), 100u);
}

TEST_F(PortfolioRealData, TheComplaints) {
  Import({"--profile", "cfpb", "--lenient", "--rejects", dir_.File("r.jsonl"),
          test::SharedData("complaints/cfpb_complaints_sample.csv")});
  auto engine = test::OpenTestEngine(db_);
  EXPECT_GT(test::ExpectPortfolioMatchesCaseFiles(engine.get(), At("2026-12-01T00:00:00Z")), 10u);
  EXPECT_GT(test::ExpectPortfolioMatchesCaseFiles(engine.get(), At("2019-01-01T00:00:00Z")), 0u);
}

TEST_F(PortfolioRealData, TheUsrpMail) {
  Import({"--config", test::TestData("mail/usrp.toml"), test::SharedData("email/usrp_users_support.mbox")});
  auto engine = test::OpenTestEngine(db_, test::TestData("mail/usrp.toml"));
  EXPECT_GT(test::ExpectPortfolioMatchesCaseFiles(engine.get(), At("2026-12-01T00:00:00Z")), 10u);
}

}  // namespace
}  // namespace nanni
