#include "index/index_format.h"

#include <fmt/format.h>

namespace nanni {

Status BlockReader::Short() const {
  return Status::Corruption(fmt::format("analytic index: a block of {} ends early", stream_));
}

Status BlockReader::Get(void* out, size_t size) {
  if (bytes_.size() - pos_ < size) return Short();
  std::memcpy(out, bytes_.data() + pos_, size);
  pos_ += size;
  return Status::OK();
}

Status BlockReader::Header(BlockHeader* header) {
  NANNI_RETURN_IF_ERROR(Get(header, sizeof *header));
  if (std::memcmp(header->magic, "NIXB", 4) != 0) {
    return Status::Corruption(fmt::format("analytic index: a block of {} is not an index block", stream_));
  }
  return Status::OK();
}

Status BlockReader::String(std::string* s) {
  uint32_t size = 0;
  NANNI_RETURN_IF_ERROR(U32(&size));
  if (bytes_.size() - pos_ < size) return Short();
  s->assign(bytes_.data() + pos_, size);
  pos_ += size;
  return Status::OK();
}

Status BlockReader::End() const {
  if (pos_ == bytes_.size()) return Status::OK();
  return Status::Corruption(fmt::format("analytic index: a block of {} has {} bytes too many", stream_,
                                        bytes_.size() - pos_));
}

}  // namespace nanni
