#include "storage/sqlite_files.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cstdio>

#include "util/printable.h"

namespace nanni {

std::string UriPath(const std::string& path) {
  std::string out;
  for (char c : path) {
    if (c == '%' || c == '?' || c == '#') {
      out += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    } else {
      out.push_back(c);
    }
  }
  return out;
}

bool InRollbackJournalMode(const std::string& path) {
  // Byte 18 of the database header: 1 for the rollback journal, 2 for the WAL.
  char header[20] = {};
  std::FILE* f = std::fopen(path.c_str(), "rb");
  size_t n = f ? std::fread(header, 1, sizeof header, f) : 0;
  if (f) std::fclose(f);
  return n == sizeof header && header[18] == 1;
}

bool WriterHoldsLock(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  // The unix VFS locks the byte after its pending byte for RESERVED (sqlite3.c, PENDING_BYTE).
  struct flock lock = {};
  lock.l_type = F_WRLCK;
  lock.l_whence = SEEK_SET;
  lock.l_start = 0x40000001;
  lock.l_len = 1;
  bool held = ::fcntl(fd, F_GETLK, &lock) == 0 && lock.l_type != F_UNLCK;
  ::close(fd);
  return held;
}

bool JournalIsHot(const std::string& path) {
  sqlite3* probe = nullptr;
  int rc = sqlite3_open_v2(("file:" + UriPath(path)).c_str(), &probe,
                           SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr);
  if (rc == SQLITE_OK) rc = sqlite3_exec(probe, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
  sqlite3_close_v2(probe);
  return (rc & 0xff) == SQLITE_READONLY;  // SQLITE_READONLY_ROLLBACK: it must be rolled back
}

Status BulkLoadRunning(const std::string& path) {
  return Status::IOError(fmt::format(
      "'{}' is taking its first import, which loads in bulk with the ledger to itself; "
      "other commands can open it when that import has finished",
      Printable(path, 200)));
}

}  // namespace nanni
