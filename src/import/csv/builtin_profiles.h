// The built-in import profiles: data/profiles/*.toml, embedded in the binary at build time
// (cmake/embed_profiles.cmake), so `nanni import --profile cfpb` works from any directory.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "import/csv/profile.h"
#include "util/status.h"

namespace nanni {

struct EmbeddedProfile {
  std::string_view name;  // the file's base name without .toml
  const char* data;
  size_t size;
  std::string_view text() const { return {data, size}; }
};

// Every built-in profile, sorted by name (generated).
std::span<const EmbeddedProfile> EmbeddedProfiles();

// The built-in profile called `name`; nullptr when there is none.
const EmbeddedProfile* FindEmbeddedProfile(std::string_view name);

// Resolves --profile: a built-in name, or else a path to a TOML file. NotFound lists the
// built-in names.
Status ResolveProfile(const std::string& name_or_path, Profile* out);

}  // namespace nanni
