// Issue 10, mail: one bad message must not block an archive, and nothing in a message can
// make the import store what readers refuse or read without bound. Each test is a
// reproduction that failed on the code before the fix.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/resource.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "import/import_limits.h"
#include "support/test_support.h"

namespace nanni {
namespace {

using test::Nanni;
using test::ReadFile;
using test::WriteFile;

// One mbox entry: its "From " line, the headers given, and a body.
std::string Entry(const std::string& id, const std::string& headers, const std::string& body = "Hello.\n") {
  return "From dana@acme.example Mon Mar  2 09:14:00 2026\nFrom: Dana <dana@acme.example>\n"
         "To: support@ourco.example\nMessage-ID: <" + id + ">\n" + headers + "\n" + body + "\n";
}

std::string Dated(const std::string& id, const std::string& headers = "",
                  const std::string& body = "Hello.\n") {
  return Entry(id, "Date: Mon, 02 Mar 2026 09:14:00 +0100\n" + headers, body);
}

// The 1-based line of the "From " line of the entry of `id` in `mbox` (Entry's layout).
uint64_t LineOf(const std::string& mbox, const std::string& id) {
  std::istringstream in(mbox);
  std::string line;
  for (uint64_t n = 1; std::getline(in, line); ++n) {
    if (line == "Message-ID: <" + id + ">") return n - 3;
  }
  return 0;
}

std::vector<nlohmann::json> JsonLines(const std::string& path) {
  std::vector<nlohmann::json> out;
  std::istringstream in(ReadFile(path));
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) out.push_back(nlohmann::json::parse(line));
  }
  return out;
}

