// The profile language: refused profiles (data-driven, tests/data/profiles/bad), the built-in
// tickets and billing profiles on small files, and the worked example of docs/profiles.md.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <sstream>

#include "import/csv/builtin_profiles.h"
#include "import/csv/profile_mapper.h"
#include "storage/sqlite_store.h"
#include "support/ledger_fixture.h"
#include "support/test_support.h"

namespace nanni {
namespace {

using test::Nanni;
using test::ReadFile;
using test::TestData;

std::vector<nlohmann::json> Events(const std::string& db) {
  auto r = Nanni({"--db", db, "--json", "accounts"});
  std::vector<nlohmann::json> out;
  std::unique_ptr<SqliteStore> store;
  EXPECT_TRUE(SqliteStore::Open(db, StoreMode::kReadWrite, &store).ok());
  EXPECT_TRUE(store->Query(AccessScope::All(), EventQuery{}, [&](const LedgerEntry& e) {
    out.push_back(nlohmann::json::parse(e.body));
    return Status::OK();
  }).ok());
  return out;
}

std::map<std::string, nlohmann::json> ById(const std::vector<nlohmann::json>& events) {
  std::map<std::string, nlohmann::json> out;
  for (const auto& e : events) out[e["id"].get<std::string>()] = e;
  return out;
}

TEST(CsvProfileErrors, EveryBadProfileIsRefusedNamingFileKeyAndReason) {
  int cases = 0;
  for (const auto& entry : std::filesystem::directory_iterator(TestData("profiles/bad"))) {
    if (entry.path().extension() != ".toml") continue;
    ++cases;
    std::string path = entry.path().string();
    std::string text = ReadFile(path);
    std::string expect, header;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
      if (line.rfind("# expect: ", 0) == 0) {
        expect = line.substr(10);
        for (size_t at; (at = expect.find("\\n")) != std::string::npos;) expect.replace(at, 2, "\n");
      }
      if (line.rfind("# header: ", 0) == 0) header = line.substr(10);
    }
    ASSERT_FALSE(expect.empty()) << path << " has no '# expect:' line";
    Profile profile;
    Status st = LoadProfileFile(path, &profile);
    if (st.ok()) {
      ASSERT_FALSE(header.empty()) << path << " loaded, and has no '# header:' to bind";
      std::vector<std::string> names;
      std::stringstream hs(header);
      for (std::string h; std::getline(hs, h, ',');) names.push_back(h);
      std::vector<std::string_view> views(names.begin(), names.end());
      ProfileMapper mapper(profile, "x.csv");
      st = mapper.Bind(views);
    }
    EXPECT_FALSE(st.ok()) << path;
    EXPECT_NE(st.message().find(path), std::string::npos) << st.message();
    EXPECT_NE(st.message().find(expect), std::string::npos)
        << path << "\n  got: " << st.message() << "\n  want: " << expect;
  }
  EXPECT_GE(cases, 10);
}

TEST(CsvProfiles, EveryBuiltInProfileLoads) {
  ASSERT_EQ(EmbeddedProfiles().size(), 5u);
  for (const auto& p : EmbeddedProfiles()) {
    Profile profile;
    Status st = ParseProfile(p.text(), std::string(p.name), &profile);
    EXPECT_TRUE(st.ok()) << st.ToString();
    EXPECT_EQ(profile.name, p.name);
    EXPECT_FALSE(profile.description.empty());
    EXPECT_FALSE(profile.source.empty());
  }
}

TEST(CsvProfiles, TimeFormatsZonesAndOffsets) {
  Timestamp t;
  ASSERT_TRUE(ParseTimeWithFormat("Tue Oct 31 22:10:47 +0000 2017", "%a %b %d %H:%M:%S %z %Y",
                                  "UTC", Ambiguity::kEarliest, &t).ok());
  EXPECT_EQ(FormatRfc3339(t), "2017-10-31T22:10:47Z");
  ASSERT_TRUE(ParseTimeWithFormat("2010-08-01 0:10:10", "%Y-%m-%d %H:%M:%S", "Asia/Jerusalem",
                                  Ambiguity::kEarliest, &t).ok());
  EXPECT_EQ(FormatRfc3339(t), "2010-08-01T00:10:10+03:00");
  ASSERT_TRUE(ParseTimeWithFormat("2026-10-25 02:30", "%Y-%m-%d %H:%M", "Europe/Berlin",
                                  Ambiguity::kLatest, &t).ok());
  EXPECT_EQ(FormatRfc3339(t), "2026-10-25T02:30:00+01:00");
  EXPECT_FALSE(ParseTimeWithFormat("2026-10-25 02:30", "%Y-%m-%d %H:%M", "Europe/Berlin",
                                   Ambiguity::kReject, &t).ok());
  EXPECT_FALSE(ParseTimeWithFormat("2026-02-30", "%Y-%m-%d", "UTC", Ambiguity::kEarliest, &t).ok());
  EXPECT_FALSE(ParseTimeWithFormat("2026-02-03 junk", "%Y-%m-%d", "UTC", Ambiguity::kEarliest, &t).ok());
  ASSERT_TRUE(ParseTimeWithFormat("2026-02-03T04:05:06.25Z", "%FT%T%Ez", "Europe/Berlin",
                                  Ambiguity::kEarliest, &t).ok());
  EXPECT_EQ(FormatRfc3339(t), "2026-02-03T04:05:06.250000Z");
  ASSERT_TRUE(ParseTimeWithFormat("3/7/26 1:05 PM", "%m/%d/%y %I:%M %p", "UTC",
                                  Ambiguity::kEarliest, &t).ok());
  EXPECT_EQ(FormatRfc3339(t), "2026-03-07T13:05:00Z");
  ASSERT_TRUE(ParseTimeWithFormat("05 March 2026 08:00 -0500", "%d %B %Y %H:%M %z", "UTC",
                                  Ambiguity::kEarliest, &t).ok());
  EXPECT_EQ(FormatRfc3339(t), "2026-03-05T08:00:00-05:00");
  for (const char* bad : {"11:54:U25", "11:54:-1", "99999999999:00:00", "", "11:54"}) {
    EXPECT_FALSE(ParseTimeWithFormat(bad, "%H:%M:%S", "UTC", Ambiguity::kEarliest, &t).ok()) << bad;
  }
}

class CsvImport : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(Nanni({"--db", db_, "init"}).exit_code, 0); }
  test::CommandResult Import(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db_, "--json", "import", "--no-progress"});
    return Nanni(args);
  }
  test::TempDir dir_;
  std::string db_ = dir_.File("ledger.db");
};

