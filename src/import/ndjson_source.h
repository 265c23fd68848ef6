// NdjsonSource: reads the native format, one event per line (docs/events.md).
//
// Blank lines are skipped. An event that does not say where it came from (no source.file or
// source.ref) gets source.file (the file's base name) and source.line, so every event can be
// traced to where it was read. Strict (the default): the first line that is not a valid
// event stops the import with "FILE:LINE: why". Lenient: such a line (one longer than the
// limit included) goes to the reject sink and reading goes on.
#pragma once

#include <memory>
#include <string>

#include "event/event_decoder.h"
#include "import/event_source.h"
#include "import/import_limits.h"
#include "import/import_reject.h"
#include "util/line_reader.h"

namespace nanni {

class NdjsonSource : public EventSource {
 public:
  struct Options {
    size_t max_event_bytes = kDefaultMaxEventBytes;  // also the longest line read
    bool lenient = false;
    RejectSink on_reject;  // lenient only; may be empty
  };

  // Opens `path` ("-" for standard input, called "<stdin>" in messages).
  static Status Open(const std::string& path, Options options, std::unique_ptr<NdjsonSource>* out);

  Status Next(Event* event, bool* done) override;
  uint64_t Position() const override { return reader_->line_number(); }
  std::string DescribePosition(uint64_t line) const override;
  SourceLocation Locate(uint64_t line) const override { return {name_, line}; }
  uint64_t bytes_read() const override { return reader_->bytes_read(); }
  uint64_t total_bytes() const override { return reader_->size(); }
  uint64_t units_read() const override { return reader_->line_number(); }
  std::string_view unit_name() const override { return "lines"; }

 private:
  NdjsonSource(std::string name, std::unique_ptr<LineReader> reader, Options options)
      : name_(std::move(name)), reader_(std::move(reader)), options_(std::move(options)),
        decoder_(options_.max_event_bytes) {}

  // Strict: the error located. Lenient: reports the line and returns OK.
  Status Refuse(const Status& why, std::string_view line);

  std::string name_;
  std::unique_ptr<LineReader> reader_;
  Options options_;
  EventDecoder decoder_;
};

}  // namespace nanni
