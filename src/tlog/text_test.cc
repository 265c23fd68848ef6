#include "tlog/text.h"

#include <gtest/gtest.h>

#include "util/printable.h"

namespace nanni {
namespace {

TEST(TlogTextTest, SplitsNewlineTerminatedLines) {
  std::vector<std::string_view> lines;
  ASSERT_TRUE(SplitNewlineTerminated("a\n\nbc\n", &lines).ok());
  EXPECT_EQ(lines, (std::vector<std::string_view>{"a", "", "bc"}));
  ASSERT_TRUE(SplitNewlineTerminated("", &lines).ok());
  EXPECT_TRUE(lines.empty());
  Status s = SplitNewlineTerminated("a\nb", &lines);
  EXPECT_EQ(s.message(), "line 2 does not end with a newline");
}

TEST(TlogTextTest, ParsesDecimalsStrictly) {
  uint64_t v = 7;
  ASSERT_TRUE(ParseDecimalUint64("0", &v).ok());
  EXPECT_EQ(v, 0u);
  ASSERT_TRUE(ParseDecimalUint64("18446744073709551615", &v).ok());
  EXPECT_EQ(v, UINT64_MAX);
  const std::pair<const char*, const char*> kBad[] = {
      {"", "empty"},          {"01", "leading zero"},  {"00", "leading zero"},
      {"+1", "not a decimal"}, {"-1", "not a decimal"}, {" 1", "not a decimal"},
      {"1 ", "not a decimal"}, {"0x10", "not a decimal"},
      {"18446744073709551616", "larger than 2^64 - 1"},
      {"99999999999999999999", "larger than 2^64 - 1"},
  };
  for (const auto& [text, want] : kBad) {
    Status s = ParseDecimalUint64(text, &v);
    EXPECT_EQ(s.code(), Status::Code::kInvalidInput) << text;
    EXPECT_NE(s.message().find(want), std::string::npos) << text << ": " << s.message();
  }
}

TEST(TlogTextTest, NoteCharactersAreUtf8WithoutControls) {
  EXPECT_TRUE(CheckNoteCharacters("ed è subito sera.\n— x\n\x7f").ok());
  EXPECT_EQ(CheckNoteCharacters("a\nb\rc\n").message(), "line 2 has control character 0x0d");
  EXPECT_EQ(CheckNoteCharacters("a\tb").message(), "line 1 has control character 0x09");
  EXPECT_EQ(CheckNoteCharacters("a\n\n\xff").message(), "line 3 is not valid UTF-8");
}

TEST(TlogTextTest, QuotesAreShort) {
  EXPECT_EQ(QuoteForMessage("abc"), "'abc'");
  EXPECT_EQ(QuoteForMessage(std::string(100, 'x')), "'" + std::string(40, 'x') + "...'");
}

// Found by fuzz/tlog_text_fuzzer: a proof's first line with a NUL and a stray byte was quoted raw.
TEST(TlogTextTest, QuotesAreMadePrintable) {
  const std::string quoted = QuoteForMessage(std::string("c\0m\x8dle", 6));
  EXPECT_EQ(quoted.find('\0'), std::string::npos) << quoted;
  EXPECT_FALSE(HasUnprintable(quoted)) << quoted;
}

}  // namespace
}  // namespace nanni
