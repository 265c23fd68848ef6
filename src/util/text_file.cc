#include "util/text_file.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "util/printable.h"
namespace nanni {

Status ReadTextFile(const std::string& path, std::string* out, size_t max_bytes) {
  std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (file == nullptr) {
    std::string why = std::strerror(errno);
    if (errno == ENOENT) return Status::NotFound(fmt::format("{}: no such file", Printable(path, 200)));
    return Status::IOError(fmt::format("{}: cannot open: {}", Printable(path, 200), why));
  }
  out->clear();
  char buffer[1 << 16];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, file.get())) > 0) {
    if (out->size() + n > max_bytes) {
      return Status::InvalidInput(fmt::format("{}: larger than {} bytes", Printable(path, 200), max_bytes));
    }
    out->append(buffer, n);
  }
  if (std::ferror(file.get())) {
    return Status::IOError(fmt::format("{}: read failed: {}", Printable(path, 200), std::strerror(errno)));
  }
  return Status::OK();
}

}  // namespace nanni
