// The hash chain that makes the ledger tamper-evident (docs/ledger.md, "The chain").
//
//   hash(n) = SHA-256( hash(n-1) || u64be(n) || i64be(recorded_utc_micros(n)) || body(n) )
//   hash(0) = SHA-256( "nanni-ledger-1 genesis\n" || ledger_id )
//
// where n is the 1-based sequence number and body(n) the canonical encoding of event n
// (event/canonical.h). Changing any stored byte of an entry, reordering entries, removing
// one from the middle, or changing the ledger's id changes every hash from there on.
// Ledgers created before the id was bound into the chain start from 32 zero bytes instead.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "util/sha256.h"

namespace nanni {

// What identifies a ledger: its id, and whether its chain starts from it.
struct LedgerIdentity {
  std::string id;            // 32 hex digits, random, given when the ledger was created
  bool id_in_chain = false;  // false: a ledger from before the id was bound (zero genesis)
};

// The hash before the first entry of the ledger `identity` names.
Digest GenesisHash(const LedgerIdentity& identity);

// The chain hash of entry `seq`, given the hash of the entry before it.
Digest ChainHash(const Digest& previous, uint64_t seq, int64_t recorded_utc_micros,
                 std::string_view body);

}  // namespace nanni
