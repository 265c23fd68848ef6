// Escalation root causes, data-driven: tests/data/escalations/causes.ndjson has one account
// per rule of docs/escalations.md, and expected.tsv says what `nanni escalations` must find
// for each escalation: cause, recorded or inferred, the events it rests on, the time to fix.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <sstream>

#include "support/test_support.h"

namespace nanni {
namespace {

using nlohmann::json;
using test::Nanni;

TEST(Escalations, EachRuleFindsItsCauseAsTheTableSays) {
  test::TempDir dir;
  const std::string db = dir.File("e.db");
  ASSERT_EQ(Nanni({"--db", db, "init"}).exit_code, 0);
  auto imported = Nanni({"--db", db, "import", "--no-progress", test::TestData("escalations/causes.ndjson")});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  auto r = Nanni({"--db", db, "--json", "escalations", "--as-of", "2026-06-01"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json out = json::parse(r.out);
  std::map<std::string, json> cases;
  for (const auto& c : out.at("cases")) cases[c.at("id")] = c;

  std::ifstream in(test::TestData("escalations/expected.tsv"));
  std::string line;
  int n = 0, checked = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty() || line[0] == '#' || line.rfind("id\t", 0) == 0) continue;
    const std::vector<std::string> col = test::Split(line, '\t');
    ASSERT_EQ(col.size(), 6u) << "expected.tsv:" << n;
    SCOPED_TRACE("expected.tsv:" + std::to_string(n) + " (" + col[5] + ")");
    ASSERT_TRUE(cases.count(col[0])) << col[0] << " is not among the escalations";
    const json& c = cases[col[0]];
    EXPECT_EQ(c.at("cause"), col[1]);
    EXPECT_EQ(c.at("recorded").get<bool>(), col[2] == "yes");
    std::vector<std::string> because;
    for (const auto& e : c.at("because")) because.push_back(e.at("id"));
    EXPECT_EQ(because, col[3] == "-" ? std::vector<std::string>() : test::Split(col[3], ','));
    if (col[4] == "-") {
      EXPECT_TRUE(c.at("fix_s").is_null());
    } else {
      EXPECT_EQ(c.at("fix_s").get<int64_t>(), std::stoll(col[4]));
    }
    ++checked;
  }
  EXPECT_EQ(checked, static_cast<int>(cases.size())) << "every escalation has a line in expected.tsv";
  // Causes ranked by count, then cost: every count here is 1, so the two answered (costlier) lead.
  ASSERT_EQ(out.at("causes").size(), 7u);
  EXPECT_GT(out.at("causes")[0].at("cost_minor").get<int64_t>(), out.at("causes")[6].at("cost_minor").get<int64_t>());
}

}  // namespace
}  // namespace nanni
