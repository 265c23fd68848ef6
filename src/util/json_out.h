// JsonOut: a small streaming JSON writer (compact output, commas handled for the caller).
// Strings are escaped exactly as AppendJsonString (event/canonical.h) does: any bytes are safe
// to pass. Output collects in a fixed buffer and goes, each time the buffer fills and at
// Take() or Flush(), either into a string (Take) or to a sink given at construction (for
// reports of many megabytes, which then never sit whole in memory).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "util/time.h"

namespace nanni {

class JsonOut {
 public:
  // Receives the output in order, in pieces of up to about 256 KiB.
  using Sink = std::function<void(std::string_view)>;

  JsonOut();                     // output is returned by Take()
  explicit JsonOut(Sink sink);   // output goes to `sink`; call Flush() at the end
  JsonOut(const JsonOut&) = delete;
  JsonOut& operator=(const JsonOut&) = delete;

  JsonOut& BeginObject();
  JsonOut& EndObject();
  JsonOut& BeginArray();
  JsonOut& EndArray();
  JsonOut& Key(std::string_view key);  // escaped like any string
  // A key given as a literal is copied as it is: it must need no escaping (plain ASCII names,
  // as every key the renderers write).
  template <size_t N>
  JsonOut& Key(const char (&key)[N]) {
    return PlainKey(key, N - 1);
  }
  JsonOut& String(std::string_view value);
  JsonOut& Int(int64_t value);
  // A number written with `decimals` digits after the point (1.250); NaN and infinities,
  // which JSON cannot hold, as null.
  JsonOut& Fixed(double value, int decimals);
  JsonOut& Bool(bool value);
  JsonOut& Null();
  JsonOut& Time(const Timestamp& t);  // RFC 3339 in the source's offset
  JsonOut& OptTime(const std::optional<Timestamp>& t);
  // Bytes written as they are, outside any value (e.g. a final newline).
  JsonOut& Raw(std::string_view bytes);
  // A value that is already JSON (a stored event's canonical body), written as it is; the
  // caller vouches for it.
  JsonOut& RawValue(std::string_view json);

  // Shorthands for a literal key (see Key) and its value.
  template <size_t N>
  JsonOut& Field(const char (&key)[N], std::string_view value) { return Key(key).String(value); }
  template <size_t N>
  JsonOut& Field(const char (&key)[N], const char* value) { return Key(key).String(value); }
  template <size_t N>
  JsonOut& Field(const char (&key)[N], const std::string& value) { return Key(key).String(value); }
  template <size_t N>
  JsonOut& Field(const char (&key)[N], int64_t value) { return Key(key).Int(value); }
  template <size_t N>
  JsonOut& Field(const char (&key)[N], uint64_t value) { return Key(key).Int(static_cast<int64_t>(value)); }
  template <size_t N>
  JsonOut& Field(const char (&key)[N], int value) { return Key(key).Int(value); }
  template <size_t N>
  JsonOut& Field(const char (&key)[N], bool value) { return Key(key).Bool(value); }

  // Without a sink: the expected size of the whole output (spares regrowing the result).
  void Reserve(size_t bytes) { text_.reserve(bytes); }
  // Without a sink: everything written so far (and clears it).
  std::string Take();
  // With a sink: passes on what the buffer still holds.
  void Flush();

 private:
  static constexpr size_t kBufferBytes = 256 << 10;

  // Makes room for `bytes` (at most kBufferBytes) at pos_.
  void Room(size_t bytes) {
    if (static_cast<size_t>(end_ - pos_) < bytes) Drain();
  }
  void Drain();
  // A comma first when a value already precedes in the current container.
  void Comma() {
    if (need_comma_) *pos_++ = ',';
  }
  void Quoted(std::string_view value);  // comma if due, then the string quoted and escaped
  JsonOut& PlainKey(const char* key, size_t size) {
    Room(size + 4);
    Comma();
    *pos_++ = '"';
    std::memcpy(pos_, key, size);
    pos_ += size;
    *pos_++ = '"';
    *pos_++ = ':';
    need_comma_ = false;
    return *this;
  }
  JsonOut& Literal(std::string_view value);  // true, false, null

  Sink sink_;
  std::string text_;  // output drained so far, when there is no sink
  std::unique_ptr<char[]> buffer_;
  char* pos_;
  char* end_;
  bool need_comma_ = false;
};

}  // namespace nanni
