// Tokenize: splits text into the tokens the tone scorer reads, in one pass, without regex.
//
// Words are runs of letters, digits, apostrophes and non-ASCII bytes, lower-cased (ASCII) into
// `lower`; the typographic apostrophe (U+2019) becomes "'"; apostrophes at either end are
// dropped. Inside a word that starts with a letter, '*' is kept (a masked word: "f*ck",
// "sh**") and '$' reads as 's' ("a$$"). An emoji or pictograph (U+2600-U+27BF,
// U+1F000-U+1FAFF) is a word of its own, its key the first code point (skin tones, variation
// selectors and joined sequences are dropped). Typographic double quotes (U+201C, U+201D) end
// a clause as '"' does, and the words between a pair of double quotes at most 15 tokens apart
// are marked quoted. A run of digits (with inner '.' or ',') is a number, looked up as "<num>". '!' and
// '?' runs are tokens of their own (a run of two or more is marked repeated) and end the
// sentence, as do '.', ';', ':' and a blank line; ',', brackets and quotes end a clause.
// '%' and '$' are tokens. URLs (http://, https://, www.), @mentions and HTML entities
// (&amp;) are skipped. Accepts any bytes; never fails.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nanni {

struct ToneToken {
  enum Kind : uint8_t { kWord, kNumber, kExclaim, kQuestion, kPercent, kDollar };
  enum Flag : uint8_t {
    kSentenceStart = 1,  // first token of a sentence
    kClauseStart = 2,    // follows a comma, bracket or quote (or starts a sentence)
    kRepeated = 4,       // "!!", "???", "?!"
    kCapitals = 8,       // a word of 3+ letters, none lower-case
    kQuoted = 16,        // between a pair of double quotes
  };
  uint32_t begin, size;              // in the text
  uint32_t lower_begin, lower_size;  // in `lower`
  Kind kind;
  uint8_t flags;
};

void Tokenize(std::string_view text, std::string* lower, std::vector<ToneToken>* tokens);

// The lookup key of a token: the lower-cased word, "<num>", "!", "?", "%" or "$".
std::string_view TokenKey(const ToneToken& t, std::string_view lower);

}  // namespace nanni
