// CsvReader: streams records out of a CSV file in constant memory (RFC 4180 and what real
// exports do instead).
//
// - Fields are separated by the dialect's delimiter; a field that starts with the quote
//   character is quoted: it may hold delimiters and line breaks, and "" stands for one quote.
// - A record ends at "\n", "\r\n" or a lone "\r" outside quotes. Each of these counts as one
//   physical line, so line numbers match what editors and Python's csv module show.
// - A UTF-8 byte-order mark at the start is dropped. Empty lines are skipped.
// - A quote inside an unquoted field is kept as a literal character.
// - Malformed records are returned, not refused: CsvRecord::error says what is wrong
//   ("unterminated quoted field", "text after a closing quote"), so a strict caller stops and
//   a lenient one skips the record and goes on. Only I/O failures, a record longer than
//   max_record_bytes, and a file whose first bytes say it is not 8-bit text (UTF-16 or
//   UTF-32, by byte-order mark or NUL bytes; gzip; a spreadsheet: CheckNotCsv) end the
//   stream with an error Status.
//
// Speed: one large buffer; fields are string_views into it (a quoted field holding "" is
// unescaped into a scratch buffer reserved per record, so views never move). Views are valid
// until the next call to Next(). Memory is the buffer, at most max_record_bytes.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "util/status.h"

namespace nanni {

struct CsvDialect {
  char delimiter = ',';
  char quote = '"';  // '\0': no quoting at all
};

struct CsvRecord {
  std::vector<std::string_view> fields;
  std::string_view raw;   // the record as written, without its line end
  uint64_t line = 0;      // physical line the record starts on (1-based)
  uint64_t end_line = 0;  // physical line it ends on
  std::string error;      // empty when well-formed
};

class CsvReader {
 public:
  static constexpr size_t kDefaultBufferBytes = 1 << 20;
  static constexpr size_t kDefaultMaxRecordBytes = 64 << 20;

  // Opens `path` ("-" is standard input). NotFound when it does not exist.
  static Status Open(const std::string& path, const CsvDialect& dialect,
                     std::unique_ptr<CsvReader>* out,
                     size_t buffer_bytes = kDefaultBufferBytes,
                     size_t max_record_bytes = kDefaultMaxRecordBytes);
  // Reads from `file` (not closed; the caller owns it). For tests and fuzzing.
  static std::unique_ptr<CsvReader> FromFile(std::FILE* file, const CsvDialect& dialect,
                                             size_t buffer_bytes = kDefaultBufferBytes,
                                             size_t max_record_bytes = kDefaultMaxRecordBytes);
  // Reads from memory, which must outlive the reader. For tests and fuzzing.
  static std::unique_ptr<CsvReader> FromString(std::string_view data, const CsvDialect& dialect,
                                               size_t buffer_bytes = kDefaultBufferBytes,
                                               size_t max_record_bytes = kDefaultMaxRecordBytes);
  ~CsvReader();
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  // Reads the next record into *record. At the end sets *done and leaves *record alone.
  Status Next(CsvRecord* record, bool* done);

  uint64_t bytes_read() const { return bytes_consumed_; }

  // Bytes at the start of a file that CheckNotCsv looks at.
  static constexpr size_t kSniffBytes = 4;
  // InvalidInput "the file looks like UTF-16 (little-endian); nanni reads UTF-8: convert it
  // first, e.g. `iconv ...`" when `head` (the first kSniffBytes of the file, or all of a
  // shorter one) is not text nanni reads; `name` is the file's path for the command ("" or
  // "-": none known). The caller adds the file in front.
  static Status CheckNotCsv(std::string_view head, const std::string& name);
  uint64_t size() const { return size_; }  // 0 when unknown

 private:
  CsvReader(std::FILE* file, bool owned, std::string_view memory, const CsvDialect& dialect,
            size_t buffer_bytes, size_t max_record_bytes, uint64_t size);
  // Moves the unread bytes to the front, grows the buffer if it is full, reads more.
  // Returns false at the end of input.
  Status Refill(bool* got_more);
  // Parses one record starting at begin_; *need_more when the buffer ends inside it.
  void Parse(CsvRecord* record, bool* need_more, size_t* record_end, size_t* next_begin);

  std::FILE* file_;
  bool owned_;
  std::string_view memory_;  // when reading from memory
  CsvDialect dialect_;
  size_t max_record_bytes_;
  uint64_t size_;
  std::string buffer_;
  size_t begin_ = 0, end_ = 0;
  bool eof_ = false;
  bool at_start_ = true;
  std::string scratch_;
  uint64_t line_ = 1;  // physical line at begin_
  uint64_t bytes_consumed_ = 0;
  std::string name_;  // the path given to Open, for messages
};

}  // namespace nanni
