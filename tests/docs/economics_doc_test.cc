// docs/economics.md works one account through the cost model by hand and shows what
// `nanni economics` prints for it: it must be what nanni prints today.
#include <gtest/gtest.h>

#include "support/test_support.h"

namespace nanni {
namespace {

TEST(EconomicsDoc, TheWorkedExampleIsWhatNanniPrints) {
  const std::string doc = test::ReadFile(std::string(NANNI_TEST_DATA) + "/../../docs/economics.md");
  const std::string prompt = "$ nanni economics --as-of 2026-06-01\n";
  const size_t at = doc.find(prompt);
  ASSERT_NE(at, std::string::npos) << "docs/economics.md lost its worked example";
  const size_t begin = at + prompt.size();
  const std::string shown = doc.substr(begin, doc.find("```", begin) - begin);
  test::TempDir dir;
  const std::string db = dir.File("w.db");
  ASSERT_EQ(test::Nanni({"--db", db, "init"}).exit_code, 0);
  auto imported = test::Nanni({"--db", db, "import", "--no-progress", test::TestData("economics/worked_example.ndjson")});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  auto r = test::Nanni({"--db", db, "economics", "--as-of", "2026-06-01"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, shown) << "update the worked example in docs/economics.md";
}

}  // namespace
}  // namespace nanni
