// A transparency log checkpoint: the note text of a signed tree head, as C2SP tlog-checkpoint
// (c2sp.org/tlog-checkpoint) lays it out:
//
//   example.com/behind-the-sofa                     origin: who issued it, non-empty
//   20852163                                        tree size, decimal, no leading zeros
//   CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=    root hash, standard base64 of 32 bytes
//   (extension lines, optional, each non-empty)
//
// Every line ends with a newline. The signatures (signed_note.h) come after a blank line and
// are not part of the body handled here.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "util/sha256.h"
#include "util/status.h"

namespace nanni {

struct Checkpoint {
  std::string origin;
  uint64_t size = 0;
  Digest root{};
  std::vector<std::string> extensions;  // without their newlines; NOT RECOMMENDED by the spec

  bool operator==(const Checkpoint&) const = default;
};

// The checkpoint body: origin, size, base64 root and each extension, each followed by '\n'.
// The caller's checkpoint must be valid (see CheckCheckpoint) for the result to parse back.
std::string FormatCheckpoint(const Checkpoint& checkpoint);

// OK when `checkpoint` can be formatted and parsed back unchanged: a non-empty origin and
// non-empty extensions, none holding a newline or another control character, all valid UTF-8.
// InvalidArgument naming the field otherwise.
Status CheckCheckpoint(const Checkpoint& checkpoint);

// Parses a checkpoint body strictly: at least three lines, each ending with '\n'; the text is
// valid UTF-8 without control characters other than newline; a non-empty origin; a decimal
// size without leading zeros that fits in 64 bits; a root that is the canonical standard
// base64 of exactly 32 bytes; no empty line anywhere (an empty extension line included).
// On failure returns InvalidInput "checkpoint line N (FIELD): what is wrong" and leaves *out
// unspecified.
Status ParseCheckpoint(std::string_view body, Checkpoint* out);

}  // namespace nanni
