// ToneScorer: scores the new text of a message on every tone dimension, with reasons.
//
// Score() takes any bytes (customer text is hostile input) and never fails. It
//   1. keeps the new text only (text/new_text.h, the mail importer's rules: no quoted history,
//      attributions, forwarded or original messages, signatures, list footers) without code
//      (WithoutCode: fenced and indented blocks),
//   2. tokenizes it once (Tokenize),
//   3. matches the lexicon's phrases (longest first) and applies the modifiers to each match:
//      in the scope of a negator (the next three words of the clause after "not", "never",
//      "don't"...) a match of CATEGORY becomes the feature "lex:~CATEGORY", whose weight is its
//      own (often none: "we will not sue" is no legal threat); an intensifier just before it
//      ("very", "extremely") multiplies its value by 1.5, and so does a word in capitals; a
//      match between double quotes counts half; an abuse match aimed at the reader (a word of
//      "mod.addressee", "you", "your", inside it or right after it, or for insults, contempt,
//      slurs and harsh words up to three words before it) also adds "lex:abuse.addressed",
//      and such a word of "mod.group" ("immigrants are stupid") adds "lex:abuse.group".
//      Words the model does not know are looked up as written another way
//      (ToneModel::FindVariant: "f*ck", "sh1t", "soooo"),
//   4. adds the word and bigram features ("w:WORD", "w:~WORD" when negated, "b:A B"; each
//      counted once per message) and the style features (shouted words in capitals, "!", "!!",
//      "?", "??"),
//   5. sums value x weight per dimension into a logit, and records every non-zero
//      contribution as a ToneReason.
// A ToneScorer keeps scratch buffers: use one per thread. The model must outlive it.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text/new_text.h"
#include "tone/tone_model.h"
#include "tone/tone_score.h"
#include "tone/tone_tokenizer.h"

namespace nanni {

class ToneScorer {
 public:
  explicit ToneScorer(const ToneModel& model = ToneModel::Default());

  void Score(std::string_view message, ToneScore* out);
  // The same for a text that is already a new text (an event's new_text): only its code is
  // left out. Score(m) is ScoreNewText(SplitNewText(m).new_text).
  void ScoreNewText(std::string_view new_text, ToneScore* out);

  // The features of a message by name with their values (the scorer's view of it, for fitting
  // weights): every word and bigram is named, whether the model has a weight for it or not.
  void Features(std::string_view message, std::vector<std::pair<std::string, float>>* out);

 private:
  // A feature occurrence: which feature, the token span, its value.
  struct Hit {
    uint32_t feature;
    uint32_t first, last;  // tokens [first, last)
    float value;
  };
  // Finds the lexicon and style hits and fills word_ids_/negated_ over tokens_.
  void Analyze(std::string_view text);
  // Fills word_ids_; true when three or more tokens in a row are one byte each (letters
  // spelled out, perhaps).
  bool LookUpWords();
  // Letters spelled out one by one ("f u c k", "s.h.i.t") become one token when together they
  // are a word that starts an abuse phrase; other runs of letters ("U S A") stay as they are.
  void JoinSpelledOut(std::string_view text);
  bool SpelledOn(std::string_view text, size_t i) const;
  bool StartsAbuse(uint32_t word_id) const;
  void AddHit(uint32_t feature, uint32_t first, uint32_t last, float value) {
    hits_.push_back(Hit{feature, first, last, value});
  }
  bool MatchPhrase(size_t i, uint32_t* end, const ToneModel::Phrase** phrase) const;
  float Multiplier(size_t first, size_t last) const;
  bool Shouted(size_t i) const;
  // An abuse match over tokens [first, end) aimed at the reader adds "lex:abuse.addressed";
  // `insulting`: not swearing alone, so an addressee before it aims it too. An insulting
  // match aimed at a group of people adds "lex:abuse.group".
  void Address(size_t first, size_t end, float value, bool insulting);
  // The first token with `modifier` inside [first, end), else up to kAddresseeBefore words
  // before `first` in its sentence, nearest first; SIZE_MAX when none.
  size_t AimedBy(uint8_t modifier, size_t first, size_t end) const;
  bool Has(uint8_t modifier, size_t i) const;

  const ToneModel& model_;
  SplitText split_;
  std::string lower_;
  std::vector<ToneToken> tokens_;
  std::vector<uint32_t> word_ids_;
  std::vector<uint8_t> negated_;
  std::vector<Hit> hits_;
  std::vector<uint32_t> seen_;  // per feature: the message counter when last counted
  uint32_t counter_ = 0;
};

}  // namespace nanni
