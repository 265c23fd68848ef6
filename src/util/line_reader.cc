#include "util/line_reader.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>

#include "util/input_file.h"

namespace nanni {

namespace {
constexpr size_t kBufferBytes = 1 << 20;
}

Status LineReader::Open(const std::string& path, size_t max_line_bytes,
                        std::unique_ptr<LineReader>* out) {
  InputFile in;
  NANNI_RETURN_IF_ERROR(OpenInputFile(path, &in));
  out->reset(new LineReader(in.file, in.owned, max_line_bytes, in.size));
  return Status::OK();
}

LineReader::LineReader(std::FILE* file, bool owned, size_t max_line_bytes, uint64_t size)
    : file_(file), owned_(owned), max_line_bytes_(max_line_bytes), size_(size),
      buffer_(kBufferBytes, '\0') {}

LineReader::~LineReader() {
  if (owned_) std::fclose(file_);
}

bool LineReader::Refill() {
  if (eof_) return false;
  size_t n = std::fread(buffer_.data(), 1, buffer_.size(), file_);
  begin_ = 0;
  end_ = n;
  if (n == 0) eof_ = true;
  return n > 0;
}

bool LineReader::SkipRestOfLine() {
  for (;;) {
    if (begin_ == end_ && !Refill()) return false;
    const char* start = buffer_.data() + begin_;
    const void* nl = std::memchr(start, '\n', end_ - begin_);
    size_t take = nl ? static_cast<const char*>(nl) - start + 1 : end_ - begin_;
    bytes_read_ += take;
    begin_ += take;
    if (nl) return true;
  }
}

Status LineReader::Next(std::string_view* line, bool* eof) {
  long_line_.clear();
  if (skip_) {  // the rest of a line that was over the limit
    skip_ = false;
    SkipRestOfLine();
  }
  bool spanning = false;
  for (;;) {
    if (begin_ == end_ && !Refill()) {
      if (std::ferror(file_)) return Status::IOError(fmt::format("read failed: {}", std::strerror(errno)));
      if (!spanning) {
        *eof = true;
        return Status::OK();
      }
      break;  // last line without a newline
    }
    const char* start = buffer_.data() + begin_;
    const void* nl = std::memchr(start, '\n', end_ - begin_);
    size_t take = nl ? static_cast<const char*>(nl) - start : end_ - begin_;
    if (long_line_.size() + take > max_line_bytes_) {
      ++line_number_;
      skip_ = true;
      long_line_.clear();
      long_line_.shrink_to_fit();
      return Status::InvalidInput(
          fmt::format("line is longer than the limit of {} bytes", max_line_bytes_));
    }
    bytes_read_ += take + (nl ? 1 : 0);
    if (nl && !spanning) {  // the common case: the whole line is in the buffer
      *line = std::string_view(start, take);
      begin_ += take + 1;
      break;
    }
    long_line_.append(start, take);
    spanning = true;
    begin_ += take + (nl ? 1 : 0);
    if (nl) {
      *line = long_line_;
      break;
    }
  }
  if (spanning) *line = long_line_;
  *eof = false;
  ++line_number_;
  if (line_number_ == 1 && line->substr(0, 3) == "\xEF\xBB\xBF") line->remove_prefix(3);
  if (!line->empty() && line->back() == '\r') line->remove_suffix(1);
  return Status::OK();
}

}  // namespace nanni
