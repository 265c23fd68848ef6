// LedgerTree: the Merkle tree of a stored ledger, read from its tiles: roots and proofs at
// any tree size up to the ledger's, each in O(log n) tile reads (tlog/merkle.h, tlog/tiles.h).
//
// The tree is open to every access scope (ledger/ledger_store.h): its hashes reveal no
// event's content. Not thread-safe; one per thread (it keeps the tiles it read).
#pragma once

#include <memory>
#include <vector>

#include "ledger/ledger_store.h"

namespace nanni {

class LedgerTree {
 public:
  // `store` must outlive the tree; `scope` is the reader's.
  explicit LedgerTree(LedgerStore* store, AccessScope scope = AccessScope::All());
  ~LedgerTree();

  // The root of the tree of the first `size` entries; InvalidArgument when the ledger holds
  // fewer.
  Status Root(uint64_t size, Digest* root);

  // The audit path of entry `seq` (leaf seq - 1) in the tree of `size` entries.
  Status InclusionProof(uint64_t seq, uint64_t size, std::vector<Digest>* path);

  // The proof that the tree of `old_size` entries is a prefix of the one of `new_size`.
  Status ConsistencyProof(uint64_t old_size, uint64_t new_size, std::vector<Digest>* proof);

 private:
  class Tiles;
  Status Subtrees(uint64_t size, SubtreeHashes** out);

  LedgerStore* store_;
  AccessScope scope_;
  std::unique_ptr<Tiles> tiles_;
  uint64_t stored_size_ = 0;  // the ledger's size when first asked
  std::unique_ptr<TileSubtrees> subtrees_;
};

}  // namespace nanni
