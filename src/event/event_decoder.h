// EventDecoder: reads one event in the native NDJSON format (docs/events.md) and validates it
// against its kind's schema.
//
// Hostile input is expected: any byte sequence either decodes to a valid Event or yields
// InvalidInput whose message names the field ("field 'time': ..."). The caller adds the file
// and line. Not thread-safe; keep one decoder per thread (it reuses its parser's buffers).
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>

#include "event/event.h"
#include "util/status.h"

namespace nanni {

class EventDecoder {
 public:
  // Events of more than `max_event_bytes` bytes of JSON are refused before parsing. Importers
  // pass their limit (import/import_limits.h); whatever reads the ledger keeps the default, no
  // limit, so that it never refuses what the ledger holds.
  explicit EventDecoder(size_t max_event_bytes = SIZE_MAX);
  ~EventDecoder();
  EventDecoder(const EventDecoder&) = delete;
  EventDecoder& operator=(const EventDecoder&) = delete;

  // Decodes `json` (one JSON object, no trailing newline needed) into *out.
  // On error *out is unspecified.
  Status Decode(std::string_view json, Event* out);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace nanni
