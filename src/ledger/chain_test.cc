#include "ledger/chain.h"

#include <gtest/gtest.h>

namespace nanni {
namespace {

// Expected digests computed outside nanni (Python hashlib) from the layout in docs/ledger.md:
// sha256(prev || u64be(seq) || i64be(recorded) || body).
constexpr std::string_view kBody =
    R"({"account":"acme","id":"e1","kind":"note","time":"2024-03-05T09:14:00+01:00"})";

TEST(ChainTest, MatchesTheDocumentedLayout) {
  Digest h1 = ChainHash(GenesisHash(), 1, 1'700'000'000'000'000, kBody);
  EXPECT_EQ(ToHex(h1), "6331bc15eed1becd2506ff73c02ed3bc4e9912780f6c8d6510e9161d3b6eaddb");
  Digest h2 = ChainHash(h1, 2, 1'700'000'000'000'000, kBody);
  EXPECT_EQ(ToHex(h2), "77d15cff04810512614b5cebe89b73a97a512f0a184c8d5b8612ce44045fa3eb");
}

TEST(ChainTest, EveryInputChangesTheHash) {
  Digest base = ChainHash(GenesisHash(), 1, 5, kBody);
  Digest other_prev{};
  other_prev[31] = 1;
  EXPECT_NE(ChainHash(other_prev, 1, 5, kBody), base);
  EXPECT_NE(ChainHash(GenesisHash(), 2, 5, kBody), base);
  EXPECT_NE(ChainHash(GenesisHash(), 1, 6, kBody), base);
  std::string changed(kBody);
  changed[10] ^= 1;
  EXPECT_NE(ChainHash(GenesisHash(), 1, 5, changed), base);
}

}  // namespace
}  // namespace nanni
