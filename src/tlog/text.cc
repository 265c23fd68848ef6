#include "tlog/text.h"

#include "util/printable.h"

#include <string>

#include "util/utf8.h"

namespace nanni {

Status SplitNewlineTerminated(std::string_view text, std::vector<std::string_view>* lines) {
  lines->clear();
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) {
      return Status::InvalidInput("line " + std::to_string(lines->size() + 1) +
                                  " does not end with a newline");
    }
    lines->push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return Status::OK();
}

std::string QuoteForMessage(std::string_view text) { return "'" + Printable(text, 40) + "'"; }

Status ParseDecimalUint64(std::string_view text, uint64_t* value) {
  if (text.empty()) return Status::InvalidInput("empty where a decimal number belongs");
  for (char c : text) {
    if (c < '0' || c > '9') {
      return Status::InvalidInput(QuoteForMessage(text) + " is not a decimal number");
    }
  }
  if (text.size() > 1 && text[0] == '0') {
    return Status::InvalidInput(QuoteForMessage(text) + " has a leading zero");
  }
  uint64_t v = 0;
  for (char c : text) {
    uint64_t digit = static_cast<uint64_t>(c - '0');
    if (v > (UINT64_MAX - digit) / 10) {
      return Status::InvalidInput(QuoteForMessage(text) + " is larger than 2^64 - 1");
    }
    v = v * 10 + digit;
  }
  *value = v;
  return Status::OK();
}

Status CheckNoteCharacters(std::string_view text) {
  size_t line = 1;
  for (size_t i = 0; i < text.size();) {
    uint32_t code_point = 0;
    size_t length = DecodeUtf8(text, i, &code_point);
    if (length == 0) {
      return Status::InvalidInput("line " + std::to_string(line) + " is not valid UTF-8");
    }
    if (code_point == '\n') {
      ++line;
    } else if (code_point < 0x20) {
      static const char kHex[] = "0123456789abcdef";
      return Status::InvalidInput("line " + std::to_string(line) + " has control character 0x" +
                                  kHex[code_point >> 4] + kHex[code_point & 15]);
    }
    i += length;
  }
  return Status::OK();
}

}  // namespace nanni
