#include "import/import_limits.h"

#include <fmt/format.h>

namespace nanni {

Status CheckMaxEventBytes(size_t bytes) {
  if (bytes >= kMinEventBytes && bytes <= kMaxEventBytesCeiling) return Status::OK();
  return Status::InvalidArgument(fmt::format(
      "--max-event-bytes: {} is outside {}..{} ({} KiB to {} MiB)", bytes, kMinEventBytes,
      kMaxEventBytesCeiling, kMinEventBytes >> 10, kMaxEventBytesCeiling >> 20));
}

}  // namespace nanni
