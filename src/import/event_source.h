// EventSource: anything an import reads events from (NDJSON files, mail archives, CSV exports
// through profiles). The importer drives sources; a source only reads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "event/event.h"
#include "util/status.h"

namespace nanni {

// Where a position of a source is, for a reject record.
struct SourceLocation {
  std::string file;   // as given to the import
  uint64_t line = 0;  // 1-based, 0 when the source is not line-based
};

class EventSource {
 public:
  virtual ~EventSource() = default;

  // Reads the next event into *event. At the end sets *done and leaves *event alone.
  // Bad input returns InvalidInput whose message starts with the location
  // ("FILE:LINE: field 'time': ..."); the importer then stops (all-or-nothing). Under
  // `--lenient` a source reports bad units to its RejectSink instead and reads on.
  virtual Status Next(Event* event, bool* done) = 0;

  // Where the event last returned came from, as a number this source can describe later (a
  // line number for line-based files, a message index for archives). Cheap: called for
  // every event. The events of one unit (a CSV row that yields a request and its response)
  // share their position: the importer accepts or rejects a unit whole.
  virtual uint64_t Position() const = 0;

  // "FILE:LINE" (or the like) for a position this source returned, for messages.
  virtual std::string DescribePosition(uint64_t position) const = 0;

  // The file and line of a position this source returned, for reject records.
  virtual SourceLocation Locate(uint64_t position) const = 0;

  // For progress: bytes consumed so far and in all (0 when unknown).
  virtual uint64_t bytes_read() const = 0;
  virtual uint64_t total_bytes() const = 0;

  // For the import summary: how many units (rows, lines, messages) were read so far, and
  // what this source calls them ("rows"). A unit may give several events or none.
  virtual uint64_t units_read() const = 0;
  virtual std::string_view unit_name() const = 0;

  // Things to tell the user after the import: how ambiguous input was read. Each note is one
  // line of text, naming the file. Called once, after the last Next().
  virtual std::vector<std::string> Notes() const { return {}; }
};

}  // namespace nanni
