// ParseTomlDocument: the one place nanni calls the TOML parser (toml++), for configuration and
// import profiles alike. Debian's toml++ library is built with C++ exceptions; they are caught
// here and turned into a Status, so no exception crosses nanni's APIs.
#pragma once

#include <toml++/toml.h>

#include <string>
#include <string_view>

#include "util/status.h"

namespace nanni {

// Parses `text`; on a syntax error returns InvalidInput "NAME:LINE: not valid TOML: what is wrong".
Status ParseTomlDocument(std::string_view text, const std::string& name, toml::table* out);

}  // namespace nanni
