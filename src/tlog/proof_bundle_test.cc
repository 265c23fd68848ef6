#include "tlog/proof_bundle.h"

#include <gtest/gtest.h>

#include "tlog/signed_note.h"
#include "util/base64.h"

namespace nanni {
namespace {

// The proof lines of the example in c2sp.org/tlog-proof. (The example's checkpoint has its
// signatures elided as "[...]", so the tests sign that checkpoint themselves.)
constexpr char kSpecHead[] =
    "c2sp.org/tlog-proof@v1\n"
    "extra YWdlLXYxLjIuMS1kYXJ3aW4tYXJtNjQudGFyLmd6kYXJ3aW4tYXJ\n"
    "index 73894\n"
    "gSKyXoYZUgZ6jduWYrkDOARinOMGJveXjgMkBTcdPlQ=\n"
    "B95lDa8R83lS8n0eG+o0buTxRKQTYFi//1U8anccXmA=\n"
    "EKNzoDWG8LGC0Yp9o+sv3qllpMP9uHQ9B20KNL+Q1zs=\n"
    "RoopEkOdqkYqMB4MJXrbt/hMjOxsVn0IrWjpz1ZMMes=\n"
    "AHCioX9nLjsrse6YhjRRmk1WUEirVOLLRoOQ6vfO5vk=\n"
    "\n";
constexpr char kSpecCheckpoint[] =
    "example.com/fancylog\n"
    "109482\n"
    "sFodV/vSp5O8n9a8QpW6PRY97tfOSW5bsc2Xl/EQi08=\n";

std::string SignedCheckpoint(const std::string& body) {
  NoteSigner log;
  EXPECT_TRUE(NoteSigner::Generate("example.com/fancylog", NoteKeyType::kEd25519, &log).ok());
  SignedNote note{body, {}};
  EXPECT_TRUE(SignNote(log, &note).ok());
  std::string text;
  EXPECT_TRUE(FormatSignedNote(note, &text).ok());
  return text;
}

TEST(ProofBundleTest, ParsesTheSpecExampleAndFormatsItBack) {
  std::string note = SignedCheckpoint(kSpecCheckpoint);
  std::string text = kSpecHead + note;
  ProofBundle bundle;
  Status s = ParseProofBundle(text, &bundle);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(bundle.extra.substr(0, 30), "age-v1.2.1-darwin-arm64.tar.gz");
  EXPECT_EQ(bundle.extra.size(), 39u);
  EXPECT_EQ(bundle.index, 73894u);
  ASSERT_EQ(bundle.path.size(), 5u);
  EXPECT_EQ(Base64Encode(std::string(bundle.path[4].begin(), bundle.path[4].end())),
            "AHCioX9nLjsrse6YhjRRmk1WUEirVOLLRoOQ6vfO5vk=");
  EXPECT_EQ(bundle.checkpoint_note, note);
  std::string out;
  ASSERT_TRUE(FormatProofBundle(bundle, &out).ok());
  EXPECT_EQ(out, text);
}

TEST(ProofBundleTest, TheSpecExampleAsPrintedIsRefusedForItsElidedSignatures) {
  std::string text = std::string(kSpecHead) + kSpecCheckpoint + "\n— example.com/fancylog hI2DJw[...]1roloI=\n";
  ProofBundle bundle;
  Status s = ParseProofBundle(text, &bundle);
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput);
  EXPECT_NE(s.message().find("proof checkpoint note (from line 10): note line 5: signature of "
                             "'example.com/fancylog'"), std::string::npos) << s.message();
}

TEST(ProofBundleTest, RoundTripsWithoutExtraOrPath) {
  ProofBundle bundle{"", 0, {}, SignedCheckpoint("example.com/log\n1\n" + Base64Encode(std::string(32, 'r')) + "\n")};
  std::string text;
  ASSERT_TRUE(FormatProofBundle(bundle, &text).ok());
  EXPECT_EQ(text, "c2sp.org/tlog-proof@v1\nindex 0\n\n" + bundle.checkpoint_note);
  ProofBundle back;
  ASSERT_TRUE(ParseProofBundle(text, &back).ok());
  EXPECT_EQ(back, bundle);
  bundle.extra = std::string("\0\xff", 2);
  bundle.path.assign(kMaxProofPathHashes, Sha256::Of("x"));
  ASSERT_TRUE(FormatProofBundle(bundle, &text).ok());
  ASSERT_TRUE(ParseProofBundle(text, &back).ok());
  EXPECT_EQ(back, bundle);
}

TEST(ProofBundleTest, RefusesMalformedProofsNamingTheLine) {
  const std::string note = SignedCheckpoint(kSpecCheckpoint);
  const std::string hash = "gSKyXoYZUgZ6jduWYrkDOARinOMGJveXjgMkBTcdPlQ=\n";
  const std::string head = "c2sp.org/tlog-proof@v1\n";
  std::string too_many = head + "index 1\n";
  for (size_t i = 0; i <= kMaxProofPathHashes; ++i) too_many += hash;
  const std::pair<std::string, const char*> kBad[] = {
      {"", "proof line 1: the proof ends before its checkpoint"},
      {"c2sp.org/tlog-proof@v1", "proof line 1: does not end with a newline"},
      {"c2sp.org/tlog-proof@v2\nindex 1\n\n" + note, "proof line 1: 'c2sp.org/tlog-proof@v2' is not c2sp.org/tlog-proof@v1"},
      {head + "extra\nindex 1\n\n" + note, "proof line 2: 'extra' must be followed by a space"},
      {head + "extra \nindex 1\n\n" + note, "proof line 2: 'extra' must be followed by a space"},
      {head + "extraAAAA\nindex 1\n\n" + note, "proof line 2: 'extra' must be followed by a space"},
      {head + "extra AAA\nindex 1\n\n" + note, "proof line 2: extra data: base64 of 3 characters"},
      {head + "extra AA==\nextra AA==\nindex 1\n\n" + note, "proof line 3: expected 'index '"},
      {head + "\n" + note, "proof line 2: expected 'index ' and the entry's index, found ''"},
      {head + hash + "\n" + note, "proof line 2: expected 'index '"},
      {head + "index\n\n" + note, "proof line 2: expected 'index '"},
      {head + "index 01\n\n" + note, "proof line 2: index: '01' has a leading zero"},
      {head + "index -1\n\n" + note, "proof line 2: index: '-1' is not a decimal number"},
      {head + "index 1\nAAAA\n\n" + note, "proof line 3: inclusion proof hash: base64 of 3 bytes"},
      {head + "index 1\n" + hash + "gSKyXoYZUgZ6jduWYrkDOARinOMGJveXjgMkBTcdPlQ\n\n" + note,
       "proof line 4: inclusion proof hash: base64 of 43 characters"},
      {too_many + "\n" + note, "proof line 67: more than 64 hashes"},
      {head + "index 1\n" + hash, "proof line 4: the proof ends before its checkpoint"},
      {head + "index 1\n" + hash + "\n", "proof checkpoint note (from line 5): note has no blank line"},
      {head + "index 1\n\n" + std::string(kSpecCheckpoint), "(from line 4): note has no blank line"},
      {head + "index 1\n\nnot\na checkpoint\n\n— k AAAAAAA=\n", "(from line 4): checkpoint has 2 lines"},
      {head + "index 109482\n\n" + note, "(from line 4): index 109482 is not inside the checkpoint's tree of size 109482"},
      {head + "index 1\n\n" + note + std::string(kMaxProofBundleBytes, 'x'), "more than the 2097152 accepted"},
  };
  for (const auto& [text, want] : kBad) {
    ProofBundle bundle;
    Status s = ParseProofBundle(text, &bundle);
    EXPECT_EQ(s.code(), Status::Code::kInvalidInput) << text.substr(0, 200);
    EXPECT_NE(s.message().find(want), std::string::npos) << text.substr(0, 200) << "\n  got: " << s.message();
  }
}

TEST(ProofBundleTest, FormatRefusesWhatWouldNotParseBack) {
  const std::string note = SignedCheckpoint(kSpecCheckpoint);
  const std::pair<ProofBundle, const char*> kBad[] = {
      {{"", 1, std::vector<Digest>(65), note}, "at most 64 hashes"},
      {{"", 109482, {}, note}, "proof checkpoint note: index 109482 is not inside"},
      {{"", 1, {}, kSpecCheckpoint}, "proof checkpoint note: note has no blank line"},
      {{"", 1, {}, ""}, "proof checkpoint note: note has no blank line"},
  };
  for (const auto& [bundle, want] : kBad) {
    std::string out;
    Status s = FormatProofBundle(bundle, &out);
    EXPECT_EQ(s.code(), Status::Code::kInvalidArgument) << want;
    EXPECT_NE(s.message().find(want), std::string::npos) << want << "\n  got: " << s.message();
  }
}

}  // namespace
}  // namespace nanni
