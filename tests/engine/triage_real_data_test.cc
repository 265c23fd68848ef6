// Triage over the real data sets together (the call log, the Twitter support sample and the
// CFPB complaints, in one ledger): it runs on every account, raises what such records can
// show, and stays silent where their words only look alarming.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <set>

#include "support/test_support.h"

namespace nanni {
namespace {

using nlohmann::json;
using test::Nanni;

class TriageRealData : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::TempDir();
    db_ = dir_->File("real.db");
    ASSERT_EQ(Nanni({"--db", db_, "init"}).exit_code, 0);
    Import({"--profile", "callcenter", test::SharedData("calls/anonymous_bank_august.csv")});
    Import({"--profile", "twcs", "--lenient", "--rejects", dir_->File("r1.jsonl"),
            test::SharedData("twitter_support/twcs_sample.csv")});
    Import({"--profile", "cfpb", "--lenient", "--rejects", dir_->File("r2.jsonl"),
            test::SharedData("complaints/cfpb_complaints_sample.csv")});
  }
  static void TearDownTestSuite() { delete dir_; }

  static void Import(const std::vector<std::string>& args) {
    std::vector<std::string> a = {"--db", db_, "import", "--no-progress"};
    a.insert(a.end(), args.begin(), args.end());
    auto r = Nanni(a);
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }

  // signal -> the accounts it fired on, as of `as_of`; *accounts = how many were read.
  static std::map<std::string, std::set<std::string>> Fired(const std::string& as_of, size_t* accounts) {
    auto r = Nanni({"--db", db_, "--json", "triage", "--as-of", as_of});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::map<std::string, std::set<std::string>> out;
    const json t = json::parse(r.out);
    *accounts = t.at("accounts").size();
    for (const auto& a : t.at("accounts")) {
      for (const auto& s : a.at("signals")) {
        EXPECT_FALSE(s.at("evidence").empty()) << a.at("account") << " " << s.at("signal");
        out[s.at("signal")].insert(a.at("account").get<std::string>());
      }
    }
    return out;
  }

  static test::TempDir* dir_;
  static std::string db_;
};

test::TempDir* TriageRealData::dir_ = nullptr;
std::string TriageRealData::db_;

TEST_F(TriageRealData, TheTwitterSampleRaisesLegalRiskAndAbuseOnTheirMerits) {
  size_t accounts = 0;
  auto fired = Fired("2018-01-01T00:00:00Z", &accounts);
  EXPECT_GT(accounts, 6000u);
  // A customer assaulted by a delivery driver, "now a police matter", still waiting on us.
  EXPECT_TRUE(fired["legal_risk"].count("twitter:116913"));
  // "I'm legally blind and need assistance": a request for help, not a threat.
  EXPECT_FALSE(fired["legal_risk"].count("twitter:115904"));
  // Four insults in a row ("you sound like an idiot ... trolling losers").
  EXPECT_TRUE(fired["abusive_contact"].count("twitter:116153"));
  // No revenue in these records: nothing about money can fire.
  for (const char* money : {"negative_margin", "late_payer", "let_go"}) EXPECT_TRUE(fired[money].empty()) << money;
}

TEST_F(TriageRealData, AmongTheComplaintsOnlyAnOpenOneThatSpeaksOfLawIsALegalRisk) {
  size_t accounts = 0;
  auto fired = Fired("2023-09-10T00:00:00Z", &accounts);
  EXPECT_EQ(accounts, 6387u);
  // TransUnion got dozens of complaints that speak of lawyers and the law, and many complaints
  // still in progress, but every complaint that threatens was answered: no legal risk.
  EXPECT_FALSE(fired["legal_risk"].count("TRANSUNION INTERMEDIATE HOLDINGS, INC."));
  EXPECT_LE(fired["legal_risk"].size(), 3u) << "complaints are unnamed: only a threatening one still open counts";
}

TEST_F(TriageRealData, TheCallLogAloneRaisesNothingAboutOnePerson) {
  size_t accounts = 0;
  auto fired = Fired("2010-09-01T00:00:00Z", &accounts);
  EXPECT_EQ(accounts, 4744u);  // the call log's callers (the others have no events yet)
  for (const char* person : {"abusive_contact", "hostile_stakeholder", "legal_risk"}) {
    EXPECT_TRUE(fired[person].empty()) << person << ": calls carry no words";
  }
}

}  // namespace
}  // namespace nanni
