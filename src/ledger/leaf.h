// The leaves of the ledger's Merkle tree (docs/ledger.md, "The tree"). Entry `seq` is leaf
// seq - 1 of an RFC 9162 tree (tlog/merkle.h):
//
//   identity   = SHA-256( "nanni-ledger-2\n" || ledger_id || "\n" || origin || "\n" )
//   leaf(seq)  = identity || u64be(seq) || i64be(recorded_utc_micros) || SHA-256(body)
//   leaf hash  = SHA-256( 0x00 || leaf(seq) )
//
// 80 bytes per leaf, whatever the body's size: the body's own digest is computed where the
// event is prepared (PreparedEvent), on the preparing threads, and the writing thread hashes
// only the 81 bytes. Changing any stored byte of an entry (its body, seq or recording time),
// or the ledger's id or origin, changes its leaf hash, hence the root every checkpoint signs.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "util/sha256.h"
#include "util/status.h"

namespace nanni {

// What identifies a ledger: a random id given when it was created, and the origin its
// checkpoints are issued under (C2SP tlog-checkpoint: "a unique identifier for the log",
// schema-less URL style, e.g. "support.example.com/ledger"). Both are fixed at creation.
struct LedgerIdentity {
  std::string id;      // 32 lower-case hex digits
  std::string origin;  // also the name of the key that signs its checkpoints
};

// "nanni.ledger/" + id: the origin of a ledger created without one.
std::string DefaultOrigin(std::string_view ledger_id);

// OK when `origin` can name a log and its key: 1 to 200 printable ASCII characters, none of
// them a space or '+' (the signed-note key name rules); InvalidArgument saying why otherwise.
Status CheckOrigin(std::string_view origin);

Digest IdentityDigest(const LedgerIdentity& identity);

constexpr size_t kLeafBytes = 80;
using LeafBytes = std::array<uint8_t, kLeafBytes>;

LeafBytes EncodeLeaf(const Digest& identity, uint64_t seq, int64_t recorded_utc_micros,
                     const Digest& body_digest);

// MerkleLeafHash(EncodeLeaf(...)).
Digest EntryLeafHash(const Digest& identity, uint64_t seq, int64_t recorded_utc_micros,
                     const Digest& body_digest);

}  // namespace nanni
