// AccountGroups: the events of each account of an index snapshot, in ledger order, found in
// two passes over the facts (a counting sort) and held in one array, not a vector per account.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "index/index_snapshot.h"

namespace nanni {

class AccountGroups {
 public:
  // Groups every event `index` covers by its account's string id. Keeps no reference to it.
  explicit AccountGroups(const IndexSnapshot& index);

  // The seqs of the account with string id `id` (empty for an id that names no account).
  std::span<const uint32_t> events(uint32_t id) const {
    if (id + 1 >= offsets_.size()) return {};
    return std::span(seqs_).subspan(offsets_[id], offsets_[id + 1] - offsets_[id]);
  }
  // One past the largest string id: ids 1..end_id()-1 may name accounts.
  uint32_t end_id() const { return static_cast<uint32_t>(offsets_.size() - 1); }

 private:
  std::vector<uint32_t> offsets_;  // the events of id are seqs_[offsets_[id], offsets_[id + 1])
  std::vector<uint32_t> seqs_;
};

}  // namespace nanni
