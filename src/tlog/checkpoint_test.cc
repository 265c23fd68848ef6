#include "tlog/checkpoint.h"

#include <gtest/gtest.h>

#include "util/base64.h"

namespace nanni {
namespace {

// The example in c2sp.org/tlog-checkpoint.
constexpr char kSpecBody[] =
    "example.com/behind-the-sofa\n"
    "20852163\n"
    "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";

TEST(CheckpointTest, ParsesTheSpecExample) {
  Checkpoint c;
  ASSERT_TRUE(ParseCheckpoint(kSpecBody, &c).ok());
  EXPECT_EQ(c.origin, "example.com/behind-the-sofa");
  EXPECT_EQ(c.size, 20852163u);
  EXPECT_EQ(ToHex(c.root), "0ac5186a91863e8e1d90c808014aa89bf5da8e3ee1d9f07630f0378f68f1ab62");
  EXPECT_TRUE(c.extensions.empty());
  EXPECT_EQ(FormatCheckpoint(c), kSpecBody);
}

TEST(CheckpointTest, RoundTripsWithExtensions) {
  Checkpoint c{"example.com/log42", 0, Sha256::Of(""), {"ext one", "— two"}};
  ASSERT_TRUE(CheckCheckpoint(c).ok());
  std::string body = FormatCheckpoint(c);
  EXPECT_EQ(body,
            "example.com/log42\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\next one\n— two\n");
  Checkpoint back;
  ASSERT_TRUE(ParseCheckpoint(body, &back).ok());
  EXPECT_EQ(back, c);
  c.size = UINT64_MAX;
  ASSERT_TRUE(ParseCheckpoint(FormatCheckpoint(c), &back).ok());
  EXPECT_EQ(back.size, UINT64_MAX);
}

TEST(CheckpointTest, RefusesMalformedBodiesNamingTheLine) {
  const std::string kRoot = "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=";
  const std::pair<std::string, const char*> kBad[] = {
      {"", "has 0 lines"},
      {"o\n1\n", "has 2 lines"},
      {"o\n1\n" + kRoot, "line 3 does not end with a newline"},
      {"\n1\n" + kRoot + "\n", "line 1 is empty"},
      {"o\n\n" + kRoot + "\n", "line 2 is empty"},
      {"o\n1\n" + kRoot + "\n\n", "line 4 is empty"},
      {"o\n1\n" + kRoot + "\next\n\n", "line 5 is empty"},
      {"o\n01\n" + kRoot + "\n", "line 2 (tree size): '01' has a leading zero"},
      {"o\n-1\n" + kRoot + "\n", "line 2 (tree size): '-1' is not a decimal number"},
      {"o\n1 \n" + kRoot + "\n", "line 2 (tree size): '1 ' is not a decimal number"},
      {"o\n18446744073709551616\n" + kRoot + "\n", "line 2 (tree size): '18446744073709551616' is larger"},
      {"o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2J=\n", "line 3 (root hash): base64 has non-zero bits"},
      {"o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I\n", "line 3 (root hash): base64 of 43 characters"},
      {"o\n1\nCsUYapGGPo4dkMgIAUqom_Xajj7h2fB2MPA3j2jxq2I=\n", "line 3 (root hash): '_' at 21"},
      {"o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jx\n", "line 3 (root hash): base64 of 30 bytes"},
      {"o\n1\n" + Base64Encode(std::string(33, 'x')) + "\n", "line 3 (root hash): base64 of 33 bytes"},
      {"o\r\n1\n" + kRoot + "\n", "line 1 has control character 0x0d"},
      {"o\n1\n" + kRoot + "\n\xc3\x28\n", "line 4 is not valid UTF-8"},
  };
  for (const auto& [body, want] : kBad) {
    Checkpoint c;
    Status s = ParseCheckpoint(body, &c);
    EXPECT_EQ(s.code(), Status::Code::kInvalidInput) << body;
    EXPECT_NE(s.message().find(want), std::string::npos) << body << "\n  got: " << s.message();
    EXPECT_EQ(s.message().rfind("checkpoint ", 0), 0u) << s.message();
  }
}

TEST(CheckpointTest, CheckRefusesWhatWouldNotParseBack) {
  Checkpoint c{"o", 1, {}, {}};
  EXPECT_TRUE(CheckCheckpoint(c).ok());
  c.origin = "";
  EXPECT_EQ(CheckCheckpoint(c).message(), "checkpoint origin is empty");
  c.origin = "two\nlines";
  EXPECT_NE(CheckCheckpoint(c).message().find("checkpoint origin holds a newline"), std::string::npos);
  c.origin = "o";
  c.extensions = {"fine", ""};
  EXPECT_EQ(CheckCheckpoint(c).message(), "checkpoint extension 2 is empty");
  c.extensions = {"tab\there"};
  EXPECT_EQ(CheckCheckpoint(c).code(), Status::Code::kInvalidArgument);
}

}  // namespace
}  // namespace nanni
