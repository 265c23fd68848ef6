// CsvSource: reads a CSV export through a Profile as an EventSource, so the importer's
// all-or-nothing, idempotent import drives it like any other source.
//
// Strict (the default): the first row that cannot be read or mapped stops the import with
// "FILE:LINE: why". Lenient: such a row is handed to the reject sink (file, line, reason, the
// row as written) and reading goes on; the caller decides where rejects go.
//
// A profile with [[lookup]] tables is read twice: a first streaming pass fills the tables,
// the second maps the rows. Memory is the reader's buffer plus the lookup tables (bounded by
// the profile's max_lookup_entries); nothing else grows with the file. Standard input cannot
// be read twice, so such profiles need a file.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "import/csv/csv_reader.h"
#include "import/csv/profile_mapper.h"
#include "import/event_source.h"
#include "import/import_reject.h"

namespace nanni {

class CsvSource : public EventSource {
 public:
  struct Options {
    bool lenient = false;
    RejectSink on_reject;  // lenient only; may be empty
    size_t buffer_bytes = CsvReader::kDefaultBufferBytes;
  };

  // Opens `path` ("-": standard input) and reads its header. Errors name the file (and the
  // profile key for a column the file lacks).
  static Status Open(const std::string& path, Profile profile, Options options,
                     std::unique_ptr<CsvSource>* out);

  Status Next(Event* event, bool* done) override;
  uint64_t Position() const override { return line_; }
  std::string DescribePosition(uint64_t line) const override;
  SourceLocation Locate(uint64_t line) const override { return {name_, line}; }
  uint64_t bytes_read() const override { return reader_->bytes_read(); }
  uint64_t total_bytes() const override { return reader_->size(); }
  uint64_t units_read() const override { return rows_; }
  std::string_view unit_name() const override { return "rows"; }
  // "FILE: " and each of the mapper's notes (ProfileMapper::Notes).
  std::vector<std::string> Notes() const override;

  uint64_t rejected() const { return rejected_; }

 private:
  CsvSource(std::string name, std::unique_ptr<CsvReader> reader,
            std::unique_ptr<ProfileMapper> mapper, Options options)
      : name_(std::move(name)), reader_(std::move(reader)), mapper_(std::move(mapper)),
        options_(std::move(options)) {}

  std::string name_;
  std::unique_ptr<CsvReader> reader_;
  std::unique_ptr<ProfileMapper> mapper_;
  Options options_;
  CsvRecord record_;
  std::vector<Event> pending_;
  size_t next_pending_ = 0;
  uint64_t line_ = 0;
  uint64_t rejected_ = 0;
  uint64_t rows_ = 0;  // data rows read (the header is not one)
};

}  // namespace nanni
