#include "util/json_out.h"

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

// Strings longer than the writer's escaping block and output larger than its buffer come out
// whole and in order, into a string or through a sink.
TEST(JsonOutTest, LongOutputIntoAStringOrASink) {
  std::string big(300000, 'a');
  for (size_t i = 0; i < big.size(); i += 997) big[i] = i % 2 ? '"' : '\n';
  std::string expected = "[";
  for (int k = 0; k < 5; ++k) {
    if (k > 0) expected += ',';
    AppendJsonString(big, &expected);
  }
  expected += "]\n";
  JsonOut to_string;
  std::string streamed;
  size_t pieces = 0;
  JsonOut to_sink([&](std::string_view piece) {
    streamed.append(piece);
    ++pieces;
  });
  for (JsonOut* j : {&to_string, &to_sink}) {
    j->BeginArray();
    for (int k = 0; k < 5; ++k) j->String(big);
    j->EndArray().Raw("\n");
  }
  to_sink.Flush();
  EXPECT_EQ(to_string.Take(), expected);
  EXPECT_EQ(streamed, expected);
  EXPECT_GT(pieces, 1u);
}

TEST(JsonOutTest, CommasAndNesting) {
  JsonOut j;
  j.BeginObject().Field("a", 1).Key("b").BeginArray().Int(1).String("x").Null().Bool(true).EndArray();
  j.Key("c").BeginObject().EndObject().Key("d").BeginArray().BeginArray().EndArray().Bool(false);
  j.Int(-42).Time(Timestamp{0, 60}).EndArray();
  const std::string computed = "e\"f";  // a key that is not a literal is escaped
  j.Key(std::string_view(computed)).Null().EndObject().Raw("\n");
  EXPECT_EQ(j.Take(),
            "{\"a\":1,\"b\":[1,\"x\",null,true],\"c\":{},\"d\":[[],false,-42,"
            "\"1970-01-01T01:00:00+01:00\"],\"e\\\"f\":null}\n");
}

}  // namespace
}  // namespace nanni
