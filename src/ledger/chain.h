// The hash chain that makes the ledger tamper-evident (docs/ledger.md, "The chain").
//
//   hash(n) = SHA-256( hash(n-1) || u64be(n) || i64be(recorded_utc_micros(n)) || body(n) )
//
// where hash(0) is 32 zero bytes, n is the 1-based sequence number, and body(n) is the
// canonical encoding of event n (event/canonical.h). Changing any stored byte of an entry,
// reordering entries, or removing one from the middle changes every hash from there on.
#pragma once

#include <cstdint>
#include <string_view>

#include "util/sha256.h"

namespace nanni {

// The hash before the first entry: 32 zero bytes.
Digest GenesisHash();

// The chain hash of entry `seq`, given the hash of the entry before it.
Digest ChainHash(const Digest& previous, uint64_t seq, int64_t recorded_utc_micros,
                 std::string_view body);

}  // namespace nanni
