#include "import/mail/thread_sets.h"

#include <gtest/gtest.h>

namespace nanni {
namespace {

TEST(ThreadSets, JoinedIdsShareOneRepresentativeWhateverTheOrder) {
  ThreadSets sets;
  sets.Find("root");
  sets.Join("c", "b");     // a reply met before its parent
  sets.Join("b", "root");
  sets.Join("x", "y");
  EXPECT_EQ(sets.Find("c"), sets.Find("root"));
  EXPECT_EQ(sets.Find("b"), sets.Find("root"));
  EXPECT_NE(sets.Find("x"), sets.Find("root"));
  EXPECT_EQ(sets.Find("x"), sets.Find("y"));
}

TEST(ThreadSets, ALoopIsOneSet) {
  ThreadSets sets;
  sets.Join("loop-12", "loop-21");
  sets.Join("loop-21", "loop-12");
  EXPECT_EQ(sets.Find("loop-12"), sets.Find("loop-21"));
}

}  // namespace
}  // namespace nanni
