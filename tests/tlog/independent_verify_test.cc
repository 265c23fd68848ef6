// nanni's checkpoints, proofs, consistency requests and cosignatures checked by a second
// implementation written here from the specifications, calling none of nanni's code: the
// only nanni header is the test support that runs the CLI. SHA-256 is OpenSSL's EVP_Digest,
// base64 is OpenSSL's EVP_DecodeBlock/EVP_EncodeBlock, Ed25519 is OpenSSL 3's EVP (nanni signs
// with libsodium), the ledger's rows are read with sqlite3's C API, and the Merkle tree is
// RFC 9162: MTH (2.1.1), inclusion verification (2.1.3.2), consistency verification (2.1.4.2).
// The formats are the ones documented in src/ledger/leaf.h, src/ledger/event_proof.h,
// src/tlog/proof_bundle.h, checkpoint.h, signed_note.h, note_key.h, witness.h, cosignature.h
// (C2SP signed-note, tlog-checkpoint, tlog-proof, tlog-witness, tlog-cosignature).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <openssl/evp.h>
#include <sqlite3.h>

#include <cstdint>
#include <ctime>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "support/test_support.h"

namespace nanni {
namespace {

using test::Nanni;
using test::ReadFile;
using test::WriteFile;

// ---------------------------------------------------------------------------------------------
// The test's own implementation.

using Bytes = std::string;  // raw bytes

Bytes Sha256(std::string_view data) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(data.data(), data.size(), md, &len, EVP_sha256(), nullptr) != 1 || len != 32) {
    throw std::runtime_error("EVP_Digest failed");
  }
  return Bytes(reinterpret_cast<const char*>(md), len);
}

std::string Hex(std::string_view bytes) {
  static const char* kDigits = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out += kDigits[c >> 4];
    out += kDigits[c & 15];
  }
  return out;
}

std::optional<Bytes> FromHex(std::string_view hex) {
  if (hex.size() % 2 != 0) return std::nullopt;
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  Bytes out;
  for (size_t i = 0; i < hex.size(); i += 2) {
    int hi = nibble(hex[i]), lo = nibble(hex[i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out += static_cast<char>(hi << 4 | lo);
  }
  return out;
}

std::string Base64Encode(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()));
  out.resize(static_cast<size_t>(n));
  return out;
}

// Standard base64 with padding, canonical (what encodes back to the same text); nullopt otherwise.
std::optional<Bytes> Base64Decode(std::string_view text) {
  static constexpr std::string_view kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  if (text.empty() || text.size() % 4 != 0) return std::nullopt;
  size_t padding = 0;
  while (padding < 2 && text[text.size() - 1 - padding] == '=') ++padding;
  for (size_t i = 0; i < text.size() - padding; ++i) {
    if (kAlphabet.find(text[i]) == std::string_view::npos) return std::nullopt;
  }
  Bytes out(text.size() / 4 * 3, '\0');
  int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(text.data()), static_cast<int>(text.size()));
  if (n < 0 || static_cast<size_t>(n) < padding) return std::nullopt;
  out.resize(static_cast<size_t>(n) - padding);  // EVP_DecodeBlock counts the padding as zero bytes
  if (Base64Encode(out) != text) return std::nullopt;
  return out;
}

std::optional<uint64_t> Decimal(std::string_view s) {
  if (s.empty() || s.size() > 19 || (s.size() > 1 && s[0] == '0')) return std::nullopt;
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  return v;
}

Bytes BigEndian64(uint64_t v) {
  Bytes out(8, '\0');
  for (int i = 0; i < 8; ++i) out[i] = static_cast<char>(v >> (56 - 8 * i));
  return out;
}

uint64_t ReadBigEndian64(std::string_view b) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = v << 8 | static_cast<unsigned char>(b[i]);
  return v;
}

// The lines of `text`, each of which must end with '\n' (nullopt otherwise).
std::optional<std::vector<std::string_view>> Lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    if (nl == std::string_view::npos) return std::nullopt;
    lines.push_back(text.substr(0, nl));
    text.remove_prefix(nl + 1);
  }
  return lines;
}

// RFC 9162 2.1.1: leaf and node hashes, and the Merkle Tree Hash over leaf hashes.
Bytes NodeHash(const Bytes& left, const Bytes& right) { return Sha256(std::string(1, '\x01') + left + right); }

Bytes Mth(const std::vector<Bytes>& leaf_hashes, size_t begin, size_t end) {
  const size_t n = end - begin;
  if (n == 0) return Sha256("");
  if (n == 1) return leaf_hashes[begin];
  size_t k = 1;
  while (k * 2 < n) k *= 2;  // the largest power of two smaller than n
  return NodeHash(Mth(leaf_hashes, begin, begin + k), Mth(leaf_hashes, begin + k, end));
}
Bytes Mth(const std::vector<Bytes>& leaf_hashes) { return Mth(leaf_hashes, 0, leaf_hashes.size()); }

