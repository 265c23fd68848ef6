// LineReader: streams a file (or standard input) line by line in constant memory.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "util/status.h"

namespace nanni {

class LineReader {
 public:
  // Opens `path` ("-" is standard input). Lines longer than `max_line_bytes` are an error.
  // NotFound when it does not exist.
  static Status Open(const std::string& path, size_t max_line_bytes,
                     std::unique_ptr<LineReader>* out);
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // Reads the next line into *line (without "\n" or "\r\n"; a UTF-8 byte-order mark at the
  // start of the file is dropped). The view is valid until the next call. *eof is set at the
  // end of the file, with no line. A last line without a newline is returned as a line.
  // A line longer than the limit is InvalidInput (line_number() is its number); the next
  // call goes on after it, without buffering the rest of it.
  Status Next(std::string_view* line, bool* eof);

  uint64_t line_number() const { return line_number_; }  // of the line last returned
  uint64_t bytes_read() const { return bytes_read_; }
  uint64_t size() const { return size_; }  // 0 when unknown (a pipe)

 private:
  LineReader(std::FILE* file, bool owned, size_t max_line_bytes, uint64_t size);
  bool Refill();
  bool SkipRestOfLine();  // false at the end of the file

  std::FILE* file_;
  bool owned_;
  size_t max_line_bytes_;
  uint64_t size_;
  std::string buffer_;
  size_t begin_ = 0, end_ = 0;
  std::string long_line_;  // a line that spans buffer refills
  uint64_t line_number_ = 0;
  uint64_t bytes_read_ = 0;
  bool eof_ = false;
  bool skip_ = false;  // the line last refused was over the limit: skip its rest first
};

}  // namespace nanni
