#include "util/output_file.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "util/printable.h"

namespace nanni {

namespace fs = std::filesystem;

namespace {

std::string AbsoluteNormal(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::absolute(path, ec);
  if (ec) return path;
  fs::path canonical = fs::weakly_canonical(p, ec);  // resolves links in what exists
  return (ec ? p : canonical).lexically_normal().string();
}

bool Beneath(const std::string& path, const std::string& folder) {
  if (folder.empty()) return false;
  std::string prefix = folder.back() == '/' ? folder : folder + "/";
  return path.compare(0, prefix.size(), prefix) == 0;
}

// Written as it is, never replaced: standard streams, devices, pipes, sockets.
bool WrittenDirectly(const std::string& path) {
  if (path.rfind("/dev/", 0) == 0 || path.rfind("/proc/", 0) == 0) return true;
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 &&
         (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode));
}

mode_t CreationMode() {
  mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

}  // namespace

void ProtectedFiles::AddLedger(const std::string& db_path, std::string_view what) {
  Add(db_path, what);
  for (const char* suffix : {"-wal", "-shm", "-journal"}) {
    Add(db_path + suffix, fmt::format("a file of {}", what));
  }
}

void ProtectedFiles::Add(const std::string& path, std::string_view what) {
  if (path.empty() || path == "-") return;
  Entry e;
  e.absolute = AbsoluteNormal(path);
  e.what = std::string(what);
  struct stat st;
  if (::stat(path.c_str(), &st) == 0) {
    e.exists = true;
    e.folder = S_ISDIR(st.st_mode);
    e.device = st.st_dev;
    e.inode = st.st_ino;
  }
  entries_.push_back(std::move(e));
}

Status ProtectedFiles::Check(std::string_view flag, const std::string& path) const {
  if (path.empty() || path == "-") return Status::OK();
  struct stat st;
  const bool exists = ::stat(path.c_str(), &st) == 0;
  const std::string absolute = AbsoluteNormal(path);
  for (const Entry& e : entries_) {
    bool same = exists && e.exists && !e.folder ? st.st_dev == e.device && st.st_ino == e.inode
                                                : absolute == e.absolute;
    bool inside = e.folder && Beneath(absolute, e.absolute);
    if (!same && !inside) continue;
    return Status::InvalidArgument(fmt::format(
        "{}: '{}' {} {}; nanni never writes over its ledger or what it reads\n"
        "hint: name another file",
        flag, Printable(path, 200), inside ? "is inside" : "is", e.what));
  }
  return Status::OK();
}

Status OutputFile::Open(std::string_view flag, const std::string& path,
                        const ProtectedFiles& protect, std::unique_ptr<OutputFile>* out) {
  if (path.empty()) return Status::InvalidArgument(fmt::format("{}: no file named", flag));
  NANNI_RETURN_IF_ERROR(protect.Check(flag, path));
  std::unique_ptr<OutputFile> f(new OutputFile(std::string(flag), path));
  if (path == "-") {
    f->file_ = stdout;
  } else if (WrittenDirectly(path)) {
    f->file_ = std::fopen(path.c_str(), "wb");
    f->owned_ = true;
  } else {
    fs::path dest = fs::absolute(fs::path(path)).lexically_normal();
    std::string name = (dest.parent_path() / ("." + dest.filename().string() + ".XXXXXX")).string();
    int fd = ::mkostemp(name.data(), O_CLOEXEC);  // O_CREAT | O_EXCL: never an existing name
    if (fd >= 0) {
      ::fchmod(fd, CreationMode());
      f->temporary_ = name;
      f->file_ = ::fdopen(fd, "wb");
      f->owned_ = true;
      if (f->file_ == nullptr) ::close(fd);
    }
  }
  if (f->file_ == nullptr) return f->Failed("cannot be written");
  *out = std::move(f);
  return Status::OK();
}

OutputFile::~OutputFile() {
  if (owned_ && file_ != nullptr) std::fclose(file_);
  if (!committed_ && !temporary_.empty()) ::unlink(temporary_.c_str());
}

Status OutputFile::Failed(std::string_view what) const {
  return Status::IOError(fmt::format("{}: '{}' {}: {}", flag_, Printable(path_, 200), what,
                                     std::strerror(errno)));
}

Status OutputFile::Write(std::string_view bytes) {
  if (failed_) return Status::IOError(fmt::format("{}: '{}': an earlier write failed", flag_, Printable(path_, 200)));
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) == bytes.size()) return Status::OK();
  failed_ = true;
  return Failed("write failed");
}

Status OutputFile::Commit() {
  if (failed_) return Status::IOError(fmt::format("{}: '{}' was not written whole", flag_, Printable(path_, 200)));
  if (!owned_) return std::fflush(file_) == 0 ? Status::OK() : Failed("write failed");
  int closed = std::fclose(file_);
  file_ = nullptr;
  if (closed != 0) return Failed("write failed");
  if (!temporary_.empty() && std::rename(temporary_.c_str(), path_.c_str()) != 0) {
    return Failed("cannot be replaced");
  }
  committed_ = true;
  return Status::OK();
}

Status WriteOutputFile(std::string_view flag, const std::string& path,
                       const ProtectedFiles& protect, std::string_view content) {
  std::unique_ptr<OutputFile> out;
  NANNI_RETURN_IF_ERROR(OutputFile::Open(flag, path, protect, &out));
  NANNI_RETURN_IF_ERROR(out->Write(content));
  return out->Commit();
}

}  // namespace nanni
