// ToneModel: the lexicon, modifiers and weights the tone scorer reads, loaded from data files.
//
// Two kinds of file (formats in data/tone/README.md):
//   lexicon:  "category<TAB>phrase" lines. A phrase is lower-case words separated by spaces,
//             '^' first means "only at the start of a sentence", "<num>" matches any number.
//             Categories "mod.negator", "mod.intensifier", "mod.scope_end",
//             "mod.addressee" and "mod.group" are modifiers;
//             every other category becomes the features "lex:CATEGORY" and "lex:~CATEGORY"
//             (the second when the match lies in the scope of a negation).
//   weights:  "dimension<TAB>feature<TAB>weight" lines; features are "bias", "lex:CAT",
//             "lex:~CAT", "w:WORD", "w:~WORD" (negated), "b:WORD WORD" (bigram) and
//             "style:caps|exclaim|exclaim_repeat|question|question_repeat".
// Lines starting with '#' and blank lines are ignored. Errors name "FILE:LINE: what".
//
// A loaded model is immutable and may be shared by any number of ToneScorers and threads.
// Default() is the model built from the files embedded in the binary at build time.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "tone/tone_score.h"
#include "util/status.h"

namespace nanni {

struct ToneDataFile {
  std::string name;  // for error messages, e.g. "data/tone/lexicon.tsv"
  std::string_view text;
};

// Raise when ToneScorer::Score() gives other scores for the same model files: scores stored in
// an analytic index made by an older scorer are then rebuilt.
constexpr uint32_t kToneScorerVersion = 2;

class ToneModel {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;
  using Weights = std::array<float, kToneDimensions>;

  enum Modifier : uint8_t { kNegator = 1, kIntensifier = 2, kScopeEnd = 4, kAddressee = 8, kGroup = 16 };
  struct Word {
    uint32_t plain = kNone;    // feature "w:WORD"
    uint32_t negated = kNone;  // feature "w:~WORD"
    uint32_t first_phrase = 0, phrase_count = 0;  // phrases starting with this word
    uint8_t modifiers = 0;
    bool bigram_first = false, bigram_second = false;  // the word is part of some "b:A B"
  };
  struct Phrase {
    std::vector<uint32_t> rest;         // the words after the first
    bool at_start = false;              // only at the start of a sentence
    std::vector<uint32_t> categories;   // indexes into categories()
  };
  struct Category {
    std::string name;
    uint32_t plain, negated;  // features "lex:NAME" and "lex:~NAME"
    bool abusive = false;     // an "abuse." category
    bool swearing = false;    // "abuse.profanity": aimed only by an addressee after it ("screw you")
  };
  enum Style : uint8_t { kCaps, kExclaim, kExclaimRepeat, kQuestion, kQuestionRepeat, kStyles };

  static Status Load(const std::vector<ToneDataFile>& lexicons,
                     const std::vector<ToneDataFile>& weights, std::unique_ptr<ToneModel>* out);

  // The model built from data/tone/ as embedded at build time. Aborts the process if the
  // embedded files do not parse (a unit test loads them).
  static const ToneModel& Default();
  // Default().fingerprint(), without loading the model (a few hashed kilobytes, where loading
  // it costs some ten milliseconds).
  static uint64_t DefaultFingerprint();
  // The embedded files themselves.
  static std::vector<ToneDataFile> EmbeddedLexicons();
  static std::vector<ToneDataFile> EmbeddedWeights();

  // Word lookup: the word's id, or kNone. Numbers are looked up as "<num>".
  uint32_t FindWord(std::string_view word) const;
  // A word written another way, for a word FindWord does not know: masked ("f*ck": a lexicon
  // word of the same length agreeing on every letter shown), with digits for letters ("sh1t":
  // 0 o, 1 i, 3 e, 4 a, 5 s, 7 t) or stretched ("soooo", "stupiddd": runs of three or more
  // cut to two letters, then to one; a doubled last letter to one). kNone when no variant is
  // known; words over 48 bytes are not tried.
  uint32_t FindVariant(std::string_view word) const;
  // The feature "lex:abuse.addressed": an abuse match aimed at the reader (a word of
  // "mod.addressee", such as "you", just before it or inside it).
  uint32_t AddressedFeature() const { return addressed_; }
  // The feature "lex:abuse.group": an insult aimed at a group of people (a word of
  // "mod.group", such as "immigrants", just before it or inside it).
  uint32_t GroupFeature() const { return group_; }
  const Word& word(uint32_t id) const { return words_[id]; }
  uint32_t words() const { return static_cast<uint32_t>(words_.size()); }
  std::string_view WordText(uint32_t id) const;
  const std::vector<Phrase>& phrases() const { return phrases_; }
  const std::vector<Category>& categories() const { return categories_; }
  uint32_t Bigram(uint32_t first, uint32_t second) const;  // feature "b:A B" or kNone
  uint32_t StyleFeature(Style s) const { return styles_[s]; }

  // Identifies what this model scores: its files' bytes and the scorer's version
  // (kToneScorerVersion). Scores kept elsewhere (the analytic index) are valid only for the
  // model with the same fingerprint.
  uint64_t fingerprint() const { return fingerprint_; }

  size_t features() const { return feature_names_.size(); }
  const std::string& FeatureName(uint32_t f) const { return feature_names_[f]; }
  const Weights& FeatureWeights(uint32_t f) const { return weights_[f]; }
  bool HasWeight(uint32_t f) const { return has_weight_[f] != 0; }
  // The non-zero weights of feature f as (dimension, weight) pairs: [begin, end).
  struct DimWeight {
    uint8_t dimension;
    float weight;
  };
  const DimWeight* SparseBegin(uint32_t f) const { return sparse_.data() + sparse_offset_[f]; }
  const DimWeight* SparseEnd(uint32_t f) const { return sparse_.data() + sparse_offset_[f + 1]; }
  const Weights& bias() const { return bias_; }

 private:
  ToneModel() = default;
  uint64_t fingerprint_ = 0;
  uint32_t addressed_ = kNone;
  uint32_t group_ = kNone;
  uint32_t FindMasked(std::string_view word) const;
  uint32_t InternWord(std::string_view word);
  uint32_t InternFeature(const std::string& name);
  Status AddLexiconLine(std::string_view category, std::string_view phrase, const std::string& where);
  Status AddWeightLine(ToneDimension d, std::string_view feature, float w, const std::string& where);
  void Grow();
  void FinishPhrases();
  void FinishWeights();

  // Words: an open-addressing table of ids over an arena of their texts.
  std::string arena_;
  std::vector<std::pair<uint32_t, uint32_t>> spans_;
  std::vector<uint32_t> slots_;  // id + 1, 0 = empty
  std::vector<Word> words_;

  std::vector<Phrase> phrases_;
  std::vector<std::pair<uint32_t, Phrase>> pending_phrases_;
  std::vector<Category> categories_;
  std::unordered_map<std::string, uint32_t> category_index_;
  std::unordered_map<uint64_t, uint32_t> bigrams_;  // while loading
  std::vector<std::pair<uint64_t, uint32_t>> bigram_slots_;  // open addressing, key 0 = empty
  std::array<uint32_t, kStyles> styles_{};

  std::vector<std::string> feature_names_;
  std::unordered_map<std::string, uint32_t> feature_index_;
  std::vector<Weights> weights_;
  std::vector<uint8_t> has_weight_;
  std::vector<DimWeight> sparse_;
  std::vector<uint32_t> sparse_offset_;
  Weights bias_{};
};

}  // namespace nanni
