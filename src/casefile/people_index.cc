#include "casefile/people_index.h"

#include <functional>
#include <string>

#include "casefile/case_input.h"

namespace nanni {

const CasePerson* PeopleIndex::Of(const Contact& c) {
  auto [it, added] = seen_.try_emplace(c, nullptr);
  if (added) it->second = &people_->emplace_back(PersonOf(c));
  return it->second;
}

std::vector<const CasePerson*> PeopleIndex::To(const Event& e) {
  std::vector<const CasePerson*> out;
  out.reserve(e.to.size());
  for (const Contact& c : e.to) out.push_back(Of(c));
  return out;
}

std::optional<CasePerson> PeopleIndex::FromCopy(const Event& e) {
  if (!e.from) return std::nullopt;
  return *Of(*e.from);
}

std::vector<CasePerson> PeopleIndex::ToCopy(const Event& e) {
  std::vector<CasePerson> out;
  out.reserve(e.to.size());
  for (const Contact& c : e.to) out.push_back(*Of(c));
  return out;
}

// The email, the id and the name tell people apart (a contact has at least one); contacts
// that share them and differ in title, side or level share a bucket, and == tells them apart.
size_t PeopleIndex::Hash::operator()(const Contact& c) const {
  std::hash<std::string> h;
  return h(c.email) ^ (h(c.id) * 3) ^ (h(c.name) * 5);
}

}  // namespace nanni
