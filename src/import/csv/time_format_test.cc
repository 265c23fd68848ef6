// Data-driven: tests/data/csv/time_hints.tsv pairs time values and formats with the hints a
// value that matches none of them must get.
#include "import/csv/time_format.h"

#include <gtest/gtest.h>

#include <sstream>
#include <vector>

#include "support/test_support.h"

namespace nanni {
namespace {

std::vector<std::string> Split(const std::string& s, const std::string& sep) {
  std::vector<std::string> out;
  size_t from = 0;
  for (size_t at; (at = s.find(sep, from)) != std::string::npos; from = at + sep.size()) {
    out.push_back(s.substr(from, at - from));
  }
  out.push_back(s.substr(from));
  return out;
}

TEST(TimeFormat, AValueNoFormatReadsGetsTheHintsOfTheTable) {
  std::istringstream in(test::ReadFile(test::TestData("csv/time_hints.tsv")));
  int cases = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols = Split(line, "\t");
    ASSERT_EQ(cols.size(), 3u) << line;
    std::vector<std::string> formats = Split(cols[1], " || ");
    std::string want = cols[2] == "-" ? "" : "\n" + cols[2];
    for (size_t at; (at = want.find(" \\n ")) != std::string::npos;) want.replace(at, 4, "\n");
    Timestamp t;
    for (const std::string& f : formats) {
      ASSERT_FALSE(ParseTimeWithFormat(cols[0], f, "UTC", Ambiguity::kEarliest, &t).ok()) << line;
    }
    EXPECT_EQ(TimeFormatHints(cols[0], formats, "UTC", Ambiguity::kEarliest), want) << line;
    ++cases;
  }
  EXPECT_GE(cases, 15);
}

TEST(TimeFormat, DayAndMonthAreAmbiguousWhenBothAreNumbersOutOfIsoOrder) {
  for (const char* f : {"%d/%m/%Y", "%m/%d/%Y", "%e.%m.%y %H:%M", "%d-%m-%Y", "%Y/%d/%m"}) {
    EXPECT_TRUE(DayMonthAmbiguous(f)) << f;
  }
  for (const char* f : {"%Y-%m-%d", "%F %T", "%FT%T%Ez", "%y%m%d", "%d %b %Y", "%B %d, %Y",
                        "%m/%Y", "%H:%M"}) {
    EXPECT_FALSE(DayMonthAmbiguous(f)) << f;
  }
  EXPECT_TRUE(DayFirst("%d/%m/%Y"));
  EXPECT_FALSE(DayFirst("%m/%d/%Y"));
  EXPECT_EQ(SwapDayMonth("%d/%m/%Y %H:%M"), "%m/%d/%Y %H:%M");
  EXPECT_EQ(SwapDayMonth("%e.%m.%Y"), "%m.%e.%Y");
  EXPECT_EQ(SwapDayMonth("%F"), "");
}

TEST(TimeFormat, ReportsTheDateAsRead) {
  Timestamp t;
  CivilDate d;
  ASSERT_TRUE(ParseTimeWithFormat("05/01/2022 10:00", "%d/%m/%Y %H:%M", "Europe/Berlin",
                                  Ambiguity::kEarliest, &t, &d).ok());
  EXPECT_EQ(d.year, 2022);
  EXPECT_EQ(d.month, 1);
  EXPECT_EQ(d.day, 5);
}

}  // namespace
}  // namespace nanni
