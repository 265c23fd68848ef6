#include "tlog/merkle.h"

#include <fmt/format.h>

#include <bit>

namespace nanni {

namespace {

Sha256& Hasher() {
  thread_local Sha256 hasher;
  hasher.Reset();
  return hasher;
}

bool IsPowerOfTwo(uint64_t n) { return n != 0 && (n & (n - 1)) == 0; }

// PATH(index - begin, D[begin:end]), appended leaf to root.
Status Path(SubtreeHashes* hashes, uint64_t index, uint64_t begin, uint64_t end,
            std::vector<Digest>* path) {
  if (end - begin <= 1) return Status::OK();
  uint64_t mid = begin + MerkleSplit(end - begin);
  Digest sibling;
  if (index < mid) {
    NANNI_RETURN_IF_ERROR(Path(hashes, index, begin, mid, path));
    NANNI_RETURN_IF_ERROR(MerkleRangeHash(hashes, mid, end, &sibling));
  } else {
    NANNI_RETURN_IF_ERROR(Path(hashes, index, mid, end, path));
    NANNI_RETURN_IF_ERROR(MerkleRangeHash(hashes, begin, mid, &sibling));
  }
  path->push_back(sibling);
  return Status::OK();
}

// SUBPROOF(old_end - begin, D[begin:end], whole) of RFC 9162 §2.1.4.1.
Status Subproof(SubtreeHashes* hashes, uint64_t old_end, uint64_t begin, uint64_t end, bool whole,
                std::vector<Digest>* proof) {
  if (old_end == end) {
    if (whole) return Status::OK();
    Digest d;
    NANNI_RETURN_IF_ERROR(MerkleRangeHash(hashes, begin, end, &d));
    proof->push_back(d);
    return Status::OK();
  }
  uint64_t mid = begin + MerkleSplit(end - begin);
  Digest sibling;
  if (old_end <= mid) {
    NANNI_RETURN_IF_ERROR(Subproof(hashes, old_end, begin, mid, whole, proof));
    NANNI_RETURN_IF_ERROR(MerkleRangeHash(hashes, mid, end, &sibling));
  } else {
    NANNI_RETURN_IF_ERROR(Subproof(hashes, old_end, mid, end, false, proof));
    NANNI_RETURN_IF_ERROR(MerkleRangeHash(hashes, begin, mid, &sibling));
  }
  proof->push_back(sibling);
  return Status::OK();
}

Status Fail(std::string what) { return Status::Corruption(std::move(what)); }

}  // namespace

Digest MerkleLeafHash(std::string_view leaf) {
  Sha256& h = Hasher();
  const uint8_t prefix = 0x00;
  h.Update(&prefix, 1);
  h.Update(leaf);
  return h.Finish();
}

Digest MerkleNodeHash(const Digest& left, const Digest& right) {
  Sha256& h = Hasher();
  const uint8_t prefix = 0x01;
  h.Update(&prefix, 1);
  h.Update(left.data(), left.size());
  h.Update(right.data(), right.size());
  return h.Finish();
}

Digest MerkleEmptyRoot() { return Sha256::Of(""); }

uint64_t MerkleSplit(uint64_t n) { return std::bit_floor(n - 1); }

Status MerkleRangeHash(SubtreeHashes* hashes, uint64_t begin, uint64_t end, Digest* out) {
  uint64_t n = end - begin;
  if (IsPowerOfTwo(n) && begin % n == 0) {
    int level = std::countr_zero(n);
    return hashes->Get(level, begin >> level, out);
  }
  uint64_t mid = begin + MerkleSplit(n);
  Digest left, right;
  NANNI_RETURN_IF_ERROR(MerkleRangeHash(hashes, begin, mid, &left));
  NANNI_RETURN_IF_ERROR(MerkleRangeHash(hashes, mid, end, &right));
  *out = MerkleNodeHash(left, right);
  return Status::OK();
}

Status MerkleRoot(SubtreeHashes* hashes, uint64_t size, Digest* out) {
  if (size == 0) {
    *out = MerkleEmptyRoot();
    return Status::OK();
  }
  return MerkleRangeHash(hashes, 0, size, out);
}

Status MerkleInclusionProof(SubtreeHashes* hashes, uint64_t index, uint64_t size,
                            std::vector<Digest>* path) {
  path->clear();
  if (index >= size) {
    return Status::InvalidArgument(
        fmt::format("leaf {} is not in a tree of {} leaves", index, size));
  }
  return Path(hashes, index, 0, size, path);
}

Status MerkleConsistencyProof(SubtreeHashes* hashes, uint64_t old_size, uint64_t new_size,
                              std::vector<Digest>* proof) {
  proof->clear();
  if (old_size > new_size) {
    return Status::InvalidArgument(
        fmt::format("a tree of {} leaves cannot extend one of {}", new_size, old_size));
  }
  if (old_size == 0 || old_size == new_size) return Status::OK();
  return Subproof(hashes, old_size, 0, new_size, true, proof);
}

Status VerifyMerkleInclusion(uint64_t index, uint64_t size, const Digest& leaf_hash,
                             std::span<const Digest> path, const Digest& root) {
  if (index >= size) return Fail(fmt::format("leaf index {} is not below the tree size {}", index, size));
  uint64_t fn = index, sn = size - 1;
  Digest r = leaf_hash;
  for (const Digest& p : path) {
    if (sn == 0) return Fail("the inclusion proof is longer than the tree is deep");
    if ((fn & 1) || fn == sn) {
      r = MerkleNodeHash(p, r);
      while (!(fn & 1) && fn != 0) {
        fn >>= 1;
        sn >>= 1;
      }
    } else {
      r = MerkleNodeHash(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  if (sn != 0) return Fail("the inclusion proof is shorter than the tree is deep");
  if (r != root) return Fail("the inclusion proof does not lead to the tree's root");
  return Status::OK();
}

Status VerifyMerkleConsistency(uint64_t old_size, uint64_t new_size, const Digest& old_root,
                               const Digest& new_root, std::span<const Digest> proof) {
  if (old_size > new_size) {
    return Fail(fmt::format("the old tree ({} leaves) is larger than the new one ({})", old_size, new_size));
  }
  if (old_size == new_size) {
    if (!proof.empty()) return Fail("a proof between equal tree sizes must be empty");
    if (old_root != new_root) return Fail("the two roots of the same tree size differ");
    return Status::OK();
  }
  if (old_size == 0) {
    if (!proof.empty()) return Fail("a proof from the empty tree must be empty");
    if (old_root != MerkleEmptyRoot()) return Fail("the old root is not the empty tree's");
    return Status::OK();
  }
  if (proof.empty()) return Fail("the consistency proof is empty");
  std::vector<Digest> path;
  if (IsPowerOfTwo(old_size)) path.push_back(old_root);
  path.insert(path.end(), proof.begin(), proof.end());
  uint64_t fn = old_size - 1, sn = new_size - 1;
  while (fn & 1) {
    fn >>= 1;
    sn >>= 1;
  }
  Digest fr = path[0], sr = path[0];
  for (size_t i = 1; i < path.size(); ++i) {
    const Digest& c = path[i];
    if (sn == 0) return Fail("the consistency proof is longer than the tree is deep");
    if ((fn & 1) || fn == sn) {
      fr = MerkleNodeHash(c, fr);
      sr = MerkleNodeHash(c, sr);
      while (!(fn & 1) && fn != 0) {
        fn >>= 1;
        sn >>= 1;
      }
    } else {
      sr = MerkleNodeHash(sr, c);
    }
    fn >>= 1;
    sn >>= 1;
  }
  if (sn != 0) return Fail("the consistency proof is shorter than the tree is deep");
  if (fr != old_root) return Fail("the consistency proof does not lead to the old root");
  if (sr != new_root) return Fail("the consistency proof does not lead to the new root");
  return Status::OK();
}

Status MemorySubtrees::Get(int level, uint64_t index, Digest* out) {
  uint64_t width = uint64_t{1} << level, begin = index << level;
  if (level < 0 || level > 62 || begin + width > leaves_.size() || begin + width < begin) {
    return Status::NotFound(fmt::format("no complete subtree at level {} index {}", level, index));
  }
  if (level == 0) {
    *out = leaves_[begin];
    return Status::OK();
  }
  Digest left, right;
  NANNI_RETURN_IF_ERROR(Get(level - 1, 2 * index, &left));
  NANNI_RETURN_IF_ERROR(Get(level - 1, 2 * index + 1, &right));
  *out = MerkleNodeHash(left, right);
  return Status::OK();
}

}  // namespace nanni
