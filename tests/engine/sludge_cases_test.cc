// The sludge audit's definitions, data-driven: tests/data/sludge/cases.ndjson holds small
// accounts (a chased request, one bounced between our people, seven promises settled seven
// ways, a repeat caller), and expected.tsv says what `nanni --json sludge` must report of them,
// figure by figure, with why. Add a row to check another figure.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

#include "support/test_support.h"

namespace nanni {
namespace {

using nlohmann::json;
using test::Nanni;

// Follows `path` ("a/b[key=value]/c") through `root`; null when a step is missing.
json At(const json& root, const std::string& path) {
  const json* at = &root;
  for (const std::string& step : test::Split(path, '/')) {
    const size_t open = step.find('[');
    const std::string key = step.substr(0, open);
    if (!at->is_object() || !at->contains(key)) return nullptr;
    at = &at->at(key);
    if (open == std::string::npos) continue;
    const std::string pick = step.substr(open + 1, step.size() - open - 2);
    const size_t eq = pick.find('=');
    const std::string field = pick.substr(0, eq), value = pick.substr(eq + 1);
    const json* found = nullptr;
    for (const json& item : *at) {
      const json& v = item.value(field, json());
      if ((v.is_string() && v.get<std::string>() == value) || (v.is_number() && v.dump() == value)) found = &item;
    }
    if (found == nullptr) return nullptr;
    at = found;
  }
  return *at;
}

TEST(SludgeCases, EachFigureIsWhatTheTableSays) {
  test::TempDir dir;
  const std::string db = dir.File("s.db");
  ASSERT_EQ(Nanni({"--db", db, "init"}).exit_code, 0);
  auto imported = Nanni({"--db", db, "import", "--no-progress", test::TestData("sludge/cases.ndjson")});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  auto r = Nanni({"--db", db, "--json", "sludge", "--as-of", "2026-04-01"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json out = json::parse(r.out);
  std::ifstream in(test::TestData("sludge/expected.tsv"));
  std::string line;
  int n = 0, checked = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty() || line[0] == '#' || line.rfind("path\t", 0) == 0) continue;
    const std::vector<std::string> col = test::Split(line, '\t');
    ASSERT_EQ(col.size(), 3u) << "expected.tsv:" << n;
    SCOPED_TRACE("expected.tsv:" + std::to_string(n) + " " + col[0] + " (" + col[2] + ")");
    const json want = json::parse(col[1]);
    const json got = At(out, col[0]);
    ASSERT_FALSE(got.is_null()) << "no such figure";
    if (want.is_number_float()) {
      EXPECT_NEAR(got.get<double>(), want.get<double>(), 1e-6);
    } else {
      EXPECT_EQ(got, want);
    }
    ++checked;
  }
  EXPECT_GE(checked, 40);
}

}  // namespace
}  // namespace nanni
