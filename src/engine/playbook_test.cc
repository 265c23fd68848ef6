#include "engine/playbook.h"

#include <gtest/gtest.h>

#include <set>

namespace nanni {
namespace {

TEST(Playbook, TheEmbeddedOneHasAMoveForEverySignal) {
  const Playbook* playbook = nullptr;
  ASSERT_TRUE(Playbook::Default(&playbook).ok());
  std::set<std::string> covered;
  for (const Move& m : playbook->moves()) {
    EXPECT_FALSE(m.title.empty()) << m.move;
    EXPECT_FALSE(m.principle.empty()) << m.move;
    EXPECT_FALSE(m.seed.empty()) << m.move;
    covered.insert(m.signals.begin(), m.signals.end());
  }
  for (std::string_view id : kSignalIds) EXPECT_TRUE(covered.count(std::string(id))) << id << " has no move";
}

TEST(Playbook, MovesComeOnceWithTheContactAndAccountFilledIn) {
  Playbook p;
  Status s = Playbook::Parse(R"(
[[move]]
id = "call"
when = ["legal_risk", "hostile_stakeholder"]
title = "Call {contact}"
principle = "p"
seed = "001"
text = "Call {contact} of {account} today."
)", "p.toml", &p);
  ASSERT_TRUE(s.ok()) << s.ToString();
  Signal legal, hostile;
  legal.signal = "legal_risk";
  legal.contact = "Lou Marsh <lou@acme.example>";
  hostile.signal = "hostile_stakeholder";
  hostile.contact = "Someone Else";
  std::vector<Move> moves = p.MovesFor("acme", {legal, hostile});
  ASSERT_EQ(moves.size(), 1u);
  EXPECT_EQ(moves[0].text, "Call Lou Marsh <lou@acme.example> of acme today.");
  EXPECT_EQ(moves[0].signals, (std::vector<std::string>{"legal_risk", "hostile_stakeholder"}));
  EXPECT_TRUE(p.MovesFor("acme", {}).empty());
}

TEST(Playbook, AnUnknownSignalOrAMissingFieldIsNamed) {
  Playbook p;
  Status s = Playbook::Parse("[[move]]\nid = \"x\"\nwhen = [\"legal_rsk\"]\ntitle = \"t\"\nprinciple = \"p\"\n"
                             "seed = \"1\"\ntext = \"t\"\n",
                             "p.toml", &p);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("legal_rsk"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("p.toml"), std::string::npos) << s.message();
  s = Playbook::Parse("[[move]]\nid = \"x\"\nwhen = [\"legal_risk\"]\n", "p.toml", &p);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("title"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace nanni
