// End-to-end: `nanni case` and `nanni brief` on a generated portfolio, in every format, and
// the HTML page rendered by headless Chromium (a screenshot is saved under the build folder:
// build/<preset>/case-demo-screenshot.png, for a person to look at).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "support/test_support.h"

namespace nanni {
namespace {

using test::Chromium;
using test::Nanni;
using test::ReadFile;

class CaseCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::TempDir();
    db_ = dir_->File("p.db");
    auto r = Nanni({"generate", "--seed", "7", "--accounts", "12", "--months", "6", "--out",
                    dir_->File("p.ndjson"), "--truth", dir_->File("t.json")});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    ASSERT_EQ(Nanni({"--db", db_, "init"}).exit_code, 0);
    r = Nanni({"--db", db_, "import", dir_->File("p.ndjson")});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    // The abusive customer's account: the demo's planted account.
    nlohmann::json truth = nlohmann::json::parse(ReadFile(dir_->File("t.json")));
    for (const auto& s : truth["situations"]) {
      if (s["name"] == "abusive_customer") account_ = s["accounts"][0];
    }
    ASSERT_FALSE(account_.empty());
  }
  static void TearDownTestSuite() { delete dir_; }

  test::CommandResult Run(std::vector<std::string> args) {
    std::vector<std::string> all = {"--db", db_};
    all.insert(all.end(), args.begin(), args.end());
    return Nanni(all);
  }

  static test::TempDir* dir_;
  static std::string db_;
  static std::string account_;
};

test::TempDir* CaseCliTest::dir_ = nullptr;
std::string CaseCliTest::db_;
std::string CaseCliTest::account_;

constexpr const char* kAsOf = "2026-11-01T00:00:00Z";

TEST_F(CaseCliTest, JsonCaseIsCompleteAndCitesTheLedger) {
  auto r = Run({"--json", "case", account_, "--as-of", kAsOf});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json c = nlohmann::json::parse(r.out);
  EXPECT_EQ(c["schema"], "nanni.case/1");
  EXPECT_EQ(c["account"], account_);
  // The chronology holds every event of the account, each with a hash prefix that is the
  // prefix of the ledger entry's hash (as `nanni events --json` shows it).
  auto ev = Run({"--json", "events", account_, "--until", kAsOf});
  ASSERT_EQ(ev.exit_code, 0) << ev.err;
  nlohmann::json events = nlohmann::json::parse(ev.out)["events"];
  ASSERT_EQ(c["chronology"].size(), events.size());
  std::set<std::string> hashes;
  for (const auto& e : events) hashes.insert(e["leaf_hash"].get<std::string>().substr(0, 12));
  for (const auto& line : c["chronology"]) {
    EXPECT_EQ(line["cite"]["hash"].get<std::string>().size(), 12u);
    EXPECT_TRUE(hashes.count(line["cite"]["hash"])) << line.dump();
  }
  // Requests: counted the same way independently from the events.
  size_t requests = 0, answered = 0;
  std::set<std::string> replied;
  for (const auto& e : events) {
    if (e["event"]["kind"] == "response") replied.insert(e["event"]["reply_to"].get<std::string>());
  }
  for (const auto& e : events) {
    if (e["event"]["kind"] != "request") continue;
    ++requests;
    answered += replied.count(e["event"]["id"].get<std::string>());
  }
  EXPECT_EQ(c["counts"]["requests"], requests);
  EXPECT_EQ(c["counts"]["answered"], answered);
  EXPECT_EQ(c["counts"]["open"], requests - answered);
}

TEST_F(CaseCliTest, AsOfCutsTheChronology) {
  auto all = nlohmann::json::parse(Run({"--json", "case", account_, "--as-of", kAsOf}).out);
  auto early = nlohmann::json::parse(Run({"--json", "case", account_, "--as-of", "2026-07-01"}).out);
  EXPECT_LT(early["chronology"].size(), all["chronology"].size());
  for (const auto& line : early["chronology"]) EXPECT_LT(line["time"].get<std::string>(), "2026-07-02");
  // Nothing was recorded before the import: --recorded-by in the past leaves no events.
  auto none = nlohmann::json::parse(
      Run({"--json", "case", account_, "--as-of", kAsOf, "--recorded-by", "2020-01-01"}).out);
  EXPECT_EQ(none["chronology"].size(), 0u);
}

TEST_F(CaseCliTest, EveryFormatOfBothCommands) {
  for (std::string command : {"case", "brief"}) {
    for (std::string format : {"text", "md", "json", "html"}) {
      std::string out = dir_->File(command + "." + format);
      auto r = Run({command, account_, "--as-of", kAsOf, "--format", format, "--out", out});
      ASSERT_EQ(r.exit_code, 0) << command << " " << format << ": " << r.err;
      EXPECT_TRUE(r.out.empty());
      std::string body = ReadFile(out);
      EXPECT_GT(body.size(), 500u) << command << " " << format;
      if (format == "json") {
        EXPECT_NO_THROW(nlohmann::json::parse(body));
      }
      if (format == "html") {
        EXPECT_EQ(body.rfind("<!DOCTYPE html>", 0), 0u);
        EXPECT_NE(body.find("@page"), std::string::npos);
        EXPECT_EQ(body.find("http://"), std::string::npos) << "no external resource";
        EXPECT_EQ(body.find("https://"), std::string::npos);
      }
      if (format == "md") {
        EXPECT_EQ(body.rfind("# ", 0), 0u);
      }
    }
  }
  // Standard output, plain when not a terminal.
  auto r = Run({"case", account_, "--as-of", kAsOf});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos);
  EXPECT_NE(r.out.find("== Chronology =="), std::string::npos);
}

