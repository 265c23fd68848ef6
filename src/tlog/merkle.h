// The Merkle tree of RFC 9162 (Certificate Transparency 2.0) §2.1, its proofs and their
// verification. Pure functions of hashes: where the hashes are kept is the caller's business
// (SubtreeHashes).
//
//   leaf hash   SHA-256(0x00 || leaf bytes)
//   node hash   SHA-256(0x01 || left || right)
//   MTH({})     SHA-256("")
//   MTH(D[n])   NodeHash(MTH(D[0:k]), MTH(D[k:n])), k the largest power of two below n
//
// Leaves are indexed from 0. A "complete subtree" (level L, index i) is the 2^L leaves
// [i * 2^L, (i + 1) * 2^L); its hash is MTH of those leaves. Every hash a proof needs is
// built from O(log n) complete subtrees, which is how a store answers proofs at any tree size
// in O(log n) reads.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "util/sha256.h"
#include "util/status.h"

namespace nanni {

Digest MerkleLeafHash(std::string_view leaf);
Digest MerkleNodeHash(const Digest& left, const Digest& right);
Digest MerkleEmptyRoot();

// The largest power of two strictly below n (n >= 2).
uint64_t MerkleSplit(uint64_t n);

// Where the hashes of complete subtrees come from. Get may fail (a store's read, or a
// subtree beyond what it holds); the error is passed on unchanged.
class SubtreeHashes {
 public:
  virtual ~SubtreeHashes() = default;
  virtual Status Get(int level, uint64_t index, Digest* out) = 0;
};

// MTH(D[begin:end]) (begin < end), the subtrees read from `hashes`.
Status MerkleRangeHash(SubtreeHashes* hashes, uint64_t begin, uint64_t end, Digest* out);

// The root of the tree of the first `size` leaves (MerkleEmptyRoot() for 0).
Status MerkleRoot(SubtreeHashes* hashes, uint64_t size, Digest* out);

// PATH(index, D[size]) of RFC 9162 §2.1.3.1, leaf to root. Requires index < size.
Status MerkleInclusionProof(SubtreeHashes* hashes, uint64_t index, uint64_t size,
                            std::vector<Digest>* path);

// PROOF(old_size, D[new_size]) of RFC 9162 §2.1.4.1. Requires old_size <= new_size; the proof
// is empty when old_size is 0 or equals new_size.
Status MerkleConsistencyProof(SubtreeHashes* hashes, uint64_t old_size, uint64_t new_size,
                              std::vector<Digest>* proof);

// RFC 9162 §2.1.3.2: OK when `path` proves that `leaf_hash` is leaf `index` of the tree of
// `size` leaves whose root is `root`; Corruption saying what failed otherwise.
Status VerifyMerkleInclusion(uint64_t index, uint64_t size, const Digest& leaf_hash,
                             std::span<const Digest> path, const Digest& root);

// RFC 9162 §2.1.4.2: OK when `proof` proves that the tree of `old_size` leaves with root
// `old_root` is a prefix of the tree of `new_size` leaves with root `new_root`. The empty tree
// (old size 0 with the empty root) is a prefix of any, with an empty proof; equal sizes need
// equal roots and an empty proof.
Status VerifyMerkleConsistency(uint64_t old_size, uint64_t new_size, const Digest& old_root,
                               const Digest& new_root, std::span<const Digest> proof);

// The subtree hashes of leaf hashes held in memory: for tests, and for trees small enough to
// build whole. Computes each complete subtree on request (O(2^level)).
class MemorySubtrees : public SubtreeHashes {
 public:
  explicit MemorySubtrees(std::vector<Digest> leaves) : leaves_(std::move(leaves)) {}
  Status Get(int level, uint64_t index, Digest* out) override;
  const std::vector<Digest>& leaves() const { return leaves_; }

 private:
  std::vector<Digest> leaves_;
};

}  // namespace nanni
