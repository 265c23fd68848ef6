#include "tlog/note_key.h"

#include <gtest/gtest.h>
#include <openssl/evp.h>

#include <memory>

#include "util/base64.h"

namespace nanni {
namespace {

// The example keys of Go's golang.org/x/mod/sumdb/note (note.go's package comment and
// note_test.go).
constexpr char kPeterVerifier[] = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
constexpr char kPeterSigner[] =
    "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
constexpr char kEnochVerifier[] = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
constexpr char kText[] =
    "If you think cryptography is the answer to your problem,\n"
    "then you don't know what your problem is.\n";
// base64(key ID || Ed25519 signature of kText), from the same tests.
constexpr char kPeterSignature[] =
    "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=";
constexpr char kEnochSignature[] =
    "rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=";

std::string SignatureBytes(const char* base64) {
  std::string raw;
  EXPECT_TRUE(Base64Decode(base64, &raw).ok());
  return raw.substr(4);  // after the key ID
}

TEST(NoteKeyTest, ReproducesGoPublishedKeys) {
  NoteVerifier v;
  ASSERT_TRUE(NoteVerifier::Parse(kPeterVerifier, &v).ok());
  EXPECT_EQ(v.name(), "PeterNeumann");
  EXPECT_EQ(v.key_id(), 0xc74f20a3u);
  EXPECT_EQ(v.type(), NoteKeyType::kEd25519);
  EXPECT_EQ(v.Text(), kPeterVerifier);
  EXPECT_EQ(NoteKeyId("PeterNeumann", NoteKeyType::kEd25519, v.public_key()), 0xc74f20a3u);

  NoteSigner s;
  ASSERT_TRUE(NoteSigner::Parse(kPeterSigner, &s).ok());
  EXPECT_EQ(s.key_id(), 0xc74f20a3u);
  EXPECT_EQ(s.verifier().Text(), kPeterVerifier);
  EXPECT_EQ(s.Text(), kPeterSigner);
}

TEST(NoteKeyTest, SignsAndVerifiesTheGoPublishedSignatures) {
  NoteSigner peter;
  ASSERT_TRUE(NoteSigner::Parse(kPeterSigner, &peter).ok());
  std::string signature;
  ASSERT_TRUE(peter.Sign(kText, &signature).ok());
  EXPECT_EQ(signature, SignatureBytes(kPeterSignature));  // Ed25519 is deterministic
  EXPECT_TRUE(peter.verifier().Verify(kText, signature));

  NoteVerifier enoch;
  ASSERT_TRUE(NoteVerifier::Parse(kEnochVerifier, &enoch).ok());
  EXPECT_EQ(enoch.key_id(), 0xaf0cfe78u);
  EXPECT_TRUE(enoch.Verify(kText, SignatureBytes(kEnochSignature)));
  EXPECT_FALSE(enoch.Verify(kText, SignatureBytes(kPeterSignature)));
  EXPECT_FALSE(peter.verifier().Verify(std::string(kText) + "!", signature));
  signature[10] ^= 1;
  EXPECT_FALSE(peter.verifier().Verify(kText, signature));
  EXPECT_FALSE(peter.verifier().Verify(kText, signature.substr(1)));
  EXPECT_FALSE(NoteVerifier().Verify(kText, SignatureBytes(kPeterSignature)));
}

// transparency-dev/formats note/note_cosigv1_test.go: a published cosignature/v1 (type 0x04)
// verifier key, and an Ed25519 key whose base64 holds a '+'.
TEST(NoteKeyTest, ParsesPublishedCosignatureAndEd25519Keys) {
  NoteVerifier v;
  ASSERT_TRUE(NoteVerifier::Parse("remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2", &v).ok());
  EXPECT_EQ(v.type(), NoteKeyType::kCosignatureV1);
  EXPECT_EQ(v.key_id(), 0xda77ade7u);
  EXPECT_EQ(v.name(), "remora.n621.de");
  ASSERT_TRUE(NoteVerifier::Parse("TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6", &v).ok());
  EXPECT_EQ(v.type(), NoteKeyType::kEd25519);
  EXPECT_EQ(v.key_id(), 0x7997405cu);
}

TEST(NoteKeyTest, TheTwoKeyTypesAreTwoKeys) {
  Ed25519Seed seed{};
  seed[0] = 7;
  NoteSigner log, witness;
  ASSERT_TRUE(NoteSigner::FromSeed("example.com/w", NoteKeyType::kEd25519, seed, &log).ok());
  ASSERT_TRUE(NoteSigner::FromSeed("example.com/w", NoteKeyType::kCosignatureV1, seed, &witness).ok());
  EXPECT_EQ(log.verifier().public_key(), witness.verifier().public_key());
  EXPECT_NE(log.key_id(), witness.key_id());
  EXPECT_EQ(witness.key_id(), NoteKeyId("example.com/w", NoteKeyType::kCosignatureV1,
                                        witness.verifier().public_key()));
  // base64 of 0x04 || key starts with 'B', of 0x01 || key with 'A'.
  EXPECT_EQ(witness.verifier().Text().substr(0, 24), witness.verifier().label() + "+B");
  EXPECT_EQ(log.verifier().Text().substr(0, 24), log.verifier().label() + "+A");
  NoteSigner back;
  ASSERT_TRUE(NoteSigner::Parse(witness.Text(), &back).ok());
  EXPECT_EQ(back.type(), NoteKeyType::kCosignatureV1);
  EXPECT_EQ(back.verifier().Text(), witness.verifier().Text());
}

TEST(NoteKeyTest, GeneratesDistinctWorkingKeys) {
  NoteSigner a, b;
  ASSERT_TRUE(NoteSigner::Generate("example.com/log", NoteKeyType::kEd25519, &a).ok());
  ASSERT_TRUE(NoteSigner::Generate("example.com/log", NoteKeyType::kEd25519, &b).ok());
  EXPECT_NE(a.Text(), b.Text());
  NoteVerifier v;
  ASSERT_TRUE(NoteVerifier::Parse(a.verifier().Text(), &v).ok());
  std::string signature;
  ASSERT_TRUE(a.Sign("hi", &signature).ok());
  EXPECT_TRUE(v.Verify("hi", signature));
  EXPECT_FALSE(b.verifier().Verify("hi", signature));
}

TEST(NoteKeyTest, MovingWipesTheSource) {
  NoteSigner a;
  ASSERT_TRUE(NoteSigner::Parse(kPeterSigner, &a).ok());
  NoteSigner b = std::move(a);
  std::string signature;
  EXPECT_EQ(a.Sign("x", &signature).code(), Status::Code::kInvalidArgument);  // NOLINT: moved-from
  EXPECT_TRUE(b.Sign("x", &signature).ok());
  EXPECT_EQ(NoteSigner().Sign("x", &signature).message(), "the signer holds no key");
}

TEST(NoteKeyTest, KeyNameRules) {
  for (const char* good : {"PeterNeumann", "example.com/log42", "oid/1.3.6.1", "é—ü", "a\x7f"}) {
    EXPECT_TRUE(CheckKeyName(good).ok()) << good;
  }
  const std::pair<const char*, const char*> kBad[] = {
      {"", "empty"},
      {"a b", "space"},
      {"a\tb", "space"},
      {"a\xc2\xa0" "b", "space"},      // U+00A0 no-break space
      {"a\xe2\x80\x83" "b", "space"},  // U+2003 em space
      {"a\xe3\x80\x80" "b", "space"},  // U+3000 ideographic space
      {"a+b", "'+'"},
      {"a\x01" "b", "control character"},
      {"a\xff", "not valid UTF-8"},
  };
  for (const auto& [name, want] : kBad) {
    Status s = CheckKeyName(name);
    EXPECT_EQ(s.code(), Status::Code::kInvalidInput) << name;
    EXPECT_NE(s.message().find(want), std::string::npos) << name << ": " << s.message();
  }
}

TEST(NoteKeyTest, RefusesMalformedVerifierKeysSayingWhy) {
  const std::pair<std::string, const char*> kBad[] = {
      {"PeterNeumann", "is not NAME+KEYID+KEY"},
      {"PeterNeumann+c74f20a3", "is not NAME+KEYID+KEY"},
      {"+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", "name: key name is empty"},
      {"Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", "holds a space"},
      {"PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", "ID 'C74F20A3' is not 8"},
      {"PeterNeumann+c74f20a+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", "is not 8 lower-case hex"},
      {"PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
       "ID c74f20a4 does not match its name and key (c74f20a3)"},
      {"PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10T", "data: base64 of 43"},
      {"PeterNeumann+c74f20a3+", "data is empty"},
      // From Go's note_test.go: a key of the wrong length, and an unknown algorithm, each
      // with its key ID adjusted to match. Go refuses the first for its length; its base64
      // has stray bits after the last byte, which our strict decoder refuses first.
      {"PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==",
       "data: base64 has non-zero bits"},
      {"PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEA==",
       "data is 37 bytes"},
      {"PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", "type 0x65 is not supported"},
      {kPeterSigner, "a signer (secret) key where a verifier key belongs"},
  };
  for (const auto& [text, want] : kBad) {
    NoteVerifier v;
    Status s = NoteVerifier::Parse(text, &v);
    EXPECT_EQ(s.code(), Status::Code::kInvalidInput) << text;
    EXPECT_NE(s.message().find(want), std::string::npos) << text << "\n  got: " << s.message();
    EXPECT_EQ(s.message().find("AYEKFALV"), std::string::npos) << s.message();  // the secret
  }
}

TEST(NoteKeyTest, RefusesMalformedSignerKeysWithoutQuotingThem) {
  const std::pair<std::string, const char*> kBad[] = {
      {kPeterVerifier, "does not start with PRIVATE+KEY+"},
      {"PRIVATE+KEY+PeterNeumann", "is not PRIVATE+KEY+NAME+KEYID+KEY"},
      {"PRIVATE+KEY+PeterNeumann+c74f20a4+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz",
       "ID c74f20a4 does not match its name and key (c74f20a3)"},
      {"PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr-Y7hfZx09iUvxdXHKDFz",
       "data is not valid standard base64"},
      {"PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFzAAAA",
       "data is 36 bytes"},
      {"PRIVATE+KEY+PeterNeumann+c74f20a3+BYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz",
       "type 0x05 is not supported"},
  };
  for (const auto& [text, want] : kBad) {
    NoteSigner s;
    Status st = NoteSigner::Parse(text, &s);
    EXPECT_EQ(st.code(), Status::Code::kInvalidInput) << text;
    EXPECT_NE(st.message().find(want), std::string::npos) << text << "\n  got: " << st.message();
    EXPECT_EQ(st.message().find("AYEKFALV"), std::string::npos) << st.message();
  }
}

// As Go's note_test.go does: no proper part of a valid key, and no copy with one byte changed,
// is accepted.
TEST(NoteKeyTest, RefusesEveryManglingOfTheGoKeys) {
  for (std::string key : {std::string(kPeterVerifier), std::string(kPeterSigner)}) {
    bool is_signer = key.rfind("PRIVATE", 0) == 0;
    auto accepted = [&](const std::string& text) {
      NoteVerifier v;
      NoteSigner s;
      return is_signer ? NoteSigner::Parse(text, &s).ok() : NoteVerifier::Parse(text, &v).ok();
    };
    for (size_t i = 0; i <= key.size(); ++i) {
      for (size_t j = i + 1; j <= key.size(); ++j) {
        if (i == 0 && j == key.size()) continue;
        EXPECT_FALSE(accepted(key.substr(i, j - i))) << key.substr(i, j - i);
      }
    }
    for (size_t i = 0; i < key.size(); ++i) {
      std::string changed = key;
      ++changed[i];
      EXPECT_FALSE(accepted(changed)) << changed;
    }
  }
}

// A second Ed25519 implementation, OpenSSL 3's, checks ours both ways.
struct EvpKeyFree {
  void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
struct EvpCtxFree {
  void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};
using EvpKey = std::unique_ptr<EVP_PKEY, EvpKeyFree>;
using EvpCtx = std::unique_ptr<EVP_MD_CTX, EvpCtxFree>;

bool OpenSslVerifies(const Ed25519PublicKey& key, std::string_view message, std::string_view sig) {
  EvpKey pkey(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, key.data(), key.size()));
  EvpCtx ctx(EVP_MD_CTX_new());
  if (!pkey || !ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, pkey.get()) != 1) {
    ADD_FAILURE() << "OpenSSL could not set up Ed25519 verification";
    return false;
  }
  return EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(sig.data()), sig.size(),
                          reinterpret_cast<const unsigned char*>(message.data()), message.size()) == 1;
}