class MailSafety : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(Nanni({"--db", db_, "init"}).exit_code, 0);
    WriteFile(dir_.File("nanni.toml"), "[company]\ndomains = [\"ourco.example\"]\n");
  }
  test::CommandResult Import(std::vector<std::string> args) {
    std::vector<std::string> all = {"--db", db_, "--config", dir_.File("nanni.toml"), "--json",
                                    "import"};
    all.insert(all.end(), args.begin(), args.end());
    return Nanni(all);
  }
  uint64_t Events() {
    auto r = Nanni({"--db", db_, "--json", "verify"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.exit_code == 0 ? nlohmann::json::parse(r.out)["checked"].get<uint64_t>() : 0;
  }
  // Strict refuses naming `where` and every one of `words`; lenient imports the other two
  // messages and writes one reject for `ref` at `line`.
  void ExpectRefusedThenRejected(const std::string& file, uint64_t line, const std::string& ref,
                                 const std::vector<std::string>& words) {
    auto strict = Import({dir_.File(file)});
    EXPECT_EQ(strict.exit_code, 1) << strict.err;
    EXPECT_NE(strict.err.find(file + ":" + std::to_string(line)), std::string::npos) << strict.err;
    EXPECT_NE(strict.err.find(ref), std::string::npos) << strict.err;
    for (const std::string& w : words) EXPECT_NE(strict.err.find(w), std::string::npos) << w << "\n" << strict.err;
    EXPECT_NE(strict.err.find("the ledger is unchanged"), std::string::npos) << strict.err;
    EXPECT_EQ(Events(), 0u);

    auto lenient = Import({"--lenient", "--rejects", dir_.File("r.jsonl"), dir_.File(file)});
    ASSERT_EQ(lenient.exit_code, 0) << lenient.err;
    auto summary = nlohmann::json::parse(lenient.out);
    EXPECT_EQ(summary["added"], 2) << lenient.out;
    EXPECT_EQ(summary["rejected"], 1) << lenient.out;
    EXPECT_EQ(Events(), 2u);
    std::vector<nlohmann::json> rejects = JsonLines(dir_.File("r.jsonl"));
    ASSERT_EQ(rejects.size(), 1u);
    EXPECT_EQ(rejects[0]["file"], file);
    EXPECT_EQ(rejects[0]["line"], line);
    EXPECT_EQ(rejects[0]["ref"], ref);
    for (const std::string& w : words) {
      EXPECT_NE(rejects[0]["reason"].get<std::string>().find(w), std::string::npos) << rejects[0];
    }
    EXPECT_EQ(Nanni({"--db", db_, "verify"}).exit_code, 0);
  }

  test::TempDir dir_;
  std::string db_ = dir_.File("l.db");
};

// Defect 2: a message without a readable date stopped the whole archive, and --lenient did
// not apply to mail.
TEST_F(MailSafety, AMessageWithoutADateIsRefusedOrRejectedAlone) {
  std::string mbox = Dated("one@acme.example") + Entry("nodate@acme.example", "") +
                     Dated("three@acme.example");
  WriteFile(dir_.File("support.mbox"), mbox);
  ExpectRefusedThenRejected("support.mbox", LineOf(mbox, "nodate@acme.example"), "<nodate@acme.example>",
                            {"field 'Date'", "no readable Date"});
}

// Defect 3: a Date in year 0000 was stored as 2000 (GMime reads it as a two-digit year). It
// is unreadable: refused quoting the Date, or dated by Received when there is one.
TEST_F(MailSafety, AYearZeroDateIsUnreadableNotTheYear2000) {
  std::string mbox = Dated("one@acme.example") +
                     Entry("zero@acme.example", "Date: Mon, 1 Jan 0000 10:00:00 +0000\n") +
                     Dated("three@acme.example");
  WriteFile(dir_.File("zero.mbox"), mbox);
  ExpectRefusedThenRejected("zero.mbox", LineOf(mbox, "zero@acme.example"), "<zero@acme.example>",
                            {"no readable Date", "(Date: \"Mon, 1 Jan 0000 10:00:00 +0000\")"});
  WriteFile(dir_.File("received.mbox"),
            Entry("received@acme.example", "Date: Mon, 1 Jan 0000 10:00:00 +0000\n"
                  "Received: from mx by mx.ourco.example; Tue, 3 Mar 2026 08:00:00 +0100\n") +
                Entry("fifty@acme.example", "Date: Sun, 1 Jan 50 10:00:00 +0000\n"));
  auto r = Import({dir_.File("received.mbox")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto summary = nlohmann::json::parse(r.out);
  ASSERT_EQ(summary["notes"].size(), 1u) << r.out;
  EXPECT_NE(summary["notes"][0].get<std::string>().find("1 message without a readable Date header is "
                                                        "dated by its newest Received header"),
            std::string::npos) << r.out;
  auto events = Nanni({"--db", db_, "--json", "events", "acme.example"});
  ASSERT_EQ(events.exit_code, 0) << events.err;
  EXPECT_NE(events.out.find("\"time\":\"2026-03-03T08:00:00+01:00\""), std::string::npos) << events.out;
  EXPECT_NE(events.out.find("\"time\":\"1950-01-01T10:00:00Z\""), std::string::npos) << events.out;
  EXPECT_EQ(events.out.find("2000-01-01"), std::string::npos) << events.out;
  EXPECT_EQ(events.out.find("2050-01-01"), std::string::npos) << events.out;
}

// Defect 4: an RFC 2231 file name was cut at %00, so "invoice.pdf%00.exe" was recorded as
// "invoice.pdf". The whole name is kept, the NUL escaped.
TEST_F(MailSafety, AnAttachmentNameIsNeverCutAtANul) {
  WriteFile(dir_.File("nul.mbox"),
            Dated("nul@acme.example",
                  "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=B\n",
                  "--B\nContent-Type: text/plain\n\nSee the invoice.\n--B\n"
                  "Content-Type: application/octet-stream\n"
                  "Content-Disposition: attachment; filename*=utf-8''invoice.pdf%00.exe\n"
                  "Content-Transfer-Encoding: base64\n\naGVsbG8=\n--B--\n"));
  auto r = Import({dir_.File("nul.mbox")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto events = Nanni({"--db", db_, "--json", "events", "acme.example"});
  ASSERT_EQ(events.exit_code, 0) << events.err;
  auto json = nlohmann::json::parse(events.out);
  std::string attachments = json["events"][0]["event"]["meta"]["attachments"].get<std::string>();
  EXPECT_EQ(nlohmann::json::parse(attachments)[0]["name"], "invoice.pdf\\x00.exe") << attachments;
}

// Defect 5: a folder of NDJSON files was read as mail, found no message, and imported nothing
// with exit 0 and no word.
TEST_F(MailSafety, AFolderWithoutMailIsRefusedSayingWhatItHolds) {
  std::filesystem::create_directories(dir_.File("events"));
  for (int i = 1; i <= 3; ++i) {
    WriteFile(dir_.File("events/" + std::to_string(i) + ".ndjson"),
              "{\"id\":\"n" + std::to_string(i) +
                  "\",\"account\":\"a\",\"time\":\"2026-03-02T09:14:00Z\",\"kind\":\"note\"}\n");
  }
  const std::string dir = dir_.File("events");
  auto r = Import({dir + "/"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(r.err, "nanni: " + dir + ": no mail in this folder (3 files, none an mbox or a message; 3 "
                   "end in .ndjson): to import NDJSON files, name them: nanni import " + dir +
                   "/*.ndjson\n");
  EXPECT_EQ(Events(), 0u);
  // In a folder with mail, the files that are not are counted in a note.
  WriteFile(dir_.File("events/4.eml"), Dated("four@acme.example").substr(Dated("four@acme.example").find('\n') + 1));
  r = Import({dir});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto summary = nlohmann::json::parse(r.out);
  EXPECT_EQ(summary["added"], 1);
  ASSERT_EQ(summary["notes"].size(), 1u) << r.out;
  EXPECT_EQ(summary["notes"][0], dir + ": 3 files skipped, not an mbox or a message (3 end in .ndjson)");
}

// Defect 1: a 10 MB header line (here the Subject, which the event keeps) made an event over
// the 4 MiB limit, and the import stored it.
TEST_F(MailSafety, AMessageWithATenMegabyteHeaderIsRefusedOrRejectedAlone) {
  std::string mbox = Dated("one@acme.example") +
                     Dated("big@acme.example", "Subject: " + std::string(10 << 20, 'x') + "\n") +
                     Dated("three@acme.example");
  WriteFile(dir_.File("huge-header.mbox"), mbox);
  ExpectRefusedThenRejected("huge-header.mbox", LineOf(mbox, "big@acme.example"),
                            "<big@acme.example>", {"bytes; the limit is 4194304 bytes"});
}

// Defect 1: a header the event does not keep (X-Junk) makes no large event, and is imported.
TEST_F(MailSafety, ATenMegabyteHeaderThatIsNotKeptIsImported) {
  WriteFile(dir_.File("junk.mbox"),
            Dated("one@acme.example", "X-Junk: " + std::string(10 << 20, 'x') + "\n"));
  auto r = Import({dir_.File("junk.mbox")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["added"], 1);
}

// Defect 1: a message larger than the mail reader's bound (a sparse file: 257 MiB of NULs in
// one header line) is refused or rejected, and never held in memory whole.
TEST_F(MailSafety, AMessageOverTheReadersBoundIsLeftOutWithoutBeingReadWhole) {
  const std::string head = Dated("one@acme.example") + "From dana@acme.example Mon Mar  2 09:14:00 2026\n"
                           "From: Dana <dana@acme.example>\nTo: support@ourco.example\n"
                           "Message-ID: <huge@acme.example>\n"
                           "Date: Mon, 02 Mar 2026 09:14:00 +0100\nX-Junk: ";
  const uint64_t junk = kMaxMailMessageBytes + (1 << 20);
  {
    std::ofstream out(dir_.File("huge.mbox"), std::ios::binary);
    out << head;
    out.seekp(static_cast<std::streamoff>(head.size() + junk));  // a hole reads as NULs
    out << "\n\nHello.\n\n" << Dated("three@acme.example");
  }
  // The peak memory of an import of a small mbox (more under a sanitizer), then of this one.
  WriteFile(dir_.File("small.mbox"), Dated("small@acme.example"));
  ASSERT_EQ(Nanni({"--db", dir_.File("other.db"), "init"}).exit_code, 0);
  ASSERT_EQ(Nanni({"--db", dir_.File("other.db"), "import", dir_.File("small.mbox")}).exit_code, 0);
  struct rusage usage;
  ASSERT_EQ(getrusage(RUSAGE_CHILDREN, &usage), 0);
  const long small_kib = usage.ru_maxrss;
  ExpectRefusedThenRejected("huge.mbox", LineOf(head, "huge@acme.example"), "<huge@acme.example>",
                            {"bytes; the limit for one message is 268435456 bytes"});
  ASSERT_EQ(getrusage(RUSAGE_CHILDREN, &usage), 0);
  EXPECT_LT(usage.ru_maxrss - small_kib, 64 << 10)
      << "KiB more than a small import: the message was held in memory";
}

}  // namespace
}  // namespace nanni
