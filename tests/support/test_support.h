// Helpers for tests: temporary folders, running the nanni binary, reading files.
#pragma once

#include <string>
#include <vector>

namespace nanni::test {

// A fresh folder under $TMPDIR, removed with everything in it when destroyed.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

struct CommandResult {
  int exit_code = -1;  // -1 when killed by a signal
  std::string out;
  std::string err;
};

// Runs `argv` (argv[0] is looked up in PATH unless it has a '/'), with standard input from
// /dev/null, NANNI_NO_PROGRESS set, and captures its output.
CommandResult Run(const std::vector<std::string>& argv);

// Runs the nanni binary under test with `args`.
CommandResult Nanni(const std::vector<std::string>& args);

// A generated portfolio (`nanni generate --seed S --accounts A --months M`) imported into a new
// ledger in `dir`: its path, with the truth file's in *truth. Fails the test on any error.
std::string GeneratedLedger(const TempDir& dir, int seed, int accounts, int months, std::string* truth);

// Runs headless Chromium (Debian's package) with `args`, within 120 s, once more if it fails:
// it can crash starting up on a loaded machine; a second failure is a real one.
CommandResult Chromium(std::vector<std::string> args);

std::string ReadFile(const std::string& path);
// The pieces of `s` between `sep`s (a data file's columns, a list in one of them).
std::vector<std::string> Split(const std::string& s, char sep);
void WriteFile(const std::string& path, const std::string& content);

// Path of a file in tests/data, and in the shared real data folder (../shared/data).
std::string TestData(const std::string& relative);
std::string SharedData(const std::string& relative);

}  // namespace nanni::test
