#include "tlog/cosignature.h"

#include <gtest/gtest.h>

#include "tlog/checkpoint.h"

namespace nanni {
namespace {

// The example of c2sp.org/tlog-cosignature.
constexpr char kBody[] =
    "example.com/behind-the-sofa\n"
    "20852163\n"
    "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
constexpr char kSpecNote[] =
    "example.com/behind-the-sofa\n"
    "20852163\n"
    "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n"
    "\n"
    "— example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n"
    "— witness.example.com/w1 jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==\n";

class CosignTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Ed25519Seed seed{};
    seed[31] = 42;
    ASSERT_TRUE(NoteSigner::FromSeed("witness.example/w1", NoteKeyType::kCosignatureV1, seed, &witness_).ok());
    ASSERT_TRUE(NoteSigner::FromSeed("example.com/behind-the-sofa", NoteKeyType::kEd25519, seed, &log_).ok());
  }
  NoteSigner witness_, log_;  // the same seed: only the type tells them apart
};

TEST_F(CosignTest, ReadsTheTimestampsOfPublishedCosignatures) {
  SignedNote note;
  ASSERT_TRUE(ParseSignedNote(kSpecNote, &note).ok());
  ASSERT_EQ(note.signatures.size(), 2u);
  const NoteSignature& cosig = note.signatures[1];
  EXPECT_EQ(cosig.name, "witness.example.com/w1");
  EXPECT_EQ(cosig.key_id, 0x8d66cf3fu);
  uint64_t t = 0;
  ASSERT_TRUE(CosignatureTimestamp(cosig, &t).ok());
  EXPECT_EQ(t, 1679315147u);  // the "time" line of the spec's example message
  EXPECT_EQ(CosignatureTimestamp(note.signatures[0], &t).message(),
            "signature by example.com/behind-the-sofa+033de0ae is 64 bytes: not a cosignature/v1 (72)");

  // transparency-dev/formats, note/note_cosigv1_test.go.
  SignedNote other;
  ASSERT_TRUE(ParseSignedNote(std::string(kBody) + "\n— w ZGhGuQAAAABm/qTPeyKXD+R2rzyQsxPiP8mXum7qq/iF0u4vanlqJyocWODBt97w9uL+8qT7S5gxEHWWOworDcFiEBYJXORmnFBOBA==\n", &other).ok());
  ASSERT_TRUE(CosignatureTimestamp(other.signatures[0], &t).ok());
  EXPECT_EQ(t, 1727964367u);
}

TEST_F(CosignTest, TheSignedMessageIsTheSpecs) {
  EXPECT_EQ(CosignatureMessage(kBody, 1679315147),
            "cosignature/v1\n"
            "time 1679315147\n"
            "example.com/behind-the-sofa\n"
            "20852163\n"
            "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n");
  EXPECT_EQ(CosignatureMessage(kBody, 0).substr(0, 22), "cosignature/v1\ntime 0\n");
}

TEST_F(CosignTest, CosignsAndVerifies) {
  NoteSignature cosig;
  ASSERT_TRUE(Cosign(witness_, kBody, 1679315147, &cosig).ok());
  EXPECT_EQ(cosig.name, "witness.example/w1");
  EXPECT_EQ(cosig.key_id, witness_.key_id());
  ASSERT_EQ(cosig.bytes.size(), 72u);
  EXPECT_EQ(cosig.bytes.substr(0, 8), std::string("\0\0\0\0\x64\x18\x50\xcb", 8));  // big-endian
  // The Ed25519 part signs exactly the message written out by hand.
  EXPECT_TRUE(witness_.verifier().Verify(
      "cosignature/v1\ntime 1679315147\n" + std::string(kBody), cosig.bytes.substr(8)));
  EXPECT_FALSE(witness_.verifier().Verify(kBody, cosig.bytes.substr(8)));

  uint64_t t = 0;
  ASSERT_TRUE(VerifyCosignature(witness_.verifier(), kBody, cosig, &t).ok());
  EXPECT_EQ(t, 1679315147u);
  ASSERT_TRUE(Cosign(witness_, kBody, kMaxCosignatureTimestamp, &cosig).ok());
  ASSERT_TRUE(VerifyCosignature(witness_.verifier(), kBody, cosig, &t).ok());
  EXPECT_EQ(t, kMaxCosignatureTimestamp);
}