// RFC 9162 2.1.3.2, step by step.
bool VerifyInclusion(uint64_t leaf_index, uint64_t tree_size, const Bytes& leaf_hash,
                     const std::vector<Bytes>& path, const Bytes& root) {
  if (leaf_index >= tree_size) return false;
  uint64_t fn = leaf_index, sn = tree_size - 1;
  Bytes r = leaf_hash;
  for (const Bytes& p : path) {
    if (sn == 0) return false;
    if ((fn & 1) == 1 || fn == sn) {
      r = NodeHash(p, r);
      if ((fn & 1) == 0) {
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      }
    } else {
      r = NodeHash(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn == 0 && r == root;
}

// RFC 9162 2.1.4.2, step by step (with first == second: an empty proof and equal roots).
bool VerifyConsistency(uint64_t first, uint64_t second, const Bytes& first_hash, const Bytes& second_hash,
                       std::vector<Bytes> path) {
  if (first == 0 || first > second) return false;  // the RFC's algorithm needs 0 < first <= second
  if (first == second) return path.empty() && first_hash == second_hash;
  if (path.empty()) return false;
  if ((first & (first - 1)) == 0) path.insert(path.begin(), first_hash);
  uint64_t fn = first - 1, sn = second - 1;
  while ((fn & 1) == 1) {
    fn >>= 1;
    sn >>= 1;
  }
  Bytes fr = path[0], sr = path[0];
  for (size_t i = 1; i < path.size(); ++i) {
    const Bytes& c = path[i];
    if (sn == 0) return false;
    if ((fn & 1) == 1 || fn == sn) {
      fr = NodeHash(c, fr);
      sr = NodeHash(c, sr);
      if ((fn & 1) == 0) {
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      }
    } else {
      sr = NodeHash(sr, c);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return fr == first_hash && sr == second_hash && sn == 0;
}

// src/ledger/leaf.h.
Bytes LedgerIdentityDigest(const std::string& ledger_id, const std::string& origin) {
  return Sha256("nanni-ledger-2\n" + ledger_id + "\n" + origin + "\n");
}

Bytes EntryLeafHash(const Bytes& identity, uint64_t seq, int64_t recorded_micros, std::string_view body) {
  Bytes leaf = identity + BigEndian64(seq) + BigEndian64(static_cast<uint64_t>(recorded_micros)) + Sha256(body);
  if (leaf.size() != 80) throw std::logic_error("a leaf is 80 bytes");
  return Sha256(std::string(1, '\0') + leaf);
}

// OpenSSL 3's Ed25519 (nanni signs with libsodium).
bool Ed25519Verify(const Bytes& public_key, std::string_view message, std::string_view signature) {
  if (public_key.size() != 32 || signature.size() != 64) return false;
  EVP_PKEY* key = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr,
                                              reinterpret_cast<const unsigned char*>(public_key.data()), 32);
  if (key == nullptr) return false;
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  bool ok = ctx != nullptr && EVP_DigestVerifyInit(ctx, nullptr, nullptr, nullptr, key) == 1 &&
            EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
                             reinterpret_cast<const unsigned char*>(message.data()), message.size()) == 1;
  EVP_MD_CTX_free(ctx);
  EVP_PKEY_free(key);
  return ok;
}

// A verifier key "NAME+KEYID+base64(TYPE || public key)" (src/tlog/note_key.h).
struct PublicKey {
  std::string name;
  Bytes key_id;  // 4 bytes, from the text's 8 hex digits
  uint8_t type = 0;
  Bytes key;  // 32 bytes
};

std::optional<PublicKey> ParsePublicKey(std::string_view text) {
  size_t p1 = text.find('+');
  if (p1 == std::string_view::npos) return std::nullopt;
  size_t p2 = text.find('+', p1 + 1);
  if (p2 == std::string_view::npos || p2 - p1 - 1 != 8) return std::nullopt;
  auto id = FromHex(text.substr(p1 + 1, 8));
  auto blob = Base64Decode(text.substr(p2 + 1));
  if (!id || !blob || blob->size() != 33) return std::nullopt;
  return PublicKey{std::string(text.substr(0, p1)), *id, static_cast<uint8_t>((*blob)[0]), blob->substr(1)};
}

// SHA-256(name || 0x0A || type || public key), first 4 bytes.
Bytes KeyId(const std::string& name, uint8_t type, const Bytes& key) {
  return Sha256(name + "\n" + std::string(1, static_cast<char>(type)) + key).substr(0, 4);
}

// A signed note (C2SP signed-note): the text, then after the last blank line, signature lines
// "— NAME base64(keyid || signature)".
struct NoteSignature {
  std::string name;
  Bytes key_id;     // 4 bytes
  Bytes signature;  // what follows the key id
};
struct Note {
  std::string text;  // with its final newline
  std::vector<NoteSignature> signatures;
};

std::optional<Note> ParseNote(std::string_view note) {
  size_t blank = note.rfind("\n\n");
  if (blank == std::string_view::npos) return std::nullopt;
  Note out{std::string(note.substr(0, blank + 1)), {}};
  auto lines = Lines(note.substr(blank + 2));
  if (!lines || lines->empty()) return std::nullopt;
  static constexpr std::string_view kDash = "\xE2\x80\x94 ";  // U+2014 and a space
  for (std::string_view line : *lines) {
    if (line.substr(0, kDash.size()) != kDash) return std::nullopt;
    line.remove_prefix(kDash.size());
    size_t space = line.find(' ');
    if (space == std::string_view::npos || space == 0) return std::nullopt;
    auto blob = Base64Decode(line.substr(space + 1));
    if (!blob || blob->size() < 5) return std::nullopt;
    out.signatures.push_back({std::string(line.substr(0, space)), blob->substr(0, 4), blob->substr(4)});
  }
  return out;
}

// A checkpoint body (C2SP tlog-checkpoint): origin, size, base64 root, extension lines.
struct CheckpointBody {
  std::string origin;
  uint64_t size = 0;
  Bytes root;
};

std::optional<CheckpointBody> ParseCheckpointBody(std::string_view text) {
  auto lines = Lines(text);
  if (!lines || lines->size() < 3 || (*lines)[0].empty()) return std::nullopt;
  auto size = Decimal((*lines)[1]);
  auto root = Base64Decode((*lines)[2]);
  if (!size || !root || root->size() != 32) return std::nullopt;
  return CheckpointBody{std::string((*lines)[0]), *size, *root};
}

// The log's Ed25519 signature of the note's text (type 0x01), found by name and key id.
bool LogSignatureVerifies(const Note& note, const PublicKey& key) {
  for (const NoteSignature& s : note.signatures) {
    if (s.name == key.name && s.key_id == key.key_id && Ed25519Verify(key.key, note.text, s.signature)) return true;
  }
  return false;
}

// A signed checkpoint note, trusted with the log's key alone.
std::optional<CheckpointBody> TrustedCheckpoint(std::string_view note_text, const PublicKey& log_key,
                                                std::string* why) {
  auto fail = [why](const char* what) -> std::optional<CheckpointBody> {
    *why = what;
    return std::nullopt;
  };
  auto note = ParseNote(note_text);
  if (!note) return fail("the checkpoint note does not parse");
  if (!LogSignatureVerifies(*note, log_key)) return fail("the log's signature does not verify");
  auto body = ParseCheckpointBody(note->text);
  if (!body) return fail("the checkpoint body does not parse");
  if (body->origin != log_key.name) return fail("the origin is not the key's name");
  return body;
}

// A tlog-proof (src/tlog/proof_bundle.h).
struct ProofBundle {
  std::optional<Bytes> extra;
  uint64_t index = 0;
  std::vector<Bytes> path;
  std::string note;
};

std::optional<ProofBundle> ParseProofBundle(std::string_view text) {
  ProofBundle out;
  auto take_line = [&text](std::string_view* line) {
    size_t nl = text.find('\n');
    if (nl == std::string_view::npos) return false;
    *line = text.substr(0, nl);
    text.remove_prefix(nl + 1);
    return true;
  };
  std::string_view line;
  if (!take_line(&line) || line != "c2sp.org/tlog-proof@v1" || !take_line(&line)) return std::nullopt;
  if (line.substr(0, 6) == "extra ") {
    out.extra = Base64Decode(line.substr(6));
    if (!out.extra || !take_line(&line)) return std::nullopt;
  }
  if (line.substr(0, 6) != "index ") return std::nullopt;
  auto index = Decimal(line.substr(6));
  if (!index) return std::nullopt;
  out.index = *index;
  for (;;) {
    if (!take_line(&line)) return std::nullopt;
    if (line.empty()) break;
    auto hash = Base64Decode(line);
    if (!hash || hash->size() != 32) return std::nullopt;
    out.path.push_back(*hash);
  }
  out.note = std::string(text);
  return out;
}

// A tlog-witness add-checkpoint request (src/tlog/witness.h).
struct AddCheckpoint {
  uint64_t old_size = 0;
  std::vector<Bytes> proof;
  std::string note;
};

std::optional<AddCheckpoint> ParseAddCheckpoint(std::string_view text) {
  auto nl = text.find('\n');
  if (nl == std::string_view::npos || text.substr(0, 4) != "old ") return std::nullopt;
  auto old_size = Decimal(text.substr(4, nl - 4));
  if (!old_size) return std::nullopt;
  AddCheckpoint out{*old_size, {}, ""};
  text.remove_prefix(nl + 1);
  for (;;) {
    nl = text.find('\n');
    if (nl == std::string_view::npos) return std::nullopt;
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl + 1);
    if (line.empty()) break;
    auto hash = Base64Decode(line);
    if (!hash || hash->size() != 32) return std::nullopt;
    out.proof.push_back(*hash);
  }
  out.note = std::string(text);
  return out;
}

// The proof's extra data (src/ledger/event_proof.h).
struct EventLeaf {
  std::string ledger_id;
  uint64_t seq = 0;
  int64_t recorded = 0;
  std::string body;
};

std::string EncodeEventLeaf(const EventLeaf& e) {
  return "nanni-event/v2\nledger_id " + e.ledger_id + "\nseq " + std::to_string(e.seq) + "\nrecorded " +
         std::to_string(e.recorded) + "\n" + e.body;
}

std::optional<EventLeaf> DecodeEventLeaf(std::string_view bytes) {
  auto field = [&bytes](std::string_view name) -> std::optional<std::string_view> {
    size_t nl = bytes.find('\n');
    if (nl == std::string_view::npos || bytes.substr(0, name.size() + 1) != std::string(name) + " ") return std::nullopt;
    std::string_view value = bytes.substr(name.size() + 1, nl - name.size() - 1);
    bytes.remove_prefix(nl + 1);
    return value;
  };
  static constexpr std::string_view kHeader = "nanni-event/v2\n";
  if (bytes.substr(0, kHeader.size()) != kHeader) return std::nullopt;
  bytes.remove_prefix(kHeader.size());
  auto id = field("ledger_id");
  if (!id || id->size() != 32 || !FromHex(*id)) return std::nullopt;
  auto seq = field("seq");
  auto recorded = field("recorded");
  if (!seq || !recorded) return std::nullopt;
  auto seq_value = Decimal(*seq);
  auto recorded_value = Decimal(*recorded);
  if (!seq_value || *seq_value == 0 || !recorded_value || bytes.empty()) return std::nullopt;
  return EventLeaf{std::string(*id), *seq_value, static_cast<int64_t>(*recorded_value), std::string(bytes)};
}

// Checks a proof bundle from scratch; "" when it holds, else what fails.
std::string OwnVerifyEventProof(std::string_view text, const PublicKey& log_key) {
  auto bundle = ParseProofBundle(text);
  if (!bundle) return "the bundle does not parse";
  std::string why;
  auto checkpoint = TrustedCheckpoint(bundle->note, log_key, &why);
  if (!checkpoint) return why;
  if (!bundle->extra) return "no extra data";
  auto leaf = DecodeEventLeaf(*bundle->extra);
  if (!leaf) return "the extra data is not an event leaf";
  if (bundle->index != leaf->seq - 1) return "the index is not the event's seq - 1";
  const Bytes leaf_hash =
      EntryLeafHash(LedgerIdentityDigest(leaf->ledger_id, checkpoint->origin), leaf->seq, leaf->recorded, leaf->body);
  if (!VerifyInclusion(bundle->index, checkpoint->size, leaf_hash, bundle->path, checkpoint->root)) {
    return "the inclusion proof does not lead to the checkpoint's root";
  }
  return "";
}

// ---------------------------------------------------------------------------------------------
// The ledger as its SQLite file holds it, read with sqlite3 directly.

struct Row {
  uint64_t seq = 0;
  std::string source_id, account;
  int64_t recorded = 0;
  std::string body;
};

struct LedgerRows {
  std::string ledger_id, origin;
  std::vector<Row> rows;  // in seq order
};

LedgerRows ReadLedger(const std::string& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    throw std::runtime_error("cannot open " + path);
  }
  LedgerRows out;
  auto query = [db](const char* sql, auto&& each) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK) {
      throw std::runtime_error(std::string("sqlite: ") + sqlite3_errmsg(db));
    }
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) each(stmt);
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE) throw std::runtime_error(std::string("sqlite: ") + sqlite3_errmsg(db));
  };
  auto text = [](sqlite3_stmt* s, int col) {
    const void* p = sqlite3_column_blob(s, col);
    return std::string(static_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(s, col)));
  };
  query("SELECT key, value FROM ledger_meta", [&](sqlite3_stmt* s) {
    const std::string key = text(s, 0);
    if (key == "ledger_id") out.ledger_id = text(s, 1);
    if (key == "origin") out.origin = text(s, 1);
  });
  query("SELECT seq, source_id, account, recorded_utc, body FROM events ORDER BY seq", [&](sqlite3_stmt* s) {
    out.rows.push_back(Row{static_cast<uint64_t>(sqlite3_column_int64(s, 0)), text(s, 1), text(s, 2),
                           sqlite3_column_int64(s, 3), text(s, 4)});
  });
  sqlite3_close(db);
  return out;
}

