// PersonIds: the contact strings of the index (a person's key, name and e-mail as one event
// gave them) mapped to one id per person: the first string of the person's ContactKey seen.
// One identity, however the source spelled the name. For one account's analysis at a time;
// borrows the index, which must outlive it.
#pragma once

#include <cstdint>
#include <string_view>
#include <unordered_map>

#include "index/fact_draft.h"
#include "index/index_snapshot.h"

namespace nanni {

class PersonIds {
 public:
  explicit PersonIds(const IndexSnapshot& index) : index_(index) {}

  // The person of contact string `contact` (0: none).
  uint32_t Of(uint32_t contact) {
    if (contact == 0) return 0;
    auto it = by_string_.find(contact);
    if (it != by_string_.end()) return it->second;
    const std::string_view key = SplitContactString(index_.str(contact)).key;
    const uint32_t person = by_key_.emplace(key, contact).first->second;
    by_string_.emplace(contact, person);
    return person;
  }

 private:
  const IndexSnapshot& index_;
  std::unordered_map<uint32_t, uint32_t> by_string_;
  std::unordered_map<std::string_view, uint32_t> by_key_;
};

}  // namespace nanni
