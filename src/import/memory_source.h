// MemorySource: an EventSource over events already built in memory (the events a command
// makes itself, such as `nanni contract add`'s), named as one file of as many "events".
#pragma once

#include <string>
#include <vector>

#include "import/event_source.h"

namespace nanni {

class MemorySource : public EventSource {
 public:
  // `name` stands for the file in messages and reject records.
  MemorySource(std::string name, std::vector<Event> events) : name_(std::move(name)), events_(std::move(events)) {}

  Status Next(Event* event, bool* done) override;
  uint64_t Position() const override { return next_; }
  std::string DescribePosition(uint64_t position) const override;
  SourceLocation Locate(uint64_t position) const override { return SourceLocation{name_, position}; }
  uint64_t bytes_read() const override { return 0; }
  uint64_t total_bytes() const override { return 0; }
  uint64_t units_read() const override { return next_; }
  std::string_view unit_name() const override { return "events"; }

 private:
  std::string name_;
  std::vector<Event> events_;
  size_t next_ = 0;  // events handed out; the last one's position (1-based)
};

}  // namespace nanni
