// MboxReader: streams the messages of an mbox file one at a time, in constant memory.
//
// A message starts at a line beginning with "From " that is the first line of the file or
// follows an empty line, and that holds a ':' (the time of the envelope date): so a body line
// "From here on..." after a paragraph break, in an mbox whose writer did not escape it, does
// not split a message unless it also has a colon. The message runs to the next such line
// (the empty line before it is dropped).
//
// Escaped "From " lines are unescaped by the mbox flavour (set_mboxrd): mboxrd removes one '>'
// from every line matching ">+From "; mboxo removes it only from ">From " (one '>'), because
// mboxo writers never escape ">From ". MailSource finds the flavour in its first pass: an
// mbox holding a ">>From " line is mboxrd.
//
// Memory is bounded whatever the file holds: a line is read in pieces of about 1 MiB (a line
// longer than that is never a separator), and at most keep_bytes of a message are kept.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>

#include "util/status.h"

namespace nanni {

class MboxReader {
 public:
  // NotFound when `path` does not exist.
  static Status Open(const std::string& path, std::unique_ptr<MboxReader>* out);
  ~MboxReader();
  MboxReader(const MboxReader&) = delete;
  MboxReader& operator=(const MboxReader&) = delete;

  void set_mboxrd(bool mboxrd) { mboxrd_ = mboxrd; }
  // At most this many bytes of a message are kept in *raw (the rest is read and counted).
  // Default: all of it. May change between calls of Next().
  void set_keep_bytes(uint64_t keep) { keep_bytes_ = keep; }

  // Reads the next message (without its "From " line, unescaped) into *raw; *line is the
  // 1-based line of its "From " line. Text before the first "From " line (not an mbox, or
  // junk) is returned as a message with *line = 1 when it is not blank. *done at the end.
  // *saw_mboxrd_escape is set (never cleared) once a ">>From " line has been seen. Only the
  // first keep_bytes of the message are kept in *raw.
  Status Next(std::string* raw, uint64_t* line, bool* done);

  // Of the message Next() returned last: its size (what *raw would hold whole), whether
  // *raw holds it whole, and whether it holds only blanks (" \t\r\n").
  uint64_t message_bytes() const { return message_bytes_; }
  bool whole() const { return message_bytes_ <= keep_bytes_; }
  bool blank() const { return blank_; }

  bool saw_mboxrd_escape() const { return saw_mboxrd_escape_; }
  uint64_t bytes_read() const { return consumed_; }
  uint64_t size() const { return size_; }

 private:
  MboxReader(std::FILE* file, uint64_t size) : file_(file), size_(size) {}
  // The next piece of a line as a view into buffer_, valid until the next call: the whole
  // line with its "\n" when it is shorter than kMaxPiece, else pieces of about kMaxPiece;
  // *ends_line says whether the piece ends its line. False at the end of the file.
  bool NextPiece(std::string_view* piece, bool* ends_line);
  // Counts a piece of a message line and appends it (unescaped when it starts the line) to
  // *raw, within keep_bytes_.
  void AppendBody(std::string_view piece, bool starts_line, std::string* raw);
  void DropFinalBlankLine(std::string* raw);

  std::FILE* file_;
  uint64_t size_;
  std::string buffer_;
  size_t begin_ = 0, end_ = 0;
  bool eof_ = false;
  uint64_t consumed_ = 0;
  uint64_t line_number_ = 0;
  bool mboxrd_ = true;
  bool saw_mboxrd_escape_ = false;
  bool pending_separator_ = false;  // the last line read was a separator, not yet returned
  uint64_t pending_line_ = 0;
  bool started_ = false;
  uint64_t keep_bytes_ = UINT64_MAX;
  uint64_t message_bytes_ = 0;
  bool blank_ = true;
  size_t last_blank_bytes_ = 0;  // of the last line read, when it was blank
};

// Whether `line` (without its "\n") is a message separator of an mbox.
bool IsMboxSeparator(std::string_view line);

}  // namespace nanni