// The leaf hashes of every row, recomputed; the seqs must run 1, 2, 3, ...
std::vector<Bytes> LeafHashes(const LedgerRows& ledger) {
  const Bytes identity = LedgerIdentityDigest(ledger.ledger_id, ledger.origin);
  std::vector<Bytes> out;
  for (size_t i = 0; i < ledger.rows.size(); ++i) {
    const Row& r = ledger.rows[i];
    if (r.seq != i + 1) throw std::runtime_error("the ledger's seqs do not run 1, 2, 3, ...");
    out.push_back(EntryLeafHash(identity, r.seq, r.recorded, r.body));
  }
  return out;
}

// "2026-12-03T13:22:02.445878Z" (or without the fraction) as UTC microseconds.
std::optional<int64_t> Rfc3339UtcMicros(const std::string& s) {
  std::tm tm{};
  int micros = 0;
  char z = 0;
  if (s.size() == 20 && std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                                    &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &z) == 7) {
  } else if (s.size() == 27 && std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d.%6d%c", &tm.tm_year, &tm.tm_mon,
                                           &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &micros, &z) == 8) {
  } else {
    return std::nullopt;
  }
  if (z != 'Z') return std::nullopt;
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  return int64_t{timegm(&tm)} * 1'000'000 + micros;
}

