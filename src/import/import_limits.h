// The limits every importer applies the same way (docs/cli.md, "Limits").
#pragma once

#include <cstddef>
#include <cstdint>

#include "util/status.h"

namespace nanni {

// The largest event an import stores, in bytes of its canonical encoding (`--max-event-bytes`).
// A larger event is refused with its file and line (or Message-ID) and its size; under
// `--lenient` it is written to the rejects file and the import goes on.
constexpr size_t kDefaultMaxEventBytes = 4 << 20;

// The most `--max-event-bytes` may be raised to: it also bounds what a reader buffers for one
// line, row or message, so that no input can make an import grow without end.
constexpr size_t kMaxEventBytesCeiling = 64 << 20;

// The largest mail message an import reads, as written (attachments included): 4 x the
// ceiling, because attachments are listed, not stored, so a message may be much larger than
// its event. A larger message is refused (or left out under `--lenient`) like one that cannot
// be read, after reading at most this much of it.
constexpr uint64_t kMaxMailMessageBytes = 4 * uint64_t{kMaxEventBytesCeiling};

// The least it may be set to.
constexpr size_t kMinEventBytes = 1 << 10;

// OK when `bytes` is within [kMinEventBytes, kMaxEventBytesCeiling]; else InvalidArgument
// naming the flag and the bounds.
Status CheckMaxEventBytes(size_t bytes);

}  // namespace nanni
