#include "import/mail/mbox_reader.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

namespace nanni {

namespace {
constexpr size_t kChunk = 1 << 20;
constexpr size_t kMaxPiece = 1 << 20;
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

bool MboxReader::NextPiece(std::string_view* piece, bool* ends_line) {
  for (;;) {
    const char* nl = static_cast<const char*>(
        begin_ < end_ ? std::memchr(buffer_.data() + begin_, '\n', end_ - begin_) : nullptr);
    size_t len = nl ? nl - (buffer_.data() + begin_) + 1 : end_ - begin_;
    *ends_line = nl != nullptr || eof_;
    if (nl || (eof_ && len > 0) || len >= kMaxPiece) {
      *piece = std::string_view(buffer_.data() + begin_, len);
      begin_ += len;
      consumed_ += len;
      if (*ends_line) ++line_number_;
      return true;
    }
    if (eof_) return false;
    // Move the partial line to the front and read more.
    if (begin_ > 0) std::memmove(buffer_.data(), buffer_.data() + begin_, len);
    begin_ = 0;
    end_ = len;
    if (buffer_.size() < len + kChunk) buffer_.resize(len + kChunk);
    size_t n = std::fread(buffer_.data() + end_, 1, buffer_.size() - end_, file_);
    end_ += n;
    if (n == 0) eof_ = true;
  }
}

void MboxReader::AppendBody(std::string_view piece, bool starts_line, std::string* raw) {
  if (starts_line && !piece.empty() && piece[0] == '>') {
    size_t gt = piece.find_first_not_of('>');
    if (gt != std::string_view::npos && piece.substr(gt, 5) == "From ") {
      if (gt >= 2) saw_mboxrd_escape_ = true;
      if (mboxrd_ || gt == 1) piece.remove_prefix(1);
    }
  }
  if (blank_ && piece.find_first_not_of(" \t\r\n") != std::string_view::npos) blank_ = false;
  message_bytes_ += piece.size();
  if (raw->size() < keep_bytes_) raw->append(piece.substr(0, keep_bytes_ - raw->size()));
}

Status MboxReader::Next(std::string* raw, uint64_t* line, bool* done) {
  raw->clear();
  message_bytes_ = 0;
  blank_ = true;
  *done = false;
  bool in_message = pending_separator_;
  *line = pending_separator_ ? pending_line_ : 1;
  pending_separator_ = false;
  bool previous_blank = !started_;
  bool any_text = false;
  bool starts_line = true;  // the next piece starts a line
  std::string_view piece;
  bool ends_line = false;
  for (; NextPiece(&piece, &ends_line); starts_line = ends_line) {
    if (!starts_line) {  // the rest of a long line
      AppendBody(piece, false, raw);
      continue;
    }
    std::string_view bare = piece;
    if (!bare.empty() && bare.back() == '\n') bare.remove_suffix(1);
    if (!bare.empty() && bare.back() == '\r') bare.remove_suffix(1);
    if (ends_line && previous_blank && IsMboxSeparator(bare)) {
      started_ = true;
      if (in_message || any_text) {
        pending_separator_ = true;
        pending_line_ = line_number_;
        DropFinalBlankLine(raw);
        return Status::OK();
      }
      in_message = true;
      *line = line_number_;
      continue;
    }
    started_ = true;
    previous_blank = ends_line && bare.empty();
    last_blank_bytes_ = previous_blank ? piece.size() : 0;
    if (!bare.empty()) any_text = true;
    AppendBody(piece, true, raw);
  }
  if (!in_message && !any_text) *done = true;
  return Status::OK();
}

// The blank line before a separator ends the previous message and is not part of it.
void MboxReader::DropFinalBlankLine(std::string* raw) {
  if (!whole()) {  // *raw is cut: its end is not the message's
    message_bytes_ -= last_blank_bytes_;
    return;
  }
  size_t blank = 0;
  if (raw->size() >= 2 && raw->compare(raw->size() - 2, 2, "\n\n") == 0) {
    blank = 1;
  } else if (raw->size() >= 4 && raw->compare(raw->size() - 4, 4, "\r\n\r\n") == 0) {
    blank = 2;
  }
  raw->resize(raw->size() - blank);
  message_bytes_ -= blank;
}

}  // namespace nanni