// ---------------------------------------------------------------------------------------------
// Driving the CLI.

constexpr const char* kOrigin = "acme.example/ledger";

test::CommandResult Must(test::CommandResult r, const std::string& what) {
  if (r.exit_code != 0) throw std::runtime_error(what + " exited " + std::to_string(r.exit_code) + ": " + r.err);
  return r;
}

std::string LastLine(const std::string& out) {
  auto lines = test::Split(out, '\n');
  return lines.empty() ? "" : lines.back();
}

// A ledger with its signing key in the test's folder (never under $HOME).
class Ledger {
 public:
  Ledger(const test::TempDir& dir, const std::string& name)
      : dir_(dir), name_(name), db_(dir.File(name + ".db")), key_file_(dir.File(name + ".key")) {
    Must(Nanni({"--db", db_, "init", "--origin", kOrigin}), "init");
    Must(Nanni({"--db", db_, "key", "init", "--key-file", key_file_}), "key init");
    const std::string text = LastLine(Must(Nanni({"--db", db_, "key", "show", "--key-file", key_file_}), "key show").out);
    auto key = ParsePublicKey(text);
    if (!key) throw std::runtime_error("key show's last line is not a public key: " + text);
    public_key_text_ = text;
    public_key_ = *key;
  }

  // Imports notes until the ledger holds `size` events, in one import (spread over 3 accounts).
  void GrowTo(size_t size) {
    std::string ndjson;
    for (; size_ < size; ++size_) {
      const size_t i = size_ + 1;
      static const char* kAccounts[] = {"acme", "initech", "globex"};
      std::time_t t = 1'772'442'000 + static_cast<std::time_t>(i) * 61;
      char when[32];
      std::strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
      ndjson += std::string("{\"id\":\"n") + std::to_string(i) + "\",\"account\":\"" + kAccounts[i % 3] +
                "\",\"time\":\"" + when + "\",\"kind\":\"note\",\"text\":\"note " + std::to_string(i) + "\"}\n";
    }
    const std::string file = dir_.File(name_ + "-" + std::to_string(size) + ".ndjson");
    WriteFile(file, ndjson);
    Must(Nanni({"--db", db_, "import", "--no-progress", file}), "import");
  }

  void Import(const std::string& file) {
    Must(Nanni({"--db", db_, "import", "--no-progress", file}), "import");
    size_ = ReadLedger(db_).rows.size();
  }

  // `nanni checkpoint`, written to a file of this name; returns the note.
  std::string Checkpoint(const std::string& file_name) {
    const std::string file = dir_.File(file_name);
    Must(Nanni({"--db", db_, "checkpoint", "--key-file", key_file_, "--out", file}), "checkpoint");
    return ReadFile(file);
  }

  const std::string& db() const { return db_; }
  const std::string& key_file() const { return key_file_; }
  const std::string& public_key_text() const { return public_key_text_; }
  const PublicKey& public_key() const { return public_key_; }

