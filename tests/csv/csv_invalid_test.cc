// Data-driven: tests/data/csv/invalid/cases.tsv pairs hostile CSV files with the exact error
// a strict import must stop with (tests/data/csv/invalid/README.md).
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <sstream>

#include "import/csv/builtin_profiles.h"
#include "import/csv/csv_source.h"
#include "support/test_support.h"

namespace nanni {
namespace {

namespace fs = std::filesystem;

// The first error of importing `csv` through `profile` (both paths), or "" when none.
std::string FirstError(const std::string& csv, const std::string& profile_path) {
  Profile profile;
  Status st = ResolveProfile(profile_path, &profile);
  if (!st.ok()) return st.message();
  std::unique_ptr<CsvSource> source;
  st = CsvSource::Open(csv, profile, {}, &source);
  if (!st.ok()) return st.message();
  Event e;
  for (bool done = false; !done;) {
    st = source->Next(&e, &done);
    if (!st.ok()) return st.message();
  }
  return "";
}

std::string Replace(std::string s, const std::string& from, const std::string& to) {
  for (size_t at = 0; (at = s.find(from, at)) != std::string::npos; at += to.size()) {
    s.replace(at, from.size(), to);
  }
  return s;
}

TEST(CsvInvalid, EveryHostileFileStopsTheImportWithItsExactError) {
  const std::string data = test::TestData("csv/invalid");
  test::TempDir dir;  // a copy, so the paths in messages are known
  for (const auto& entry : fs::directory_iterator(data)) {
    fs::copy_file(entry.path(), dir.File(entry.path().filename().string()));
  }
  std::set<std::string> covered;
  std::istringstream in(test::ReadFile(data + "/cases.tsv"));
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream cols(line);
    std::string csv, profile, expected;
    ASSERT_TRUE(std::getline(cols, csv, '\t') && std::getline(cols, profile, '\t') &&
                std::getline(cols, expected))
        << "a case is FILE, TAB, PROFILE, TAB, ERROR: " << line;
    covered.insert(csv);
    expected = Replace(Replace(expected, "\\n", "\n"), "{dir}", dir.path());
    EXPECT_EQ(FirstError(dir.File(csv), dir.File(profile)), expected) << csv;
  }
  for (const auto& entry : fs::directory_iterator(data)) {
    std::string name = entry.path().filename().string();
    if (name.ends_with(".toml") || name.ends_with(".md") || name == "cases.tsv") continue;
    EXPECT_TRUE(covered.count(name)) << name << " has no line in cases.tsv";
  }
  EXPECT_GE(covered.size(), 20u);
}

}  // namespace
}  // namespace nanni
