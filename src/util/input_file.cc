#include "util/input_file.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>

#include "util/printable.h"

namespace nanni {

Status OpenInputFile(const std::string& path, InputFile* out) {
  if (path == "-") {
    *out = InputFile{stdin, false, 0};
    return Status::OK();
  }
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    return Status::NotFound(fmt::format("{}: {}", Printable(path, 200), std::strerror(errno)));
  }
  if (S_ISDIR(st.st_mode)) {
    return Status::InvalidInput(fmt::format("{}: is a directory", Printable(path, 200)));
  }
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    return Status::IOError(fmt::format("{}: {}", Printable(path, 200), std::strerror(errno)));
  }
  *out = InputFile{f, true, static_cast<uint64_t>(st.st_size)};
  return Status::OK();
}

}  // namespace nanni
