// `nanni sludge` end to end on the real call log (../shared/data/calls): the text, the JSON
// contract, the HTML page rendered by headless Chromium (a screenshot is kept under the build
// folder: sludge-calls-screenshot.png), the flags' errors, and a ledger without calls.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

#include "support/test_support.h"

namespace nanni {
namespace {

using nlohmann::json;
using test::Chromium;
using test::Nanni;

class SludgeCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::TempDir();
    db_ = dir_->File("calls.db");
    ASSERT_EQ(Nanni({"--db", db_, "init"}).exit_code, 0);
    auto r = Nanni({"--db", db_, "import", "--no-progress", "--profile", "callcenter",
                    test::SharedData("calls/anonymous_bank_august.csv")});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static test::TempDir* dir_;
  static std::string db_;
};

test::TempDir* SludgeCli::dir_ = nullptr;
std::string SludgeCli::db_;

TEST_F(SludgeCli, TextLeadsWithTheCallsAndTheFindings) {
  auto r = Nanni({"--db", db_, "sludge", "--limit", "5"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Calls: 44,453; answered 32,913, abandoned 11,212"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Findings, by customers' time"), std::string::npos);
  EXPECT_NE(r.out.find("[short_calls] MORIAH"), std::string::npos) << "the agent Brown et al. describe";
  EXPECT_NE(r.out.find("--limit 0 shows all"), std::string::npos);
}

TEST_F(SludgeCli, JsonHasTheTotalsAndTheFlaggedAgentsWithTheirEvidence) {
  auto r = Nanni({"--db", db_, "--json", "sludge"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json s = json::parse(r.out);
  EXPECT_EQ(s.at("calls").at("calls"), 44453);
  EXPECT_EQ(s.at("calls").at("answered"), 32913);
  EXPECT_EQ(s.at("calls").at("abandoned"), 11212);
  ASSERT_FALSE(s.at("flagged_agents").empty());
  for (const json& f : s.at("flagged_agents")) {
    ASSERT_TRUE(f.at("pattern") == "short_calls" || f.at("pattern") == "handle_time_cut") << f.dump();
    const json& evidence = f.at("pattern") == "short_calls" ? f.at("short_calls") : f.at("bunching");
    EXPECT_FALSE(evidence.is_null()) << f.dump();
    EXPECT_TRUE(f.at("callbacks").contains("these")) << f.dump();
  }
  EXPECT_EQ(s.at("hours").size(), 24u);
  EXPECT_TRUE(s.at("written").at("first_reply_median_s").is_null()) << "no written requests: no median";
}

TEST_F(SludgeCli, HtmlOpensInChromiumWithItsCharts) {
  const std::string page = dir_->File("sludge.html");
  auto r = Nanni({"--db", db_, "sludge", "--format", "html", "--out", page});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::filesystem::path build = std::filesystem::path(NANNI_BINARY).parent_path().parent_path();
  const std::string shot = (build / "sludge-calls-screenshot.png").string();
  std::filesystem::remove(shot);
  r = Chromium({"--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--hide-scrollbars",
                "--user-data-dir=" + dir_->File("chromium"), "--window-size=1200,2400", "--screenshot=" + shot,
                "file://" + page});
  ASSERT_EQ(r.exit_code, 0) << "headless Chromium is required: " << r.err;
  ASSERT_TRUE(std::filesystem::exists(shot));
  EXPECT_GT(std::filesystem::file_size(shot), 50000u) << "an almost empty screenshot";
  r = Chromium({"--headless", "--disable-gpu", "--no-sandbox", "--no-first-run",
                "--user-data-dir=" + dir_->File("chromium"), "--dump-dom", "file://" + page});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* chart : {"chart hours", "chart patience", "chart handle", "chart journeys"}) {
    const size_t at = r.out.find(std::string("class=\"") + chart + "\"");
    ASSERT_NE(at, std::string::npos) << chart;
    const size_t end = r.out.find("</svg>", at);
    const std::string svg = r.out.substr(at, end - at);
    EXPECT_TRUE(svg.find("<rect") != std::string::npos || svg.find("<path") != std::string::npos ||
                svg.find("<polyline") != std::string::npos)
        << chart << " draws nothing";
  }
  EXPECT_EQ(r.out.find("<script"), std::string::npos) << "the page runs no script";
}

TEST_F(SludgeCli, FlagErrorsAndALedgerWithoutCalls) {
  auto r = Nanni({"--db", db_, "sludge", "--format", "html"});
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.err.find("--format html: give --out FILE"), std::string::npos) << r.err;
  r = Nanni({"--db", db_, "sludge", "--as-of", "yesterday"});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("--as-of"), std::string::npos) << r.err;
  r = Nanni({"--db", dir_->File("none.db"), "sludge"});
  EXPECT_NE(r.exit_code, 0);
  const std::string empty = dir_->File("empty.db");
  ASSERT_EQ(Nanni({"--db", empty, "init"}).exit_code, 0);
  r = Nanni({"--db", empty, "--json", "sludge"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json s = json::parse(r.out);
  EXPECT_EQ(s.at("calls").at("calls"), 0);
  EXPECT_TRUE(s.at("calls").at("service_level_20").is_null());
  EXPECT_TRUE(s.at("flagged_agents").empty());
  r = Nanni({"--db", empty, "sludge", "--format", "html", "--out", dir_->File("empty.html")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(test::ReadFile(dir_->File("empty.html")).find("no calls in the record"), std::string::npos);
}

}  // namespace
}  // namespace nanni
