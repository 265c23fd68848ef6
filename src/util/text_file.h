// Whole-file reading for small inputs (configuration, profiles, templates). Large inputs are
// streamed instead (util/line_reader.h).
#pragma once

#include <string>

#include "util/status.h"

namespace nanni {

// Reads all of `path` into *out. NotFound when the file does not exist, IOError when it
// cannot be read, InvalidInput when it is larger than `max_bytes`. Messages name the path.
Status ReadTextFile(const std::string& path, std::string* out, size_t max_bytes = 64 << 20);

}  // namespace nanni
