#include "tlog/key_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>

#include "support/test_support.h"

namespace nanni {
namespace {

constexpr char kPeterSigner[] =
    "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
constexpr char kPeterVerifier[] = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
constexpr char kSecretPart[] = "AYEKFALV";

unsigned ModeOf(const std::string& path) {
  struct stat st;
  EXPECT_EQ(::stat(path.c_str(), &st), 0) << path;
  return st.st_mode & 07777;
}

class KeyFileTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(NoteSigner::Parse(kPeterSigner, &peter_).ok()); }

  // A secret key file with `contents` and `mode`, written directly.
  std::string Planted(const std::string& name, const std::string& contents, unsigned mode = 0600) {
    std::string path = dir_.File(name);
    test::WriteFile(path, contents);
    ::chmod(path.c_str(), mode);
    return path;
  }

  test::TempDir dir_;
  NoteSigner peter_;
};

TEST_F(KeyFileTest, WritesA0600FileThatReadsBack) {
  std::string path = dir_.File("log.key");
  ASSERT_TRUE(WriteSecretKeyFile(path, peter_).ok());
  EXPECT_EQ(ModeOf(path), 0600u);
  EXPECT_EQ(test::ReadFile(path), std::string(kPeterSigner) + "\n");
  NoteSigner back;
  ASSERT_TRUE(ReadSecretKeyFile(path, &back).ok());
  EXPECT_EQ(back.Text(), kPeterSigner);
}

TEST_F(KeyFileTest, TheModeIs0600WhateverTheUmask) {
  for (mode_t mask : {mode_t{0}, mode_t{0277}}) {
    mode_t old = ::umask(mask);
    std::string path = dir_.File("umask" + std::to_string(mask) + ".key");
    Status s = WriteSecretKeyFile(path, peter_);
    ::umask(old);
    ASSERT_TRUE(s.ok()) << s.ToString();
    EXPECT_EQ(ModeOf(path), 0600u) << "umask " << mask;
  }
}

TEST_F(KeyFileTest, NeverOverwrites) {
  std::string path = Planted("taken.key", "precious\n", 0644);
  Status s = WriteSecretKeyFile(path, peter_);
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(s.message().find("already exists: a secret key file is never overwritten"), std::string::npos)
      << s.message();
  EXPECT_EQ(test::ReadFile(path), "precious\n");
  EXPECT_EQ(ModeOf(path), 0644u);
  // Nor through a symbolic link, dangling or not.
  std::string link = dir_.File("link.key");
  std::filesystem::create_symlink(dir_.File("target.key"), link);
  EXPECT_EQ(WriteSecretKeyFile(link, peter_).code(), Status::Code::kInvalidArgument);
  EXPECT_FALSE(std::filesystem::exists(dir_.File("target.key")));
  EXPECT_EQ(WriteSecretKeyFile(dir_.File("no/such/folder.key"), peter_).code(), Status::Code::kIOError);
  EXPECT_EQ(WriteSecretKeyFile(dir_.File("empty.key"), NoteSigner()).code(), Status::Code::kInvalidArgument);
  EXPECT_FALSE(std::filesystem::exists(dir_.File("empty.key")));
}

TEST_F(KeyFileTest, RefusesAFileOthersMayReadOrWrite) {
  for (unsigned mode : {0640u, 0604u, 0660u, 0606u, 0610u, 0644u, 0666u}) {
    std::string path = Planted("open" + std::to_string(mode) + ".key", std::string(kPeterSigner) + "\n", mode);
    NoteSigner s;
    Status st = ReadSecretKeyFile(path, &s);
    EXPECT_EQ(st.code(), Status::Code::kInvalidArgument) << mode;
    EXPECT_NE(st.message().find("are too open"), std::string::npos) << st.message();
    EXPECT_NE(st.message().find("(chmod 600 " + path + ")"), std::string::npos) << st.message();
    EXPECT_FALSE(s.has_key());
  }
  for (unsigned mode : {0600u, 0400u}) {
    NoteSigner s;
    EXPECT_TRUE(ReadSecretKeyFile(Planted("ok" + std::to_string(mode) + ".key",
                                          std::string(kPeterSigner) + "\n", mode), &s).ok());
  }
}

TEST_F(KeyFileTest, RefusesMalformedFilesNamingThemWithoutQuotingThem) {
  const std::string key = kPeterSigner;
  const std::pair<std::string, const char*> kBad[] = {
      {"", "signer key does not start with PRIVATE+KEY+"},
      {key + "\n\n", "signer key data is not valid standard base64"},
      {key + "\r\n", "signer key data is not valid standard base64"},
      {key + "\n" + key + "\n", "signer key data is not valid standard base64"},
      {" " + key + "\n", "does not start with PRIVATE+KEY+"},
      {std::string(kPeterVerifier) + "\n", "does not start with PRIVATE+KEY+"},
      {std::string(kMaxKeyFileBytes + 1, 'x'), "bytes: a key file holds one key, at most 4096"},
  };
  int i = 0;
  for (const auto& [contents, want] : kBad) {
    std::string path = Planted("bad" + std::to_string(i++) + ".key", contents);
    NoteSigner s;
    Status st = ReadSecretKeyFile(path, &s);
    EXPECT_NE(st.code(), Status::Code::kOk) << contents;
    EXPECT_EQ(st.message().rfind(path, 0), 0u) << st.message();  // names the file first
    EXPECT_NE(st.message().find(want), std::string::npos) << contents << "\n  got: " << st.message();
    EXPECT_EQ(st.message().find(kSecretPart), std::string::npos) << st.message();
  }
  NoteSigner s;
  EXPECT_EQ(ReadSecretKeyFile(dir_.File("missing.key"), &s).code(), Status::Code::kNotFound);
  Status st = ReadSecretKeyFile(dir_.path(), &s);
  EXPECT_NE(st.message().find("is not a regular file"), std::string::npos) << st.message();
}

TEST_F(KeyFileTest, ReadsAVerifierKeyFromTextOrFile) {
  NoteVerifier v;
  ASSERT_TRUE(ReadVerifierKey(kPeterVerifier, &v).ok());
  EXPECT_EQ(v.key_id(), 0xc74f20a3u);

  std::string path = Planted("log.pub", std::string(kPeterVerifier) + "\n", 0644);  // public
  NoteVerifier from_file;
  ASSERT_TRUE(ReadVerifierKey(path, &from_file).ok());
  EXPECT_EQ(from_file.Text(), kPeterVerifier);
  ASSERT_TRUE(ReadVerifierKey(Planted("bare.pub", kPeterVerifier, 0644), &from_file).ok());

  Status s = ReadVerifierKey(dir_.File("nothing.pub"), &v);
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput);
  EXPECT_NE(s.message().find("neither a verifier key nor a file"), std::string::npos) << s.message();

  s = ReadVerifierKey(Planted("twice.pub", std::string(kPeterVerifier) + "\n\n", 0644), &v);
  EXPECT_NE(s.message().find("twice.pub: verifier key data"), std::string::npos) << s.message();

  // A secret key given where the public one belongs, as text or as a file: refused unquoted.
  for (std::string given : {std::string(kPeterSigner), Planted("oops.key", std::string(kPeterSigner) + "\n")}) {
    s = ReadVerifierKey(given, &v);
    EXPECT_EQ(s.code(), Status::Code::kInvalidInput);
    EXPECT_NE(s.message().find("a signer (secret) key where a verifier key belongs"), std::string::npos)
        << s.message();
    EXPECT_EQ(s.message().find(kSecretPart), std::string::npos) << s.message();
  }
}

}  // namespace
}  // namespace nanni
