#include "import/mail/mbox_reader.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

namespace nanni {

namespace {
constexpr size_t kChunk = 1 << 20;
}

bool IsMboxSeparator(std::string_view line) {
  return line.size() > 5 && line.substr(0, 5) == "From " &&
         line.find(':') != std::string_view::npos;
}

Status MboxReader::Open(const std::string& path, std::unique_ptr<MboxReader>* out) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    if (errno == ENOENT) return Status::NotFound(path + ": no such file");
    return Status::IOError(path + ": " + std::strerror(errno));
  }
  struct stat st;
  uint64_t size = fstat(fileno(f), &st) == 0 ? static_cast<uint64_t>(st.st_size) : 0;
  out->reset(new MboxReader(f, size));
  return Status::OK();
}

MboxReader::~MboxReader() { std::fclose(file_); }

bool MboxReader::NextLine(std::string_view* line) {
  for (;;) {
    const char* nl = static_cast<const char*>(
        begin_ < end_ ? std::memchr(buffer_.data() + begin_, '\n', end_ - begin_) : nullptr);
    if (nl) {
      size_t len = nl - (buffer_.data() + begin_) + 1;
      *line = std::string_view(buffer_.data() + begin_, len);
      begin_ += len;
      consumed_ += len;
      ++line_number_;
      return true;
    }
    if (eof_) {
      if (begin_ == end_) return false;
      *line = std::string_view(buffer_.data() + begin_, end_ - begin_);
      consumed_ += end_ - begin_;
      begin_ = end_;
      ++line_number_;
      return true;
    }
    // Move the partial line to the front and read more (the buffer grows for long lines).
    size_t keep = end_ - begin_;
    if (begin_ > 0) std::memmove(buffer_.data(), buffer_.data() + begin_, keep);
    begin_ = 0;
    end_ = keep;
    if (buffer_.size() < keep + kChunk) buffer_.resize(keep + kChunk);
    size_t n = std::fread(buffer_.data() + end_, 1, buffer_.size() - end_, file_);
    end_ += n;
    if (n == 0) eof_ = true;
  }
}

void MboxReader::AppendBodyLine(std::string_view line, std::string* raw) {
  if (!line.empty() && line[0] == '>') {
    size_t gt = line.find_first_not_of('>');
    if (gt != std::string_view::npos && line.substr(gt, 5) == "From ") {
      if (gt >= 2) saw_mboxrd_escape_ = true;
      if (mboxrd_ || gt == 1) line.remove_prefix(1);
    }
  }
  raw->append(line);
}

Status MboxReader::Next(std::string* raw, uint64_t* line, bool* done) {
  raw->clear();
  *done = false;
  bool in_message = pending_separator_;
  *line = pending_separator_ ? pending_line_ : 1;
  pending_separator_ = false;
  bool previous_blank = !started_;
  bool any_text = false;
  std::string_view l;
  while (NextLine(&l)) {
    std::string_view bare = l;
    if (!bare.empty() && bare.back() == '\n') bare.remove_suffix(1);
    if (!bare.empty() && bare.back() == '\r') bare.remove_suffix(1);
    if (previous_blank && IsMboxSeparator(bare)) {
      started_ = true;
      if (in_message || any_text) {
        pending_separator_ = true;
        pending_line_ = line_number_;
        // Drop the blank line that ends the previous message.
        if (raw->size() >= 2 && raw->compare(raw->size() - 2, 2, "\n\n") == 0) {
          raw->pop_back();
        } else if (raw->size() >= 4 && raw->compare(raw->size() - 4, 4, "\r\n\r\n") == 0) {
          raw->resize(raw->size() - 2);
        }
        return Status::OK();
      }
      in_message = true;
      *line = line_number_;
      continue;
    }
    started_ = true;
    previous_blank = bare.empty();
    if (!bare.empty()) any_text = true;
    AppendBodyLine(l, raw);
  }
  if (!in_message && !any_text) *done = true;
  return Status::OK();
}

}  // namespace nanni
