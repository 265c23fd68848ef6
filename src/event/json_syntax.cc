#include "event/json_syntax.h"

#include <fmt/format.h>

#include <cctype>
#include <vector>

#include "util/utf8.h"

namespace nanni {

namespace {

constexpr int kMaxDepth = 64;

class Checker {
 public:
  explicit Checker(std::string_view text) : s_(text) {}

  JsonSyntaxError Run() {
    SkipSpace();
    if (Value(0)) {
      SkipSpace();
      if (pos_ < s_.size()) Fail("more follows the end of the JSON value");
    }
    return error_;
  }

 private:
  bool Fail(std::string what) {
    if (!error_.found) {
      error_.found = true;
      error_.offset = pos_;
      error_.at_end = pos_ >= s_.size();
      for (size_t i = 0; i < path_.size(); ++i) error_.field += (i ? "." : "") + path_[i];
      error_.what = std::move(what);
    }
    return false;
  }

  bool AtEnd() const { return pos_ >= s_.size(); }
  char Peek() const { return s_[pos_]; }

  void SkipSpace() {
    while (!AtEnd() && (Peek() == ' ' || Peek() == '\t' || Peek() == '\n' || Peek() == '\r')) ++pos_;
  }

  bool Value(int depth) {
    if (depth > kMaxDepth) return Fail("nested more than 64 levels deep");
    if (AtEnd()) return Fail("the line ends where a value should be");
    switch (Peek()) {
      case '{': return Object(depth);
      case '[': return Array(depth);
      case '"': return String();
      case 't': return Word("true");
      case 'f': return Word("false");
      case 'n': return Word("null");
      default:
        if (Peek() == '-' || (Peek() >= '0' && Peek() <= '9')) return Number();
        return Fail(fmt::format("a value cannot start with {}", Shown(Peek())));
    }
  }

  bool Object(int depth) {
    ++pos_;  // '{'
    SkipSpace();
    if (!AtEnd() && Peek() == '}') return ++pos_, true;
    for (;;) {
      SkipSpace();
      if (AtEnd()) return Fail("the object is not closed: a '}' is missing");
      if (Peek() != '"') {
        return Fail(Peek() == '}' ? "a ',' before '}' is one too many" + After()
                                  : fmt::format("a key must be a string, not {}", Shown(Peek())));
      }
      size_t start = pos_;
      if (!String()) return false;
      std::string key(s_.substr(start + 1, pos_ - start - 2));
      last_key_ = Cut(key);
      SkipSpace();
      if (AtEnd() || Peek() != ':') return Fail(fmt::format("a ':' is missing after the key \"{}\"", Cut(key)));
      ++pos_;
      SkipSpace();
      path_.push_back(Cut(key));
      if (!Value(depth + 1)) return false;
      path_.pop_back();
      SkipSpace();
      std::string after = fmt::format(" after field '{}'", Cut(key));
      if (AtEnd()) return Fail("the object is not closed: a '}' is missing" + after);
      if (Peek() == '}') return ++pos_, true;
      if (Peek() != ',') {
        return Fail(fmt::format("a ',' or '}}' is missing{} (found {})", after, Shown(Peek())));
      }
      ++pos_;
    }
  }

  bool Array(int depth) {
    ++pos_;  // '['
    SkipSpace();
    if (!AtEnd() && Peek() == ']') return ++pos_, true;
    for (;;) {
      SkipSpace();
      if (!AtEnd() && Peek() == ']') return Fail("a ',' before ']' is one too many");
      if (!Value(depth + 1)) return false;
      SkipSpace();
      if (AtEnd()) return Fail("the array is not closed: a ']' is missing");
      if (Peek() == ']') return ++pos_, true;
      if (Peek() != ',') return Fail(fmt::format("a ',' or ']' is missing (found {})", Shown(Peek())));
      ++pos_;
    }
  }

  bool String() {
    ++pos_;  // '"'
    while (!AtEnd()) {
      unsigned char c = static_cast<unsigned char>(Peek());
      if (c == '"') return ++pos_, true;
      if (c < 0x20) return Fail("a control character inside a string must be escaped (\\u00XX)");
      if (c == '\\') {
        if (!Escape()) return false;
        continue;
      }
      uint32_t cp = 0;
      size_t n = DecodeUtf8(s_, pos_, &cp);
      if (n == 0) return Fail("the bytes here are not valid UTF-8");
      pos_ += n;
    }
    return Fail("the string is not closed: a '\"' is missing");
  }

  bool Escape() {
    ++pos_;  // '\'
    if (AtEnd()) return Fail("the string ends inside an escape");
    char e = Peek();
    if (e == 'u') {
      for (int i = 1; i <= 4; ++i) {
        if (pos_ + i >= s_.size() || !std::isxdigit(static_cast<unsigned char>(s_[pos_ + i]))) {
          return Fail("\\u must be followed by four hex digits");
        }
      }
      pos_ += 5;
      return true;
    }
    if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos) {
      return Fail(std::isgraph(static_cast<unsigned char>(e))
                      ? fmt::format("\\{} is not an escape JSON knows", e)
                      : fmt::format("a backslash before {} is not an escape JSON knows", Shown(e)));
    }
    ++pos_;
    return true;
  }

  bool Number() {
    if (Peek() == '-') ++pos_;
    if (AtEnd() || !Digit()) return Fail("a number needs a digit here");
    if (Peek() == '0') {
      ++pos_;
    } else {
      while (!AtEnd() && Digit()) ++pos_;
    }
    if (!AtEnd() && Peek() == '.') {
      ++pos_;
      if (AtEnd() || !Digit()) return Fail("a digit must follow the decimal point");
      while (!AtEnd() && Digit()) ++pos_;
    }
    if (!AtEnd() && (Peek() == 'e' || Peek() == 'E')) {
      ++pos_;
      if (!AtEnd() && (Peek() == '+' || Peek() == '-')) ++pos_;
      if (AtEnd() || !Digit()) return Fail("the exponent needs a digit");
      while (!AtEnd() && Digit()) ++pos_;
    }
    return true;
  }

  bool Word(std::string_view word) {
    if (s_.substr(pos_, word.size()) != word) {
      return Fail(fmt::format("expected {} (strings need quotes)", word));
    }
    pos_ += word.size();
    return true;
  }

  // " after field 'K'" for the last key read, when there is one.
  std::string After() const { return last_key_.empty() ? "" : fmt::format(" after field '{}'", last_key_); }

  bool Digit() const { return Peek() >= '0' && Peek() <= '9'; }

  // A byte as a message shows it: 'x', or its code when it is not printable ASCII.
  static std::string Shown(char c) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x21 && u < 0x7f) return fmt::format("'{}'", c);
    return fmt::format("byte 0x{:02x}", u);
  }

  // A key as the path shows it: printable ASCII kept, anything else replaced, at most 40 bytes.
  static std::string Cut(std::string_view key) {
    std::string out;
    for (char c : key.substr(0, 40)) {
      unsigned char u = static_cast<unsigned char>(c);
      out.push_back(u >= 0x20 && u < 0x7f ? c : '?');
    }
    return out;
  }

  std::string_view s_;
  size_t pos_ = 0;
  std::vector<std::string> path_;
  std::string last_key_;
  JsonSyntaxError error_;
};

}  // namespace

JsonSyntaxError FindJsonSyntaxError(std::string_view json) { return Checker(json).Run(); }

}  // namespace nanni
