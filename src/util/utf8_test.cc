#include "util/utf8.h"

#include <gtest/gtest.h>

namespace nanni {
namespace {

TEST(Utf8, DecodesEachLength) {
  uint32_t cp = 0;
  EXPECT_EQ(DecodeUtf8("a", 0, &cp), 1u);
  EXPECT_EQ(cp, 0x61u);
  EXPECT_EQ(DecodeUtf8("\xC3\xA9", 0, &cp), 2u);  // é
  EXPECT_EQ(cp, 0xE9u);
  EXPECT_EQ(DecodeUtf8("\xE2\x80\xAE", 0, &cp), 3u);  // U+202E
  EXPECT_EQ(cp, 0x202Eu);
  EXPECT_EQ(DecodeUtf8("\xF0\x9F\x98\x81", 0, &cp), 4u);  // U+1F601
  EXPECT_EQ(cp, 0x1F601u);
}

TEST(Utf8, RefusesWhatIsNotUtf8) {
  uint32_t cp = 0;
  for (std::string_view bad : {"\x80", "\xC3", "\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80",
                               "\xF4\x90\x80\x80", "\xF8\x88\x80\x80\x80", "\xC3\x28"}) {
    EXPECT_EQ(DecodeUtf8(bad, 0, &cp), 0u) << testing::PrintToString(std::string(bad));
    EXPECT_FALSE(IsValidUtf8(bad));
  }
  EXPECT_TRUE(IsValidUtf8("plain, caf\xC3\xA9, \xF0\x9F\x98\x81"));
  EXPECT_TRUE(IsValidUtf8(""));
}

TEST(Utf8, CleaningReplacesEachBadByteOnce) {
  EXPECT_EQ(ToValidUtf8("ok"), "ok");
  EXPECT_EQ(ToValidUtf8("a\xFF" "b"), "a\xEF\xBF\xBD" "b");
  EXPECT_EQ(ToValidUtf8("\xC3"), "\xEF\xBF\xBD");        // cut at the end
  EXPECT_EQ(ToValidUtf8("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong: two bytes
  EXPECT_TRUE(IsValidUtf8(ToValidUtf8("\xED\xA0\x80 x \x80")));
}

}  // namespace
}  // namespace nanni
