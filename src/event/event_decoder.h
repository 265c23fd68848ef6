// EventDecoder: reads one event in the native NDJSON format (docs/events.md) and validates it
// against its kind's schema.
//
// Hostile input is expected: any byte sequence either decodes to a valid Event or yields
// InvalidInput whose message names the field ("field 'time': ..."). The caller adds the file
// and line. Not thread-safe; keep one decoder per thread (it reuses its parser's buffers).
#pragma once

#include <memory>
#include <string_view>

#include "event/event.h"
#include "util/status.h"

namespace nanni {

class EventDecoder {
 public:
  // Largest event accepted, in bytes of JSON. Larger lines are refused before parsing.
  static constexpr size_t kDefaultMaxEventBytes = 4 << 20;

  explicit EventDecoder(size_t max_event_bytes = kDefaultMaxEventBytes);
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