std::string OpenSslSign(const Ed25519Seed& seed, std::string_view message, Ed25519PublicKey* key) {
  EvpKey pkey(EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, seed.data(), seed.size()));
  EvpCtx ctx(EVP_MD_CTX_new());
  size_t key_size = key->size();
  if (!pkey || !ctx || EVP_PKEY_get_raw_public_key(pkey.get(), key->data(), &key_size) != 1 ||
      EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, pkey.get()) != 1) {
    ADD_FAILURE() << "OpenSSL could not set up Ed25519 signing";
    return "";
  }
  std::string sig(64, '\0');
  size_t sig_size = sig.size();
  if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(sig.data()), &sig_size,
                     reinterpret_cast<const unsigned char*>(message.data()), message.size()) != 1) {
    ADD_FAILURE() << "OpenSSL could not sign";
  }
  return sig;
}

TEST(NoteKeyOpenSslTest, OpenSslVerifiesOurSignatures) {
  for (int i = 0; i < 8; ++i) {
    NoteSigner s;
    ASSERT_TRUE(NoteSigner::Generate("example.com/log", NoteKeyType::kEd25519, &s).ok());
    std::string message = std::string(kText) + std::string(i * 100, 'x');
    std::string sig;
    ASSERT_TRUE(s.Sign(message, &sig).ok());
    EXPECT_TRUE(OpenSslVerifies(s.verifier().public_key(), message, sig));
    EXPECT_FALSE(OpenSslVerifies(s.verifier().public_key(), message + "!", sig));
  }
  NoteSigner peter;
  ASSERT_TRUE(NoteSigner::Parse(kPeterSigner, &peter).ok());
  EXPECT_TRUE(OpenSslVerifies(peter.verifier().public_key(), kText, SignatureBytes(kPeterSignature)));
}

TEST(NoteKeyOpenSslTest, WeVerifyOpenSslSignaturesFromTheSameSeed) {
  Ed25519Seed seed;
  for (size_t i = 0; i < seed.size(); ++i) seed[i] = static_cast<uint8_t>(i * 7 + 1);
  NoteSigner ours;
  ASSERT_TRUE(NoteSigner::FromSeed("example.com/log", NoteKeyType::kEd25519, seed, &ours).ok());
  Ed25519PublicKey openssl_key{};
  std::string openssl_sig = OpenSslSign(seed, kText, &openssl_key);
  EXPECT_EQ(openssl_key, ours.verifier().public_key());  // the same key from the same seed
  EXPECT_TRUE(ours.verifier().Verify(kText, openssl_sig));
  std::string our_sig;
  ASSERT_TRUE(ours.Sign(kText, &our_sig).ok());
  EXPECT_EQ(our_sig, openssl_sig);  // and the same deterministic signature
  openssl_sig[63] ^= 0x40;
  EXPECT_FALSE(ours.verifier().Verify(kText, openssl_sig));
}

}  // namespace
}  // namespace nanni
