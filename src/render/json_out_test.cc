#include "render/json_out.h"

#include <gtest/gtest.h>

#include <random>

#include "event/canonical.h"

namespace nanni {
namespace {

// The fast string path escapes exactly as the canonical encoder does, for any bytes.
TEST(JsonOutTest, StringsEscapeLikeTheCanonicalEncoding) {
  std::mt19937 rng(7);
  static const char kChars[] = "abc \"\\\n\t\x01\x1f\x7f\xC3\xA9\xE2\x80\xAE";
  const std::string alphabet(kChars, sizeof(kChars) - 1);
  for (int n = 0; n < 3000; ++n) {
    std::string s;
    size_t len = rng() % 40;
    for (size_t i = 0; i < len; ++i) {
      s += rng() % 4 == 0 ? static_cast<char>(rng() % 256) : alphabet[rng() % alphabet.size()];
    }
    if (n % 3 == 0) s = std::string(rng() % 30, 'x') + s;  // long clean runs
    JsonOut j;
    j.String(s);
    std::string expected;
    AppendJsonString(s, &expected);
    ASSERT_EQ(j.Take(), expected) << n;
  }
}

TEST(JsonOutTest, CommasAndNesting) {
  JsonOut j;
  j.BeginObject().Field("a", 1).Key("b").BeginArray().Int(1).String("x").Null().Bool(true).EndArray();
  j.Key("c").BeginObject().EndObject().EndObject();
  EXPECT_EQ(j.Take(), R"({"a":1,"b":[1,"x",null,true],"c":{}})");
}

}  // namespace
}  // namespace nanni
