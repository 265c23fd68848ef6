#include "text/chase.h"

#include <gtest/gtest.h>

namespace nanni {
namespace {

TEST(ChaseTest, TheWordsOfACustomerWhoChases) {
  const ChasePhrases& p = ChasePhrases::Default();
  EXPECT_GT(p.size(), 40u);
  for (const char* text : {"Any update?", "Re: Following up on ticket 4411", "Hi, just checking in on my refund.",
                           "We are STILL WAITING.", "As per my last email, the export is broken.",
                           "I haven\xE2\x80\x99t heard back since Monday", "This is the third time asking.",
                           "Gentle reminder: the invoice is wrong", "bumping this"}) {
    EXPECT_TRUE(p.Chases(text)) << text;
  }
}

TEST(ChaseTest, OtherWordsDoNotChase) {
  const ChasePhrases& p = ChasePhrases::Default();
  for (const char* text : {"Thanks, I am following the steps now.", "Please update the address on file.",
                           "Our status page says green.", "I heard back from legal: all fine.",
                           "We will follow up internally.", "", "updates"}) {
    EXPECT_FALSE(p.Chases(text)) << text << " matched '" << p.Find(text) << "'";
  }
}

TEST(ChaseTest, WholeWordsOnlyAndTheFirstPhraseNamed) {
  const ChasePhrases p = ChasePhrases::Parse("# comment\n\nany update\nany update at all\n");
  EXPECT_EQ(p.size(), 2u);
  EXPECT_EQ(p.Find("ANY update AT all?"), "any update at all") << "the longest phrase at a word wins";
  EXPECT_EQ(p.Find("many updates"), "");
  EXPECT_NE(p.fingerprint(), ChasePhrases::Parse("any update\n").fingerprint());
}

}  // namespace
}  // namespace nanni
