// PeopleIndex: one CasePerson per distinct contact of a case file, in the order they are
// first met.
//
// The people live in a deque that never moves them, so that the chronology's ten thousand
// lines can point at a few dozen people instead of copying them. Two contacts are the same
// person when every field of theirs is equal (Contact's ==).
#pragma once

#include <deque>
#include <optional>
#include <unordered_map>
#include <vector>

#include "casefile/case_file.h"
#include "event/event.h"

namespace nanni {

class PeopleIndex {
 public:
  // Adds people to *people, which must outlive the pointers handed out.
  explicit PeopleIndex(std::deque<CasePerson>* people) : people_(people) {}

  // The person of `c`, added at the end of the people the first time `c` is met.
  const CasePerson* Of(const Contact& c);

  // The sender of `e` (nullptr when it names none) and its recipients, in order.
  const CasePerson* From(const Event& e) { return e.from ? Of(*e.from) : nullptr; }
  std::vector<const CasePerson*> To(const Event& e);

  // The same as copies, for the items that hold their people by value.
  std::optional<CasePerson> FromCopy(const Event& e);
  std::vector<CasePerson> ToCopy(const Event& e);

 private:
  struct Hash {
    size_t operator()(const Contact& c) const;
  };

  std::unordered_map<Contact, const CasePerson*, Hash> seen_;
  std::deque<CasePerson>* people_;
};

}  // namespace nanni