 private:
  const test::TempDir& dir_;
  std::string name_, db_, key_file_, public_key_text_;
  PublicKey public_key_;
  size_t size_ = 0;
};

CheckpointBody MustTrust(const std::string& note, const PublicKey& key) {
  std::string why;
  auto body = TrustedCheckpoint(note, key, &why);
  if (!body) throw std::runtime_error("checkpoint not trusted: " + why + "\n" + note);
  return *body;
}

const std::vector<size_t> kSizes = {1, 2, 3, 255, 256, 257, 3000};

// ---------------------------------------------------------------------------------------------

// Each size, in a fresh ledger (one bulk load) and in one ledger grown through all the sizes
// (appends continuing the tree's partial tiles): the signed root is the MTH of the leaves the
// test recomputes from every stored row.
TEST(IndependentVerify, CheckpointRootIsTheMthOfTheLeavesOfEveryEvent) {
  test::TempDir dir;
  Ledger grown(dir, "grown");
  for (size_t size : kSizes) {
    SCOPED_TRACE("size " + std::to_string(size));
    Ledger fresh(dir, "fresh" + std::to_string(size));
    fresh.GrowTo(size);
    grown.GrowTo(size);
    for (Ledger* ledger : {&fresh, &grown}) {
      const std::string note = ledger->Checkpoint("c.cp");
      const CheckpointBody c = MustTrust(note, ledger->public_key());
      const LedgerRows rows = ReadLedger(ledger->db());
      ASSERT_EQ(rows.rows.size(), size);
      EXPECT_EQ(rows.origin, kOrigin);
      EXPECT_EQ(rows.ledger_id.size(), 32u);
      EXPECT_EQ(c.origin, kOrigin);
      EXPECT_EQ(c.size, size);
      EXPECT_EQ(Hex(c.root), Hex(Mth(LeafHashes(rows))));
    }
  }
}

// The generated portfolio read only through the CLI (`--json accounts`, `--json events`): each
// event's body is its canonical JSON (keys sorted, no whitespace), its leaf hash the CLI's, and
// the checkpoint's root the MTH over them all in seq order. The file's rows say the same.
TEST(IndependentVerify, GeneratedPortfolioRootFromEveryEventOfEveryAccount) {
  test::TempDir dir;
  Ledger ledger(dir, "l");
  Must(Nanni({"generate", "--seed", "7", "--accounts", "20", "--months", "6", "--out", dir.File("p.ndjson")}),
       "generate");
  ledger.Import(dir.File("p.ndjson"));
  const CheckpointBody c = MustTrust(ledger.Checkpoint("c.cp"), ledger.public_key());

  const LedgerRows stored = ReadLedger(ledger.db());
  ASSERT_GT(stored.rows.size(), 2000u);
  ASSERT_EQ(c.size, stored.rows.size());
  const Bytes identity = LedgerIdentityDigest(stored.ledger_id, kOrigin);
  std::vector<std::optional<Bytes>> by_seq(stored.rows.size());
  auto accounts = nlohmann::json::parse(Must(Nanni({"--db", ledger.db(), "--json", "accounts"}), "accounts").out);
  ASSERT_EQ(accounts["accounts"].size(), 20u);
  for (const auto& account : accounts["accounts"]) {
    const std::string name = account["account"];
    auto events = nlohmann::json::parse(Must(Nanni({"--db", ledger.db(), "--json", "events", name}), "events").out);
    ASSERT_EQ(events["events"].size(), account["events"].get<size_t>()) << name;
    for (const auto& e : events["events"]) {
      const uint64_t seq = e["seq"];
      ASSERT_GE(seq, 1u);
      ASSERT_LE(seq, by_seq.size());
      ASSERT_FALSE(by_seq[seq - 1]) << "seq " << seq << " listed twice";
      auto recorded = Rfc3339UtcMicros(e["recorded"].get<std::string>());
      ASSERT_TRUE(recorded) << e["recorded"];
      const std::string body = e["event"].dump();  // sorted keys, no whitespace, UTF-8 as is
      const Row& row = stored.rows[seq - 1];
      EXPECT_EQ(body, row.body) << "seq " << seq;
      EXPECT_EQ(*recorded, row.recorded) << "seq " << seq;
      EXPECT_EQ(e["event"]["account"].get<std::string>(), name);
      const Bytes leaf = EntryLeafHash(identity, seq, *recorded, body);
      EXPECT_EQ(Hex(leaf), e["leaf_hash"].get<std::string>()) << "seq " << seq;
      by_seq[seq - 1] = leaf;
    }
  }
  std::vector<Bytes> leaves;
  for (size_t i = 0; i < by_seq.size(); ++i) {
    ASSERT_TRUE(by_seq[i]) << "seq " << i + 1 << " is in no account's events";
    leaves.push_back(*by_seq[i]);
  }
  EXPECT_EQ(Hex(c.root), Hex(Mth(leaves)));
  EXPECT_EQ(leaves, LeafHashes(stored));
}

