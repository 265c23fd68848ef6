#include "event/kind.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace nanni {
namespace {

TEST(KindTest, KindsAreInDeclarationOrderAndFoundByName) {
  for (size_t i = 0; i < AllKinds().size(); ++i) {
    const KindSpec& k = AllKinds()[i];
    EXPECT_EQ(static_cast<size_t>(k.kind), i);
    EXPECT_EQ(FindKind(k.name), &k);
    EXPECT_EQ(&SpecOf(k.kind), &k);
  }
  EXPECT_EQ(FindKind("no_such_kind"), nullptr);
}

TEST(KindTest, AttributesAreSortedAndNeverShadowCommonFields) {
  const std::set<std::string_view> common = {"id", "account", "time", "kind", "thread", "reply_to",
                                             "corrects", "channel", "subject", "text", "new_text", "from",
                                             "to", "source", "meta"};
  for (const KindSpec& k : AllKinds()) {
    EXPECT_TRUE(std::is_sorted(k.attributes.begin(), k.attributes.end(),
                               [](const auto& a, const auto& b) { return a.name < b.name; }))
        << k.name;
    for (const AttributeSpec& a : k.attributes) {
      EXPECT_EQ(common.count(a.name), 0u) << k.name << "." << a.name;
      EXPECT_EQ(a.type == AttributeType::kEnum, !a.choices.empty()) << k.name << "." << a.name;
    }
  }
}

}  // namespace
}  // namespace nanni
