// Levels from titles and request detection (contact_level.h, request_rules.h).
#include <gtest/gtest.h>

#include "import/mail/contact_level.h"
#include "import/mail/request_rules.h"

namespace nanni {
namespace {

TEST(ContactLevelTest, TitlesMapToLevels) {
  EXPECT_EQ(LevelForTitle("CEO"), Level::kExecutive);
  EXPECT_EQ(LevelForTitle("VP Operations"), Level::kExecutive);
  EXPECT_EQ(LevelForTitle("Director of Engineering"), Level::kExecutive);
  EXPECT_EQ(LevelForTitle("Head of Support"), Level::kExecutive);
  EXPECT_EQ(LevelForTitle("Chief Technology Officer"), Level::kExecutive);
  EXPECT_EQ(LevelForTitle("Product Manager"), Level::kManager);
  EXPECT_EQ(LevelForTitle("Team Lead, RF"), Level::kManager);
  EXPECT_EQ(LevelForTitle("Senior RF Engineer"), Level::kUser);
  EXPECT_EQ(LevelForTitle(""), Level::kUser);
  EXPECT_EQ(LevelForTitle("we lead the market"), Level::kUser);  // words need a capital
}

TEST(ContactLevelTest, FindsTheTitleLineOfASignature) {
  EXPECT_EQ(FindTitle("Best regards,\nDana Whitfield\nVP Operations\nAcme Corp\n"), "VP Operations");
  EXPECT_EQ(FindTitle("Thanks,\nSam\nSenior Software Engineer | Ettus Research\n"),
            "Senior Software Engineer | Ettus Research");
  EXPECT_EQ(FindTitle("Cheers,\nSam\nsam@example.com\nhttp://x.example/Manager\n"), "");
  EXPECT_EQ(FindTitle(""), "");
}

TEST(RequestRulesTest, AsksAreFoundWithTheRuleThatFired) {
  EXPECT_EQ(DetectRequest("Does the B210 support 61.44 MS/s?"), "question");
  EXPECT_EQ(DetectRequest("Could you look at the attached log."), "phrase: could you");
  EXPECT_EQ(DetectRequest("I need the export fixed by Friday."), "phrase: i need");
  EXPECT_EQ(DetectRequest("Please advise."), "phrase: please");
  EXPECT_EQ(DetectRequest("Send me the new image."), "imperative: send");
  EXPECT_EQ(DetectRequest("Any ideas what causes this"), "phrase: any ideas");
}

TEST(RequestRulesTest, StatementsAreNotRequests) {
  EXPECT_EQ(DetectRequest("Thanks, that fixed it."), "");
  EXPECT_EQ(DetectRequest("See https://example.com/x?y=1 for the build log."), "");
  EXPECT_EQ(DetectRequest("The shipment arrived today."), "");
  EXPECT_EQ(DetectRequest(""), "");
}

}  // namespace
}  // namespace nanni
