// Data-driven: tests/data/events/valid.ndjson holds one valid event per kind;
// tests/data/events/invalid.tsv pairs bad lines with the error the decoder must give.
#include "event/event_decoder.h"

#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "support/test_support.h"

namespace nanni {
namespace {

std::vector<std::string> Lines(const std::string& path) {
  std::vector<std::string> lines;
  std::istringstream in(test::ReadFile(path));
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] != '#') lines.push_back(line);
  }
  return lines;
}

TEST(EventDecoderTest, EveryValidExampleDecodesAndEveryKindIsCovered) {
  EventDecoder decoder;
  std::set<std::string_view> kinds;
  for (const std::string& line : Lines(test::TestData("events/valid.ndjson"))) {
    Event e;
    Status st = decoder.Decode(line, &e);
    ASSERT_TRUE(st.ok()) << st.ToString() << "\n" << line;
    kinds.insert(SpecOf(e.kind).name);
  }
  EXPECT_EQ(kinds.size(), AllKinds().size());
}

TEST(EventDecoderTest, InvalidLinesGiveTheDocumentedError) {
  EventDecoder decoder;
  int cases = 0;
  for (const std::string& line : Lines(test::TestData("events/invalid.tsv"))) {
    size_t tab = line.find('\t');
    ASSERT_NE(tab, std::string::npos) << "a case needs a TAB: " << line;
    std::string expected = line.substr(0, tab), input = line.substr(tab + 1);
    Event e;
    Status st = decoder.Decode(input, &e);
    EXPECT_EQ(st.code(), Status::Code::kInvalidInput) << input;
    EXPECT_NE(st.message().find(expected), std::string::npos)
        << "expected '" << expected << "' in '" << st.message() << "'";
    ++cases;
  }
  EXPECT_GT(cases, 30);
}

TEST(EventDecoderTest, ReadsEveryFieldOfARequest) {
  EventDecoder decoder;
  Event e;
  ASSERT_TRUE(decoder.Decode(Lines(test::TestData("events/valid.ndjson"))[0], &e).ok());
  EXPECT_EQ(e.id, "mail:<req-1@acme.com>");
  EXPECT_EQ(e.account, "acme");
  EXPECT_EQ(e.kind, EventKind::kRequest);
  EXPECT_EQ(FormatRfc3339(e.time), "2026-03-02T09:14:00+01:00");
  EXPECT_EQ(e.channel, "email");
  EXPECT_EQ(e.thread, "t-export");
  ASSERT_TRUE(e.from.has_value());
  EXPECT_EQ(e.from->side, Side::kTheirs);
  EXPECT_EQ(e.from->level, Level::kExecutive);
  EXPECT_EQ(e.from->title, "VP Operations");
  ASSERT_EQ(e.to.size(), 1u);
  EXPECT_EQ(e.to[0].side, Side::kOurs);
  ASSERT_NE(e.StringAttr("priority"), nullptr);
  EXPECT_EQ(*e.StringAttr("priority"), "high");
  ASSERT_NE(e.TimeAttr("due"), nullptr);
  EXPECT_EQ(FormatRfc3339(*e.TimeAttr("due")), "2026-03-06T17:00:00+01:00");
  EXPECT_EQ(e.source.file, "acme.mbox");
  EXPECT_EQ(e.source.line, 1204);
}

TEST(EventDecoderTest, NullAndEmptyMeanAbsent) {
  EventDecoder decoder;
  Event e;
  ASSERT_TRUE(decoder.Decode(R"({"id":"x","account":"a","time":"2026-03-02T09:14:00Z",)"
                             R"("kind":"note","subject":"","thread":null,"meta":{"k":""}})", &e).ok());
  EXPECT_TRUE(e.subject.empty());
  EXPECT_TRUE(e.thread.empty());
  EXPECT_TRUE(e.meta.empty());
}

TEST(EventDecoderTest, RefusesEventsOverTheSizeLimit) {
  EventDecoder decoder(1000);
  Event e;
  std::string big = R"({"id":"x","account":"a","time":"2026-03-02T09:14:00Z","kind":"note","text":")" +
                    std::string(2000, 'x') + "\"}";
  Status st = decoder.Decode(big, &e);
  EXPECT_EQ(st.code(), Status::Code::kInvalidInput);
  EXPECT_NE(st.message().find("the limit is 1000 bytes"), std::string::npos);
}

TEST(EventDecoderTest, HostileTextIsKeptVerbatim) {
  EventDecoder decoder;
  Event e;
  ASSERT_TRUE(decoder.Decode(R"({"id":"x","account":"a","time":"2026-03-02T09:14:00Z","kind":"note",)"
                             R"("text":"<script>alert(1)</script>\u202e\u0000\n"})", &e).ok());
  EXPECT_EQ(e.text, std::string("<script>alert(1)</script>\xE2\x80\xAE\0\n", 30));
}

}  // namespace
}  // namespace nanni