TEST_F(CaseCliTest, MisuseGetsOneLineAndAHint) {
  auto r = Run({"case", account_, "--format", "pdf"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--format"), std::string::npos);
  EXPECT_NE(r.err.find("hint:"), std::string::npos);
  r = Run({"brief", "no-such-account"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("nanni accounts"), std::string::npos);
  r = Run({"case", account_, "--as-of", "yesterday"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--as-of"), std::string::npos);
}

// The text never advises and never judges: no word from the forbidden list appears in the
// fixed wording of any format (customer quotes are removed first: they may say anything).
TEST_F(CaseCliTest, WordingIsNeutral) {
  std::set<std::string> forbidden;
  std::istringstream list(ReadFile(test::TestData("case/forbidden_words.txt")));
  for (std::string w; std::getline(list, w);) {
    if (!w.empty() && w[0] != '#') forbidden.insert(w);
  }
  ASSERT_GT(forbidden.size(), 20u);
  auto check = [&](const std::string& label, const std::string& text) {
    std::string lower;
    for (char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    // Words are runs of letters and digits; hash prefixes (#3ff225bad2e4) and other tokens
    // with digits are not words.
    std::string word;
    lower += " ";
    for (size_t i = 0; i < lower.size(); ++i) {
      char c = lower[i];
      if (std::isalnum(static_cast<unsigned char>(c))) {
        word += c;
        continue;
      }
      bool has_digit = std::any_of(word.begin(), word.end(),
                                   [](char x) { return std::isdigit(static_cast<unsigned char>(x)); });
      bool hex_or_number = has_digit || (i > word.size() && lower[i - word.size() - 1] == '#');
      if (!hex_or_number) {
        size_t from = i > 120 ? i - 120 : 0;
        EXPECT_FALSE(forbidden.count(word)) << label << " says '" << word << "' in: "
                                            << lower.substr(from, i - from + 40);
      }
      word.clear();
    }
  };
  for (std::string command : {"case", "brief"}) {
    auto r = Run({"--json", command, account_, "--as-of", kAsOf});
    ASSERT_EQ(r.exit_code, 0);
    // The JSON names what the customer wrote; the fixed wording is in the text format, which
    // we check with every quoted string cut out.
    auto t = Run({command, account_, "--as-of", kAsOf});
    std::string text;
    bool in_quote = false;
    for (char c : t.out) {
      if (c == '"') in_quote = !in_quote;
      else if (!in_quote) text += c;
      if (c == '\n') in_quote = false;
    }
    check(command, text);
  }
}

TEST_F(CaseCliTest, ChromiumRendersTheTimeline) {
  std::string page = dir_->File("case.html");
  auto r = Run({"case", account_, "--as-of", kAsOf, "--format", "html", "--out", page});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::filesystem::path build = std::filesystem::path(NANNI_BINARY).parent_path().parent_path();
  std::string shot = (build / "case-demo-screenshot.png").string();
  std::filesystem::remove(shot);
  r = Chromium({ "--headless", "--disable-gpu", "--no-sandbox",
                 "--no-first-run", "--hide-scrollbars", "--user-data-dir=" + dir_->File("chromium"),
                 "--window-size=900,1400", "--screenshot=" + shot, "file://" + page});
  ASSERT_EQ(r.exit_code, 0) << "headless Chromium is required: " << r.err;
  ASSERT_TRUE(std::filesystem::exists(shot));
  EXPECT_GT(std::filesystem::file_size(shot), 20000u) << "an almost empty screenshot";
  r = Chromium({ "--headless", "--disable-gpu", "--no-sandbox",
                 "--no-first-run", "--user-data-dir=" + dir_->File("chromium"), "--dump-dom",
                 "file://" + page});
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("<svg"), std::string::npos);
  EXPECT_NE(r.out.find("<rect"), std::string::npos) << "timeline bars";
  // And it prints: a PDF of the page.
  std::string pdf = dir_->File("case.pdf");
  r = Chromium({ "--headless", "--disable-gpu", "--no-sandbox",
                 "--no-first-run", "--user-data-dir=" + dir_->File("chromium"),
                 "--print-to-pdf=" + pdf, "--no-pdf-header-footer", "file://" + page});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_GT(std::filesystem::file_size(pdf), 10000u);
  std::filesystem::copy_file(pdf, (build / "case-demo.pdf").string(),
                             std::filesystem::copy_options::overwrite_existing);
}

}  // namespace
}  // namespace nanni
