// Ed25519 keys for signed notes (c2sp.org/signed-note), written as Go's
// golang.org/x/mod/sumdb/note writes them:
//
//   verifier key  NAME+KEYID+base64(TYPE || 32-byte public key)
//   signer key    PRIVATE+KEY+NAME+KEYID+base64(TYPE || 32-byte seed)      (secret!)
//
// KEYID is 8 lower-case hex digits of the key ID, the first four bytes (big-endian) of
// SHA-256(NAME || 0x0A || TYPE || public key). TYPE is the signature type byte that says what
// the key signs, and a key of one type never makes or checks signatures of the other:
//
//   0x01  a log's key: Ed25519 over the note text (SignNote in signed_note.h)
//   0x04  a witness's key: timestamped cosignature/v1 (Cosign in cosignature.h)
//
// The same 32 bytes under the two types are two keys with two key IDs. A key name is
// non-empty, valid UTF-8, and holds no Unicode space, no '+' and no control character.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "util/status.h"

namespace nanni {

enum class NoteKeyType : uint8_t {
  kEd25519 = 0x01,        // a log key: signs note texts
  kCosignatureV1 = 0x04,  // a witness (cosigner) key: signs cosignature/v1 messages
};

using Ed25519PublicKey = std::array<uint8_t, 32>;
using Ed25519Seed = std::array<uint8_t, 32>;

// OK when `name` may name a key (rules above); InvalidInput saying why otherwise.
Status CheckKeyName(std::string_view name);

// The key ID: SHA-256(name || 0x0A || type || public_key), its first 4 bytes big-endian.
uint32_t NoteKeyId(std::string_view name, NoteKeyType type, const Ed25519PublicKey& public_key);

// "name+c74f20a3": how messages name a key.
std::string NoteKeyLabel(std::string_view name, uint32_t key_id);

// A public key that checks signatures. A default-constructed one has the empty name and
// verifies nothing.
class NoteVerifier {
 public:
  NoteVerifier() = default;

  // Parses a verifier key text (above) of either type, checking that its key ID matches its
  // name and key. InvalidInput naming the part that is wrong otherwise; a signer key given by
  // mistake is refused without being quoted.
  static Status Parse(std::string_view text, NoteVerifier* out);

  // The verifier of `public_key` under `name` and `type`. InvalidInput for a bad name.
  static Status FromPublicKey(std::string_view name, NoteKeyType type,
                              const Ed25519PublicKey& public_key, NoteVerifier* out);

  // The verifier key text, which Parse accepts.
  std::string Text() const;

  const std::string& name() const { return name_; }
  uint32_t key_id() const { return key_id_; }
  NoteKeyType type() const { return type_; }
  const Ed25519PublicKey& public_key() const { return public_key_; }
  std::string label() const { return NoteKeyLabel(name_, key_id_); }

  // Whether `signature` is a valid 64-byte Ed25519 (RFC 8032) signature of `message` by this
  // key. This is the bare primitive: which message a key of each type signs is up to
  // VerifyNote (signed_note.h) and VerifyCosignature (cosignature.h).
  bool Verify(std::string_view message, std::string_view signature) const;

 private:
  std::string name_;
  uint32_t key_id_ = 0;
  NoteKeyType type_ = NoteKeyType::kEd25519;
  Ed25519PublicKey public_key_{};
  bool valid_ = false;
};

// A secret key that makes signatures. Movable, not copyable; the secret bytes are wiped
// (sodium_memzero) when the signer is destroyed or moved from. A default-constructed one
// signs nothing.
class NoteSigner {
 public:
  NoteSigner() = default;
  ~NoteSigner();
  NoteSigner(NoteSigner&& other) noexcept;
  NoteSigner& operator=(NoteSigner&& other) noexcept;
  NoteSigner(const NoteSigner&) = delete;
  NoteSigner& operator=(const NoteSigner&) = delete;

  // A new random key (libsodium's CSPRNG) named `name`, of `type`. InvalidInput for a bad
  // name; IOError when libsodium cannot start.
  static Status Generate(std::string_view name, NoteKeyType type, NoteSigner* out);

  // The key whose RFC 8032 private key (seed) is `seed`.
  static Status FromSeed(std::string_view name, NoteKeyType type, const Ed25519Seed& seed,
                         NoteSigner* out);

  // Parses a signer key text (above), checking its key ID against the public key derived
  // from the seed. InvalidInput naming the part that is wrong; messages never quote the text.
  static Status Parse(std::string_view text, NoteSigner* out);

  // The signer key text. It is the secret: write it only to a 0600 file (key_file.h).
  std::string Text() const;

  // The matching public key.
  const NoteVerifier& verifier() const { return verifier_; }
  const std::string& name() const { return verifier_.name(); }
  uint32_t key_id() const { return verifier_.key_id(); }
  NoteKeyType type() const { return verifier_.type(); }
  bool has_key() const { return valid_; }  // false when default-constructed or moved from

  // Sets *signature to the 64-byte Ed25519 signature of `message` (the bare primitive; see
  // SignNote and Cosign). InvalidArgument for a default-constructed signer.
  Status Sign(std::string_view message, std::string* signature) const;

 private:
  void Wipe();

  NoteVerifier verifier_;
  Ed25519Seed seed_{};
  std::array<uint8_t, 64> secret_key_{};  // libsodium's form: seed || public key
  bool valid_ = false;
};

}  // namespace nanni
