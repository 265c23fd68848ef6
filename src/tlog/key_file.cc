#include "tlog/key_file.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "util/printable.h"
#include "util/text_file.h"

namespace nanni {

namespace {

std::string Quoted(const std::string& path) { return Printable(path, 200); }

Status SystemError(const std::string& path, std::string_view what) {
  return Status::IOError(Quoted(path) + ": " + std::string(what) + ": " + std::strerror(errno));
}

// Closes a file descriptor when it goes out of scope.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  // Closes now, reporting the error close() can return (a deferred write failure).
  bool Close() {
    int fd = fd_;
    fd_ = -1;
    return ::close(fd) == 0;
  }

 private:
  int fd_;
};

Status WriteAll(int fd, std::string_view bytes, const std::string& path) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return SystemError(path, "cannot write");
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return Status::OK();
}

// Makes the new directory entry durable.
Status SyncFolder(const std::string& path) {
  std::string folder = std::filesystem::path(path).parent_path().string();
  if (folder.empty()) folder = ".";
  Fd fd(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() < 0 || ::fsync(fd.get()) != 0) return SystemError(folder, "cannot sync the folder");
  return Status::OK();
}

// Everything after creating the file; the caller removes the file when this fails.
Status FillNewFile(int fd, const std::string& path, const NoteSigner& signer) {
  if (::fchmod(fd, 0600) != 0) return SystemError(path, "cannot set mode 0600");
  std::string text = signer.Text() + "\n";
  Status s = WriteAll(fd, text, path);
  sodium_memzero(text.data(), text.size());
  NANNI_RETURN_IF_ERROR(s);
  if (::fsync(fd) != 0) return SystemError(path, "cannot sync");
  return Status::OK();
}

// The ssh-like checks on an open secret key file.
Status CheckSecretFile(int fd, const std::string& path, size_t* size) {
  struct stat st;
  if (::fstat(fd, &st) != 0) return SystemError(path, "cannot stat");
  if (!S_ISREG(st.st_mode)) {
    return Status::InvalidArgument(Quoted(path) + " is not a regular file");
  }
  if ((st.st_mode & 077) != 0) {
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
    return Status::InvalidArgument(Quoted(path) + ": permissions " + mode +
                                   " are too open: a secret key file must be readable and "
                                   "writable by its owner only (chmod 600 " + Quoted(path) + ")");
  }
  if (st.st_uid != ::geteuid()) {
    return Status::InvalidArgument(Quoted(path) + " is owned by uid " + std::to_string(st.st_uid) +
                                   ", not by this user (uid " + std::to_string(::geteuid()) + ")");
  }
  if (static_cast<uint64_t>(st.st_size) > kMaxKeyFileBytes) {
    return Status::InvalidInput(Quoted(path) + " is " + std::to_string(st.st_size) +
                                " bytes: a key file holds one key, at most " +
                                std::to_string(kMaxKeyFileBytes));
  }
  *size = static_cast<size_t>(st.st_size);
  return Status::OK();
}

Status ReadAll(int fd, const std::string& path, size_t size, std::string* out) {
  out->assign(size, '\0');
  size_t done = 0;
  while (done < size) {
    ssize_t n = ::read(fd, out->data() + done, size - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return SystemError(path, "cannot read");
    if (n == 0) break;
    done += static_cast<size_t>(n);
  }
  out->resize(done);
  return Status::OK();
}

// The key text of a key file's contents: all of it, less one final newline.
std::string_view KeyText(std::string_view contents) {
  if (!contents.empty() && contents.back() == '\n') contents.remove_suffix(1);
  return contents;
}

}  // namespace

Status WriteSecretKeyFile(const std::string& path, const NoteSigner& signer) {
  if (!signer.has_key()) return Status::InvalidArgument("the signer holds no key to write");
  Fd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
  if (fd.get() < 0) {
    if (errno == EEXIST) {
      return Status::InvalidArgument(Quoted(path) +
                                     " already exists: a secret key file is never overwritten");
    }
    return SystemError(path, "cannot create");
  }
  Status s = FillNewFile(fd.get(), path, signer);
  if (s.ok() && !fd.Close()) s = SystemError(path, "cannot close");
  if (!s.ok()) {
    ::unlink(path.c_str());  // ours: O_EXCL created it
    return s;
  }
  return SyncFolder(path);
}

Status ReadSecretKeyFile(const std::string& path, NoteSigner* out) {
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) {
    if (errno == ENOENT) return Status::NotFound(Quoted(path) + ": no such secret key file");
    return SystemError(path, "cannot open");
  }
  size_t size = 0;
  NANNI_RETURN_IF_ERROR(CheckSecretFile(fd.get(), path, &size));
  std::string contents;
  NANNI_RETURN_IF_ERROR(ReadAll(fd.get(), path, size, &contents));
  Status s = NoteSigner::Parse(KeyText(contents), out);
  sodium_memzero(contents.data(), contents.size());
  return s.WithPrefix(Quoted(path));
}

Status ReadVerifierKey(std::string_view text_or_path, NoteVerifier* out) {
  Status as_text = NoteVerifier::Parse(text_or_path, out);
  if (as_text.ok()) return as_text;
  std::string path(text_or_path);
  struct stat st;
  if (path.find('\n') != std::string::npos || ::stat(path.c_str(), &st) != 0) {
    return Status::InvalidInput("neither a verifier key nor a file: " + as_text.message());
  }
  std::string contents;
  NANNI_RETURN_IF_ERROR(ReadTextFile(path, &contents, kMaxKeyFileBytes));
  Status s = NoteVerifier::Parse(KeyText(contents), out);
  sodium_memzero(contents.data(), contents.size());  // in case it held a secret key by mistake
  return s.WithPrefix(Quoted(path));
}

}  // namespace nanni
