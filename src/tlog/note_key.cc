#include "tlog/note_key.h"

#include <sodium.h>

#include <algorithm>
#include <cstdio>

#include "tlog/text.h"
#include "util/base64.h"
#include "util/sha256.h"
#include "util/utf8.h"

namespace nanni {

namespace {

constexpr std::string_view kPrivateKeyPrefix = "PRIVATE+KEY+";

Status EnsureSodium() {
  static const int result = sodium_init();  // thread-safe once; 1 means already done
  if (result < 0) return Status::IOError("libsodium could not be initialised");
  return Status::OK();
}

// Unicode White_Space, as Go's unicode.IsSpace sees it.
bool IsUnicodeSpace(uint32_t c) {
  return (c >= 0x09 && c <= 0x0d) || c == 0x20 || c == 0x85 || c == 0xa0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f ||
         c == 0x205f || c == 0x3000;
}

std::string_view AsChars(const uint8_t* data, size_t size) {
  return std::string_view(reinterpret_cast<const char*>(data), size);
}

// The parts of "NAME+KEYID+DATA". DATA may hold '+' (it is base64); NAME cannot.
bool SplitKeyText(std::string_view text, std::string_view* name, std::string_view* id,
                  std::string_view* data) {
  size_t first = text.find('+');
  if (first == std::string_view::npos) return false;
  size_t second = text.find('+', first + 1);
  if (second == std::string_view::npos) return false;
  *name = text.substr(0, first);
  *id = text.substr(first + 1, second - first - 1);
  *data = text.substr(second + 1);
  return true;
}

bool ParseKeyId(std::string_view hex, uint32_t* id) {
  if (hex.size() != 8) return false;
  uint32_t v = 0;
  for (char c : hex) {
    int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    if (digit < 0) return false;
    v = (v << 4) | static_cast<uint32_t>(digit);
  }
  *id = v;
  return true;
}

Status ParseKeyType(uint8_t byte, NoteKeyType* type) {
  if (byte == static_cast<uint8_t>(NoteKeyType::kEd25519) ||
      byte == static_cast<uint8_t>(NoteKeyType::kCosignatureV1)) {
    *type = static_cast<NoteKeyType>(byte);
    return Status::OK();
  }
  char hex[8];
  std::snprintf(hex, sizeof hex, "0x%02x", byte);
  return Status::InvalidInput(std::string("type ") + hex +
                              " is not supported (0x01 Ed25519, 0x04 cosignature/v1)");
}

// Checks the name and key ID parts of a key text; `what` is "verifier key" or "signer key".
Status ParseNameAndId(std::string_view what, std::string_view name, std::string_view hex,
                      uint32_t* id) {
  Status s = CheckKeyName(name);
  if (!s.ok()) return Status::InvalidInput(std::string(what) + " name: " + s.message());
  if (!ParseKeyId(hex, id)) {
    return Status::InvalidInput(std::string(what) + " ID " + QuoteForMessage(hex) +
                                " is not 8 lower-case hex digits");
  }
  return Status::OK();
}

std::string KeyIdHex(uint32_t key_id) {
  char hex[9];
  std::snprintf(hex, sizeof hex, "%08x", key_id);
  return hex;
}

Status CheckIdMatches(std::string_view what, uint32_t given, uint32_t computed) {
  if (given == computed) return Status::OK();
  return Status::InvalidInput(std::string(what) + " ID " + KeyIdHex(given) +
                              " does not match its name and key (" + KeyIdHex(computed) + ")");
}

// The signer from the decoded data of a signer key text: type byte and seed.
Status SignerFromData(std::string_view name, uint32_t id, std::string_view bytes,
                      NoteSigner* out) {
  if (bytes.empty()) return Status::InvalidInput("signer key data is empty");
  NoteKeyType type;
  Status s = ParseKeyType(static_cast<uint8_t>(bytes[0]), &type);
  if (!s.ok()) return Status::InvalidInput("signer key " + s.message());
  if (bytes.size() != 33) {
    return Status::InvalidInput("signer key data is " + std::to_string(bytes.size()) +
                                " bytes: an Ed25519 key is 1 type byte and a 32-byte seed");
  }
  Ed25519Seed seed;
  std::copy(bytes.begin() + 1, bytes.end(), seed.begin());
  NoteSigner signer;
  s = NoteSigner::FromSeed(name, type, seed, &signer);
  sodium_memzero(seed.data(), seed.size());
  if (s.ok()) s = CheckIdMatches("signer key", id, signer.key_id());
  if (s.ok()) *out = std::move(signer);
  return s;
}

}  // namespace

Status CheckKeyName(std::string_view name) {
  if (name.empty()) return Status::InvalidInput("key name is empty");
  for (size_t i = 0; i < name.size();) {
    uint32_t c = 0;
    size_t length = DecodeUtf8(name, i, &c);
    if (length == 0) return Status::InvalidInput("key name is not valid UTF-8");
    if (IsUnicodeSpace(c)) {
      return Status::InvalidInput("key name " + QuoteForMessage(name) + " holds a space");
    }
    if (c < 0x20) {
      return Status::InvalidInput("key name " + QuoteForMessage(name) +
                                  " holds a control character");
    }
    if (c == '+') return Status::InvalidInput("key name " + QuoteForMessage(name) + " holds '+'");
    i += length;
  }
  return Status::OK();
}

uint32_t NoteKeyId(std::string_view name, NoteKeyType type, const Ed25519PublicKey& public_key) {
  Sha256 h;
  h.Update(name);
  const uint8_t separator[2] = {'\n', static_cast<uint8_t>(type)};
  h.Update(separator, sizeof separator);
  h.Update(public_key.data(), public_key.size());
  Digest d = h.Finish();
  return (uint32_t{d[0]} << 24) | (uint32_t{d[1]} << 16) | (uint32_t{d[2]} << 8) | d[3];
}

std::string NoteKeyLabel(std::string_view name, uint32_t key_id) {
  return std::string(name) + "+" + KeyIdHex(key_id);
}

// NoteVerifier

Status NoteVerifier::FromPublicKey(std::string_view name, NoteKeyType type,
                                   const Ed25519PublicKey& public_key, NoteVerifier* out) {
  NANNI_RETURN_IF_ERROR(CheckKeyName(name));
  NoteVerifier v;
  v.name_ = std::string(name);
  v.type_ = type;
  v.public_key_ = public_key;
  v.key_id_ = NoteKeyId(name, type, public_key);
  v.valid_ = true;
  *out = std::move(v);
  return Status::OK();
}

Status NoteVerifier::Parse(std::string_view text, NoteVerifier* out) {
  if (text.substr(0, kPrivateKeyPrefix.size()) == kPrivateKeyPrefix) {
    return Status::InvalidInput("a signer (secret) key where a verifier key belongs");  // unquoted
  }
  std::string_view name, hex, data;
  if (!SplitKeyText(text, &name, &hex, &data)) {
    return Status::InvalidInput("verifier key " + QuoteForMessage(text) +
                                " is not NAME+KEYID+KEY");
  }
  uint32_t id = 0;
  NANNI_RETURN_IF_ERROR(ParseNameAndId("verifier key", name, hex, &id));
  std::string bytes;
  Status s = Base64Decode(data, &bytes);
  if (!s.ok()) return Status::InvalidInput("verifier key data: " + s.message());
  if (bytes.empty()) return Status::InvalidInput("verifier key data is empty");
  NoteKeyType type;
  s = ParseKeyType(static_cast<uint8_t>(bytes[0]), &type);
  if (!s.ok()) return Status::InvalidInput("verifier key " + s.message());
  if (bytes.size() != 33) {
    return Status::InvalidInput("verifier key data is " + std::to_string(bytes.size()) +
                                " bytes: an Ed25519 key is 1 type byte and 32 key bytes");
  }
  Ed25519PublicKey key;
  std::copy(bytes.begin() + 1, bytes.end(), key.begin());
  NoteVerifier v;
  NANNI_RETURN_IF_ERROR(FromPublicKey(name, type, key, &v));
  NANNI_RETURN_IF_ERROR(CheckIdMatches("verifier key", id, v.key_id_));
  *out = std::move(v);
  return Status::OK();
}

std::string NoteVerifier::Text() const {
  std::string data(1, static_cast<char>(type_));
  data += AsChars(public_key_.data(), public_key_.size());
  return label() + "+" + Base64Encode(data);
}

bool NoteVerifier::Verify(std::string_view message, std::string_view signature) const {
  if (!valid_ || signature.size() != crypto_sign_BYTES || !EnsureSodium().ok()) return false;
  return crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(signature.data()),
                                     reinterpret_cast<const unsigned char*>(message.data()),
                                     message.size(), public_key_.data()) == 0;
}

