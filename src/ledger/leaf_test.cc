#include "ledger/leaf.h"

#include <gtest/gtest.h>

#include "tlog/merkle.h"

namespace nanni {
namespace {

// Expected digests computed outside nanni (Python hashlib) from the layout in docs/ledger.md:
// identity = sha256("nanni-ledger-2\n" id "\n" origin "\n"), leaf = identity || u64be(seq) ||
// i64be(recorded) || sha256(body), leaf hash = sha256(0x00 || leaf).
constexpr std::string_view kBody =
    R"({"account":"acme","id":"e1","kind":"note","time":"2024-03-05T09:14:00+01:00"})";
const LedgerIdentity kIdentity{"0123456789abcdef0123456789abcdef",
                               "nanni.ledger/0123456789abcdef0123456789abcdef"};
constexpr int64_t kRecorded = 1'700'000'000'000'000;

TEST(LeafTest, MatchesTheDocumentedLayout) {
  const Digest identity = IdentityDigest(kIdentity);
  EXPECT_EQ(ToHex(identity), "5c3f9f7e105d29593336cd24627fcd0e2d8b5f652e71ad4687234ed07d1c41e4");
  const Digest body = Sha256::Of(kBody);
  Digest l1 = EntryLeafHash(identity, 1, kRecorded, body);
  Digest l2 = EntryLeafHash(identity, 2, kRecorded, body);
  EXPECT_EQ(ToHex(l1), "685570a97d8458bfbb3df1cd2ae91fcfc37ce1657a785ae991f7ba77e4f34da4");
  EXPECT_EQ(ToHex(l2), "265c91d46cdc12359ebef79a24472dae6c60c0feb532a6c66d16fb721444fd7e");
  EXPECT_EQ(ToHex(MerkleNodeHash(l1, l2)), "6e06b223eb69ac858975ba496d363eea9d2678916abece95e0f43a86497e7bf0");
}

TEST(LeafTest, EveryInputChangesTheLeaf) {
  const Digest identity = IdentityDigest(kIdentity), body = Sha256::Of(kBody);
  const Digest base = EntryLeafHash(identity, 1, 5, body);
  EXPECT_NE(EntryLeafHash(identity, 2, 5, body), base);
  EXPECT_NE(EntryLeafHash(identity, 1, 6, body), base);
  std::string changed(kBody);
  changed[10] ^= 1;
  EXPECT_NE(EntryLeafHash(identity, 1, 5, Sha256::Of(changed)), base);
  LedgerIdentity other = kIdentity;
  other.id[0] = '1';
  EXPECT_NE(EntryLeafHash(IdentityDigest(other), 1, 5, body), base);
  other = kIdentity;
  other.origin += "x";
  EXPECT_NE(EntryLeafHash(IdentityDigest(other), 1, 5, body), base);
}

TEST(LeafTest, OriginsFollowTheKeyNameRules) {
  EXPECT_TRUE(CheckOrigin("support.example.com/ledger").ok());
  EXPECT_TRUE(CheckOrigin(DefaultOrigin(kIdentity.id)).ok());
  EXPECT_FALSE(CheckOrigin("").ok());
  EXPECT_FALSE(CheckOrigin("with space").ok());
  EXPECT_FALSE(CheckOrigin("a+b").ok());
  EXPECT_FALSE(CheckOrigin("caf\xc3\xa9").ok());
  EXPECT_FALSE(CheckOrigin(std::string(201, 'a')).ok());
}

}  // namespace
}  // namespace nanni
