// End-to-end: `nanni import` on mail paths, as a user runs it.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

#include "support/test_support.h"

namespace nanni {
namespace {

using test::Nanni;
using test::WriteFile;

const char kMbox[] =
    "From dana@acme.example Mon Mar  2 09:14:00 2026\n"
    "From: Dana Whitfield <dana@acme.example>\nTo: support@ourco.example\n"
    "Date: Mon, 02 Mar 2026 09:14:00 +0100\nMessage-ID: <ask@acme.example>\nSubject: Export\n\n"
    "Can you fix the export?\n>From the log: failed.\n\n"
    "From sam@ourco.example Mon Mar  2 11:40:00 2026\n"
    "From: Sam Ortiz <sam@ourco.example>\nTo: dana@acme.example\n"
    "Date: Mon, 02 Mar 2026 11:40:00 +0100\nMessage-ID: <ans@ourco.example>\n"
    "In-Reply-To: <ask@acme.example>\nSubject: Re: Export\n\nFixed.\n";

class MailCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(Nanni({"--db", db_, "init"}).exit_code, 0);
    WriteFile(dir_.File("nanni.toml"), "[company]\ndomains = [\"ourco.example\"]\n");
  }
  test::CommandResult Import(const std::string& path) {
    return Nanni({"--db", db_, "--config", dir_.File("nanni.toml"), "--json", "import", path});
  }
  test::TempDir dir_;
  std::string db_ = dir_.File("l.db");
};

TEST_F(MailCliTest, MboxIsRecognisedImportedOnceAndRequestAndResponsePair) {
  WriteFile(dir_.File("support.mbox"), kMbox);
  auto r = Import(dir_.File("support.mbox"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["added"], 2);
  r = Import(dir_.File("support.mbox"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["added"], 0);
  EXPECT_EQ(nlohmann::json::parse(r.out)["duplicates"], 2);
  auto events = Nanni({"--db", db_, "events", "acme.example"});
  ASSERT_EQ(events.exit_code, 0) << events.err;
  EXPECT_NE(events.out.find("request"), std::string::npos) << events.out;
  EXPECT_NE(events.out.find("response"), std::string::npos) << events.out;
  EXPECT_EQ(Nanni({"--db", db_, "verify"}).exit_code, 0);
}

TEST_F(MailCliTest, EmlFolderAndMessageWithoutDateIsRefusedNamingTheFile) {
  std::filesystem::create_directories(dir_.File("mail/cur"));
  WriteFile(dir_.File("mail/cur/1.eml"),
            "From: a@x.example\nDate: Mon, 02 Mar 2026 09:14:00 +0100\nMessage-ID: <1@x>\n\nHi\n");
  WriteFile(dir_.File("mail/cur/2.eml"), "From: a@x.example\nMessage-ID: <2@x>\n\nNo date\n");
  auto r = Import(dir_.File("mail"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("mail/cur/2.eml: field 'Date'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("the ledger is unchanged"), std::string::npos) << r.err;
}

TEST_F(MailCliTest, NdjsonIsStillNdjson) {
  WriteFile(dir_.File("e.ndjson"),
            "{\"id\":\"n1\",\"account\":\"a\",\"time\":\"2026-03-02T09:14:00Z\",\"kind\":\"note\"}\n");
  auto r = Import(dir_.File("e.ndjson"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["added"], 1);
}

}  // namespace
}  // namespace nanni
