// End-to-end: the `nanni` binary as a user runs it.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <set>
#include <sstream>

#include "support/test_support.h"

namespace nanni {
namespace {

using test::Nanni;
using test::ReadFile;
using test::WriteFile;

std::string Event(int i, const std::string& account = "acme") {
  return "{\"id\":\"e" + std::to_string(i) + "\",\"account\":\"" + account +
         "\",\"time\":\"2026-03-02T09:" + (i % 60 < 10 ? "0" : "") + std::to_string(i % 60) +
         ":00+01:00\",\"kind\":\"message\",\"text\":\"hello " + std::to_string(i) + "\"}\n";
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(Nanni({"--db", db_, "init"}).exit_code, 0);
    std::string seed;
    for (int i = 0; i < 5; ++i) seed += Event(i);
    WriteFile(dir_.File("seed.ndjson"), seed);
    ASSERT_EQ(Nanni({"--db", db_, "import", dir_.File("seed.ndjson")}).exit_code, 0);
    receipt_ = Checkpoint();
  }

  // The tree's size and root, as verify recomputes them.
  std::string Checkpoint() {
    auto r = Nanni({"--db", db_, "--json", "verify"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    auto j = nlohmann::json::parse(r.out);
    return std::to_string(j["checked"].get<int>()) + ":" + j["root"].get<std::string>();
  }

  // Imports `content` written to `name`; expects refusal naming `location` and `field`, and
  // the ledger unchanged.
  void ExpectRefused(const std::string& name, const std::string& content, const std::string& says) {
    WriteFile(dir_.File(name), content);
    auto r = Nanni({"--db", db_, "import", dir_.File(name)});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_NE(r.err.find(says), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("the ledger is unchanged"), std::string::npos) << r.err;
    EXPECT_EQ(Checkpoint(), receipt_);
    EXPECT_EQ(Nanni({"--db", db_, "verify"}).exit_code, 0);
  }

  test::TempDir dir_;
  std::string db_ = dir_.File("l.db");
  std::string receipt_;
};

TEST_F(CliTest, TruncatedLastLineIsRefused) {
  std::string content = Event(10) + Event(11);
  content += Event(12).substr(0, 40);
  ExpectRefused("t.ndjson", content,
                "t.ndjson:3: field 'time': not valid JSON at the end of the line: the string is not closed");
}

TEST_F(CliTest, WrongTypesAreRefusedNamingTheField) {
  ExpectRefused("w.ndjson", Event(10) + R"({"id":"x","account":"a","time":"2026-03-02T09:14:00Z","kind":"call","outcome":"answered","queue_wait_s":"3","handle_s":1})" "\n",
                "w.ndjson:2: field 'queue_wait_s': expected an integer, got a string");
}

TEST_F(CliTest, InvalidUtf8IsRefused) {
  ExpectRefused("u.ndjson", Event(10) + Event(11) + "{\"id\":\"x\",\"account\":\"a\",\"time\":\"2026-03-02T09:14:00Z\",\"kind\":\"note\",\"text\":\"caf\xE9\"}\n",
                "u.ndjson:3: field 'text': not valid JSON at byte 80: the bytes here are not valid UTF-8");
}

TEST_F(CliTest, ATenMegabyteLineIsRefusedWithTheLimit) {
  std::string huge = "{\"id\":\"big\",\"account\":\"a\",\"time\":\"2026-03-02T09:14:00Z\",\"kind\":\"note\",\"text\":\"" +
                     std::string(10 << 20, 'x') + "\"}\n";
  ExpectRefused("big.ndjson", Event(10) + huge, "big.ndjson:2: line is longer than the limit of 4194304 bytes");
}

TEST_F(CliTest, ATenMegabyteEventImportsWhenTheLimitIsRaised) {
  std::string huge = "{\"id\":\"big\",\"account\":\"a\",\"time\":\"2026-03-02T09:14:00Z\",\"kind\":\"note\",\"text\":\"" +
                     std::string(10 << 20, 'x') + "\"}\n";
  WriteFile(dir_.File("big.ndjson"), huge);
  auto r = Nanni({"--db", db_, "import", "--max-event-bytes", "20000000", dir_.File("big.ndjson")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("added 1,"), std::string::npos) << r.out;
  EXPECT_EQ(Nanni({"--db", db_, "verify"}).exit_code, 0);
}

TEST_F(CliTest, AnEmptyFileImportsNothingAndSaysSo) {
  WriteFile(dir_.File("empty.ndjson"), "");
  auto r = Nanni({"--db", db_, "import", dir_.File("empty.ndjson")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("read 0 lines: 0 events, added 0, duplicates 0, rejected 0"), std::string::npos) << r.out;
  EXPECT_EQ(Checkpoint(), receipt_);
}

TEST_F(CliTest, DuplicateIdsInOneFileLandOnceWhenIdentical) {
  WriteFile(dir_.File("d.ndjson"), Event(20) + Event(20) + Event(21));
  auto r = Nanni({"--db", db_, "import", dir_.File("d.ndjson")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("read 3 lines: 3 events, added 2, duplicates 1, rejected 0"), std::string::npos) << r.out;
}

TEST_F(CliTest, DuplicateIdsInOneFileWithOtherContentAreRefused) {
  std::string other = Event(20);
  other.replace(other.find("hello"), 5, "HELLO");
  ExpectRefused("c.ndjson", Event(20) + other, "c.ndjson:2: event id 'e20' is already in the ledger with different content");
}

TEST_F(CliTest, AFileThatDoesNotExistIsNamed) {
  auto r = Nanni({"--db", db_, "import", dir_.File("seed.ndjson"), dir_.File("nope.ndjson")});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("nope.ndjson: No such file or directory"), std::string::npos) << r.err;
  EXPECT_EQ(Checkpoint(), receipt_);
}

TEST_F(CliTest, OneBadFileRefusesTheWholeImport) {
  WriteFile(dir_.File("good.ndjson"), Event(30) + Event(31));
  WriteFile(dir_.File("bad.ndjson"), Event(32) + "{\"id\":\"x\"}\n");
  auto r = Nanni({"--db", db_, "import", dir_.File("good.ndjson"), dir_.File("bad.ndjson")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("bad.ndjson:2: field 'kind': missing"), std::string::npos) << r.err;
  EXPECT_EQ(Checkpoint(), receipt_);
}

TEST_F(CliTest, ReimportAddsNothingAndStdinWorks) {
  auto r = Nanni({"--db", db_, "--json", "import", dir_.File("seed.ndjson")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["read"], 5);
  EXPECT_EQ(j["added"], 0);
  EXPECT_EQ(j["duplicates"], 5);
  EXPECT_EQ(Checkpoint(), receipt_);
  auto piped = test::Run({"sh", "-c", std::string(NANNI_BINARY) + " --db " + db_ + " import - < " + dir_.File("seed.ndjson")});
  EXPECT_EQ(piped.exit_code, 0) << piped.err;
  EXPECT_NE(piped.out.find("added 0, duplicates 5"), std::string::npos) << piped.out;
}

TEST_F(CliTest, MisuseGetsAOneLineErrorAndAHint) {
  auto r = Nanni({"frobnicate"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("hint: run `nanni --help`"), std::string::npos) << r.err;
  r = Nanni({"--db", dir_.File("missing.db"), "accounts"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("no ledger at"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("nanni --db"), std::string::npos) << r.err;
  r = Nanni({"--db", db_, "init"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("already exists"), std::string::npos) << r.err;
  r = Nanni({"--db", db_, "events", "acme", "--kind", "bogus"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown kind 'bogus'"), std::string::npos) << r.err;
  r = Nanni({"--db", db_, "events", "nobody"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("no account 'nobody'"), std::string::npos) << r.err;
  r = Nanni({"--db", db_, "events", "acme", "--since", "last tuesday"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--since"), std::string::npos) << r.err;
}

TEST_F(CliTest, EveryCommandHasHelpWithAnExample) {
  for (const char* cmd : {"init", "import", "verify", "checkpoint", "accounts", "events", "generate", "demo",
                          "upgrade", "key", "prove", "verify-proof", "cosign"}) {
    auto r = Nanni({cmd, "--help"});
    EXPECT_EQ(r.exit_code, 0) << cmd;
    EXPECT_NE(r.out.find("Example"), std::string::npos) << cmd << "\n" << r.out;
  }
  auto r = Nanni({"--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("nanni demo"), std::string::npos);
}

TEST_F(CliTest, EventsFilterByKindAndTime) {
  std::string content = Event(40, "globex");
  content += R"({"id":"r1","account":"globex","time":"2026-03-03T10:00:00+01:00","kind":"request","text":"help"})" "\n";
  content += R"({"id":"r2","account":"globex","time":"2026-03-04T10:00:00+01:00","kind":"response","reply_to":"r1"})" "\n";
  WriteFile(dir_.File("g.ndjson"), content);
  ASSERT_EQ(Nanni({"--db", db_, "import", dir_.File("g.ndjson")}).exit_code, 0);
  auto r = Nanni({"--db", db_, "--json", "events", "globex", "--kind", "request,response"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["events"].size(), 2u);
  EXPECT_EQ(j["events"][0]["event"]["id"], "r1");
  EXPECT_EQ(j["events"][1]["event"]["reply_to"], "r1");
  r = Nanni({"--db", db_, "--json", "events", "globex", "--since", "2026-03-04"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["events"].size(), 1u);
  EXPECT_EQ(j["events"][0]["event"]["id"], "r2");
  r = Nanni({"--db", db_, "--json", "events", "globex", "--until", "2026-03-03T09:30:00Z"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // e40 (03-02 08:40Z) and r1 (03-03 09:00Z) are before 09:30Z; r2 (03-04) is not.
  EXPECT_EQ(nlohmann::json::parse(r.out)["events"].size(), 2u);
}

TEST_F(CliTest, HostileTextIsNeutralisedOnTheTerminal) {
  WriteFile(dir_.File("h.ndjson"),
            R"({"id":"h1","account":"acme","time":"2026-03-02T11:00:00Z","kind":"note","subject":"\u001b[2J\u001b[31mowned\u202etxt.exe"})" "\n");
  ASSERT_EQ(Nanni({"--db", db_, "import", dir_.File("h.ndjson")}).exit_code, 0);
  auto r = Nanni({"--db", db_, "events", "acme"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos);
  EXPECT_EQ(r.out.find("\xE2\x80\xAE"), std::string::npos);
  EXPECT_NE(r.out.find("\\x1b[2J"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace nanni
