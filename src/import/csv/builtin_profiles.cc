#include "import/csv/builtin_profiles.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include "util/printable.h"

namespace nanni {

const EmbeddedProfile* FindEmbeddedProfile(std::string_view name) {
  for (const EmbeddedProfile& p : EmbeddedProfiles()) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

Status ResolveProfile(const std::string& name_or_path, Profile* out) {
  if (const EmbeddedProfile* p = FindEmbeddedProfile(name_or_path)) {
    return ParseProfile(p->text(), fmt::format("<built-in profile {}>", p->name), out);
  }
  struct stat st;
  if (::stat(name_or_path.c_str(), &st) == 0) return LoadProfileFile(name_or_path, out);
  std::string names;
  for (const EmbeddedProfile& p : EmbeddedProfiles()) {
    names += fmt::format("{}{}", names.empty() ? "" : ", ", p.name);
  }
  return Status::NotFound(fmt::format(
      "no built-in profile and no file named '{}' (built-in: {}; see `nanni profiles`)",
      Printable(name_or_path, 200), names));
}

}  // namespace nanni
