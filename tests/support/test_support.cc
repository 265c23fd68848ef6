#include "support/test_support.h"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace nanni::test {

TempDir::TempDir() {
  const char* tmp = std::getenv("TMPDIR");
  std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/nanni-test-XXXXXX";
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

CommandResult Run(const std::vector<std::string>& argv) {
  int out_pipe[2], err_pipe[2];
  if (::pipe(out_pipe) != 0 || ::pipe(err_pipe) != 0) throw std::runtime_error("pipe failed");
  pid_t pid = ::fork();
  if (pid == 0) {
    int devnull = ::open("/dev/null", O_RDONLY);
    ::dup2(devnull, 0);
    ::dup2(out_pipe[1], 1);
    ::dup2(err_pipe[1], 2);
    ::close(out_pipe[0]);
    ::close(err_pipe[0]);
    ::setenv("NANNI_NO_PROGRESS", "1", 1);
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    ::execvp(args[0], args.data());
    ::_exit(127);
  }
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  CommandResult result;
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  std::string* sinks[2] = {&result.out, &result.err};
  int open_fds = 2;
  char buf[65536];
  while (open_fds > 0) {
    if (::poll(fds, 2, -1) < 0) break;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      ssize_t n = ::read(fds[i].fd, buf, sizeof(buf));
      if (n > 0) {
        sinks[i]->append(buf, static_cast<size_t>(n));
      } else {
        ::close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      }
    }
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

CommandResult Nanni(const std::vector<std::string>& args) {
  // $NANNI_TEST_BINARY runs the same tests against another build, e.g. the code before a
  // fix, to see a regression test fail there.
  const char* other = std::getenv("NANNI_TEST_BINARY");
  std::vector<std::string> argv = {other != nullptr && *other != '\0' ? other : NANNI_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return Run(argv);
}

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::stringstream in(s);
  std::string part;
  while (std::getline(in, part, sep)) out.push_back(part);
  return out;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteFile(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
  if (!out) throw std::runtime_error("cannot write " + path);
}

std::string TestData(const std::string& relative) { return std::string(NANNI_TEST_DATA) + "/" + relative; }
CommandResult Chromium(std::vector<std::string> args) {
  args.insert(args.begin(), {"timeout", "120", "chromium"});
  CommandResult r = Run(args);
  if (r.exit_code != 0) r = Run(args);
  return r;
}

std::string SharedData(const std::string& relative) {
  return std::string(NANNI_SHARED_DATA) + "/" + relative;
}

std::string GeneratedLedger(const TempDir& dir, int seed, int accounts, int months, std::string* truth) {
  const std::string db = dir.File("g.db"), events = dir.File("g.ndjson");
  *truth = dir.File("t.json");
  auto gen = Nanni({"generate", "--seed", std::to_string(seed), "--accounts", std::to_string(accounts), "--months",
                    std::to_string(months), "--out", events, "--truth", *truth});
  EXPECT_EQ(gen.exit_code, 0) << gen.err;
  EXPECT_EQ(Nanni({"--db", db, "init"}).exit_code, 0);
  auto imported = Nanni({"--db", db, "import", "--no-progress", events});
  EXPECT_EQ(imported.exit_code, 0) << imported.err;
  return db;
}

}  // namespace nanni::test
