#include "import/csv/csv_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>

#include "util/input_file.h"
#include "util/printable.h"

namespace nanni {

namespace {

// Line breaks in [p, p+n): "\n", "\r\n" and a lone "\r" each count once.
uint64_t CountBreaks(const char* p, size_t n) {
  uint64_t count = 0;
  for (size_t i = 0; i < n; ++i) {
    if (p[i] == '\n') {
      ++count;
    } else if (p[i] == '\r' && (i + 1 == n || p[i + 1] != '\n')) {
      ++count;
    }
  }
  return count;
}

struct Span {
  size_t begin, end;
  bool escaped;  // holds "" that must be unescaped
};

// What the first bytes of a file say it is, when that is not CSV text nanni can read.
struct Signature {
  std::string_view bytes;
  std::string_view what;
  std::string_view advice;  // {in}: the file; {out}, {unzipped}: names for a converted copy
};
using namespace std::string_view_literals;
constexpr Signature kSignatures[] = {
    {"\xFF\xFE\0\0"sv, "UTF-32 (little-endian)",
     "nanni reads UTF-8: convert it first, e.g. `iconv -f UTF-32 -t UTF-8 {in} > {out}`"},
    {"\0\0\xFE\xFF"sv, "UTF-32 (big-endian)",
     "nanni reads UTF-8: convert it first, e.g. `iconv -f UTF-32 -t UTF-8 {in} > {out}`"},
    {"\xFF\xFE"sv, "UTF-16 (little-endian)",
     "nanni reads UTF-8: convert it first, e.g. `iconv -f UTF-16 -t UTF-8 {in} > {out}`"},
    {"\xFE\xFF"sv, "UTF-16 (big-endian)",
     "nanni reads UTF-8: convert it first, e.g. `iconv -f UTF-16 -t UTF-8 {in} > {out}`"},
    {"\x1F\x8B"sv, "gzip-compressed data",
     "decompress it first, e.g. `gzip -dc {in} > {unzipped}`"},
    {"PK\x03\x04"sv, "a ZIP archive (an Excel .xlsx workbook?)",
     "nanni reads CSV: save the sheet as CSV (UTF-8) first"},
    {"\xD0\xCF\x11\xE0"sv, "an Excel .xls workbook",
     "nanni reads CSV: save the sheet as CSV (UTF-8) first"},
};

// `path` quoted for a shell command line when it needs it.
std::string ShellWord(std::string_view path) {
  std::string shown = Printable(path, 200);
  bool plain = !shown.empty() && std::all_of(shown.begin(), shown.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || std::strchr("._-/+,:@", c) != nullptr;
  });
  if (plain) return shown;
  std::string quoted = "'";
  for (char c : shown) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

// "export.csv" -> "export.utf8.csv": where a converted copy could go.
std::string ConvertedName(std::string_view path) {
  std::string base(path);
  if (base.ends_with(".csv") || base.ends_with(".CSV")) base.resize(base.size() - 4);
  return base + ".utf8.csv";
}

// "calls.csv.gz" -> "calls.csv"; "calls" -> "calls.csv".
std::string UnzippedName(std::string_view path) {
  std::string base(path);
  if (base.ends_with(".gz")) base.resize(base.size() - 3);
  return base.ends_with(".csv") && base.size() > 4 ? base : base + ".csv";
}

}  // namespace

Status CsvReader::CheckNotCsv(std::string_view head, const std::string& name) {
  const Signature* found = nullptr;
  for (const Signature& s : kSignatures) {
    if (head.substr(0, s.bytes.size()) == s.bytes) { found = &s; break; }
  }
  // UTF-16 without a byte-order mark: the first two characters, each a byte and a NUL.
  static constexpr Signature kLe = {"", "UTF-16 (little-endian, without a byte-order mark)",
                                    "nanni reads UTF-8: convert it first, e.g. "
                                    "`iconv -f UTF-16LE -t UTF-8 {in} > {out}`"};
  static constexpr Signature kBe = {"", "UTF-16 (big-endian, without a byte-order mark)",
                                    "nanni reads UTF-8: convert it first, e.g. "
                                    "`iconv -f UTF-16BE -t UTF-8 {in} > {out}`"};
  if (found == nullptr && head.size() == 4) {
    if (head[0] != '\0' && head[1] == '\0' && head[2] != '\0' && head[3] == '\0') found = &kLe;
    if (head[0] == '\0' && head[1] != '\0' && head[2] == '\0' && head[3] != '\0') found = &kBe;
  }
  if (found == nullptr) return Status::OK();
  const bool named = !name.empty() && name != "-";
  std::string advice = fmt::format(
      fmt::runtime(found->advice), fmt::arg("in", named ? ShellWord(name) : "FILE"),
      fmt::arg("out", named ? ShellWord(ConvertedName(name)) : "FILE.utf8.csv"),
      fmt::arg("unzipped", named ? ShellWord(UnzippedName(name)) : "FILE.csv"));
  return Status::InvalidInput(fmt::format("the file looks like {}; {}", found->what, advice));
}

Status CsvReader::Open(const std::string& path, const CsvDialect& dialect,
                       std::unique_ptr<CsvReader>* out, size_t buffer_bytes,
                       size_t max_record_bytes) {
  InputFile in;
  NANNI_RETURN_IF_ERROR(OpenInputFile(path, &in));
  out->reset(new CsvReader(in.file, in.owned, {}, dialect, buffer_bytes, max_record_bytes,
                           in.size));
  (*out)->name_ = path;
  return Status::OK();
}

std::unique_ptr<CsvReader> CsvReader::FromFile(std::FILE* file, const CsvDialect& dialect,
                                               size_t buffer_bytes, size_t max_record_bytes) {
  return std::unique_ptr<CsvReader>(
      new CsvReader(file, false, {}, dialect, buffer_bytes, max_record_bytes, 0));
}

std::unique_ptr<CsvReader> CsvReader::FromString(std::string_view data, const CsvDialect& dialect,
                                                 size_t buffer_bytes, size_t max_record_bytes) {
  return std::unique_ptr<CsvReader>(new CsvReader(nullptr, false, data, dialect, buffer_bytes,
                                                  max_record_bytes, data.size()));
}

CsvReader::CsvReader(std::FILE* file, bool owned, std::string_view memory,
                     const CsvDialect& dialect, size_t buffer_bytes, size_t max_record_bytes,
                     uint64_t size)
    : file_(file), owned_(owned), memory_(memory), dialect_(dialect),
      max_record_bytes_(std::max<size_t>(max_record_bytes, 1)), size_(size),
      buffer_(std::max<size_t>(buffer_bytes, 4), '\0') {}

CsvReader::~CsvReader() {
  if (owned_) std::fclose(file_);
}

Status CsvReader::Refill(bool* got_more) {
  *got_more = false;
  if (eof_) return Status::OK();
  if (begin_ > 0) {
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  if (end_ == buffer_.size()) {  // one record fills the whole buffer: grow it
    if (buffer_.size() >= max_record_bytes_) {
      return Status::InvalidInput(
          fmt::format("line {}: record longer than {} bytes", line_, max_record_bytes_));
    }
    buffer_.resize(std::min(buffer_.size() * 2, max_record_bytes_ + 2));
  }
  size_t want = buffer_.size() - end_;
  size_t n = 0;
  if (file_ != nullptr) {
    n = std::fread(buffer_.data() + end_, 1, want, file_);
    if (n == 0 && std::ferror(file_)) {
      return Status::IOError(fmt::format("read failed: {}", std::strerror(errno)));
    }
  } else {
    n = std::min(want, memory_.size());
    std::memcpy(buffer_.data() + end_, memory_.data(), n);
    memory_.remove_prefix(n);
  }
  if (n == 0) {
    eof_ = true;
  } else {
    end_ += n;
    *got_more = true;
  }
  return Status::OK();
}

void CsvReader::Parse(CsvRecord* record, bool* need_more, size_t* record_end,
                      size_t* next_begin) {
  static thread_local std::vector<Span> spans;
  spans.clear();
  record->error.clear();
  *need_more = false;
  const char* b = buffer_.data();
  const size_t e = end_;
  const char q = dialect_.quote;
  const char d = dialect_.delimiter;
  uint64_t inner = 0;  // line breaks inside quoted fields
  size_t p = begin_;
  auto stop = [d](char c) { return c == d || c == '\n' || c == '\r'; };
  for (;;) {
    if (q != '\0' && p < e && b[p] == q) {
      size_t start = ++p;
      bool escaped = false;
      bool closed = false;
      while (!closed) {
        const void* f = std::memchr(b + p, q, e - p);
        if (f == nullptr) {
          if (!eof_) { *need_more = true; return; }
          inner += CountBreaks(b + p, e - p);
          spans.push_back({start, e, escaped});
          if (record->error.empty()) record->error = "unterminated quoted field (the file ends inside it)";
          p = e;
          break;
        }
        size_t at = static_cast<const char*>(f) - b;
        if (at + 1 == e && !eof_) { *need_more = true; return; }
        inner += CountBreaks(b + p, at - p);
        if (at + 1 < e && b[at + 1] == q) {
          escaped = true;
          p = at + 2;
          continue;
        }
        spans.push_back({start, at, escaped});
        p = at + 1;
        closed = true;
      }
      if (closed && p < e && !stop(b[p])) {
        if (record->error.empty()) {
          record->error = fmt::format("field {}: text after the closing quote", spans.size());
        }
        while (p < e && !stop(b[p])) ++p;
      }
    } else {
      size_t start = p;
      while (p < e && !stop(b[p])) ++p;
      spans.push_back({start, p, false});
    }
    if (p == e) {
      if (!eof_) { *need_more = true; return; }
      *record_end = e;
      *next_begin = e;
      break;
    }
    if (b[p] == d) {
      ++p;
      continue;
    }
    *record_end = p;
    if (b[p] == '\r' && p + 1 == e && !eof_) { *need_more = true; return; }
    *next_begin = (b[p] == '\r' && p + 1 < e && b[p + 1] == '\n') ? p + 2 : p + 1;
    break;
  }
  // Build the views; unescape "" into scratch_, reserved so that views never move.
  record->fields.clear();
  scratch_.clear();
  scratch_.reserve(*record_end - begin_);
  for (const Span& s : spans) {
    if (!s.escaped) {
      record->fields.emplace_back(b + s.begin, s.end - s.begin);
      continue;
    }
    size_t from = scratch_.size();
    for (size_t i = s.begin; i < s.end; ++i) {
      scratch_.push_back(b[i]);
      if (b[i] == q && i + 1 < s.end && b[i + 1] == q) ++i;
    }
    record->fields.emplace_back(scratch_.data() + from, scratch_.size() - from);
  }
  record->raw = std::string_view(b + begin_, *record_end - begin_);
  record->line = line_;
  record->end_line = line_ + inner;
}

Status CsvReader::Next(CsvRecord* record, bool* done) {
  *done = false;
  for (;;) {
    if (at_start_) {
      bool more = true;
      while (end_ - begin_ < kSniffBytes && more) NANNI_RETURN_IF_ERROR(Refill(&more));
      std::string_view head(buffer_.data() + begin_, std::min(end_ - begin_, kSniffBytes));
      NANNI_RETURN_IF_ERROR(CheckNotCsv(head, name_));
      if (head.substr(0, 3) == "\xEF\xBB\xBF") {
        begin_ += 3;
        bytes_consumed_ += 3;
      }
      at_start_ = false;
    }
    if (begin_ == end_) {
      bool more = false;
      NANNI_RETURN_IF_ERROR(Refill(&more));
      if (!more) {
        *done = true;
        return Status::OK();
      }
    }
    bool need_more = false;
    size_t record_end = 0, next_begin = 0;
    Parse(record, &need_more, &record_end, &next_begin);
    if (need_more) {
      bool more = false;
      NANNI_RETURN_IF_ERROR(Refill(&more));
      if (!more && !eof_) return Status::IOError("read made no progress");
      continue;  // parse the record again from its start with more bytes
    }
    bool blank = record_end == begin_;
    uint64_t breaks = next_begin > record_end ? 1 : 0;
    bytes_consumed_ += next_begin - begin_;
    begin_ = next_begin;
    line_ = record->end_line + breaks;
    if (blank) continue;
    return Status::OK();
  }
}

}  // namespace nanni
