#include "import/memory_source.h"

#include <fmt/format.h>

namespace nanni {

Status MemorySource::Next(Event* event, bool* done) {
  if (next_ >= events_.size()) {
    *done = true;
    return Status::OK();
  }
  *event = std::move(events_[next_++]);
  *done = false;
  return Status::OK();
}

std::string MemorySource::DescribePosition(uint64_t position) const {
  return fmt::format("{}: event {}", name_, position);
}

}  // namespace nanni