TEST_F(CsvImport, TicketsGiveRequestsFirstRepliesAndSolvedUpdates) {
  auto r = Import({"--profile", "tickets", TestData("csv/tickets.csv")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto e = ById(Events(db_));
  ASSERT_EQ(e.size(), 6u);
  EXPECT_EQ(e["ticket:T-1"]["account"], "Acme");
  EXPECT_EQ(e["ticket:T-1"]["priority"], "high");
  EXPECT_EQ(e["ticket:T-1"]["channel"], "email");
  EXPECT_EQ(e["ticket:T-1"]["time"], "2026-02-02T09:00:00+01:00");
  EXPECT_EQ(e["ticket:T-1:first-reply"]["reply_to"], "ticket:T-1");
  EXPECT_EQ(e["ticket:T-1:first-reply"]["from"]["name"], "Sam Ortiz");
  EXPECT_EQ(e["ticket:T-1:solved"]["kind"], "status_update");
  EXPECT_EQ(e["ticket:T-2"]["time"], "2026-02-04T08:15:00Z");
  EXPECT_EQ(e["ticket:T-2"]["channel"], "portal");
  EXPECT_FALSE(e["ticket:T-2"].contains("priority"));
  EXPECT_FALSE(e.count("ticket:T-2:first-reply"));
  EXPECT_EQ(e["ticket:T-3"]["priority"], "urgent");
  EXPECT_EQ(e["ticket:T-3:first-reply"]["time"], "2026-02-05T11:05:00Z");
  auto again = Import({"--profile", "tickets", TestData("csv/tickets.csv")});
  EXPECT_EQ(nlohmann::json::parse(again.out)["added"], 0);
}

TEST_F(CsvImport, BillingGivesInvoicesAndPaymentsInMinorUnits) {
  auto r = Import({"--profile", "billing", TestData("csv/billing.csv")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto e = ById(Events(db_));
  ASSERT_EQ(e.size(), 5u);
  EXPECT_EQ(e["invoice:INV-100"]["amount_minor"], 120000);
  EXPECT_EQ(e["invoice:INV-100"]["due"], "2026-01-31T00:00:00Z");
  EXPECT_EQ(e["invoice:INV-101"]["currency"], "EUR");
  EXPECT_EQ(e["invoice:INV-102"]["amount_minor"], 9950);
  EXPECT_EQ(e["payment:INV-102"]["amount_minor"], 9950);
  EXPECT_EQ(e["payment:INV-102"]["invoice"], "INV-102");
  EXPECT_FALSE(e.count("payment:INV-101"));
}

TEST_F(CsvImport, LenientWritesEveryRejectedRowWithItsReason) {
  std::string bad = TestData("csv/billing_bad.csv");
  auto strict = Import({"--profile", "billing", bad});
  EXPECT_EQ(strict.exit_code, 1);
  EXPECT_NE(strict.err.find("billing_bad.csv:2: event[1]: field 'amount_minor': column 'amount': "
                            "'12.345' is not an amount with at most 2 decimals"),
            std::string::npos) << strict.err;
  EXPECT_EQ(test::HeadOf(db_).size, 0u);

  auto no_file = Import({"--profile", "billing", "--lenient", bad});
  EXPECT_EQ(no_file.exit_code, 2) << no_file.err;

  std::string rejects = dir_.File("rejects.jsonl");
  auto r = Import({"--profile", "billing", "--lenient", "--rejects", rejects, bad});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto summary = nlohmann::json::parse(r.out);
  EXPECT_EQ(summary["added"], 1);
  EXPECT_EQ(summary["rejected"], 3);
  std::vector<nlohmann::json> lines;
  std::istringstream in(ReadFile(rejects));
  for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0]["line"], 2);
  EXPECT_EQ(lines[1]["line"], 3);
  EXPECT_NE(lines[1]["reason"].get<std::string>().find("'2026-13-01' matches no time format"),
            std::string::npos);
  EXPECT_EQ(lines[2]["row"], "INV-202,Acme,2026-01-01,2026-01-31,10,EURO,,,bad currency");
  EXPECT_NE(lines[2]["reason"].get<std::string>().find("ISO 4217"), std::string::npos);
}

// docs/profiles.md's worked example: a profile written from the docs alone for an export no
// built-in profile reads (semicolons, German headers, day-first local times in Berlin).
TEST_F(CsvImport, TheWorkedExampleOfTheDocsImportsAnUnseenExport) {
  std::string profile = TestData("csv/chats.toml");
  std::string docs = ReadFile(std::string(NANNI_TEST_DATA) + "/../../docs/profiles.md");
  EXPECT_NE(docs.find(ReadFile(profile)), std::string::npos)
      << "docs/profiles.md must show tests/data/csv/chats.toml verbatim";
  EXPECT_NE(docs.find(ReadFile(TestData("csv/chats.csv"))), std::string::npos)
      << "docs/profiles.md must show tests/data/csv/chats.csv verbatim";
  auto r = Import({"--profile", profile, TestData("csv/chats.csv")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto e = ById(Events(db_));
  ASSERT_EQ(e.size(), 5u);
  EXPECT_EQ(e["plauderbox:C-1001"]["account"], "Bäckerei Huber GmbH");
  EXPECT_EQ(e["plauderbox:C-1001"]["time"], "2026-03-03T09:14:00+01:00");
  EXPECT_EQ(e["plauderbox:C-1001"]["text"], "Unsere Kasse druckt keine Bons; bitte dringend helfen!");
  EXPECT_EQ(e["plauderbox:C-1001:answer"]["reply_to"], "plauderbox:C-1001");
  EXPECT_EQ(e["plauderbox:C-1002"]["text"], "Wieder dasselbe Problem.\nZweite Zeile der Nachricht.");
  EXPECT_FALSE(e.count("plauderbox:C-1002:answer"));
  // 02:30 on 2026-03-29 does not exist in Berlin: read as the instant the clocks jump.
  EXPECT_EQ(e["plauderbox:C-1003"]["time"], "2026-03-29T03:00:00+02:00");
  EXPECT_EQ(e["plauderbox:C-1003:answer"]["time"], "2026-03-29T03:10:00+02:00");
}

// A day-first format on a file whose days are all 12 or less reads silently either way: the
// import says so after its summary, with the first and last such dates as read.
TEST_F(CsvImport, DatesThatCouldBeMonthFirstGetANoteAfterTheSummary) {
  std::string profile = dir_.File("p.toml"), csv = dir_.File("export.csv");
  test::WriteFile(profile, "[time]\nformats = \"%d/%m/%Y\"\n[[event]]\nkind = \"note\"\n"
                           "id = \"n:{id}\"\naccount = \"acme\"\ntime = \"{date}\"\n");
  test::WriteFile(csv, "id,date\n1,05/01/2022\n2,11/03/2022\n");
  auto text = Nanni({"--db", db_, "import", "--no-progress", "--profile", profile, csv});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  std::istringstream lines(text.out);
  std::string line;
  ASSERT_TRUE(std::getline(lines, line));
  EXPECT_EQ(line.rfind("read 2 rows: 2 events, added 2", 0), 0u) << line;
  ASSERT_TRUE(std::getline(lines, line));
  EXPECT_EQ(line.rfind("ledger now holds 2 events", 0), 0u) << line;
  ASSERT_TRUE(std::getline(lines, line));
  EXPECT_EQ(line, "note: " + csv + ": the time format '%d/%m/%Y' reads day and month both as "
                  "numbers, and no date in the file has a day above 12 to tell which comes first: "
                  "it read them day-first, from '05/01/2022' (line 2) as 5 January 2022 to "
                  "'11/03/2022' (line 3) as 11 March 2022. If '05/01/2022' means 1 May 2022, the "
                  "file is month-first: use '%m/%d/%Y'");
  EXPECT_FALSE(std::getline(lines, line)) << line;

  auto json = Import({"--profile", profile, csv});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  auto notes = nlohmann::json::parse(json.out)["notes"];
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].get<std::string>().rfind(csv + ": the time format '%d/%m/%Y'", 0), 0u);
  auto clear = Import({"--profile", "tickets", TestData("csv/tickets.csv")});
  EXPECT_EQ(nlohmann::json::parse(clear.out)["notes"], nlohmann::json::array());
}

TEST_F(CsvImport, ProfilesCommandListsAndShowsTheBuiltIns) {
  auto list = Nanni({"profiles"});
  ASSERT_EQ(list.exit_code, 0);
  for (const char* name : {"callcenter", "twcs", "cfpb", "tickets", "billing"}) {
    EXPECT_NE(list.out.find(name), std::string::npos) << name;
  }
  auto show = Nanni({"profiles", "--show", "cfpb"});
  ASSERT_EQ(show.exit_code, 0);
  EXPECT_NE(show.out.find("name = \"cfpb\""), std::string::npos);
  EXPECT_EQ(Nanni({"profiles", "--show", "nope"}).exit_code, 3);
  auto missing = Import({"--profile", "nope", TestData("csv/tickets.csv")});
  EXPECT_EQ(missing.exit_code, 3);
  EXPECT_NE(missing.err.find("built-in: billing, callcenter, cfpb, tickets, twcs"), std::string::npos);
}

}  // namespace
}  // namespace nanni
