// OutputFile: how every command writes a file the user named (`--out`, `--rejects`,
// `generate --out` and `--truth`, `tone-eval --out`), so that no mistake in a path can damage
// the ledger, an input or someone else's file.
//
//   - "-" is standard output. A character device, a FIFO or a socket (/dev/null, a pipe) and
//     anything under /dev/ or /proc/ (/dev/stdout) are written directly, as they are.
//   - Anything else is written to a new temporary file created exclusively (O_CREAT | O_EXCL
//     | O_NOFOLLOW, a random name, mode 0666 less the umask) in the destination's own folder,
//     and Commit() renames it over the destination. Readers see the old file or the whole
//     new one, never a part of it; a symbolic link planted at a predictable name cannot
//     redirect the write; a destination that is a symbolic link is replaced, its target left
//     alone. Destroyed before Commit(), the temporary file is removed and the destination is
//     as it was.
//   - A destination among the ProtectedFiles given (the command's ledger, its -wal, -shm and
//     -journal files, and every file or folder it reads) is refused with InvalidArgument
//     before anything is created.
#pragma once

#include <sys/types.h>

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "util/status.h"

namespace nanni {

// The files a command must never write over.
class ProtectedFiles {
 public:
  // Protects the ledger at `db_path` and the files SQLite keeps beside it.
  void AddLedger(const std::string& db_path, std::string_view what = "the ledger");
  // Protects a file or a folder (and everything beneath it) that the command reads. "-" and
  // "" are ignored.
  void Add(const std::string& path, std::string_view what);

  // OK unless `path` is (or, for a folder, lies beneath) a protected one: then
  // InvalidArgument "FLAG: 'PATH' is WHAT; ...". Compared by device and inode when both
  // exist, else by absolute path.
  Status Check(std::string_view flag, const std::string& path) const;

 private:
  struct Entry {
    std::string absolute;  // lexically normal absolute path
    std::string what;      // "the ledger", "an input file", ...
    bool exists = false, folder = false;
    dev_t device = 0;
    ino_t inode = 0;
  };
  std::vector<Entry> entries_;
};

class OutputFile {
 public:
  // Checks `path` against `protect` and opens it as described above. `flag` names the option
  // in messages ("--out").
  static Status Open(std::string_view flag, const std::string& path,
                     const ProtectedFiles& protect, std::unique_ptr<OutputFile>* out);

  ~OutputFile();  // removes the temporary file unless Commit() succeeded
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  // Appends `bytes`. After a failure every later call fails too, and Commit() reports it.
  Status Write(std::string_view bytes);

  // Flushes and, for a regular destination, renames the temporary file into place.
  Status Commit();

  const std::string& path() const { return path_; }

 private:
  OutputFile(std::string flag, std::string path) : flag_(std::move(flag)), path_(std::move(path)) {}
  Status Failed(std::string_view what) const;

  std::string flag_;
  std::string path_;       // the destination as given
  std::string temporary_;  // "" when writing directly
  std::FILE* file_ = nullptr;
  bool owned_ = false;     // file_ is ours to close (not stdout)
  bool failed_ = false;
  bool committed_ = false;
};

// Writes `content` to `path` through an OutputFile: the whole of it, or nothing.
Status WriteOutputFile(std::string_view flag, const std::string& path,
                       const ProtectedFiles& protect, std::string_view content);

}  // namespace nanni
