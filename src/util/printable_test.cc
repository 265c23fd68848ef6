#include "util/printable.h"

#include <gtest/gtest.h>

namespace nanni {
namespace {

TEST(PrintableTest, EscapesControlAndBidiCharactersAndBadUtf8) {
  EXPECT_EQ(Printable("plain text"), "plain text");
  EXPECT_EQ(Printable("a\x1b[31mred"), "a\\x1b[31mred");
  EXPECT_EQ(Printable("line\nbreak\r"), "line\\x0abreak\\x0d");
  EXPECT_EQ(Printable("evil\xE2\x80\xAEtxt.exe"), "evil\\u{202e}txt.exe");
  EXPECT_EQ(Printable("caf\xC3\xA9"), "caf\xC3\xA9");
  EXPECT_EQ(Printable("bad\xFF"), "bad\\xff");
  EXPECT_EQ(Printable("\xC2\x9B"), "\\x9b");  // C1 CSI
}

TEST(PrintableTest, CutsLongText) {
  EXPECT_EQ(Printable(std::string(100, 'x'), 10), std::string(10, 'x') + "...");
}

}  // namespace
}  // namespace nanni
