// JsonOut: a small streaming JSON writer (compact output, commas handled for the caller).
// Strings are escaped by AppendJsonString (event/canonical.h): any bytes are safe to pass.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/time.h"

namespace nanni {

class JsonOut {
 public:
  JsonOut& BeginObject();
  JsonOut& EndObject();
  JsonOut& BeginArray();
  JsonOut& EndArray();
  JsonOut& Key(std::string_view key);
  JsonOut& String(std::string_view value);
  JsonOut& Int(int64_t value);
  JsonOut& Bool(bool value);
  JsonOut& Null();
  JsonOut& Time(const Timestamp& t);  // RFC 3339 in the source's offset
  JsonOut& OptTime(const std::optional<Timestamp>& t);

  // Shorthands for a key and its value.
  JsonOut& Field(std::string_view key, std::string_view value) { return Key(key).String(value); }
  JsonOut& Field(std::string_view key, const char* value) { return Key(key).String(value); }
  JsonOut& Field(std::string_view key, const std::string& value) { return Key(key).String(value); }
  JsonOut& Field(std::string_view key, int64_t value) { return Key(key).Int(value); }
  JsonOut& Field(std::string_view key, uint64_t value) { return Key(key).Int(static_cast<int64_t>(value)); }
  JsonOut& Field(std::string_view key, int value) { return Key(key).Int(value); }
  JsonOut& Field(std::string_view key, bool value) { return Key(key).Bool(value); }

  void Reserve(size_t bytes) { out_.reserve(bytes); }
  std::string Take() { return std::move(out_); }

 private:
  void Comma();
  std::string out_;
  std::vector<bool> first_;  // per open container: nothing written in it yet
  bool after_key_ = false;
};

}  // namespace nanni