// The checkpoint's signature line verifies with OpenSSL over the note text, under the key id
// SHA-256(name || 0x0A || 0x01 || pub)[:4] of the key `key show` prints.
TEST(IndependentVerify, CheckpointSignatureVerifiesWithOpenSsl) {
  test::TempDir dir;
  Ledger ledger(dir, "l");
  ledger.GrowTo(10);
  const PublicKey& key = ledger.public_key();
  EXPECT_EQ(key.name, kOrigin);
  EXPECT_EQ(key.type, 0x01);
  EXPECT_EQ(Hex(key.key_id), Hex(KeyId(key.name, 0x01, key.key)));
  EXPECT_EQ(ledger.public_key_text(), key.name + "+" + Hex(key.key_id) + "+" +
                                          Base64Encode(std::string(1, '\x01') + key.key));

  const std::string text = ledger.Checkpoint("c.cp");
  auto note = ParseNote(text);
  ASSERT_TRUE(note) << text;
  ASSERT_EQ(note->signatures.size(), 1u) << text;
  const NoteSignature& sig = note->signatures[0];
  EXPECT_EQ(sig.name, kOrigin);
  EXPECT_EQ(Hex(sig.key_id), Hex(key.key_id));
  ASSERT_EQ(sig.signature.size(), 64u);
  EXPECT_TRUE(Ed25519Verify(key.key, note->text, sig.signature));
  // The text signed is exactly the checkpoint body: origin, size, root, each with its newline.
  auto body = ParseCheckpointBody(note->text);
  ASSERT_TRUE(body);
  EXPECT_EQ(note->text, std::string(kOrigin) + "\n10\n" + Base64Encode(body->root) + "\n");
  EXPECT_EQ(text, note->text + "\n\xE2\x80\x94 " + kOrigin + " " + Base64Encode(key.key_id + sig.signature) + "\n");

  // The check can fail: another text, another signature, another key.
  std::string other_text = note->text;
  other_text[other_text.size() - 3] ^= 1;
  EXPECT_FALSE(Ed25519Verify(key.key, other_text, sig.signature));
  Bytes other_sig = sig.signature;
  other_sig[10] ^= 0x40;
  EXPECT_FALSE(Ed25519Verify(key.key, note->text, other_sig));
  Ledger other(dir, "other");
  EXPECT_NE(Hex(other.public_key().key_id), Hex(key.key_id));
  EXPECT_FALSE(Ed25519Verify(other.public_key().key, note->text, sig.signature));
}

// Proofs of a sample of events, against the latest checkpoint and against an older one the
// ledger has since outgrown: the extra data is the event's own bytes, the index its seq - 1,
// and the path leads to the checkpoint's root by the RFC's algorithm.
TEST(IndependentVerify, EveryProofOfASampleVerifiesWithTheTestsOwnInclusionCheck) {
  test::TempDir dir;
  Ledger ledger(dir, "l");
  Must(Nanni({"generate", "--seed", "3", "--accounts", "20", "--months", "6", "--out", dir.File("p.ndjson")}),
       "generate");
  ledger.Import(dir.File("p.ndjson"));
  const std::string old_note = ledger.Checkpoint("old.cp");
  const LedgerRows before = ReadLedger(ledger.db());
  const size_t old_size = before.rows.size();
  ledger.GrowTo(old_size + 700);  // notes n<k> do not clash with the generated ids
  const std::string new_note = ledger.Checkpoint("new.cp");
  const LedgerRows rows = ReadLedger(ledger.db());
  const CheckpointBody old_c = MustTrust(old_note, ledger.public_key());
  const CheckpointBody new_c = MustTrust(new_note, ledger.public_key());
  ASSERT_EQ(old_c.size, old_size);
  ASSERT_EQ(new_c.size, rows.rows.size());

  std::vector<size_t> sample = {1, 2, 3, 255, 256, 257, 258, 512, 513, old_size - 1, old_size, old_size + 1,
                                rows.rows.size() - 1, rows.rows.size()};
  for (size_t seq = 5; seq < rows.rows.size(); seq += 173) sample.push_back(seq);
  size_t checked = 0;
  for (size_t seq : sample) {
    const Row& row = rows.rows[seq - 1];
    SCOPED_TRACE("seq " + std::to_string(seq) + " id " + row.source_id);
    const std::string expected_extra = EncodeEventLeaf({rows.ledger_id, seq, row.recorded, row.body});
    for (bool against_old : {false, true}) {
      if (against_old && seq > old_size) continue;
      const std::string out = dir.File("e.proof");
      std::vector<std::string> args = {"--db", ledger.db(), "prove", row.source_id, "--out", out};
      if (against_old) args.insert(args.end(), {"--checkpoint", dir.File("old.cp")});
      Must(Nanni(args), "prove");
      const std::string text = ReadFile(out);
      auto bundle = ParseProofBundle(text);
      ASSERT_TRUE(bundle) << text;
      ASSERT_TRUE(bundle->extra);
      EXPECT_EQ(*bundle->extra, expected_extra);
      EXPECT_EQ(bundle->index, seq - 1);
      EXPECT_EQ(bundle->note, against_old ? old_note : new_note);
      const CheckpointBody& c = against_old ? old_c : new_c;
      const Bytes leaf = EntryLeafHash(LedgerIdentityDigest(rows.ledger_id, kOrigin), seq, row.recorded, row.body);
      EXPECT_TRUE(VerifyInclusion(seq - 1, c.size, leaf, bundle->path, c.root));
      EXPECT_EQ(OwnVerifyEventProof(text, ledger.public_key()), "");
      ++checked;
    }
  }
  EXPECT_GT(checked, 30u);
}