TEST_F(CosignTest, CoversTheTimeTheBodyAndItsExtensions) {
  std::string body = std::string(kBody) + "extension\n";
  NoteSignature cosig;
  ASSERT_TRUE(Cosign(witness_, body, 1000, &cosig).ok());
  uint64_t t = 0;
  EXPECT_TRUE(VerifyCosignature(witness_.verifier(), body, cosig, &t).ok());
  Status s = VerifyCosignature(witness_.verifier(), std::string(kBody) + "extensioN\n", cosig, &t);
  EXPECT_EQ(s.code(), Status::Code::kCorruption);
  EXPECT_EQ(s.message(), "the cosignature by known key " + witness_.verifier().label() + " does not verify");
  EXPECT_EQ(VerifyCosignature(witness_.verifier(), kBody, cosig, &t).code(), Status::Code::kCorruption);
  NoteSignature later = cosig;
  later.bytes[7] = 1;  // 1001 instead of 1000
  EXPECT_EQ(VerifyCosignature(witness_.verifier(), body, later, &t).code(), Status::Code::kCorruption);
  NoteSignature flipped = cosig;
  flipped.bytes[40] ^= 4;
  EXPECT_EQ(VerifyCosignature(witness_.verifier(), body, flipped, &t).code(), Status::Code::kCorruption);
}

TEST_F(CosignTest, AWitnessKeyAndALogKeyCannotStandInForEachOther) {
  NoteSignature cosig;
  Status s = Cosign(log_, kBody, 1, &cosig);
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(s.message().find("is a log key (type 0x01)"), std::string::npos) << s.message();
  ASSERT_TRUE(Cosign(witness_, kBody, 1, &cosig).ok());
  uint64_t t = 0;
  EXPECT_EQ(VerifyCosignature(log_.verifier(), kBody, cosig, &t).code(), Status::Code::kInvalidArgument);
  EXPECT_NE(log_.key_id(), witness_.key_id());  // same public key, other type byte

  // A log's plain signature, relabelled as the witness's, is not a cosignature.
  SignedNote note{kBody, {}};
  ASSERT_TRUE(SignNote(log_, &note).ok());
  NoteSignature forged{witness_.name(), witness_.key_id(), note.signatures[0].bytes};
  EXPECT_EQ(VerifyCosignature(witness_.verifier(), kBody, forged, &t).message(),
            "cosignature by " + witness_.verifier().label() +
                " is 64 bytes, not 72 (an 8-byte timestamp and a 64-byte signature)");
}

TEST_F(CosignTest, RefusesBadInputsSayingWhy) {
  NoteSignature cosig;
  EXPECT_EQ(Cosign(witness_, kBody, kMaxCosignatureTimestamp + 1, &cosig).message(),
            "cosignature timestamp 9223372036854775808 is above 2^63 - 1");
  Status s = Cosign(witness_, "example.com/log\n01\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n", 1, &cosig);
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput);
  EXPECT_EQ(s.message(), "checkpoint line 2 (tree size): '01' has a leading zero");

  ASSERT_TRUE(Cosign(witness_, kBody, 5, &cosig).ok());
  uint64_t t = 0;
  NoteSignature other = cosig;
  other.key_id ^= 1;
  EXPECT_EQ(VerifyCosignature(witness_.verifier(), kBody, other, &t).code(), Status::Code::kInvalidArgument);
  other = cosig;
  other.bytes[0] = '\x80';  // a timestamp of 2^63 and more
  s = VerifyCosignature(witness_.verifier(), kBody, other, &t);
  EXPECT_EQ(s.code(), Status::Code::kCorruption);
  EXPECT_NE(s.message().find("above 2^63 - 1"), std::string::npos) << s.message();
  EXPECT_EQ(VerifyCosignature(witness_.verifier(), "not a checkpoint\n", cosig, &t).code(),
            Status::Code::kInvalidInput);
}

TEST_F(CosignTest, VerifyNoteChecksLogSignaturesAndCosignaturesTogether) {
  NoteSigner other_witness;
  ASSERT_TRUE(NoteSigner::Generate("witness.example/w2", NoteKeyType::kCosignatureV1, &other_witness).ok());
  SignedNote note{kBody, {}};
  ASSERT_TRUE(SignNote(log_, &note).ok());
  NoteSignature cosig, cosig2;
  ASSERT_TRUE(Cosign(witness_, note.text, 1700000000, &cosig).ok());
  ASSERT_TRUE(Cosign(other_witness, note.text, 1700000001, &cosig2).ok());
  note.signatures.push_back(cosig);
  note.signatures.push_back(cosig2);

  std::string text;
  ASSERT_TRUE(FormatSignedNote(note, &text).ok());
  SignedNote parsed;
  ASSERT_TRUE(ParseSignedNote(text, &parsed).ok());
  NoteVerifier known[] = {witness_.verifier(), log_.verifier()};
  std::vector<size_t> verified;
  ASSERT_TRUE(VerifyNote(parsed, known, &verified).ok());
  EXPECT_EQ(verified, (std::vector<size_t>{0, 1}));  // w2 is not known, so not checked

  parsed.signatures[1].bytes[20] ^= 1;
  Status s = VerifyNote(parsed, known, &verified);
  EXPECT_EQ(s.code(), Status::Code::kCorruption);
  EXPECT_NE(s.message().find(witness_.verifier().label()), std::string::npos) << s.message();
}

}  // namespace
}  // namespace nanni
