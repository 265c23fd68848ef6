// `nanni demo`, the README's first command: it must end with what nanni reads in the
// generated portfolio, and the planted abusive customer and discount badgerer must stand out.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/test_support.h"

namespace nanni {
namespace {

std::string PlantedContact(const nlohmann::json& truth, const std::string& situation) {
  for (const auto& s : truth["situations"]) {
    if (s["name"] == situation) return s["contacts"][0].get<std::string>();
  }
  return "";
}

TEST(Demo, ShowsTheLedgerTheCaseFileAndTheToneOfThePlantedContacts) {
  test::TempDir dir;
  auto r = test::Nanni({"--db", dir.File("d.db"), "demo"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json truth = nlohmann::json::parse(test::ReadFile(dir.File("d-truth.json")));
  std::string abusive = PlantedContact(truth, "abusive_customer");
  std::string badgerer = PlantedContact(truth, "discount_badgerer");
  ASSERT_FALSE(abusive.empty());
  ASSERT_FALSE(badgerer.empty());

  for (const char* section : {"verified the Merkle tree", "== Case file of", "== Briefing on",
                              "checked with the public key alone",
                              "== Tone: the contacts whose words stand out"}) {
    EXPECT_NE(r.out.find(section), std::string::npos) << section;
  }
  // In the tone section, the first contact under Abuse is the planted abusive one, and the
  // first under Discount badgering the planted badgerer.
  std::string tone = r.out.substr(r.out.find("== Tone:"));
  auto first_after = [&](const std::string& heading) {
    size_t at = tone.find("\n" + heading + "\n");
    EXPECT_NE(at, std::string::npos) << heading;
    size_t row = tone.find('\n', tone.find('\n', at + 1) + 1) + 1;  // past the column header
    return tone.substr(row, tone.find('\n', row) - row);
  };
  EXPECT_NE(first_after("Abuse").find(abusive), std::string::npos) << tone;
  EXPECT_NE(first_after("Discount badgering").find(badgerer), std::string::npos) << tone;

  // It ends with the triage: the account planted to be let go ranks first, with that signal.
  const size_t triage_at = r.out.find("== Triage:");
  ASSERT_NE(triage_at, std::string::npos);
  EXPECT_EQ(r.out.find("\n== ", triage_at + 1), std::string::npos) << "the triage is the last section";
  std::string let_go_account;
  for (const auto& s : truth["situations"]) {
    if (s["name"] == "let_go") let_go_account = s["accounts"][0];
  }
  const std::string triage = r.out.substr(triage_at);
  const size_t first = triage.find("  1. ");
  ASSERT_NE(first, std::string::npos) << triage;
  EXPECT_EQ(triage.substr(first + 5, let_go_account.size()), let_go_account) << triage;
  EXPECT_NE(triage.find("let_go"), std::string::npos);
}

}  // namespace
}  // namespace nanni
