#include "text/new_text.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "support/test_support.h"

namespace nanni {
namespace {

// What the tone scorer reads of a message it strips itself.
std::string ToneText(std::string_view message) { return WithoutCode(SplitNewText(message).new_text); }

// Every tests/data/text/newtext/NAME.txt has NAME.expected, the new text it must give, and
// may have NAME.tone, what the tone scorer reads of it when that differs (code left out).
TEST(NewTextTest, DataDrivenCases) {
  namespace fs = std::filesystem;
  int cases = 0;
  for (const auto& entry : fs::directory_iterator(test::TestData("text/newtext"))) {
    if (entry.path().extension() != ".txt") continue;
    fs::path expected = entry.path(), tone = entry.path();
    expected.replace_extension(".expected");
    tone.replace_extension(".tone");
    ASSERT_TRUE(fs::exists(expected)) << expected;
    std::string text = test::ReadFile(entry.path().string());
    SplitText split = SplitNewText(text);
    EXPECT_EQ(split.new_text, test::ReadFile(expected.string())) << entry.path().filename();
    std::string tone_expected = test::ReadFile((fs::exists(tone) ? tone : expected).string());
    EXPECT_EQ(ToneText(text), tone_expected) << entry.path().filename() << " (tone)";
    ++cases;
  }
  EXPECT_GE(cases, 20);
}

TEST(NewTextTest, SignatureBlockIsKeptApartForTitles) {
  SplitText s = SplitNewText("Fixed.\n\nBest regards,\nDana Whitfield\nVP Operations\n");
  EXPECT_EQ(s.new_text, "Fixed.");
  EXPECT_NE(s.signature.find("VP Operations"), std::string::npos);
  s = SplitNewText("Fixed.\n-- \nSam Ortiz\nSupport Manager\n");
  EXPECT_EQ(s.new_text, "Fixed.");
  EXPECT_NE(s.signature.find("Support Manager"), std::string::npos);
}

// The cases the tone scorer's own stripper had (src/tone/new_text.cc before issue 11).
TEST(NewTextTest, WhatTheToneScorerReads) {
  EXPECT_EQ(ToneText("Thanks!\n> you idiot\n>> older"), "Thanks!");
  EXPECT_EQ(ToneText("Fine.\n\nOn Mon, 5 Jan 2026 at 10:00, Bob <b@x> wrote:\nold text"), "Fine.");
  EXPECT_EQ(ToneText("Fine.\nOn Mon, 5 Jan 2026 at 10:00, Bob\n<b@x> wrote:\nold"), "Fine.");
  EXPECT_EQ(ToneText("Fine.\nOn Mon, 5 Jan 2026 at 10:00, Bob <b@x> writes:\nold"), "Fine.");
  EXPECT_EQ(ToneText("Yes.\n-----Original Message-----\nFrom: x"), "Yes.");
  EXPECT_EQ(ToneText("Yes.\n----- Original Message -----\nFrom: x"), "Yes.");
  EXPECT_EQ(ToneText("Yes.\n\nFrom: Bob\nSent: Monday\nold"), "Yes.");
  EXPECT_EQ(ToneText("Best\n-- \nBob, CEO"), "Best");
  EXPECT_EQ(ToneText("Log:\n```\nerror: damn\n```\nok?"), "Log:\nok?");
  EXPECT_EQ(ToneText("Log:\n```\nunclosed fence"), "Log:");
  EXPECT_EQ(ToneText("See:\n\n    code line\n    more\nafter"), "See:\n\nafter");
  EXPECT_EQ(ToneText("    starts indented"), "    starts indented");  // no blank line before it
  // What the mail rules add: a bottom-posted reply is read, not cut at the attribution.
  EXPECT_EQ(ToneText("On Mon, 5 Jan 2026, Bob <b@x> wrote:\n> you idiots\n\nNo need for that."),
            "No need for that.");
}

TEST(NewTextTest, HostileInputDoesNotCrash) {
  EXPECT_EQ(SplitNewText("").new_text, "");
  EXPECT_EQ(SplitNewText("\n\n\n").new_text, "");
  EXPECT_EQ(SplitNewText(std::string(100000, '>')).new_text, "");
  SplitNewText(std::string(5000, '\n') + "wrote:");
  EXPECT_EQ(WithoutCode(std::string(1000, '`')), "");
  EXPECT_EQ(WithoutCode(""), "");
  std::string fences;
  for (int i = 0; i < 1000; ++i) fences += "```\n";
  EXPECT_EQ(SplitNewText(fences + "x").new_text, fences + "x");
}

}  // namespace
}  // namespace nanni
