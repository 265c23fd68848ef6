#include "import/mail/mail_date.h"

#include <gtest/gtest.h>

#include <fstream>

#include "support/test_support.h"

namespace nanni {
namespace {

// Every case of tests/data/mail/dates.tsv: a Date value and the time it is, or "unreadable".
TEST(MailDateTest, EveryCaseInTheDataFile) {
  std::ifstream in(test::TestData("mail/dates.tsv"));
  ASSERT_TRUE(in) << "tests/data/mail/dates.tsv is missing";
  std::string line;
  int line_no = 0, cases = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    ASSERT_NE(tab, std::string::npos) << "dates.tsv:" << line_no << ": expected VALUE<TAB>TIME";
    std::string value = line.substr(0, tab), expected = line.substr(tab + 1);
    Timestamp t;
    bool read = ParseMailDate(value, &t);
    EXPECT_EQ(read ? FormatRfc3339(t) : "unreadable", expected)
        << "dates.tsv:" << line_no << ": " << value;
    ++cases;
  }
  EXPECT_GE(cases, 30);
}

}  // namespace
}  // namespace nanni
