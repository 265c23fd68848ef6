// ThreadSets: disjoint sets of message ids (union-find over interned ids), so that every
// message linked by In-Reply-To or References, in any order and with any parent missing or
// looping, ends in one thread.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace nanni {

class ThreadSets {
 public:
  // The set's representative: a number, stable until the next Join.
  uint32_t Find(const std::string& id) { return FindIndex(Intern(id)); }

  // Puts `a` and `b` in one set. Of two sets joined, the id met first represents the union,
  // so the result does not depend on the order of the joins.
  void Join(const std::string& a, const std::string& b);

 private:
  uint32_t Intern(const std::string& id);
  uint32_t FindIndex(uint32_t i);

  std::unordered_map<std::string, uint32_t> index_;
  std::vector<uint32_t> parent_;
};

}  // namespace nanni
