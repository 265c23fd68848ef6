#include "util/sha256.h"

#include <gtest/gtest.h>

namespace nanni {
namespace {

TEST(Sha256Test, MatchesPublishedVectors) {
  EXPECT_EQ(ToHex(Sha256::Of("abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(ToHex(Sha256::Of("")),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(Sha256Test, IncrementalEqualsOneShot) {
  Sha256 h;
  h.Update("a");
  h.Update("bc");
  EXPECT_EQ(h.Finish(), Sha256::Of("abc"));
  h.Reset();
  h.Update("abc");
  EXPECT_EQ(h.Finish(), Sha256::Of("abc"));
}

TEST(Sha256Test, HexOfAPrefix) {
  Digest d = Sha256::Of("abc");
  EXPECT_EQ(ToHex(d, 6), "ba7816bf8f01");
  EXPECT_EQ(ToHex(d, 0), "");
  EXPECT_EQ(ToHex(d, 99), ToHex(d));
}

TEST(Sha256Test, HexRoundTripsAndRefusesGarbage) {
  Digest d = Sha256::Of("abc"), back{};
  ASSERT_TRUE(FromHex(ToHex(d), &back));
  EXPECT_EQ(back, d);
  EXPECT_FALSE(FromHex("abc", &back));
  EXPECT_FALSE(FromHex(std::string(64, 'g'), &back));
}

}  // namespace
}  // namespace nanni
