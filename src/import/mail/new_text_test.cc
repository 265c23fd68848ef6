#include "import/mail/new_text.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "support/test_support.h"

namespace nanni {
namespace {

// Every tests/data/mail/newtext/NAME.txt has NAME.expected: the new text it must give.
TEST(NewTextTest, DataDrivenCases) {
  namespace fs = std::filesystem;
  int cases = 0;
  for (const auto& entry : fs::directory_iterator(test::TestData("mail/newtext"))) {
    if (entry.path().extension() != ".txt") continue;
    fs::path expected = entry.path();
    expected.replace_extension(".expected");
    ASSERT_TRUE(fs::exists(expected)) << expected;
    SplitText split = SplitNewText(test::ReadFile(entry.path().string()));
    EXPECT_EQ(split.new_text, test::ReadFile(expected.string())) << entry.path().filename();
    ++cases;
  }
  EXPECT_GE(cases, 10);
}

TEST(NewTextTest, SignatureBlockIsKeptApartForTitles) {
  SplitText s = SplitNewText("Fixed.\n\nBest regards,\nDana Whitfield\nVP Operations\n");
  EXPECT_EQ(s.new_text, "Fixed.");
  EXPECT_NE(s.signature.find("VP Operations"), std::string::npos);
  s = SplitNewText("Fixed.\n-- \nSam Ortiz\nSupport Manager\n");
  EXPECT_NE(s.signature.find("Support Manager"), std::string::npos);
}

TEST(NewTextTest, HostileInputDoesNotCrash) {
  EXPECT_EQ(SplitNewText("").new_text, "");
  EXPECT_EQ(SplitNewText("\n\n\n").new_text, "");
  EXPECT_EQ(SplitNewText(std::string(100000, '>')).new_text, "");
  SplitNewText(std::string(5000, '\n') + "wrote:");
}

}  // namespace
}  // namespace nanni