// `prove --consistency-from M` against the checkpoint at N, for every pair of the sizes: the
// request's proof takes the root signed at M to the root signed at N by the RFC's algorithm,
// and both roots are the MTH of the first M and N leaves.
TEST(IndependentVerify, ConsistencyRequestsVerifyBetweenTheRootsOfTwoCheckpoints) {
  test::TempDir dir;
  Ledger ledger(dir, "l");
  std::vector<std::string> notes;
  std::vector<CheckpointBody> checkpoints;
  for (size_t size : kSizes) {
    ledger.GrowTo(size);
    notes.push_back(ledger.Checkpoint("c" + std::to_string(size) + ".cp"));
    checkpoints.push_back(MustTrust(notes.back(), ledger.public_key()));
  }
  const std::vector<Bytes> leaves = LeafHashes(ReadLedger(ledger.db()));
  for (size_t i = 0; i < kSizes.size(); ++i) {
    const std::vector<Bytes> prefix(leaves.begin(), leaves.begin() + static_cast<ptrdiff_t>(kSizes[i]));
    EXPECT_EQ(Hex(checkpoints[i].root), Hex(Mth(prefix))) << kSizes[i];
  }
  for (size_t i = 0; i < kSizes.size(); ++i) {
    for (size_t j = i; j < kSizes.size(); ++j) {
      const uint64_t m = kSizes[i], n = kSizes[j];
      SCOPED_TRACE("from " + std::to_string(m) + " to " + std::to_string(n));
      const std::string out = dir.File("req.txt");
      Must(Nanni({"--db", ledger.db(), "prove", "--consistency-from", std::to_string(m), "--checkpoint",
                  dir.File("c" + std::to_string(n) + ".cp"), "--out", out}),
           "prove --consistency-from");
      const std::string text = ReadFile(out);
      auto request = ParseAddCheckpoint(text);
      ASSERT_TRUE(request) << text;
      EXPECT_EQ(request->old_size, m);
      EXPECT_EQ(request->note, notes[j]);
      EXPECT_TRUE(VerifyConsistency(m, n, checkpoints[i].root, checkpoints[j].root, request->proof));
      if (m == n) {
        EXPECT_TRUE(request->proof.empty());
        continue;
      }
      // The proof is what binds the two roots: any other root, or any changed hash, fails.
      Bytes other_root = checkpoints[i].root;
      other_root[0] ^= 1;
      EXPECT_FALSE(VerifyConsistency(m, n, other_root, checkpoints[j].root, request->proof));
      for (size_t k = 0; k < request->proof.size(); ++k) {
        std::vector<Bytes> changed = request->proof;
        changed[k][31] ^= 0x80;
        EXPECT_FALSE(VerifyConsistency(m, n, checkpoints[i].root, checkpoints[j].root, changed)) << "hash " << k;
      }
    }
  }
  // Without --checkpoint the request is to the latest checkpoint.
  Must(Nanni({"--db", ledger.db(), "prove", "--consistency-from", "257", "--out", dir.File("latest.txt")}), "prove");
  auto latest = ParseAddCheckpoint(ReadFile(dir.File("latest.txt")));
  ASSERT_TRUE(latest);
  EXPECT_EQ(latest->note, notes.back());
  EXPECT_TRUE(VerifyConsistency(257, 3000, checkpoints[5].root, checkpoints.back().root, latest->proof));
}

// A witness's cosignature: a signature line under the witness key's name and its key id
// SHA-256(name || 0x0A || 0x04 || pub)[:4], whose 72 bytes are an 8-byte big-endian timestamp
// and an Ed25519 signature of "cosignature/v1\ntime T\n" + the checkpoint body (C2SP
// tlog-cosignature), verified with OpenSSL; then a second round from the size it cosigned.
TEST(IndependentVerify, WitnessCosignatureVerifiesWithOpenSsl) {
  test::TempDir dir;
  Ledger ledger(dir, "l");
  ledger.GrowTo(300);
  const std::string first_note = ledger.Checkpoint("c1.cp");
  const std::string wkey = dir.File("w.key"), state = dir.File("w.state");
  Must(Nanni({"key", "init", "--witness", "w.example", "--key-file", wkey}), "witness key init");
  auto witness = ParsePublicKey(LastLine(Must(Nanni({"key", "show", "--witness", "w.example", "--key-file", wkey}),
                                              "witness key show").out));
  ASSERT_TRUE(witness);
  EXPECT_EQ(witness->name, "w.example");
  EXPECT_EQ(witness->type, 0x04);
  EXPECT_EQ(Hex(witness->key_id), Hex(KeyId("w.example", 0x04, witness->key)));

  auto cosign_round = [&](uint64_t from, const std::string& expected_log_note, const CheckpointBody& expected) {
    const std::string req = dir.File("req.txt"), out = dir.File("cos.cp");
    Must(Nanni({"--db", ledger.db(), "prove", "--consistency-from", std::to_string(from), "--out", req}), "prove");
    auto request = ParseAddCheckpoint(ReadFile(req));
    ASSERT_TRUE(request);
    EXPECT_EQ(request->note, expected_log_note);
    const uint64_t before = static_cast<uint64_t>(std::time(nullptr));
    Must(Nanni({"cosign", req, "--key-file", wkey, "--log-key", ledger.public_key_text(), "--state", state, "--out",
                out}),
         "cosign");
    const uint64_t after = static_cast<uint64_t>(std::time(nullptr));
    const std::string cosigned = ReadFile(out);
    auto note = ParseNote(cosigned);
    ASSERT_TRUE(note) << cosigned;
    auto log_note = ParseNote(expected_log_note);
    ASSERT_TRUE(log_note);
    EXPECT_EQ(note->text, log_note->text);
    EXPECT_TRUE(LogSignatureVerifies(*note, ledger.public_key()));
    ASSERT_EQ(note->signatures.size(), 2u) << cosigned;
    const NoteSignature& cosig = note->signatures[1];
    EXPECT_EQ(cosig.name, "w.example");
    EXPECT_EQ(Hex(cosig.key_id), Hex(witness->key_id));
    ASSERT_EQ(cosig.signature.size(), 72u);
    const uint64_t timestamp = ReadBigEndian64(cosig.signature);
    EXPECT_GE(timestamp, before);
    EXPECT_LE(timestamp, after);
    const std::string message = "cosignature/v1\ntime " + std::to_string(timestamp) + "\n" + note->text;
    EXPECT_TRUE(Ed25519Verify(witness->key, message, cosig.signature.substr(8)));
    // Not over the bare note text, nor at another time.
    EXPECT_FALSE(Ed25519Verify(witness->key, note->text, cosig.signature.substr(8)));
    EXPECT_FALSE(Ed25519Verify(witness->key,
                               "cosignature/v1\ntime " + std::to_string(timestamp + 1) + "\n" + note->text,
                               cosig.signature.substr(8)));
    // The witness remembers the checkpoint body it cosigned.
    EXPECT_EQ(ReadFile(state), note->text);
    auto remembered = ParseCheckpointBody(ReadFile(state));
    ASSERT_TRUE(remembered);
    EXPECT_EQ(remembered->size, expected.size);
    EXPECT_EQ(remembered->root, expected.root);
    if (from > 0) {
      EXPECT_TRUE(VerifyConsistency(from, expected.size, MustTrust(first_note, ledger.public_key()).root,
                                    expected.root, request->proof));
    } else {
      EXPECT_TRUE(request->proof.empty());
    }
  };
  const CheckpointBody c1 = MustTrust(first_note, ledger.public_key());
  cosign_round(0, first_note, c1);
  ledger.GrowTo(1000);
  const std::string second_note = ledger.Checkpoint("c2.cp");
  cosign_round(300, second_note, MustTrust(second_note, ledger.public_key()));
}

