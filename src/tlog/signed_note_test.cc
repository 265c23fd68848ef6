#include "tlog/signed_note.h"

#include <gtest/gtest.h>

#include "util/base64.h"

namespace nanni {
namespace {

// Go's golang.org/x/mod/sumdb/note, note_test.go.
constexpr char kPeterVerifier[] = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
constexpr char kPeterSigner[] =
    "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
constexpr char kEnochVerifier[] = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
const std::string kText =
    "If you think cryptography is the answer to your problem,\n"
    "then you don't know what your problem is.\n";
const std::string kPeterSig =
    "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
const std::string kEnochSig =
    "— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

NoteVerifier Verifier(const char* text) {
  NoteVerifier v;
  EXPECT_TRUE(NoteVerifier::Parse(text, &v).ok()) << text;
  return v;
}

SignedNote Parsed(const std::string& text) {
  SignedNote n;
  Status s = ParseSignedNote(text, &n);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return n;
}

TEST(NoteSignTest, ReproducesGoSignedNote) {
  NoteSigner peter;
  ASSERT_TRUE(NoteSigner::Parse(kPeterSigner, &peter).ok());
  SignedNote note{kText, {}};
  ASSERT_TRUE(SignNote(peter, &note).ok());
  std::string out;
  ASSERT_TRUE(FormatSignedNote(note, &out).ok());
  EXPECT_EQ(out, kText + "\n" + kPeterSig);

  // Signing again with the same key replaces its signature (as Go's note.Sign does).
  note.signatures[0].bytes = "BADSIGN";
  ASSERT_TRUE(SignNote(peter, &note).ok());
  ASSERT_TRUE(FormatSignedNote(note, &out).ok());
  EXPECT_EQ(out, kText + "\n" + kPeterSig);
}

TEST(NoteSignTest, RefusesAWitnessKeyAndBadTexts) {
  NoteSigner witness, log;
  ASSERT_TRUE(NoteSigner::Generate("w.example", NoteKeyType::kCosignatureV1, &witness).ok());
  ASSERT_TRUE(NoteSigner::Generate("l.example", NoteKeyType::kEd25519, &log).ok());
  SignedNote note{kText, {}};
  Status s = SignNote(witness, &note);
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(s.message().find("is a cosignature/v1 (witness) key"), std::string::npos) << s.message();
  note.text = "no newline";
  EXPECT_EQ(SignNote(log, &note).message(), "a note's text must end with a newline");
  note.text = "a\rb\n";
  EXPECT_EQ(SignNote(log, &note).message(), "note text line 1 has control character 0x0d");
  EXPECT_TRUE(note.signatures.empty());
}

TEST(NoteVerifyTest, VerifiesGoNotesAndIgnoresUnknownKeys) {
  NoteVerifier known[] = {Verifier(kPeterVerifier), Verifier(kEnochVerifier)};
  SignedNote note = Parsed(kText + "\n" + kPeterSig + kEnochSig);
  EXPECT_EQ(note.text, kText);
  ASSERT_EQ(note.signatures.size(), 2u);
  EXPECT_EQ(note.signatures[0].name, "PeterNeumann");
  EXPECT_EQ(note.signatures[0].key_id, 0xc74f20a3u);
  EXPECT_EQ(note.signatures[1].key_id, 0xaf0cfe78u);

  std::vector<size_t> verified;
  ASSERT_TRUE(VerifyNote(note, std::span(known, 1), &verified).ok());  // Enoch's is unknown
  EXPECT_EQ(verified, std::vector<size_t>{0});
  ASSERT_TRUE(VerifyNote(note, known, &verified).ok());
  EXPECT_EQ(verified, (std::vector<size_t>{0, 1}));
  ASSERT_TRUE(VerifyNote(note, std::span(known + 1, 1), &verified).ok());
  EXPECT_EQ(verified, std::vector<size_t>{0});  // index into the span given

  Status s = VerifyNote(note, {}, &verified);
  EXPECT_EQ(s.code(), Status::Code::kNotFound);
  EXPECT_EQ(s.message(), "none of the note's 2 signatures is by one of the 0 known keys");
}

TEST(NoteVerifyTest, ASignatureByAKnownKeyMustVerify) {
  NoteVerifier known[] = {Verifier(kPeterVerifier)};
  // Go's "invalid signature" case: four more base64 characters in Peter's signature.
  SignedNote note = Parsed(kText + "\n" + kPeterSig.substr(0, 60) + "ABCD" + kPeterSig.substr(60));
  std::vector<size_t> verified;
  Status s = VerifyNote(note, known, &verified);
  EXPECT_EQ(s.code(), Status::Code::kCorruption);
  EXPECT_EQ(s.message(), "the signature by known key PeterNeumann+c74f20a3 does not verify");

  // The right length, one bit off.
  note = Parsed(kText + "\n" + kPeterSig);
  note.signatures[0].bytes[5] ^= 1;
  EXPECT_EQ(VerifyNote(note, known, &verified).code(), Status::Code::kCorruption);
  // A good signature does not excuse a bad one by the same key.
  note.signatures.insert(note.signatures.begin(), Parsed(kText + "\n" + kPeterSig).signatures[0]);
  EXPECT_EQ(VerifyNote(note, known, &verified).code(), Status::Code::kCorruption);
}

TEST(NoteVerifyTest, SharingOnlyTheNameOrOnlyTheKeyIdIsUnknown) {
  NoteVerifier known[] = {Verifier(kPeterVerifier)};
  SignedNote note = Parsed(kText + "\n" + kPeterSig);
  NoteSignature same_name{"PeterNeumann", 0xc74f20a4, std::string(64, 'x')};
  NoteSignature same_id{"PeterNeuman", 0xc74f20a3, std::string(64, 'x')};
  note.signatures.insert(note.signatures.begin(), {same_name, same_id});
  std::vector<size_t> verified;
  ASSERT_TRUE(VerifyNote(note, known, &verified).ok());
  EXPECT_EQ(verified, std::vector<size_t>{0});
}

TEST(NoteVerifyTest, RefusesAKnownKeyGivenTwice) {
  NoteVerifier known[] = {Verifier(kPeterVerifier), Verifier(kEnochVerifier), Verifier(kPeterVerifier)};
  std::vector<size_t> verified;
  Status s = VerifyNote(Parsed(kText + "\n" + kEnochSig), known, &verified);
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(s.message(), "the known keys hold PeterNeumann+c74f20a3 twice");
}

// The examples of c2sp.org/signed-note (a text with an empty line of its own) and
// c2sp.org/tlog-checkpoint.
TEST(NoteParseTest, ParsesAndReformatsTheSpecExamples) {
  const std::string quasimodo =
      "Ognuno sta solo sul cuor della terra\n"
      "trafitto da un raggio di sole:\n"
      "\n"
      "ed è subito sera.\n"
      "\n"
      "— quasimodo.example/salvatore NnugSzTjtVAewIS+Z/iJhUPeFDkO/5QQ2i5ddnGITLlC+EhfLW9oJKONrMouFSQU0xMcXxj99ihAQwaqP3ZekRwNtIc=\n";
  const std::string checkpoint =
      "example.com/behind-the-sofa\n"
      "20852163\n"
      "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n"
      "\n"
      "— example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n";
  SignedNote note = Parsed(quasimodo);
  EXPECT_EQ(note.text, "Ognuno sta solo sul cuor della terra\ntrafitto da un raggio di sole:\n\ned è subito sera.\n");
  ASSERT_EQ(note.signatures.size(), 1u);
  EXPECT_EQ(note.signatures[0].name, "quasimodo.example/salvatore");
  EXPECT_EQ(note.signatures[0].key_id, 0x367ba04bu);
  EXPECT_EQ(note.signatures[0].bytes.size(), 64u);
  std::string out;
  ASSERT_TRUE(FormatSignedNote(note, &out).ok());
  EXPECT_EQ(out, quasimodo);

  note = Parsed(checkpoint);
  EXPECT_EQ(note.signatures[0].key_id, 0x033de0aeu);
  ASSERT_TRUE(FormatSignedNote(note, &out).ok());
  EXPECT_EQ(out, checkpoint);
}

TEST(NoteParseTest, RefusesMalformedNotesNamingTheLine) {
  const std::string sig = kPeterSig;
  const std::pair<std::string, const char*> kBad[] = {
      // Go's note_test.go badMsgs, and more.
      {kText, "no blank line before its signatures"},
      {kText + "\n", "no signature after its blank line"},
      {kText + "\n" + sig.substr(0, sig.size() - 1), "last signature line does not end with a newline"},
      {"\x01" + kText + "\n" + sig, "note line 1 has control character 0x01"},
      {"\xff" + kText + "\n" + sig, "note line 1 is not valid UTF-8"},
      {kText + "\n" + "— Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
       "note line 4: signature of 'Bad': base64 of 97 characters"},
      {kText + "\n" + sig + "Unexpected line.\n", "note line 5: a signature line must start with an em dash"},
      {kText + "\n" + sig + "-- PeterNeumann x08go/ZJku\n", "note line 5: a signature line must start"},
      {kText + "\n" + "—PeterNeumann x08g\n", "note line 4: a signature line must start"},
      {kText + "\n" + "— PeterNeumann\n", "note line 4: no space between the key name and the signature"},
      {kText + "\n" + "—  x08go/ZJ\n", "note line 4: key name is empty"},
      {kText + "\n" + "— Peter+Neumann x08go/ZJ\n", "note line 4: key name 'Peter+Neumann' holds '+'"},
      {kText + "\n" + "— PeterNeumann x08gow==\n", "note line 4: signature of 'PeterNeumann' is 4 bytes"},
      {kText + "\n" + "— PeterNeumann \n", "note line 4: signature of 'PeterNeumann' is 0 bytes"},
      {kText + "\n" + "— PeterNeumann x08go/ZJ \n", "note line 4: signature of 'PeterNeumann': base64 of 9"},
      {kText + "\n" + sig + "\t\n", "note line 5 has control character 0x09"},
      {kText + "\r\n" + sig, "note line 3 has control character 0x0d"},
  };
  for (const auto& [text, want] : kBad) {
    SignedNote note;
    Status s = ParseSignedNote(text, &note);
    EXPECT_EQ(s.code(), Status::Code::kInvalidInput) << text;
    EXPECT_NE(s.message().find(want), std::string::npos) << text << "\n  got: " << s.message();
  }
}

TEST(NoteParseTest, TheLastEmptyLineSeparatesTheSignatures) {
  SignedNote note = Parsed(kText + "\n" + kPeterSig + "\n" + kEnochSig);
  EXPECT_EQ(note.text, kText + "\n" + kPeterSig);  // the first "signature" is text
  ASSERT_EQ(note.signatures.size(), 1u);
  EXPECT_EQ(note.signatures[0].name, "EnochRoot");
}

TEST(NoteParseTest, BoundsSignaturesAndSize) {
  SignedNote note;
  std::string many = kText + "\n";
  for (int i = 0; i < 100; ++i) many += kPeterSig;
  ASSERT_TRUE(ParseSignedNote(many, &note).ok());
  EXPECT_EQ(note.signatures.size(), 100u);
  Status s = ParseSignedNote(many + kPeterSig, &note);  // Go refuses 101 too
  EXPECT_EQ(s.message(), "note has 101 signatures, more than the 100 accepted");
  std::string big = std::string(kMaxNoteBytes, 'a') + "\n\n" + kPeterSig;
  s = ParseSignedNote(big, &note);
  EXPECT_NE(s.message().find("more than the 1048576 accepted"), std::string::npos) << s.message();
}

TEST(NoteFormatTest, RefusesWhatWouldNotParseBack) {
  NoteSignature good{"PeterNeumann", 0xc74f20a3, std::string(64, 's')};
  const std::pair<SignedNote, const char*> kBad[] = {
      {{"no newline", {good}}, "must end with a newline"},
      {{"", {good}}, "must end with a newline"},
      {{"a\x02\n", {good}}, "note text line 1 has control character 0x02"},
      {{kText, {}}, "needs a signature"},
      {{kText, {{"bad name", 1, "x"}}}, "signature: key name 'bad name' holds a space"},
      {{kText, {{"empty", 1, ""}}}, "signature by empty+00000001 is empty"},
      {{kText, std::vector<NoteSignature>(101, good)}, "at most 100 signatures"},
      {{std::string(kMaxNoteBytes, 'a') + "\n", {good}}, "more than the 1048576 accepted"},
  };
  for (const auto& [note, want] : kBad) {
    std::string out;
    Status s = FormatSignedNote(note, &out);
    EXPECT_EQ(s.code(), Status::Code::kInvalidArgument) << want;
    EXPECT_NE(s.message().find(want), std::string::npos) << want << "\n  got: " << s.message();
  }
}

TEST(NoteFormatTest, RoundTripsTextsWithEmptyLines) {
  NoteSigner log;
  ASSERT_TRUE(NoteSigner::Generate("example.com/log", NoteKeyType::kEd25519, &log).ok());
  for (std::string text : {"\n", "a\n\n", "\n\nb\n", "a\n\n\n"}) {
    SignedNote note{text, {}};
    ASSERT_TRUE(SignNote(log, &note).ok());
    std::string out;
    ASSERT_TRUE(FormatSignedNote(note, &out).ok());
    SignedNote back = Parsed(out);
    EXPECT_EQ(back, note);
    std::vector<size_t> verified;
    NoteVerifier known[] = {log.verifier()};
    EXPECT_TRUE(VerifyNote(back, known, &verified).ok());
  }
}

}  // namespace
}  // namespace nanni
