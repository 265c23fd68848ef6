// docs/profiles.md stays true: the messages it shows for an unreadable file, a time no format
// reads and dates that could be day- or month-first are the ones nanni gives.
#include <gtest/gtest.h>

#include "import/csv/csv_reader.h"
#include "import/csv/csv_source.h"
#include "support/test_support.h"

namespace nanni {
namespace {

std::string Doc() { return test::ReadFile(std::string(NANNI_TEST_DATA) + "/../../docs/profiles.md"); }

// Imports `csv`, written to a file named `name`, through the profile `toml`; returns the
// first error, or the notes joined by newlines when there is none.
std::string ImportOutcome(const std::string& toml, const std::string& name, const std::string& csv) {
  test::TempDir dir;
  test::WriteFile(dir.File(name), csv);
  Profile profile;
  Status st = ParseProfile(toml, "p.toml", &profile);
  if (!st.ok()) return st.message();
  std::unique_ptr<CsvSource> source;
  st = CsvSource::Open(dir.File(name), profile, {}, &source);
  if (!st.ok()) return st.message();
  Event e;
  for (bool done = false; !done;) {
    st = source->Next(&e, &done);
    if (!st.ok()) return st.message().substr(dir.path().size() + 1);
  }
  std::string notes;
  for (const std::string& n : source->Notes()) notes += n.substr(dir.path().size() + 1);
  return notes;
}

TEST(ProfilesDocTest, TheMessagesShownAreTheOnesGiven) {
  std::string doc = Doc();
  std::string utf16 = CsvReader::CheckNotCsv(std::string_view("\xFF\xFEi\0", 4), "export.csv").message();
  EXPECT_NE(doc.find("nanni: export.csv: " + utf16 + "\n"), std::string::npos) << utf16;

  std::string hour = ImportOutcome(
      "[time]\nformats = \"%Y-%m-%d %H:%M\"\n[[event]]\nkind = \"note\"\nid = \"{id}\"\n"
      "account = \"a\"\ntime = \"{at}\"\n",
      "calls.csv", "id,at\n1,2026-01-02 03:15 PM\n");
  EXPECT_NE(doc.find("\n" + hour + "\n"), std::string::npos) << hour;

  std::string rows = "id,date\n1,05/01/2022\n";
  for (int line = 3; line < 40; ++line) rows += std::to_string(line) + ",07/07/2022\n";
  rows += "40,11/03/2022\n";
  std::string note = ImportOutcome(
      "[time]\nformats = \"%d/%m/%Y\"\n[[event]]\nkind = \"note\"\nid = \"{id}\"\n"
      "account = \"a\"\ntime = \"{date}\"\n",
      "export.csv", rows);
  EXPECT_NE(doc.find("note: " + note + "\n"), std::string::npos) << note;
}

}  // namespace
}  // namespace nanni
