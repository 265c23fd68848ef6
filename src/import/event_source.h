// EventSource: anything an import reads events from (an NDJSON file today; mail archives and
// CSV exports through profiles next). The importer drives sources; a source only reads.
#pragma once

#include <cstdint>
#include <string>

#include "event/event.h"
#include "util/status.h"

namespace nanni {

class EventSource {
 public:
  virtual ~EventSource() = default;

  // Reads the next event into *event. At the end sets *done and leaves *event alone.
  // Bad input returns InvalidInput whose message starts with the location
  // ("FILE:LINE: field 'time': ..."); the importer then stops (all-or-nothing).
  virtual Status Next(Event* event, bool* done) = 0;

  // Where the event last returned came from, "FILE:LINE", for messages about it.
  virtual std::string Location() const = 0;

  // For progress: bytes consumed so far and in all (0 when unknown).
  virtual uint64_t bytes_read() const = 0;
  virtual uint64_t total_bytes() const = 0;
};

}  // namespace nanni