// NoteSigner

NoteSigner::~NoteSigner() { Wipe(); }

NoteSigner::NoteSigner(NoteSigner&& other) noexcept
    : verifier_(std::move(other.verifier_)),
      seed_(other.seed_),
      secret_key_(other.secret_key_),
      valid_(other.valid_) {
  other.Wipe();
}

NoteSigner& NoteSigner::operator=(NoteSigner&& other) noexcept {
  if (this != &other) {
    Wipe();
    verifier_ = std::move(other.verifier_);
    seed_ = other.seed_;
    secret_key_ = other.secret_key_;
    valid_ = other.valid_;
    other.Wipe();
  }
  return *this;
}

void NoteSigner::Wipe() {
  sodium_memzero(seed_.data(), seed_.size());
  sodium_memzero(secret_key_.data(), secret_key_.size());
  valid_ = false;
}

Status NoteSigner::FromSeed(std::string_view name, NoteKeyType type, const Ed25519Seed& seed,
                            NoteSigner* out) {
  NANNI_RETURN_IF_ERROR(CheckKeyName(name));
  NANNI_RETURN_IF_ERROR(EnsureSodium());
  NoteSigner s;
  s.seed_ = seed;
  Ed25519PublicKey public_key;
  if (crypto_sign_seed_keypair(public_key.data(), s.secret_key_.data(), s.seed_.data()) != 0) {
    return Status::IOError("libsodium could not derive an Ed25519 key pair");
  }
  NANNI_RETURN_IF_ERROR(NoteVerifier::FromPublicKey(name, type, public_key, &s.verifier_));
  s.valid_ = true;
  *out = std::move(s);
  return Status::OK();
}

