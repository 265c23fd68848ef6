// Issue 10: nothing a user types or a customer sends can destroy, wedge or corrupt a ledger.
// Each test is a reproduction from the hostile-input probe: it failed on the code before the
// fix. Every one ends by checking that the ledger verifies with its receipt unchanged (or
// grown by exactly what was imported).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "support/test_support.h"

namespace nanni {
namespace {

using test::Nanni;
using test::ReadFile;
using test::WriteFile;

constexpr const char* kTicketsHeader =
    "ticket_id,created_at,requester_name,requester_email,organization,subject,description,"
    "channel,priority,status,first_reply_at,solved_at,assignee\n";

std::string TicketRow(const std::string& id, const std::string& description) {
  return id + ",2026-02-02T09:00:00+01:00,Dana Whitfield,dana@acme.example,Acme,Export failing,\"" +
         description + "\",Email,High,open,,,\n";
}

std::string Note(const std::string& id, const std::string& text, const std::string& account = "acme") {
  return "{\"id\":\"" + id + "\",\"account\":\"" + account +
         "\",\"time\":\"2026-03-02T09:14:00Z\",\"kind\":\"note\",\"text\":\"" + text + "\"}\n";
}

class LedgerSafety : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(Nanni({"--db", db_, "init"}).exit_code, 0);
    WriteFile(dir_.File("seed.ndjson"), Note("n1", "hello") + Note("n2", "again"));
    ASSERT_EQ(Nanni({"--db", db_, "import", dir_.File("seed.ndjson")}).exit_code, 0);
    ASSERT_EQ(Nanni({"--db", db_, "key", "init", "--key-file", key_}).exit_code, 0);
    auto c = Nanni({"--db", db_, "checkpoint", "--key-file", key_, "--out", checkpoint_});
    ASSERT_EQ(c.exit_code, 0) << c.err;
    receipt_ = Receipt();
  }

  // The tree's size and root, as verify recomputes them.
  std::string Receipt() {
    auto r = Nanni({"--db", db_, "--json", "verify", "--key-file", key_});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    if (r.exit_code != 0) return "";
    auto j = nlohmann::json::parse(r.out);
    return std::to_string(j["checked"].get<int>()) + ":" + j["root"].get<std::string>();
  }

  // The ledger verifies, still extends the checkpoint taken at the start, and holds the same tree.
  void ExpectLedgerIntact() {
    auto v = Nanni({"--db", db_, "verify", "--checkpoint", checkpoint_, "--key-file", key_});
    EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
    EXPECT_EQ(Receipt(), receipt_);
  }

  test::TempDir dir_;
  std::string db_ = dir_.File("l.db");
  std::string key_ = dir_.File("ledger.key");
  std::string checkpoint_ = dir_.File("start.checkpoint");
  std::string receipt_;
};

// Defect 1: a CSV row whose event is over the limit is refused with its line and size.
TEST_F(LedgerSafety, AnOversizedCsvRowIsRefusedNamingItsLineAndSize) {
  WriteFile(dir_.File("t.csv"), std::string(kTicketsHeader) + TicketRow("T-1", "short") +
                                    TicketRow("T-2", std::string(5 << 20, 'x')));
  auto r = Nanni({"--db", db_, "import", "--profile", "tickets", dir_.File("t.csv")});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("t.csv:3"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("bytes; the limit is 4194304 bytes"), std::string::npos) << r.err;
  ExpectLedgerIntact();
}

