#include "text/chase.h"

#include <algorithm>
#include <cstddef>

#include "util/embed.h"

#ifndef NANNI_TEXT_DATA_DIR
#error "NANNI_TEXT_DATA_DIR must name the data/text folder"
#endif

NANNI_EMBED(nanni_chase_phrases, NANNI_TEXT_DATA_DIR "/chase.tsv")

namespace nanni {

namespace {

bool WordByte(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\''; }

// The words of `text`, lower case, in *buf (views into it). A typographic apostrophe (U+2019)
// is read as "'"; every other byte that is not a letter, a digit or "'" ends a word.
void Words(std::string_view text, std::string* buf, std::vector<std::string_view>* words) {
  buf->clear();
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == 0xE2 && i + 2 < text.size() && text[i + 1] == '\x80' && text[i + 2] == '\x99') {
      c = '\'';
      i += 2;
    }
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
    buf->push_back(WordByte(c) ? static_cast<char>(c) : ' ');
  }
  words->clear();
  size_t start = std::string::npos;
  for (size_t i = 0; i <= buf->size(); ++i) {
    const bool word = i < buf->size() && (*buf)[i] != ' ';
    if (word && start == std::string::npos) start = i;
    if (!word && start != std::string::npos) {
      words->push_back(std::string_view(*buf).substr(start, i - start));
      start = std::string::npos;
    }
  }
}

uint64_t Fnv1a(std::string_view data) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : data) h = (h ^ c) * 1099511628211ull;
  return h;
}

}  // namespace

ChasePhrases ChasePhrases::Parse(std::string_view data) {
  ChasePhrases p;
  p.fingerprint_ = Fnv1a(data);
  std::string buf;
  std::vector<std::string_view> words;
  size_t at = 0;
  while (at < data.size()) {
    size_t end = data.find('\n', at);
    if (end == std::string_view::npos) end = data.size();
    const std::string_view line = data.substr(at, end - at);
    at = end + 1;
    if (line.empty() || line[0] == '#') continue;
    Words(line, &buf, &words);
    if (words.empty()) continue;
    p.phrases_.emplace_back(words.begin(), words.end());
    p.text_.emplace_back(line);
  }
  for (size_t i = 0; i < p.phrases_.size(); ++i) p.by_first_[p.phrases_[i][0]].push_back(i);
  for (auto& [first, list] : p.by_first_) {
    std::stable_sort(list.begin(), list.end(),
                     [&](size_t a, size_t b) { return p.phrases_[a].size() > p.phrases_[b].size(); });
  }
  return p;
}

const ChasePhrases& ChasePhrases::Default() {
  static const ChasePhrases phrases =
      Parse(std::string_view(nanni_chase_phrases_begin, nanni_chase_phrases_end - nanni_chase_phrases_begin));
  return phrases;
}

std::string_view ChasePhrases::Find(std::string_view text) const {
  thread_local std::string buf;
  thread_local std::vector<std::string_view> words;
  Words(text, &buf, &words);
  for (size_t i = 0; i < words.size(); ++i) {
    auto it = by_first_.find(words[i]);
    if (it == by_first_.end()) continue;
    for (size_t p : it->second) {
      const std::vector<std::string>& phrase = phrases_[p];
      if (i + phrase.size() > words.size()) continue;
      if (std::equal(phrase.begin() + 1, phrase.end(), words.begin() + static_cast<std::ptrdiff_t>(i) + 1)) return text_[p];
    }
  }
  return {};
}

}  // namespace nanni
