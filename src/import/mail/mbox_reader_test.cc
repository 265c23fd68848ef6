#include "import/mail/mbox_reader.h"

#include <gtest/gtest.h>

#include "support/test_support.h"

namespace nanni {
namespace {

std::vector<std::pair<uint64_t, std::string>> ReadAll(const std::string& path, bool mboxrd,
                                                      bool* saw_rd = nullptr) {
  std::unique_ptr<MboxReader> r;
  EXPECT_TRUE(MboxReader::Open(path, &r).ok());
  r->set_mboxrd(mboxrd);
  std::vector<std::pair<uint64_t, std::string>> out;
  std::string raw;
  uint64_t line;
  bool done = false;
  while (r->Next(&raw, &line, &done).ok() && !done) out.emplace_back(line, raw);
  if (saw_rd) *saw_rd = r->saw_mboxrd_escape();
  EXPECT_EQ(r->bytes_read(), r->size());
  return out;
}

const char kMbox[] =
    "From a@x.org Mon Apr 29 08:00:00 2019\nSubject: one\n\n>From the start\n>>From rd\n"
    "From here on, no colon so not a separator\n\n"
    "From b@x.org Mon Apr 29 09:00:00 2019\nSubject: two\n\nbody\n";

TEST(MboxReaderTest, SplitsOnFromLinesAndUnescapesByFlavour) {
  test::TempDir dir;
  test::WriteFile(dir.File("m"), kMbox);
  bool saw_rd = false;
  auto rd = ReadAll(dir.File("m"), true, &saw_rd);
  EXPECT_TRUE(saw_rd);
  ASSERT_EQ(rd.size(), 2u);
  EXPECT_EQ(rd[0].first, 1u);
  EXPECT_EQ(rd[0].second,
            "Subject: one\n\nFrom the start\n>From rd\nFrom here on, no colon so not a separator\n");
  EXPECT_EQ(rd[1].first, 8u);
  EXPECT_EQ(rd[1].second, "Subject: two\n\nbody\n");
  auto o = ReadAll(dir.File("m"), false);
  ASSERT_EQ(o.size(), 2u);
  EXPECT_NE(o[0].second.find("\nFrom the start\n>>From rd\n"), std::string::npos);
}

TEST(MboxReaderTest, CrLfAndEmptyFiles) {
  test::TempDir dir;
  test::WriteFile(dir.File("crlf"), "From a Mon Apr 29 08:00:00 2019\r\nS: 1\r\n\r\nx\r\n\r\n"
                                    "From b Mon Apr 29 08:00:00 2019\r\nS: 2\r\n\r\ny");
  auto m = ReadAll(dir.File("crlf"), true);
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].second, "S: 1\r\n\r\nx\r\n");
  EXPECT_EQ(m[1].second, "S: 2\r\n\r\ny");
  test::WriteFile(dir.File("empty"), "");
  EXPECT_TRUE(ReadAll(dir.File("empty"), true).empty());
}

// A line of any length is read in pieces, and only keep_bytes of a message are kept; the
// size is still the whole message's.
TEST(MboxReaderTest, LongLinesAndLargeMessagesAreCountedNotKept) {
  test::TempDir dir;
  const std::string huge(5 << 20, 'x');  // one 5 MiB line
  test::WriteFile(dir.File("m"), "From a Mon Apr 29 08:00:00 2019\nS: 1\nX: " + huge + "\n\nbody\n\n"
                                 "From b Mon Apr 29 08:00:00 2019\nS: 2\n\n \n");
  std::unique_ptr<MboxReader> r;
  ASSERT_TRUE(MboxReader::Open(dir.File("m"), &r).ok());
  r->set_keep_bytes(100);
  std::string raw;
  uint64_t line = 0;
  bool done = false;
  ASSERT_TRUE(r->Next(&raw, &line, &done).ok());
  ASSERT_FALSE(done);
  EXPECT_EQ(line, 1u);
  EXPECT_EQ(raw, ("S: 1\nX: " + huge).substr(0, 100));
  EXPECT_EQ(r->message_bytes(), 5u + 3 + huge.size() + 1 + 1 + 5);  // S, X, blank, body
  EXPECT_FALSE(r->whole());
  EXPECT_FALSE(r->blank());
  r->set_keep_bytes(UINT64_MAX);
  ASSERT_TRUE(r->Next(&raw, &line, &done).ok());
  EXPECT_EQ(line, 7u);
  EXPECT_EQ(raw, "S: 2\n\n \n");
  EXPECT_TRUE(r->whole());
  ASSERT_TRUE(r->Next(&raw, &line, &done).ok());
  EXPECT_TRUE(done);
}

// A "From " line longer than a piece is never a separator; a blank entry is blank.
TEST(MboxReaderTest, BlankEntriesAndOverlongFromLines) {
  test::TempDir dir;
  test::WriteFile(dir.File("m"), "From a Mon Apr 29 08:00:00 2019\n\n\n"
                                 "From b Mon Apr 29 08:00:00 2019 " + std::string(2 << 20, 'y') +
                                 "\nS: 2\n");
  std::unique_ptr<MboxReader> r;
  ASSERT_TRUE(MboxReader::Open(dir.File("m"), &r).ok());
  std::string raw;
  uint64_t line = 0;
  bool done = false;
  ASSERT_TRUE(r->Next(&raw, &line, &done).ok());
  EXPECT_FALSE(r->blank());  // the long "From b" line is text of the first entry
  EXPECT_NE(raw.find("S: 2"), std::string::npos);
  ASSERT_TRUE(r->Next(&raw, &line, &done).ok());
  EXPECT_TRUE(done);
  test::WriteFile(dir.File("blank"), "From a Mon Apr 29 08:00:00 2019\n \t\n\n");
  ASSERT_TRUE(MboxReader::Open(dir.File("blank"), &r).ok());
  ASSERT_TRUE(r->Next(&raw, &line, &done).ok());
  EXPECT_FALSE(done);
  EXPECT_TRUE(r->blank());
}

}  // namespace
}  // namespace nanni
