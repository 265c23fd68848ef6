#include "ledger/chain.h"

#include <gtest/gtest.h>

namespace nanni {
namespace {

// Expected digests computed outside nanni (Python hashlib) from the layout in docs/ledger.md:
// sha256(prev || u64be(seq) || i64be(recorded) || body).
constexpr std::string_view kBody =
    R"({"account":"acme","id":"e1","kind":"note","time":"2024-03-05T09:14:00+01:00"})";

const LedgerIdentity kLegacy{"0123456789abcdef0123456789abcdef", /*id_in_chain=*/false};
const LedgerIdentity kBound{"0123456789abcdef0123456789abcdef", /*id_in_chain=*/true};

TEST(ChainTest, MatchesTheDocumentedLayout) {
  Digest h1 = ChainHash(GenesisHash(kLegacy), 1, 1'700'000'000'000'000, kBody);
  EXPECT_EQ(ToHex(h1), "6331bc15eed1becd2506ff73c02ed3bc4e9912780f6c8d6510e9161d3b6eaddb");
  Digest h2 = ChainHash(h1, 2, 1'700'000'000'000'000, kBody);
  EXPECT_EQ(ToHex(h2), "77d15cff04810512614b5cebe89b73a97a512f0a184c8d5b8612ce44045fa3eb");
}

TEST(ChainTest, EveryInputChangesTheHash) {
  Digest base = ChainHash(GenesisHash(kLegacy), 1, 5, kBody);
  Digest other_prev{};
  other_prev[31] = 1;
  EXPECT_NE(ChainHash(other_prev, 1, 5, kBody), base);
  EXPECT_NE(ChainHash(GenesisHash(kLegacy), 2, 5, kBody), base);
  EXPECT_NE(ChainHash(GenesisHash(kLegacy), 1, 6, kBody), base);
  std::string changed(kBody);
  changed[10] ^= 1;
  EXPECT_NE(ChainHash(GenesisHash(kLegacy), 1, 5, changed), base);
}

// The genesis hash binds the ledger id: sha256("nanni-ledger-1 genesis\n" || id), computed
// with Python's hashlib; a ledger from before that starts from zeros.
TEST(ChainTest, TheGenesisHashBindsTheLedgerId) {
  EXPECT_EQ(ToHex(GenesisHash(kBound)), "206916d7d712b315e471bf3cce4939b5aab639a2ca87ffa818d54959206b4ecb");
  EXPECT_EQ(GenesisHash(kLegacy), Digest{});
  LedgerIdentity other = kBound;
  other.id[0] = '1';
  EXPECT_NE(GenesisHash(other), GenesisHash(kBound));
}

}  // namespace
}  // namespace nanni
