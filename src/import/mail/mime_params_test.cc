#include "import/mail/mime_params.h"

#include <gtest/gtest.h>

#include "util/printable.h"

namespace nanni {
namespace {

std::string Param(std::string_view header, std::string_view name) {
  std::string out;
  return ExtendedParameter(header, name, &out) ? out : "(none)";
}

TEST(MimeParamsTest, ExtendedParametersKeepEveryByte) {
  using namespace std::string_literals;
  EXPECT_EQ(Param("attachment; filename*=utf-8''invoice.pdf%00.exe", "filename"),
            "invoice.pdf\0.exe"s);
  EXPECT_EQ(Param("attachment; filename*0*=utf-8''invoice.pdf%00; filename*1=\".exe\"", "filename"),
            "invoice.pdf\0.exe"s);
  EXPECT_EQ(Param("attachment;\n filename*1*=%2Eexe;\n filename*0*=UTF-8'en'a%20b", "FileName"),
            "a b.exe");
  EXPECT_EQ(Param("application/pdf; name*=iso-8859-1''r%E9sum%E9.pdf", "name"), "résumé.pdf");
  EXPECT_EQ(Param("attachment; filename*=unknown-charset''a%FFb", "filename"), "a\xFF" "b");
  EXPECT_EQ(Param("attachment; filename*0*=utf-8''a; filename*2=c", "filename"), "a");  // gap
  EXPECT_EQ(Param("attachment; filename=\"plain.pdf\"", "filename"), "(none)");
  EXPECT_EQ(Param("attachment; filenames*=utf-8''x", "filename"), "(none)");
  EXPECT_EQ(Param("attachment; x=\"a;filename*=utf-8''y\"", "filename"), "(none)");
  EXPECT_EQ(Param("", "filename"), "(none)");
  EXPECT_EQ(Param("attachment; filename*=", "filename"), "");
}

TEST(MimeParamsTest, VisibleNamesEscapeWhatWouldHideASuffix) {
  using namespace std::string_literals;
  EXPECT_EQ(VisibleName("invoice.pdf\0.exe"s), "invoice.pdf\\x00.exe");
  EXPECT_EQ(VisibleName("a\nb\x1b[31m.exe"), "a\\x0ab\\x1b[31m.exe");
  EXPECT_EQ(VisibleName("invoice\xE2\x80\xAEgpj.exe"), "invoice\\u{202e}gpj.exe");
  EXPECT_EQ(VisibleName("résumé.pdf"), "résumé.pdf");
  std::string padded = "invoice.pdf" + std::string(2000, ' ') + ".exe";
  std::string shown = VisibleName(padded);
  EXPECT_LT(shown.size(), 600u);
  EXPECT_EQ(shown.substr(0, 11), "invoice.pdf");
  EXPECT_EQ(shown.substr(shown.size() - 4), ".exe");
  EXPECT_NE(shown.find("..."), std::string::npos);
}

// A short name whose escapes make its shown form long (fuzz: read past the end of the name).
TEST(MimeParamsTest, VisibleNamesOfEscapedBytesStayShortAndKeepTheirEnd) {
  for (std::string unit : {"\x01", "\xE2\x80\xAE", "\xC3", "a\x80"}) {
    std::string name;
    while (name.size() < 300) name += unit;
    name += ".exe";
    std::string shown = VisibleName(name);
    EXPECT_LE(shown.size(), 512u + 3u) << shown;
    EXPECT_EQ(shown.substr(shown.size() - 4), ".exe") << shown;
    EXPECT_NE(shown.find("..."), std::string::npos) << shown;
    EXPECT_FALSE(HasUnprintable(shown)) << shown;
  }
}

}  // namespace
}  // namespace nanni
