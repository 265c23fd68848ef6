#include "ledger/ledger_tree.h"

#include <fmt/format.h>

namespace nanni {

class LedgerTree::Tiles : public TileReader {
 public:
  Tiles(LedgerStore* store, const AccessScope& scope) : store_(store), scope_(scope) {}
  Status ReadTile(int level, uint64_t index, std::string* hashes) override {
    return store_->ReadTile(scope_, level, index, hashes);
  }

 private:
  LedgerStore* store_;
  const AccessScope& scope_;
};

LedgerTree::LedgerTree(LedgerStore* store, AccessScope scope)
    : store_(store), scope_(std::move(scope)), tiles_(std::make_unique<Tiles>(store_, scope_)) {}

LedgerTree::~LedgerTree() = default;

Status LedgerTree::Subtrees(uint64_t size, SubtreeHashes** out) {
  if (stored_size_ < size) {
    NANNI_RETURN_IF_ERROR(store_->Size(scope_, &stored_size_));
    subtrees_.reset();  // the ledger grew: its tiles did too
  }
  if (size > stored_size_) {
    return Status::InvalidArgument(
        fmt::format("the ledger holds {} events, not {}", stored_size_, size));
  }
  // Subtree hashes do not depend on the tree size they are read for, only the checks of
  // how many hashes a tile must hold do: the tree at the ledger's size serves every size.
  if (!subtrees_) subtrees_ = std::make_unique<TileSubtrees>(tiles_.get(), stored_size_);
  *out = subtrees_.get();
  return Status::OK();
}

Status LedgerTree::Root(uint64_t size, Digest* root) {
  SubtreeHashes* subtrees = nullptr;
  NANNI_RETURN_IF_ERROR(Subtrees(size, &subtrees));
  return MerkleRoot(subtrees, size, root);
}

Status LedgerTree::InclusionProof(uint64_t seq, uint64_t size, std::vector<Digest>* path) {
  if (seq == 0 || seq > size) {
    return Status::InvalidArgument(fmt::format("event {} is not in a tree of {} events", seq, size));
  }
  SubtreeHashes* subtrees = nullptr;
  NANNI_RETURN_IF_ERROR(Subtrees(size, &subtrees));
  return MerkleInclusionProof(subtrees, seq - 1, size, path);
}

Status LedgerTree::ConsistencyProof(uint64_t old_size, uint64_t new_size, std::vector<Digest>* proof) {
  SubtreeHashes* subtrees = nullptr;
  NANNI_RETURN_IF_ERROR(Subtrees(new_size, &subtrees));
  return MerkleConsistencyProof(subtrees, old_size, new_size, proof);
}

}  // namespace nanni