// One flipped byte in the path, the extra data, the index or the checkpoint's root: the
// test's own verifier and `nanni verify-proof` both refuse the proof.
TEST(IndependentVerify, OneFlippedByteFailsTheTestsVerifierAndNannis) {
  test::TempDir dir;
  Ledger ledger(dir, "l");
  ledger.GrowTo(1000);
  ledger.Checkpoint("c.cp");
  const std::string proof = dir.File("e.proof");
  Must(Nanni({"--db", ledger.db(), "prove", "n613", "--out", proof}), "prove");
  const std::string original = ReadFile(proof);
  ASSERT_EQ(OwnVerifyEventProof(original, ledger.public_key()), "");
  ASSERT_EQ(Nanni({"verify-proof", proof, "--key", ledger.public_key_text()}).exit_code, 0);

  auto bundle = ParseProofBundle(original);
  ASSERT_TRUE(bundle && bundle->extra);
  ASSERT_EQ(bundle->path.size(), 10u);  // a tree of 1000 leaves is 10 levels deep
  auto lines = *Lines(original);
  ASSERT_EQ(lines[1].substr(0, 6), "extra ");
  ASSERT_EQ(lines[2], "index 612");
  auto join = [](const std::vector<std::string>& ls) {
    std::string out;
    for (const std::string& l : ls) out += l + "\n";
    return out;
  };
  const std::vector<std::string> base(lines.begin(), lines.end());

  struct Mutation {
    std::string what;
    std::string text;
  };
  std::vector<Mutation> mutations;
  // Each hash of the path, a different byte of each.
  for (size_t i = 0; i < bundle->path.size(); ++i) {
    std::vector<std::string> ls = base;
    Bytes h = bundle->path[i];
    h[(i * 7) % 32] ^= 0x01;
    ls[3 + i] = Base64Encode(h);
    mutations.push_back({"path hash " + std::to_string(i), join(ls)});
  }
  // The extra data: its header, the ledger id, the seq, the recording time, the body.
  const Bytes& extra = *bundle->extra;
  const size_t id_at = extra.find("ledger_id ") + 10, seq_at = extra.find("\nseq ") + 5,
               rec_at = extra.find("\nrecorded ") + 10, body_at = extra.find("\n{") + 1;
  for (auto [what, at] : std::vector<std::pair<std::string, size_t>>{
           {"header", 3}, {"ledger id", id_at + 5}, {"seq", seq_at}, {"recorded", rec_at + 12},
           {"body start", body_at + 2}, {"body middle", (body_at + extra.size()) / 2}, {"body end", extra.size() - 2}}) {
    std::vector<std::string> ls = base;
    Bytes changed = extra;
    changed[at] ^= 0x01;  // a digit stays a digit, a hex digit a hex digit or a letter
    ls[1] = "extra " + Base64Encode(changed);
    mutations.push_back({"extra " + what, join(ls)});
  }
  // The index: one digit's low bit, and the neighbours.
  for (const char* index : {"index 613", "index 611", "index 602", "index 412"}) {
    std::vector<std::string> ls = base;
    ls[2] = index;
    mutations.push_back({index, join(ls)});
  }
  // The checkpoint's root (its signature left as it was).
  const size_t note_at = 4 + bundle->path.size();
  ASSERT_EQ(base[note_at], kOrigin);
  auto c = ParseCheckpointBody(join({base[note_at], base[note_at + 1], base[note_at + 2]}));
  ASSERT_TRUE(c);
  for (size_t byte : {0, 17, 31}) {
    std::vector<std::string> ls = base;
    Bytes root = c->root;
    root[byte] ^= 0x01;
    ls[note_at + 2] = Base64Encode(root);
    mutations.push_back({"root byte " + std::to_string(byte), join(ls)});
  }

  for (const Mutation& m : mutations) {
    SCOPED_TRACE(m.what);
    ASSERT_NE(m.text, original);
    EXPECT_NE(OwnVerifyEventProof(m.text, ledger.public_key()), "");
    WriteFile(dir.File("bad.proof"), m.text);
    auto r = Nanni({"verify-proof", dir.File("bad.proof"), "--key", ledger.public_key_text()});
    EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
    EXPECT_NE(r.err.find("the proof does NOT hold"), std::string::npos) << r.err;
    EXPECT_EQ(r.out, "");
  }

  // A changed root fails the inclusion check by itself, not only the signature.
  auto leaf = DecodeEventLeaf(extra);
  ASSERT_TRUE(leaf);
  const Bytes leaf_hash = EntryLeafHash(LedgerIdentityDigest(leaf->ledger_id, kOrigin), leaf->seq, leaf->recorded,
                                        leaf->body);
  EXPECT_TRUE(VerifyInclusion(612, c->size, leaf_hash, bundle->path, c->root));
  Bytes root = c->root;
  root[17] ^= 0x01;
  EXPECT_FALSE(VerifyInclusion(612, c->size, leaf_hash, bundle->path, root));
}

}  // namespace
}  // namespace nanni
