// OpenInputFile: how every streaming reader opens what it reads, so that a missing file, a
// folder or an unreadable file gets the same message whichever reader met it.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>

#include "util/status.h"

namespace nanni {

struct InputFile {
  std::FILE* file = nullptr;  // stdin for "-"
  bool owned = false;         // the caller must fclose() it
  uint64_t size = 0;          // bytes, 0 when unknown (stdin)
};

// Opens `path` for binary reading; "-" is standard input. NotFound when there is no such
// file, InvalidInput for a folder, IOError when it cannot be opened; messages name the path.
Status OpenInputFile(const std::string& path, InputFile* out);

}  // namespace nanni
