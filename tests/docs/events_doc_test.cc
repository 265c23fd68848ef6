// docs/events.md stays true: every JSON example decodes, and every kind and attribute of the
// schema (event/kind.h) is documented.
#include <gtest/gtest.h>

#include <sstream>

#include "event/event_decoder.h"
#include "support/test_support.h"

namespace nanni {
namespace {

std::string Doc() { return test::ReadFile(std::string(NANNI_TEST_DATA) + "/../../docs/events.md"); }

TEST(EventsDocTest, EveryEventExampleDecodes) {
  std::istringstream in(Doc());
  EventDecoder decoder;
  bool in_json = false;
  int examples = 0;
  for (std::string line; std::getline(in, line);) {
    if (line == "```json") { in_json = true; continue; }
    if (line == "```") { in_json = false; continue; }
    if (!in_json || line.find("\"kind\"") == std::string::npos) continue;
    Event e;
    Status st = decoder.Decode(line, &e);
    EXPECT_TRUE(st.ok()) << st.ToString() << "\n" << line;
    ++examples;
  }
  EXPECT_GE(examples, static_cast<int>(AllKinds().size()));
}

TEST(EventsDocTest, EveryKindAndAttributeIsDocumented) {
  std::string doc = Doc();
  for (const KindSpec& k : AllKinds()) {
    size_t section = doc.find("### `" + std::string(k.name) + "`");
    ASSERT_NE(section, std::string::npos) << "no section for kind " << k.name;
    size_t end = doc.find("\n### ", section + 1);
    std::string body = doc.substr(section, end == std::string::npos ? std::string::npos : end - section);
    for (const AttributeSpec& a : k.attributes) {
      size_t row = body.find("| `" + std::string(a.name) + "` |");
      ASSERT_NE(row, std::string::npos) << k.name << "." << a.name << " is not in docs/events.md";
      std::string cells = body.substr(row, body.find('\n', row) - row);
      EXPECT_NE(cells.find(a.required ? "| yes |" : "| no |"), std::string::npos)
          << k.name << "." << a.name << ": docs/events.md says otherwise about required";
    }
  }
}

}  // namespace
}  // namespace nanni
