// Transparency log proofs (c2sp.org/tlog-proof), the offline-verifiable ".tlog-proof" text:
//
//   c2sp.org/tlog-proof@v1
//   extra YWdlLXYxLjIuMS1kYXJ3aW4tYXJtNjQudGFyLmd6       optional: base64 of opaque bytes
//   index 73894                                         the entry's 0-based index, decimal
//   gSKyXoYZUgZ6jduWYrkDOARinOMGJveXjgMkBTcdPlQ=        the inclusion proof: zero or more
//   B95lDa8R83lS8n0eG+o0buTxRKQTYFi//1U8anccXmA=        base64 SHA-256 hashes, from the leaf's
//                                                       sibling up to the root's child
//   example.com/fancylog                                after an empty line, the log's
//   109482                                              signed checkpoint note, verbatim,
//   sFodV/vSp5O8n9a8QpW6PRY97tfOSW5bsc2Xl/EQi08=        cosignatures and all
//
//   — example.com/fancylog hI2DJw...
//
// This is the format only: checking the inclusion proof against the checkpoint's root is the
// Merkle tree code's, and trusting the checkpoint is VerifyNote's. The extra data is NOT
// authenticated by anything in the proof.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "util/sha256.h"
#include "util/status.h"

namespace nanni {

constexpr std::string_view kProofBundleHeader = "c2sp.org/tlog-proof@v1";
constexpr size_t kMaxProofPathHashes = 64;          // a tree of 2^64 leaves is 64 levels deep
constexpr size_t kMaxProofBundleBytes = 2 << 20;

struct ProofBundle {
  std::string extra;             // the extra data's bytes (decoded); empty: no extra line
  uint64_t index = 0;
  std::vector<Digest> path;      // the inclusion proof, leaf's sibling first
  std::string checkpoint_note;   // the signed checkpoint note's text, verbatim

  bool operator==(const ProofBundle&) const = default;
};

// Parses a proof strictly: the header line; an optional "extra " line with non-empty strict
// base64; "index " and a decimal without leading zeros; at most kMaxProofPathHashes lines of
// base64 of exactly 32 bytes; an empty line; then a signed note (ParseSignedNote) whose text
// is a checkpoint (ParseCheckpoint) with a tree size above the index. At most
// kMaxProofBundleBytes in all. InvalidInput "proof line N: ..." otherwise (for a fault in the
// checkpoint note, "proof checkpoint note (from line N): ...").
Status ParseProofBundle(std::string_view text, ProofBundle* out);

// The proof's text, which ParseProofBundle parses back to `bundle`. InvalidArgument, saying
// why, for a bundle it would refuse.
Status FormatProofBundle(const ProofBundle& bundle, std::string* out);

}  // namespace nanni
