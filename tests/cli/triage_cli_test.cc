// The triage commands end to end: `triage` (text, JSON contract, the HTML page), `signals`,
// `economics` and `escalations`, their errors, and hostile customer text in each.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/test_support.h"

namespace nanni {
namespace {

using nlohmann::json;
using test::Nanni;

// A ledger of the golden abusive_contact, let_go and quick_wins cases, plus an account whose
// abusive contact has a name made to break a page.
class TriageCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::TempDir();
    db_ = dir_->File("t.db");
    ASSERT_EQ(Nanni({"--db", db_, "init"}).exit_code, 0);
    std::string hostile;
    for (int i = 0; i < 4; ++i) {
      hostile += json({{"id", "h-" + std::to_string(i)}, {"account", "evil"}, {"kind", "request"},
                       {"time", "2026-05-0" + std::to_string(i + 1) + "T10:00:00Z"}, {"channel", "email"},
                       {"from", {{"email", "x@evil.example"}, {"name", "<img src=x onerror=alert(1)>\u202e"},
                                 {"side", "theirs"}, {"level", "user"}}},
                       {"subject", "<script>alert(1)</script>"},
                       {"text", "You people are idiots. Fix this garbage now."}})
                     .dump() +
                 "\n";
    }
    test::WriteFile(dir_->File("evil.ndjson"), hostile);
    for (const char* file : {"signals/let_go.ndjson", "signals/quick_wins.ndjson", "signals/abusive_contact.ndjson"}) {
      auto r = Nanni({"--db", db_, "import", "--no-progress", test::TestData(file)});
      ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    auto r = Nanni({"--db", db_, "import", "--no-progress", dir_->File("evil.ndjson")});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() { delete dir_; }

  static test::TempDir* dir_;
  static std::string db_;
};

test::TempDir* TriageCli::dir_ = nullptr;
std::string TriageCli::db_;

TEST_F(TriageCli, JsonKeepsItsContract) {
  auto r = Nanni({"--db", db_, "--json", "triage", "--as-of", "2026-06-01"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json t = json::parse(r.out);
  EXPECT_EQ(t.at("schema"), "nanni.triage/1");
  EXPECT_EQ(t.at("as_of"), "2026-06-01T00:00:00Z");
  ASSERT_FALSE(t.at("accounts").empty());
  EXPECT_EQ(t.at("accounts")[0].at("account"), "bloodsucker") << "let_go outranks everything here";
  size_t rank = 0;
  for (const auto& a : t.at("accounts")) {
    EXPECT_EQ(a.at("rank").get<size_t>(), ++rank);
    for (const auto& s : a.at("signals")) {
      for (const char* key : {"signal", "score", "reason", "evidence"}) EXPECT_TRUE(s.contains(key)) << key;
      for (const auto& e : s.at("evidence")) EXPECT_FALSE(e.at("id").get<std::string>().empty());
    }
    for (const auto& m : a.at("moves")) EXPECT_FALSE(m.at("title").get<std::string>().empty());
  }
}

TEST_F(TriageCli, TheHtmlPageIsSelfContainedAndEscapesCustomerText) {
  const std::string page = dir_->File("triage.html");
  auto r = Nanni({"--db", db_, "triage", "--as-of", "2026-06-01", "--format", "html", "--out", page});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string html = test::ReadFile(page);
  EXPECT_NE(html.find("<svg"), std::string::npos) << "the Pareto chart";
  EXPECT_NE(html.find("Content-Security-Policy"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_NE(html.find("&lt;img src=x onerror=alert(1)&gt;"), std::string::npos);
  EXPECT_EQ(html.find("\u202e"), std::string::npos) << "bidi controls are shown as escapes";
  EXPECT_EQ(html.find("http://"), html.find("http://www.w3.org/2000/svg")) << "no external resource";
}

TEST_F(TriageCli, TextNamesTheReasonsAndTheMoves) {
  auto r = Nanni({"--db", db_, "triage", "--as-of", "2026-06-01"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("let_go"), std::string::npos);
  EXPECT_NE(r.out.find("-> Let this customer go"), std::string::npos);
  EXPECT_EQ(r.out.find("\u202e"), std::string::npos);
}

TEST_F(TriageCli, SignalsShowsOneAccountWithTheTopDemandsNamed) {
  auto r = Nanni({"--db", db_, "signals", "asks", "--as-of", "2026-06-01"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("quick_wins"), std::string::npos);
  EXPECT_NE(r.out.find("CSV export of invoices"), std::string::npos) << r.out;
  auto j = Nanni({"--db", db_, "--json", "signals", "asks", "--as-of", "2026-06-01"});
  ASSERT_EQ(j.exit_code, 0) << j.err;
  EXPECT_EQ(json::parse(j.out).at("schema"), "nanni.signals/1");
}

TEST_F(TriageCli, EconomicsAndEscalationsWriteTheirSchemas) {
  auto e = Nanni({"--db", db_, "--json", "economics", "--as-of", "2026-06-01"});
  ASSERT_EQ(e.exit_code, 0) << e.err;
  const json econ = json::parse(e.out);
  EXPECT_EQ(econ.at("schema"), "nanni.economics/1");
  EXPECT_GE(econ.at("negative_margin_accounts").get<int>(), 1);
  auto x = Nanni({"--db", db_, "--json", "escalations", "--as-of", "2026-06-01"});
  ASSERT_EQ(x.exit_code, 0) << x.err;
  EXPECT_EQ(json::parse(x.out).at("schema"), "nanni.escalations/1");
}

TEST_F(TriageCli, ThresholdsAndWeightsInNanniTomlTakeEffect) {
  auto fires_let_go = [&](const std::vector<std::string>& config) {
    std::vector<std::string> args = {"--db", db_};
    args.insert(args.end(), config.begin(), config.end());
    for (const char* a : {"--json", "signals", "rude-but-worth-it", "--as-of", "2026-06-01"}) args.push_back(a);
    auto r = Nanni(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    const json out = json::parse(r.out);  // kept: a range over a temporary's member would dangle
    bool found = false;
    for (const auto& s : out.at("signals")) found = found || s.at("signal").get<std::string>() == "let_go";
    return found;
  };
  EXPECT_FALSE(fires_let_go({})) << "abusive and late, but the account pays for itself";
  // Ask for a margin of 99.9% of revenue: now its margin is too thin, and all three parts meet.
  const std::string config = dir_->File("strict.toml");
  test::WriteFile(config, "[signals.negative_margin]\nmargin_ratio = 0.999\nmin_cost = 0\n");
  EXPECT_TRUE(fires_let_go({"--config", config}));
}

TEST_F(TriageCli, ErrorsSayWhatIsWrong) {
  auto html = Nanni({"--db", db_, "triage", "--format", "html"});
  EXPECT_EQ(html.exit_code, 2);
  EXPECT_NE(html.err.find("--out"), std::string::npos) << html.err;
  auto none = Nanni({"--db", db_, "signals", "no-such-account"});
  EXPECT_NE(none.exit_code, 0);
  EXPECT_NE(none.err.find("no-such-account"), std::string::npos) << none.err;
  auto when = Nanni({"--db", db_, "economics", "--as-of", "yesterday"});
  EXPECT_EQ(when.exit_code, 2);
  EXPECT_NE(when.err.find("--as-of"), std::string::npos) << when.err;
  auto over = Nanni({"--db", db_, "triage", "--out", db_});
  EXPECT_NE(over.exit_code, 0) << "never over the ledger";
  EXPECT_EQ(Nanni({"--db", db_, "verify"}).exit_code, 0);
}

}  // namespace
}  // namespace nanni
