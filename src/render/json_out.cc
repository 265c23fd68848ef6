#include "render/json_out.h"

#include <fmt/format.h>

#include <cstring>

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
  String(key);  // the same fast, exact escaping as values
  out_ += ':';
  after_key_ = true;
  return *this;
}
namespace {

// True when one of the 8 bytes of `w` is below 0x20, '"' or '\\' (exact for existence:
// the classic "has a byte less than n" and "has a zero byte" bit tricks).
inline bool MayNeedEscape(uint64_t w) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;
  auto has_zero = [&](uint64_t v) { return (v - kOnes) & ~v & kHighs; };
  uint64_t below_space = (w - kOnes * 0x20) & ~w & kHighs;
  return (below_space | has_zero(w ^ (kOnes * 0x22)) | has_zero(w ^ (kOnes * 0x5c))) != 0;
}

}  // namespace

JsonOut& JsonOut::String(std::string_view value) {
  Comma();
  // Reports are mostly plain text: 8-byte runs that need no escape are copied as they are;
  // any other byte is escaped exactly as AppendJsonString does (event/canonical.h).
  static const char kHex[] = "0123456789abcdef";
  out_ += '"';
  size_t i = 0, run = 0;
  const size_t n = value.size();
  while (i < n) {
    if (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, value.data() + i, 8);
      if (!MayNeedEscape(w)) {
        i += 8;
        continue;
      }
    }
    unsigned char c = static_cast<unsigned char>(value[i]);
    if (c >= 0x20 && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    out_.append(value.data() + run, i - run);
    switch (c) {
      case '"': out_ += "\\\""; break;
      case '\\': out_ += "\\\\"; break;
      case '\b': out_ += "\\b"; break;
      case '\f': out_ += "\\f"; break;
      case '\n': out_ += "\\n"; break;
      case '\r': out_ += "\\r"; break;
      case '\t': out_ += "\\t"; break;
      default:
        out_ += "\\u00";
        out_ += kHex[c >> 4];
        out_ += kHex[c & 0xf];
    }
    run = ++i;
  }
  out_.append(value.data() + run, n - run);
  out_ += '"';
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
JsonOut& JsonOut::Time(const Timestamp& t) {
  char buf[kRfc3339MaxBytes];
  return String(std::string_view(buf, FormatRfc3339(t, buf)));
}
JsonOut& JsonOut::OptTime(const std::optional<Timestamp>& t) { return t ? Time(*t) : Null(); }

}  // namespace nanni
