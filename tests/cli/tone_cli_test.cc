// `nanni tone`: scoring text with reasons, and the per-contact trend on a generated portfolio,
// where the planted abusive customer and discount badgerer must stand out (read from the
// generator's truth file, not from nanni's tone output).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <iostream>
#include <map>
#include <set>

#include "support/real_data_scan.h"
#include "support/test_support.h"

namespace nanni {
namespace {

using test::Nanni;

TEST(ToneCli, TextIsScoredWithItsReasons) {
  auto r = Nanni({"tone", "--text", "This is unacceptable. Our lawyers will be in touch."});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("threat.legal"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"lawyers\" lex:threat.legal +3.50"), std::string::npos) << r.out;
}

TEST(ToneCli, EachLineOfAFileAsJsonAndControlCharactersEscaped) {
  test::TempDir dir;
  test::WriteFile(dir.File("m.txt"), "Thanks so much!\nYou useless clowns \x1b[2J\nWe need a 20% discount\n");
  auto r = Nanni({"--json", "tone", dir.File("m.txt")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["messages"].size(), 3u);
  EXPECT_LT(j["messages"][0]["scores"]["abuse"].get<double>(), 0.5);
  EXPECT_GE(j["messages"][1]["scores"]["abuse"].get<double>(), 0.5);
  bool badger = false;
  for (const auto& f : j["messages"][2]["flagged"]) badger |= f == "badger.price_cut";
  EXPECT_TRUE(badger) << r.out;
  auto text = Nanni({"tone", dir.File("m.txt")});
  EXPECT_EQ(text.out.find('\x1b'), std::string::npos);
  EXPECT_NE(text.out.find("\\x1b[2J"), std::string::npos) << text.out;
}

TEST(ToneCli, InvalidUtf8StillGivesValidJson) {
  test::TempDir dir;
  test::WriteFile(dir.File("bad.txt"), "caf\xc3\xa9 \xff\xfe\xc0\xaf you idiot\n");
  auto r = Nanni({"--json", "tone", dir.File("bad.txt")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);  // throws on invalid UTF-8
  EXPECT_EQ(j["messages"][0]["text"], "caf\xc3\xa9 \xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd you idiot");
}

TEST(ToneCli, MisuseAndMissingThings) {
  EXPECT_EQ(Nanni({"tone", "--all", "--account", "x"}).exit_code, 2);
  EXPECT_EQ(Nanni({"tone", "/nonexistent/file.txt"}).exit_code, 3);
  test::TempDir dir;
  ASSERT_EQ(Nanni({"--db", dir.File("l.db"), "init"}).exit_code, 0);
  auto r = Nanni({"--db", dir.File("l.db"), "tone", "--account", "nobody"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("nanni accounts"), std::string::npos) << r.err;
}

TEST(ToneCli, EvalWritesTheReportAndNamesAMissingDataFolder) {
  test::TempDir dir;
  auto r = Nanni({"tone-eval", "--data", test::SharedData("tone"), "--out", dir.File("r.md")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string report = test::ReadFile(dir.File("r.md"));
  EXPECT_NE(report.find("| wikipedia | held-out |"), std::string::npos);
  EXPECT_NE(report.find("Davidson"), std::string::npos);
  EXPECT_NE(report.find("The peers were not run"), std::string::npos);
  auto bad = Nanni({"tone-eval", "--data", dir.File("nowhere")});
  EXPECT_EQ(bad.exit_code, 3);
  EXPECT_NE(bad.err.find("politeness_wikipedia.csv"), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("--data"), std::string::npos) << bad.err;
}

// The repository's copy is what scripts/tone-eval.sh writes, peers (VADER, the cuss list)
// included: rerun it after changing the scorer or data/tone/.
TEST(ToneCli, TheEvaluationReportIsWhatTheScriptWrites) {
  test::TempDir dir;
  auto r = test::Run({"env", std::string("NANNI=") + NANNI_BINARY, "DATA=" + test::SharedData("tone"),
                      test::TestData("../../scripts/tone-eval.sh"), dir.File("r.md")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string report = test::ReadFile(dir.File("r.md"));
  EXPECT_NE(report.find("| abuse | jigsaw.toxic |"), std::string::npos) << report;
  EXPECT_EQ(report.find("peers not run"), std::string::npos);
  EXPECT_EQ(report, test::ReadFile(test::TestData("../../docs/tone-evaluation.md")))
      << "docs/tone-evaluation.md is out of date: scripts/tone-eval.sh";
}

// tests/data/tone/account.ndjson: a request without a sender, a message from their side and
// an insulting response from our side (which is not their tone and must not count).
TEST(ToneCli, AccountCountsTheirWordsAndSendersItDoesNotKnow) {
  test::TempDir dir;
  ASSERT_EQ(Nanni({"--db", dir.File("l.db"), "init"}).exit_code, 0);
  ASSERT_EQ(Nanni({"--db", dir.File("l.db"), "import", test::TestData("tone/account.ndjson")}).exit_code, 0);
  auto r = Nanni({"--db", dir.File("l.db"), "--json", "tone", "--account", "acme"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["messages"], 2);
  ASSERT_EQ(j["contacts"].size(), 2u);
  EXPECT_EQ(j["contacts"][0]["contact"], "(unknown sender)");
  EXPECT_EQ(j["contacts"][0]["abusive"], 1);
  EXPECT_EQ(j["contacts"][1]["email"], "bo@acme.com");
  EXPECT_EQ(j["contacts"][1]["badgering"], 1);
  EXPECT_EQ(j["contacts"][1]["threats"], 1);
  EXPECT_EQ(j["whole_account"]["months"].size(), 2u);
  EXPECT_EQ(j["whole_account"]["abusive"], 1);
}

// Issue 11: the account's tone is read from each event's new_text when it has one (the part
// the importer found new), else from its text stripped by the same rules. Before, the whole
// text was stripped again by the scorer's own rules, so a threat the new text leaves out (here
// one the sender's client did not mark as quoted) was counted.
TEST(ToneCli, AccountScoresTheNewTextOfEachEvent) {
  test::TempDir dir;
  test::WriteFile(dir.File("e.ndjson"),
                  "{\"id\":\"n1\",\"account\":\"acme\",\"time\":\"2026-01-05T10:00:00Z\",\"kind\":"
                  "\"message\",\"text\":\"Thanks, that works.\\n\\nOur lawyers will be in touch.\",\"new_text\":"
                  "\"Thanks, that works.\",\"from\":{\"email\":\"bo@acme.com\",\"side\":\"theirs\"}}\n"
                  "{\"id\":\"n2\",\"account\":\"acme\",\"time\":\"2026-01-06T10:00:00Z\",\"kind\":"
                  "\"message\",\"text\":\"Fine.\\n\\nOn Mon, 5 Jan 2026, Sam <sam@ourco.example> wrote:\\n"
                  "> We will sue you.\\n\\nYou idiots.\",\"from\":{\"email\":\"bo@acme.com\",\"side\":"
                  "\"theirs\"}}\n");
  ASSERT_EQ(Nanni({"--db", dir.File("l.db"), "init"}).exit_code, 0);
  auto imported = Nanni({"--db", dir.File("l.db"), "import", dir.File("e.ndjson")});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  auto r = Nanni({"--db", dir.File("l.db"), "--json", "tone", "--account", "acme"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["messages"], 2);
  EXPECT_EQ(j["whole_account"]["threats"], 0) << r.out;  // n1's threat is not in its new text
  // n2 has no new_text: its text is stripped with the importer's rules, which read the reply
  // below the quote (the scorer's own rules cut the message at the attribution).
  EXPECT_EQ(j["whole_account"]["abusive"], 1) << r.out;
}

class ToneDemoTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::TempDir();
    ASSERT_EQ(Nanni({"generate", "--seed", "11", "--accounts", "24", "--months", "12", "--out",
                     dir_->File("p.ndjson"), "--truth", dir_->File("t.json")}).exit_code, 0);
    ASSERT_EQ(Nanni({"--db", dir_->File("l.db"), "init"}).exit_code, 0);
    ASSERT_EQ(Nanni({"--db", dir_->File("l.db"), "import", dir_->File("p.ndjson")}).exit_code, 0);
    truth_ = new nlohmann::json(nlohmann::json::parse(test::ReadFile(dir_->File("t.json"))));
  }
  static void TearDownTestSuite() {
    delete dir_;
    delete truth_;
  }
  static const nlohmann::json& Situation(const std::string& name) {
    for (const auto& s : (*truth_)["situations"]) {
      if (s["name"] == name) return s;
    }
    static nlohmann::json none;
    return none;
  }
  static nlohmann::json Tone(const std::vector<std::string>& args) {
    std::vector<std::string> a = {"--db", dir_->File("l.db"), "--json", "tone"};
    a.insert(a.end(), args.begin(), args.end());
    auto r = Nanni(a);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return nlohmann::json::parse(r.out);
  }
  static test::TempDir* dir_;
  static nlohmann::json* truth_;
};
test::TempDir* ToneDemoTest::dir_ = nullptr;
nlohmann::json* ToneDemoTest::truth_ = nullptr;

TEST_F(ToneDemoTest, ThePlantedAbusiveContactIsTheMostAbusiveInItsAccount) {
  const auto& s = Situation("abusive_customer");
  std::string account = s["accounts"][0], planted = s["contacts"][0];
  auto j = Tone({"--account", account});
  std::string worst;
  double most = -1;
  for (const auto& c : j["contacts"]) {
    if (c["abuse"].get<double>() > most) {
      most = c["abuse"].get<double>();
      worst = c["email"];
    }
    EXPECT_FALSE(c["months"].empty());
  }
  EXPECT_EQ(worst, planted);
  EXPECT_GE(most, 0.5);
  ASSERT_FALSE(j["standouts"].empty());
}

TEST_F(ToneDemoTest, AcrossAllAccountsThePlantedContactsRankFirst) {
  auto j = Tone({"--all"});
  // Two situations plant an abusive contact (the abusive customer, and the account to let go):
  // they rank first and second, in either order.
  const std::set<std::string> planted = {Situation("abusive_customer")["contacts"][0].get<std::string>(),
                                         Situation("let_go")["contacts"][0].get<std::string>()};
  EXPECT_TRUE(planted.count(j["by_abuse"][0]["email"].get<std::string>())) << j["by_abuse"][0];
  EXPECT_TRUE(planted.count(j["by_abuse"][1]["email"].get<std::string>())) << j["by_abuse"][1];
  EXPECT_NE(j["by_abuse"][0]["email"], j["by_abuse"][1]["email"]);
  EXPECT_EQ(j["by_badgering"][0]["email"], Situation("discount_badgerer")["contacts"][0]) << j["by_badgering"][0];
  // Unplanted accounts carry no insults: only the planted contacts are flagged for abuse.
  EXPECT_EQ(j["by_abuse"][2]["abusive"].get<int>(), 0) << j["by_abuse"][2];
}

TEST_F(ToneDemoTest, TheTextTableShowsMonthsAndQuotes) {
  const auto& s = Situation("discount_badgerer");
  auto r = Nanni({"--db", dir_->File("l.db"), "tone", "--account", s["accounts"][0]});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Messages that stand out"), std::string::npos);
  EXPECT_NE(r.out.find("lex:badger."), std::string::npos);
  EXPECT_NE(r.out.find("2026-"), std::string::npos);
}

// The Twitter support sample (../shared/data/twitter_support/twcs_sample.csv, profile twcs):
// the customer with the most tweets, found and counted here from the CSV itself (inbound
// "True" tweets by author, per month of created_at), against `nanni tone --account`; and
// `tone --all` over every customer.
TEST(ToneRealData, TwitterCustomerWithTheMostTweetsAndEveryAccount) {
  test::TempDir dir;
  const std::string path = test::SharedData("twitter_support/twcs_sample.csv");
  ASSERT_EQ(Nanni({"--db", dir.File("l.db"), "init"}).exit_code, 0);
  auto imported = Nanni({"--db", dir.File("l.db"), "import", "--no-progress", "--profile", "twcs", "--lenient",
                         "--rejects", dir.File("rejects.jsonl"), path});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;

  std::vector<test::CsvRow> rows = test::ParseCsv(test::ReadFile(path));
  const auto& h = rows[0].fields;
  ASSERT_EQ(h.size(), 8u);
  ASSERT_EQ(h[2], "author_id");
  ASSERT_EQ(h[3], "inbound");
  ASSERT_EQ(h[4], "created_at");
  ASSERT_EQ(h[5], "text");
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::map<std::string, std::map<std::string, int>> per_author_month;  // author -> YYYY-MM -> n
  std::map<std::string, int> per_author;
  int customer_tweets = 0;
  for (size_t i = 1; i < rows.size(); ++i) {
    const auto& f = rows[i].fields;
    if (f.size() != 8 || f[3] != "True" || f[5].empty()) continue;  // the broken rows are rejected
    ++customer_tweets;
    ++per_author[f[2]];
    // created_at: "Tue Oct 31 22:10:47 +0000 2017"
    std::string month;
    for (int m = 0; m < 12; ++m) {
      if (f[4].substr(4, 3) == kMonths[m]) month = f[4].substr(f[4].size() - 4) + (m < 9 ? "-0" : "-") + std::to_string(m + 1);
    }
    ASSERT_FALSE(month.empty()) << f[4];
    ++per_author_month[f[2]][month];
  }
  std::string top;
  for (const auto& [author, n] : per_author) {
    if (top.empty() || n > per_author[top]) top = author;
  }
  ASSERT_GT(per_author[top], 10);

  auto r = Nanni({"--db", dir.File("l.db"), "--json", "tone", "--account", "twitter:" + top});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["account"], "twitter:" + top);
  EXPECT_EQ(j["messages"], per_author[top]);
  EXPECT_EQ(j["whole_account"]["messages"], per_author[top]);
  ASSERT_EQ(j["contacts"].size(), 1u);  // one author; the brand's replies are our side
  EXPECT_EQ(j["contacts"][0]["contact"], top);
  EXPECT_EQ(j["contacts"][0]["messages"], per_author[top]);
  std::map<std::string, int> months;
  for (const auto& m : j["whole_account"]["months"]) months[m["month"]] = m["messages"];
  EXPECT_EQ(months, per_author_month[top]);
  for (const char* score : {"politeness", "demanding", "collaboration", "abuse"}) {
    double v = j["whole_account"][score];
    EXPECT_GE(v, 0.0) << score;
    EXPECT_LE(v, 1.0) << score;
  }
  std::cout << "[ figures  ] twitter:" << top << ": " << per_author[top] << " tweets; "
            << customer_tweets << " customer tweets in all\n";

  auto all = Nanni({"--db", dir.File("l.db"), "--json", "tone", "--all"});
  ASSERT_EQ(all.exit_code, 0) << all.err;
  auto everyone = nlohmann::json::parse(all.out);
  EXPECT_EQ(everyone["messages"], customer_tweets);
  ASSERT_FALSE(everyone["by_abuse"].empty());
  for (const auto& c : everyone["by_abuse"]) {
    EXPECT_GE(c["messages"].get<int>(), 3);  // ranked: contacts with three or more messages
    EXPECT_EQ(c["messages"], per_author[c["contact"].get<std::string>()]) << c["contact"];
  }
}

}  // namespace
}  // namespace nanni
