// Chasing: whether a customer's words ask for news of something already asked ("any update?",
// "following up", "still waiting", "as per my last email", "for the third time"). The sludge
// audit counts requests customers had to chase (docs/sludge.md); the index keeps the answer
// for every message of theirs (index/facts.h, kChaseFlag).
//
// The phrases are data, data/text/chase.tsv, embedded in the binary. A text chases when its
// words contain one of them as whole words: case, punctuation and typographic apostrophes
// aside. Kept apart from the tone lexicon so that they change no tone score.
#pragma once

#include <cstdint>
#include <functional>
#include <unordered_map>
#include <string>
#include <string_view>
#include <vector>

namespace nanni {

class ChasePhrases {
 public:
  // The phrases of data/text/chase.tsv, parsed once.
  static const ChasePhrases& Default();
  // Parses `data` (chase.tsv's layout): every line that is not empty or a comment is a phrase.
  static ChasePhrases Parse(std::string_view data);

  // The first phrase `text` contains, or "" when it chases nobody.
  std::string_view Find(std::string_view text) const;
  bool Chases(std::string_view text) const { return !Find(text).empty(); }

  size_t size() const { return phrases_.size(); }
  // Identifies the phrases: indexes made with other phrases are rebuilt.
  uint64_t fingerprint() const { return fingerprint_; }

 private:
  std::vector<std::vector<std::string>> phrases_;                  // each phrase's words
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_map<std::string, std::vector<size_t>, Hash, std::equal_to<>> by_first_;  // first word -> phrases, longest first
  std::vector<std::string> text_;                                  // each phrase as written
  uint64_t fingerprint_ = 0;
};

}  // namespace nanni
