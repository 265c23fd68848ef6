#include "tlog/merkle.h"

#include <gtest/gtest.h>

#include <string>

namespace nanni {
namespace {

// MTH straight from the RFC's definition, over leaf hashes.
Digest DefinitionRoot(const std::vector<Digest>& leaves, size_t begin, size_t end) {
  if (end - begin == 1) return leaves[begin];
  size_t k = 1;
  while (k * 2 < end - begin) k *= 2;
  return MerkleNodeHash(DefinitionRoot(leaves, begin, begin + k), DefinitionRoot(leaves, begin + k, end));
}

std::vector<Digest> Leaves(size_t n) {
  std::vector<Digest> out;
  for (size_t i = 0; i < n; ++i) out.push_back(MerkleLeafHash("leaf " + std::to_string(i)));
  return out;
}

TEST(TlogMerkle, SplitIsTheLargestPowerOfTwoBelow) {
  EXPECT_EQ(MerkleSplit(2), 1u);
  EXPECT_EQ(MerkleSplit(3), 2u);
  EXPECT_EQ(MerkleSplit(4), 2u);
  EXPECT_EQ(MerkleSplit(5), 4u);
  EXPECT_EQ(MerkleSplit(1ull << 40), 1ull << 39);
}

TEST(TlogMerkle, RootsFollowTheDefinition) {
  MemorySubtrees tree(Leaves(70));
  Digest root;
  ASSERT_TRUE(MerkleRoot(&tree, 0, &root).ok());
  EXPECT_EQ(root, MerkleEmptyRoot());
  for (size_t n = 1; n <= 70; ++n) {
    ASSERT_TRUE(MerkleRoot(&tree, n, &root).ok());
    EXPECT_EQ(root, DefinitionRoot(tree.leaves(), 0, n)) << n;
  }
}

TEST(TlogMerkle, EveryInclusionProofVerifiesAndNoAlteredOneDoes) {
  MemorySubtrees tree(Leaves(40));
  for (uint64_t n = 1; n <= 40; ++n) {
    Digest root;
    ASSERT_TRUE(MerkleRoot(&tree, n, &root).ok());
    for (uint64_t i = 0; i < n; ++i) {
      std::vector<Digest> path;
      ASSERT_TRUE(MerkleInclusionProof(&tree, i, n, &path).ok());
      const Digest& leaf = tree.leaves()[i];
      EXPECT_TRUE(VerifyMerkleInclusion(i, n, leaf, path, root).ok()) << i << "/" << n;
      EXPECT_FALSE(VerifyMerkleInclusion(i, n, tree.leaves()[(i + 1) % n], path, root).ok() && n > 1);
      if (!path.empty()) {
        auto bad = path;
        bad.back()[0] ^= 1;
        EXPECT_FALSE(VerifyMerkleInclusion(i, n, leaf, bad, root).ok());
        bad = path;
        bad.pop_back();
        EXPECT_FALSE(VerifyMerkleInclusion(i, n, leaf, bad, root).ok());
      }
      auto longer = path;
      longer.push_back(leaf);
      EXPECT_FALSE(VerifyMerkleInclusion(i, n, leaf, longer, root).ok());
      EXPECT_FALSE(VerifyMerkleInclusion(i + n, n, leaf, path, root).ok());
    }
  }
}

TEST(TlogMerkle, EveryConsistencyProofVerifiesAndNoAlteredOneDoes) {
  MemorySubtrees tree(Leaves(33));
  for (uint64_t n = 1; n <= 33; ++n) {
    Digest new_root;
    ASSERT_TRUE(MerkleRoot(&tree, n, &new_root).ok());
    for (uint64_t m = 0; m <= n; ++m) {
      Digest old_root;
      ASSERT_TRUE(MerkleRoot(&tree, m, &old_root).ok());
      std::vector<Digest> proof;
      ASSERT_TRUE(MerkleConsistencyProof(&tree, m, n, &proof).ok());
      EXPECT_TRUE(VerifyMerkleConsistency(m, n, old_root, new_root, proof).ok()) << m << "->" << n;
      if (m == 0 || m == n) continue;
      Digest other = old_root;
      other[5] ^= 0x40;
      EXPECT_FALSE(VerifyMerkleConsistency(m, n, other, new_root, proof).ok());
      EXPECT_FALSE(VerifyMerkleConsistency(m, n, old_root, other, proof).ok());
      for (size_t j = 0; j < proof.size(); ++j) {
        auto bad = proof;
        bad[j][31] ^= 1;
        EXPECT_FALSE(VerifyMerkleConsistency(m, n, old_root, new_root, bad).ok()) << m << "->" << n << " #" << j;
      }
      auto shorter = proof;
      shorter.pop_back();
      EXPECT_FALSE(VerifyMerkleConsistency(m, n, old_root, new_root, shorter).ok());
    }
  }
}

TEST(TlogMerkle, ProofsOutsideTheTreeAreRefused) {
  MemorySubtrees tree(Leaves(4));
  std::vector<Digest> out;
  EXPECT_EQ(MerkleInclusionProof(&tree, 4, 4, &out).code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(MerkleConsistencyProof(&tree, 5, 4, &out).code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(MerkleInclusionProof(&tree, 0, 5, &out).code(), Status::Code::kNotFound);
}

}  // namespace
}  // namespace nanni
