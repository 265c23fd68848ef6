#include "import/mail/request_rules.h"

#include <array>
#include <cctype>

#include "util/ascii.h"

namespace nanni {

namespace {

constexpr std::array<std::string_view, 34> kPhrases = {
    "please", "could you", "can you", "would you", "can someone", "can anyone",
    "does anyone", "is there a way", "is it possible", "how do i", "how can i", "how to",
    "i need", "we need", "i would like", "we would like", "i'd like", "any help", "any idea",
    "any ideas", "any suggestions", "any advice", "help me", "let me know", "kindly", "asap",
    "urgent", "i want", "we want", "we expect", "we demand", "i expect", "could someone",
    "would someone"};
constexpr std::array<std::string_view, 14> kImperatives = {
    "fix", "send", "provide", "explain", "tell", "give", "update", "check", "confirm",
    "resolve", "refund", "cancel", "advise", "help"};

bool IsAlpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '\''; }

bool HasPhrase(std::string_view text, std::string_view phrase) {
  size_t pos = 0;
  while ((pos = text.find(phrase, pos)) != std::string_view::npos) {
    size_t end = pos + phrase.size();
    if ((pos == 0 || !IsAlpha(text[pos - 1])) && (end >= text.size() || !IsAlpha(text[end]))) {
      return true;
    }
    pos = end;
  }
  return false;
}

// A '?' that ends a word or sentence, not one inside a URL's query string.
bool HasQuestion(std::string_view text) {
  size_t pos = 0;
  while ((pos = text.find('?', pos)) != std::string_view::npos) {
    size_t word_start = text.find_last_of(" \t\n", pos);
    word_start = word_start == std::string_view::npos ? 0 : word_start + 1;
    std::string_view word = text.substr(word_start, pos - word_start);
    bool url = word.find("://") != std::string_view::npos || word.find("www.") == 0;
    bool ends = pos + 1 >= text.size() || !std::isalnum(static_cast<unsigned char>(text[pos + 1]));
    if (!url && ends && pos > 0) return true;
    ++pos;
  }
  return false;
}

}  // namespace

std::string DetectRequest(std::string_view new_text) {
  if (HasQuestion(new_text)) return "question";
  std::string lower = AsciiLower(new_text);
  for (std::string_view p : kPhrases) {
    if (HasPhrase(lower, p)) return "phrase: " + std::string(p);
  }
  size_t start = 0;
  while (start < lower.size()) {
    size_t nl = lower.find('\n', start);
    if (nl == std::string::npos) nl = lower.size();
    std::string_view line(lower.data() + start, nl - start);
    start = nl + 1;
    size_t b = line.find_first_not_of(" \t-*");
    if (b == std::string_view::npos) continue;
    line.remove_prefix(b);
    for (std::string_view v : kImperatives) {
      if (line.substr(0, v.size()) == v && (line.size() == v.size() || line[v.size()] == ' ')) {
        return "imperative: " + std::string(v);
      }
    }
  }
  return {};
}

}  // namespace nanni
