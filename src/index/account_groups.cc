#include "index/account_groups.h"

namespace nanni {

AccountGroups::AccountGroups(const IndexSnapshot& index) {
  offsets_.assign(index.string_count() + 2, 0);
  for (uint64_t seq = 1; seq <= index.covered(); ++seq) ++offsets_[index.fact(seq).account + 1];
  for (size_t i = 1; i < offsets_.size(); ++i) offsets_[i] += offsets_[i - 1];
  seqs_.resize(index.covered());
  std::vector<uint32_t> next(offsets_.begin(), offsets_.end() - 1);
  for (uint64_t seq = 1; seq <= index.covered(); ++seq) {
    seqs_[next[index.fact(seq).account]++] = static_cast<uint32_t>(seq);
  }
}

}  // namespace nanni
