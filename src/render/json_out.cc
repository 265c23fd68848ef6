#include "render/json_out.h"

#include <fmt/format.h>

#include "event/canonical.h"

namespace nanni {

void JsonOut::Comma() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_.empty()) {
    if (!first_.back()) out_ += ',';
    first_.back() = false;
  }
}

JsonOut& JsonOut::BeginObject() {
  Comma();
  out_ += '{';
  first_.push_back(true);
  return *this;
}
JsonOut& JsonOut::EndObject() {
  out_ += '}';
  first_.pop_back();
  return *this;
}
JsonOut& JsonOut::BeginArray() {
  Comma();
  out_ += '[';
  first_.push_back(true);
  return *this;
}
JsonOut& JsonOut::EndArray() {
  out_ += ']';
  first_.pop_back();
  return *this;
}
JsonOut& JsonOut::Key(std::string_view key) {
  Comma();
  AppendJsonString(key, &out_);
  out_ += ':';
  after_key_ = true;
  return *this;
}
JsonOut& JsonOut::String(std::string_view value) {
  Comma();
  AppendJsonString(value, &out_);
  return *this;
}
JsonOut& JsonOut::Int(int64_t value) {
  Comma();
  fmt::format_to(std::back_inserter(out_), "{}", value);
  return *this;
}
JsonOut& JsonOut::Bool(bool value) {
  Comma();
  out_ += value ? "true" : "false";
  return *this;
}
JsonOut& JsonOut::Null() {
  Comma();
  out_ += "null";
  return *this;
}
JsonOut& JsonOut::Time(const Timestamp& t) { return String(FormatRfc3339(t)); }
JsonOut& JsonOut::OptTime(const std::optional<Timestamp>& t) { return t ? Time(*t) : Null(); }

}  // namespace nanni
