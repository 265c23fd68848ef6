// NdjsonSource: reads the native format, one event per line (docs/events.md).
//
// Blank lines are skipped. An event that does not say where it came from (no source.file or
// source.ref) gets source.file (the file's base name) and source.line, so every event can be
// traced to where it was read.
#pragma once

#include <memory>
#include <string>

#include "event/event_decoder.h"
#include "import/event_source.h"
#include "util/line_reader.h"

namespace nanni {

class NdjsonSource : public EventSource {
 public:
  // Opens `path` ("-" for standard input, called "<stdin>" in messages).
  static Status Open(const std::string& path, size_t max_event_bytes,
                     std::unique_ptr<NdjsonSource>* out);

  Status Next(Event* event, bool* done) override;
  uint64_t Position() const override { return reader_->line_number(); }
  std::string DescribePosition(uint64_t line) const override;
  uint64_t bytes_read() const override { return reader_->bytes_read(); }
  uint64_t total_bytes() const override { return reader_->size(); }

 private:
  NdjsonSource(std::string name, std::unique_ptr<LineReader> reader, size_t max_event_bytes)
      : name_(std::move(name)), reader_(std::move(reader)), decoder_(max_event_bytes) {}

  std::string name_;
  std::unique_ptr<LineReader> reader_;
  EventDecoder decoder_;
};

}  // namespace nanni
