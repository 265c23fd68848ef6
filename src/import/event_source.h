// EventSource: anything an import reads events from (an NDJSON file today; mail archives and
// CSV exports through profiles next). The importer drives sources; a source only reads.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

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

  // Where the event last returned came from, as a number this source can describe later (a
  // line number for line-based files, a message index for archives). Cheap: called for
  // every event.
  virtual uint64_t Position() const = 0;

  // "FILE:LINE" (or the like) for a position this source returned, for messages.
  virtual std::string DescribePosition(uint64_t position) const = 0;

  // For progress: bytes consumed so far and in all (0 when unknown).
  virtual uint64_t bytes_read() const = 0;
  virtual uint64_t total_bytes() const = 0;

  // Things to tell the user after the import: how ambiguous input was read. Each note is one
  // line of text, naming the file. Called once, after the last Next().
  virtual std::vector<std::string> Notes() const { return {}; }
};

}  // namespace nanni