// Defect 1, lenient: the row goes to --rejects whole and the rest lands.
TEST_F(LedgerSafety, LenientLeavesAnOversizedRowOutAndImportsTheRest) {
  WriteFile(dir_.File("t.csv"), std::string(kTicketsHeader) + TicketRow("T-1", "short") +
                                    TicketRow("T-2", std::string(5 << 20, 'x')) +
                                    TicketRow("T-3", "fine"));
  auto r = Nanni({"--db", db_, "--json", "import", "--profile", "tickets", "--lenient", "--rejects",
                  dir_.File("rejects.jsonl"), dir_.File("t.csv")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["rejected"], 1);
  EXPECT_EQ(j["units"]["rows"], 3);
  EXPECT_EQ(j["added"], 2);  // T-1 and T-3: one request each
  auto reject = nlohmann::json::parse(ReadFile(dir_.File("rejects.jsonl")));
  EXPECT_EQ(reject["line"], 3);
  EXPECT_NE(reject["reason"].get<std::string>().find("the limit is 4194304 bytes"), std::string::npos);
  EXPECT_EQ(Nanni({"--db", db_, "verify"}).exit_code, 0);
}

// Defect 1: NDJSON lines under --lenient, bad ones and one over the limit.
TEST_F(LedgerSafety, LenientAppliesToNdjsonLines) {
  WriteFile(dir_.File("n.ndjson"), Note("a1", "ok") + "{\"id\":\"broken\"\n" +
                                       Note("a2", std::string(5 << 20, 'y')) + Note("a3", "ok"));
  auto r = Nanni({"--db", db_, "--json", "import", "--lenient", "--rejects", dir_.File("r.jsonl"),
                  dir_.File("n.ndjson")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["added"], 2);
  std::string rejects = ReadFile(dir_.File("r.jsonl"));
  EXPECT_NE(rejects.find("\"line\":2"), std::string::npos) << rejects;
  EXPECT_NE(rejects.find("\"line\":3"), std::string::npos) << rejects;
  EXPECT_NE(rejects.find("longer than the limit"), std::string::npos) << rejects;
}

// Defect 1: what the ledger holds, every reader reads, whatever its size; and re-importing it
// from another path is a duplicate, not a conflict.
TEST_F(LedgerSafety, ALargeEventInTheLedgerWedgesNoReader) {
  std::string big = Note("big", "Please fix this. " + std::string(5 << 20, 'z'));
  WriteFile(dir_.File("big.ndjson"), big);
  ASSERT_EQ(Nanni({"--db", db_, "import", "--max-event-bytes", "8388608", dir_.File("big.ndjson")})
                .exit_code, 0);
  for (const std::vector<std::string>& cmd :
       std::vector<std::vector<std::string>>{{"case", "acme", "--format", "json", "--out", dir_.File("c.json")},
                                             {"brief", "acme", "--out", dir_.File("b.txt")},
                                             {"tone", "--account", "acme"},
                                             {"tone", "--all"},
                                             {"events", "acme"},
                                             {"verify"}}) {
    std::vector<std::string> args = {"--db", db_};
    args.insert(args.end(), cmd.begin(), cmd.end());
    auto r = Nanni(args);
    EXPECT_EQ(r.exit_code, 0) << cmd[0] << ": " << r.err;
  }
  std::filesystem::create_directory(dir_.File("elsewhere"));
  WriteFile(dir_.File("elsewhere/big.ndjson"), big);
  auto again = Nanni({"--db", db_, "import", "--max-event-bytes", "8388608", dir_.File("elsewhere/big.ndjson")});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("duplicates 1"), std::string::npos) << again.out;
}

TEST_F(LedgerSafety, MaxEventBytesHasADocumentedCeiling) {
  auto r = Nanni({"--db", db_, "import", "--max-event-bytes", "1000000000000", dir_.File("seed.ndjson")});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("--max-event-bytes"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("64 MiB"), std::string::npos) << r.err;
  ExpectLedgerIntact();
}

// Defect 2: --rejects naming the ledger or an input is refused before anything is written.
TEST_F(LedgerSafety, RejectsNeverOverwritesTheLedgerOrAnInput) {
  WriteFile(dir_.File("t.csv"), std::string(kTicketsHeader) + TicketRow("T-1", "short"));
  const std::string input = ReadFile(dir_.File("t.csv"));
  for (const std::string& target : {db_, db_ + "-wal", dir_.File("t.csv")}) {
    auto r = Nanni({"--db", db_, "import", "--profile", "tickets", "--lenient", "--rejects", target,
                    dir_.File("t.csv")});
    EXPECT_EQ(r.exit_code, 2) << target << ": " << r.err;
    EXPECT_NE(r.err.find("--rejects"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("never writes over"), std::string::npos) << r.err;
  }
  EXPECT_EQ(ReadFile(dir_.File("t.csv")), input);
  ExpectLedgerIntact();
}

// Defect 3: --out naming the ledger, an input or the config is refused, for every command.
TEST_F(LedgerSafety, OutNeverOverwritesTheLedgerOrAnInput) {
  WriteFile(dir_.File("nanni.toml"), "[company]\ndomains = [\"us.example\"]\n");
  const std::string config = ReadFile(dir_.File("nanni.toml"));
  std::vector<std::vector<std::string>> attempts = {
      {"case", "acme", "--out", db_},
      {"brief", "acme", "--out", db_},
      {"case", "acme", "--out", dir_.File("nanni.toml")},
      {"generate", "--out", db_},
      {"generate", "--out", dir_.File("p.ndjson"), "--truth", dir_.File("p.ndjson")},
      {"tone-eval", "--out", db_},
  };
  for (const auto& cmd : attempts) {
    std::vector<std::string> args = {"--db", db_, "--config", dir_.File("nanni.toml")};
    args.insert(args.end(), cmd.begin(), cmd.end());
    auto r = Nanni(args);
    EXPECT_EQ(r.exit_code, 2) << cmd[0] << ": " << r.err;
    EXPECT_NE(r.err.find("never writes over"), std::string::npos) << cmd[0] << ": " << r.err;
  }
  EXPECT_EQ(ReadFile(dir_.File("nanni.toml")), config);
  EXPECT_FALSE(std::filesystem::exists(dir_.File("p.ndjson")));
  ExpectLedgerIntact();
}

// Defect 4: the temporary file is created exclusively under a random name: a symbolic link
// planted at the old fixed name "X.tmp" redirects nothing.
TEST_F(LedgerSafety, OutFollowsNoPlantedSymlink) {
  WriteFile(dir_.File("victim.txt"), "someone else's file\n");
  ASSERT_EQ(::symlink(dir_.File("victim.txt").c_str(), dir_.File("case.json.tmp").c_str()), 0);
  auto r = Nanni({"--db", db_, "case", "acme", "--format", "json", "--out", dir_.File("case.json")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(ReadFile(dir_.File("victim.txt")), "someone else's file\n");
  EXPECT_EQ(nlohmann::json::parse(ReadFile(dir_.File("case.json")))["account"], "acme");
  for (const auto& entry : std::filesystem::directory_iterator(dir_.path())) {
    EXPECT_EQ(entry.path().filename().string().find(".case.json."), std::string::npos)
        << "a temporary file was left behind: " << entry.path();
  }
}

// An --out that is a symbolic link to the ledger is refused, not followed.
TEST_F(LedgerSafety, OutThroughASymlinkToTheLedgerIsRefused) {
  ASSERT_EQ(::symlink(db_.c_str(), dir_.File("report.html").c_str()), 0);
  auto r = Nanni({"--db", db_, "case", "acme", "--format", "html", "--out", dir_.File("report.html")});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  ExpectLedgerIntact();
}

// A failed command leaves no partial output and no temporary file.
TEST_F(LedgerSafety, AFailedReportLeavesTheOldOutputAlone) {
  WriteFile(dir_.File("old.md"), "previous report\n");
  auto r = Nanni({"--db", db_, "case", "nobody", "--format", "md", "--out", dir_.File("old.md")});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_EQ(ReadFile(dir_.File("old.md")), "previous report\n");
}

// Defect 5: no error message echoes a raw control character, from an event's time or from a
// flag.
TEST_F(LedgerSafety, ErrorsNeverEchoRawControlCharacters) {
  WriteFile(dir_.File("esc.ndjson"),
            "{\"id\":\"x\",\"account\":\"a\",\"time\":\"2026-03-02T09:14:00\\u001b[2J\\u0007\",\"kind\":\"note\"}\n");
  std::vector<std::vector<std::string>> attempts = {
      {"import", dir_.File("esc.ndjson")},
      {"case", "acme", "--as-of", "2026\x1b[31m"},
      {"brief", "acme", "--recorded-by", "\x07\xe2\x80\xae"},
      {"events", "acme", "--since", "\x1b]0;owned\x07"},
      {"events", "acme", "--until", "2026-01-01\x1b"},
      {"events", "\x1b[2Jnobody"},
  };
  for (const auto& cmd : attempts) {
    std::vector<std::string> args = {"--db", db_};
    args.insert(args.end(), cmd.begin(), cmd.end());
    auto r = Nanni(args);
    EXPECT_NE(r.exit_code, 0) << cmd[0];
    EXPECT_EQ(r.err.find('\x1b'), std::string::npos) << cmd[0] << ": " << r.err;
    EXPECT_EQ(r.err.find('\x07'), std::string::npos) << cmd[0] << ": " << r.err;
    EXPECT_EQ(r.err.find("\xe2\x80\xae"), std::string::npos) << cmd[0] << ": " << r.err;
    EXPECT_NE(r.err.find("\\x"), std::string::npos) << cmd[0] << ": " << r.err;  // escaped
  }
  ExpectLedgerIntact();
}

// Defect 6: money sums are checked.
TEST_F(LedgerSafety, PaymentsThatOverflowAreAnErrorNotAWrongFigure) {
  const std::string max = "9223372036854775807";
  auto money = [](const std::string& kind, const std::string& id, const std::string& amount,
                  const std::string& currency, const std::string& extra) {
    return "{\"id\":\"" + id + "\",\"account\":\"big\",\"time\":\"2026-03-02T09:14:00Z\",\"kind\":\"" + kind +
           "\",\"invoice\":\"INV-1\",\"amount_minor\":" + amount + ",\"currency\":\"" + currency + "\"" +
           extra + "}\n";
  };
  WriteFile(dir_.File("m.ndjson"), money("invoice", "i1", max, "EUR", ",\"due\":\"2026-04-01T00:00:00Z\"") +
                                       money("payment", "p1", max, "EUR", "") +
                                       money("payment", "p2", max, "EUR", ""));
  ASSERT_EQ(Nanni({"--db", db_, "import", dir_.File("m.ndjson")}).exit_code, 0);
  auto r = Nanni({"--db", db_, "--json", "case", "big"});
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.err.find("invoice 'INV-1'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("64-bit"), std::string::npos) << r.err;
  EXPECT_EQ(r.out.find("-0.02"), std::string::npos);
}

TEST_F(LedgerSafety, APaymentInAnotherCurrencyIsListedNotCounted) {
  WriteFile(dir_.File("c.ndjson"),
            "{\"id\":\"i1\",\"account\":\"fx\",\"time\":\"2026-03-02T09:14:00Z\",\"kind\":\"invoice\",\"invoice\":\"A\","
            "\"amount_minor\":1000,\"currency\":\"EUR\",\"due\":\"2026-04-01T00:00:00Z\"}\n"
            "{\"id\":\"p1\",\"account\":\"fx\",\"time\":\"2026-03-03T09:14:00Z\",\"kind\":\"payment\",\"invoice\":\"A\","
            "\"amount_minor\":1000,\"currency\":\"JPY\"}\n");
  ASSERT_EQ(Nanni({"--db", db_, "import", dir_.File("c.ndjson")}).exit_code, 0);
  auto r = Nanni({"--db", db_, "--json", "case", "fx", "--as-of", "2026-03-10"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto inv = nlohmann::json::parse(r.out)["invoices"][0];
  EXPECT_EQ(inv["payments"].size(), 1u);
  EXPECT_EQ(inv["paid_minor"], 0);
  EXPECT_EQ(inv["outstanding_minor"], 1000);
}

// Defect 7: an auditor with read access, in a folder they cannot write, reads and verifies.
// Run as another user when the tests run as root (root writes anywhere).
TEST_F(LedgerSafety, AReadOnlyLedgerInAReadOnlyFolderCanBeRead) {
  namespace fs = std::filesystem;
  std::string folder = dir_.File("audit");
  fs::create_directory(folder);
  std::string db = folder + "/ro.db";
  ASSERT_EQ(Nanni({"--db", db, "init"}).exit_code, 0);
  ASSERT_EQ(Nanni({"--db", db, "import", dir_.File("seed.ndjson")}).exit_code, 0);
  ASSERT_FALSE(fs::exists(db + "-wal"));  // closed cleanly: no WAL left beside it
  ::chmod(db.c_str(), 0444);
  ::chmod(folder.c_str(), 0555);
  ::chmod(dir_.path().c_str(), 0755);
  std::vector<std::string> as_reader;
  if (::geteuid() == 0) as_reader = {"setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"};
  for (const std::vector<std::string>& cmd : std::vector<std::vector<std::string>>{
           {"verify"}, {"accounts"}, {"events", "acme"}, {"case", "acme"},
           {"brief", "acme"}, {"tone", "--account", "acme"}}) {
    std::vector<std::string> args = as_reader;
    args.insert(args.end(), {NANNI_BINARY, "--db", db});
    args.insert(args.end(), cmd.begin(), cmd.end());
    if (const char* other = std::getenv("NANNI_TEST_BINARY")) args[as_reader.size()] = other;
    auto r = test::Run(args);
    EXPECT_EQ(r.exit_code, 0) << cmd[0] << ": " << r.err;
    EXPECT_EQ(r.err.find("readonly"), std::string::npos) << r.err;
  }
  std::vector<std::string> listing;
  for (const auto& e : fs::directory_iterator(folder)) listing.push_back(e.path().filename());
  EXPECT_EQ(listing, std::vector<std::string>{"ro.db"});
  ::chmod(folder.c_str(), 0755);
}

// Defect 8: whatever identifies the ledger is covered by verification: its id and origin are
// in every leaf of the tree, and its metadata holds nothing else.
TEST_F(LedgerSafety, AnEditedLedgerIdFailsVerification) {
  const std::pair<std::string, std::string> kEdits[] = {
      {"UPDATE ledger_meta SET value = 'ffffffffffffffffffffffffffffffff' WHERE key = 'ledger_id'",
       "event 1 (id 'n1'): its contents do not match its leaf in the tree"},
      {"UPDATE ledger_meta SET value = 'example.com/another' WHERE key = 'origin'", "the ledger's id or origin"},
      {"DELETE FROM ledger_meta WHERE key = 'origin'", "ledger_meta lacks"},
      {"INSERT INTO ledger_meta VALUES ('owner', 'mallory')", "ledger_meta holds a key"}};
  for (const auto& [sql, says] : kEdits) {
    test::TempDir dir;
    std::string db = dir.File("m.db");
    ASSERT_EQ(Nanni({"--db", db, "init"}).exit_code, 0);
    ASSERT_EQ(Nanni({"--db", db, "import", dir_.File("seed.ndjson")}).exit_code, 0);
    auto tamper = test::Run({"sqlite3", db, "DROP TRIGGER IF EXISTS ledger_meta_no_update; "
                                            "DROP TRIGGER IF EXISTS ledger_meta_no_delete; " + sql});
    ASSERT_EQ(tamper.exit_code, 0) << tamper.err;
    auto v = Nanni({"--db", db, "verify"});
    EXPECT_EQ(v.exit_code, 1) << sql << "\n" << v.out;
    EXPECT_NE(v.err.find("verification FAILED"), std::string::npos) << v.err;
    EXPECT_NE(v.err.find(says), std::string::npos) << sql << ": " << v.err;
  }
}

TEST_F(LedgerSafety, LedgerMetaRefusesAccidentalEdits) {
  auto r = test::Run({"sqlite3", db_, "UPDATE ledger_meta SET value = 'x' WHERE key = 'ledger_id'"});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("identity is fixed"), std::string::npos) << r.err;
  ExpectLedgerIntact();
}

// Defect 9: times outside the years 0000-9999 once their offset is applied are refused.
TEST_F(LedgerSafety, TimesOutsideTheFourDigitYearsAreRefused) {
  for (std::string t : {"9999-12-31T23:59:59-23:59", "0000-01-01T00:00:00+00:01"}) {
    WriteFile(dir_.File("t.ndjson"), "{\"id\":\"x\",\"account\":\"a\",\"time\":\"" + t + "\",\"kind\":\"note\"}\n");
    auto r = Nanni({"--db", db_, "import", dir_.File("t.ndjson")});
    EXPECT_EQ(r.exit_code, 1) << t;
    EXPECT_NE(r.err.find("outside the years 0000-9999"), std::string::npos) << r.err;
  }
  auto r = Nanni({"--db", db_, "case", "acme", "--as-of", "9999-12-31T23:59:59-23:59"});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("outside the years 0000-9999"), std::string::npos) << r.err;
  ExpectLedgerIntact();
}

}  // namespace
}  // namespace nanni
