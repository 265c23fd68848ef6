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

}  // namespace
}  // namespace nanni
