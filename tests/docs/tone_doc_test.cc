// docs/tone.md shows the output of one `nanni tone --text` command: it must be what nanni
// prints today.
#include <gtest/gtest.h>

#include "support/test_support.h"

namespace nanni {
namespace {

TEST(ToneDoc, TheExampleOutputIsWhatNanniPrints) {
  std::string doc = test::ReadFile(std::string(NANNI_TEST_DATA) + "/../../docs/tone.md");
  const std::string prompt = "$ nanni tone --text \"";
  size_t at = doc.find(prompt);
  ASSERT_NE(at, std::string::npos) << "docs/tone.md lost its example";
  size_t text_end = doc.find("\"\n", at + prompt.size());
  std::string text = doc.substr(at + prompt.size(), text_end - at - prompt.size());
  size_t out_begin = text_end + 2;
  std::string shown = doc.substr(out_begin, doc.find("```", out_begin) - out_begin);
  auto r = test::Nanni({"tone", "--text", text});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, shown) << "update the example in docs/tone.md";
}

}  // namespace
}  // namespace nanni
