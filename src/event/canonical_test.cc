#include "event/canonical.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <sstream>

#include "event/event_decoder.h"
#include "support/test_support.h"

namespace nanni {
namespace {

TEST(CanonicalTest, SortsKeysOmitsEmptiesAndHasNoWhitespace) {
  EventDecoder decoder;
  Event e;
  ASSERT_TRUE(decoder.Decode(R"({ "time" : "2026-03-02T09:14:00.000+01:00", "kind":"call",)"
                             R"( "account":"a", "id":"x", "subject":"", "outcome":"answered",)"
                             R"( "queue_wait_s":3, "handle_s":60, "from":{"side":"theirs","id":"c1"}})", &e).ok());
  EXPECT_EQ(EncodeCanonical(e),
            R"({"account":"a","from":{"id":"c1","side":"theirs"},"handle_s":60,"id":"x",)"
            R"("kind":"call","outcome":"answered","queue_wait_s":3,"time":"2026-03-02T09:14:00+01:00"})");
}

// new_text is left out when empty, so events without it hash exactly as before the field.
TEST(CanonicalTest, NewTextIsOmittedWhenEmptyAndKeptOtherwise) {
  EventDecoder decoder;
  Event e;
  ASSERT_TRUE(decoder.Decode(R"({"id":"x","account":"a","time":"2026-03-02T09:14:00Z",)"
                             R"("kind":"note","text":"Hi.\n> old","new_text":""})", &e).ok());
  EXPECT_EQ(EncodeCanonical(e),
            R"({"account":"a","id":"x","kind":"note","text":"Hi.\n> old","time":"2026-03-02T09:14:00Z"})");
  e.new_text = "Hi.";
  EXPECT_EQ(EncodeCanonical(e), R"({"account":"a","id":"x","kind":"note","new_text":"Hi.",)"
                                R"("text":"Hi.\n> old","time":"2026-03-02T09:14:00Z"})");
  Event back;
  ASSERT_TRUE(decoder.Decode(EncodeCanonical(e), &back).ok());
  EXPECT_EQ(back, e);
}

TEST(CanonicalTest, EscapesStringsAsRfc8785) {
  std::string out;
  AppendJsonString(std::string("q\"b\\s\b\f\n\r\t\x01\x1f\x7f\xC3\xA9/", 16), &out);
  EXPECT_EQ(out, "\"q\\\"b\\\\s\\b\\f\\n\\r\\t\\u0001\\u001f\x7f\xC3\xA9/\"");
}

TEST(CanonicalTest, EncodingOfEveryExampleDecodesToTheSameEventAndIsAFixedPoint) {
  EventDecoder decoder;
  std::istringstream in(test::ReadFile(test::TestData("events/valid.ndjson")));
  for (std::string line; std::getline(in, line);) {
    Event e, back;
    ASSERT_TRUE(decoder.Decode(line, &e).ok());
    std::string encoded = EncodeCanonical(e);
    ASSERT_TRUE(decoder.Decode(encoded, &back).ok()) << encoded;
    EXPECT_EQ(back, e) << line;
    EXPECT_EQ(EncodeCanonical(back), encoded);
  }
}

// Valid UTF-8 from arbitrary code points (control characters, quotes, astral planes...).
std::string Utf8(const std::vector<uint32_t>& code_points) {
  std::string out;
  for (uint32_t cp : code_points) {
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;  // surrogates are not characters
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xc0 | cp >> 6);
      out += static_cast<char>(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xe0 | cp >> 12);
      out += static_cast<char>(0x80 | (cp >> 6 & 0x3f));
      out += static_cast<char>(0x80 | (cp & 0x3f));
    } else {
      out += static_cast<char>(0xf0 | cp >> 18);
      out += static_cast<char>(0x80 | (cp >> 12 & 0x3f));
      out += static_cast<char>(0x80 | (cp >> 6 & 0x3f));
      out += static_cast<char>(0x80 | (cp & 0x3f));
    }
  }
  return out;
}

// Any event built from arbitrary text survives encode -> decode unchanged.
RC_GTEST_PROP(CanonicalProperty, ArbitraryTextRoundTrips, ()) {
  auto text = rc::gen::map(rc::gen::container<std::vector<uint32_t>>(rc::gen::oneOf(
                               rc::gen::inRange<uint32_t>(0, 0x80), rc::gen::inRange<uint32_t>(0, 0x110000))),
                           Utf8);
  Event e;
  e.id = "id-" + std::to_string(*rc::gen::inRange(0, 1000000));
  e.account = "acct";
  e.kind = EventKind::kMessage;
  e.time.utc_micros = *rc::gen::inRange<int64_t>(0, 4'000'000'000'000'000);
  e.time.offset_minutes = *rc::gen::inRange(-600, 600);
  e.text = *text;
  e.subject = *text;
  Contact c;
  c.name = *text;
  c.side = Side::kTheirs;
  if (!c.name.empty()) e.from = c;
  EventDecoder decoder;
  Event back;
  std::string encoded = EncodeCanonical(e);
  Status st = decoder.Decode(encoded, &back);
  RC_ASSERT(st.ok());
  RC_ASSERT(back == e);
  RC_ASSERT(EncodeCanonical(back) == encoded);
}

}  // namespace
}  // namespace nanni
