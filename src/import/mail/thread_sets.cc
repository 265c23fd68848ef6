#include "import/mail/thread_sets.h"

#include <utility>

namespace nanni {

uint32_t ThreadSets::Intern(const std::string& id) {
  auto [it, fresh] = index_.emplace(id, static_cast<uint32_t>(parent_.size()));
  if (fresh) parent_.push_back(it->second);
  return it->second;
}

uint32_t ThreadSets::FindIndex(uint32_t i) {
  uint32_t root = i;
  while (parent_[root] != root) root = parent_[root];
  while (parent_[i] != root) {  // path compression
    uint32_t next = parent_[i];
    parent_[i] = root;
    i = next;
  }
  return root;
}

void ThreadSets::Join(const std::string& a, const std::string& b) {
  uint32_t ra = FindIndex(Intern(a)), rb = FindIndex(Intern(b));
  if (ra == rb) return;
  if (ra < rb) std::swap(ra, rb);  // the id met first represents: deterministic
  parent_[ra] = rb;
}

}  // namespace nanni