Status NoteSigner::Generate(std::string_view name, NoteKeyType type, NoteSigner* out) {
  NANNI_RETURN_IF_ERROR(EnsureSodium());
  Ed25519Seed seed;
  randombytes_buf(seed.data(), seed.size());
  Status s = FromSeed(name, type, seed, out);
  sodium_memzero(seed.data(), seed.size());
  return s;
}

Status NoteSigner::Parse(std::string_view text, NoteSigner* out) {
  if (text.substr(0, kPrivateKeyPrefix.size()) != kPrivateKeyPrefix) {
    return Status::InvalidInput("signer key does not start with PRIVATE+KEY+");
  }
  std::string_view name, hex, data;
  if (!SplitKeyText(text.substr(kPrivateKeyPrefix.size()), &name, &hex, &data)) {
    return Status::InvalidInput("signer key is not PRIVATE+KEY+NAME+KEYID+KEY");
  }
  uint32_t id = 0;
  NANNI_RETURN_IF_ERROR(ParseNameAndId("signer key", name, hex, &id));
  std::string bytes;
  Status s = Base64Decode(data, &bytes);
  if (s.ok()) {
    s = SignerFromData(name, id, bytes, out);
  } else {
    s = Status::InvalidInput("signer key data is not valid standard base64");  // quote none of it
  }
  sodium_memzero(bytes.data(), bytes.size());
  return s;
}

std::string NoteSigner::Text() const {
  std::string data(1, static_cast<char>(type()));
  data += AsChars(seed_.data(), seed_.size());
  std::string text = std::string(kPrivateKeyPrefix) + verifier_.label() + "+" + Base64Encode(data);
  sodium_memzero(data.data(), data.size());
  return text;
}

Status NoteSigner::Sign(std::string_view message, std::string* signature) const {
  if (!valid_) return Status::InvalidArgument("the signer holds no key");
  signature->assign(crypto_sign_BYTES, '\0');
  crypto_sign_detached(reinterpret_cast<unsigned char*>(signature->data()), nullptr,
                       reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                       secret_key_.data());
  return Status::OK();
}

}  // namespace nanni
