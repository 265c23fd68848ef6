// The fitter of the tone dimensions that are learnt from labelled data (data/tone/fit.toml says
// how each one is fitted; data/tone/README.md why). `nanni tone-eval --fit` writes
// data/tone/weights_fitted.tsv with it, and the leave-one-corpus-out evaluation fits with it
// on all but one labelled set (tone_evaluation.h).
//
// The model of a dimension is a logistic regression over the scorer's features (named as
// ToneScorer::Features names them): the hand-set weights of weights_rules.tsv, when the
// recipe keeps them, are a fixed offset; the rest is fitted with an L2 penalty by AdaGrad
// over a fixed number of epochs, in an order drawn from a fixed seed, so a fit is
// deterministic. Values own their data.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "tone/tone_score.h"
#include "util/status.h"

namespace nanni {

// One L2 penalty: on word and bigram weights, and on everything else (lexicon, style).
// 1e9 or more leaves that family at zero.
struct TonePenalty {
  double words = 1, other = 1;
};

// How one dimension is fitted: a table of data/tone/fit.toml.
struct ToneFitRecipe {
  ToneDimension dimension = ToneDimension::kPoliteness;
  std::string name;                       // "politeness", ...
  std::vector<std::string> sets;          // fitted on (their train side)
  std::vector<std::string> away_only;     // measured away from home, never fitted on
  std::vector<std::string> families;      // "lex", "style", "w", "b"
  std::vector<std::string> lexicon;       // prefixes of the categories a "lex" feature may have
  int min_texts = 1;
  int reference_max = -1;                 // -1: no limit
  // When not empty, a word is fitted only when it is a one-word lexicon phrase of one of these
  // categories (prefixes): its weight refines what the lexicon says it means.
  std::vector<std::string> lexicon_words;
  bool nonnegative_words = false, balanced = false, fixed_rules = false;
  std::vector<TonePenalty> penalties;
  // The bias for customer mail: kFitted, kEmpty (a message with no evidence scores
  // `empty_score`) or kReference (abuse: `reference_flagged`, `one_insult`).
  enum class Bias { kFitted, kEmpty, kReference } bias = Bias::kFitted;
  double empty_score = 0.5, reference_flagged = 0.01, one_insult = 0.6;
};

// All of data/tone/fit.toml.
struct ToneFitPlan {
  std::vector<std::string> reference_sets;  // ordinary requests and replies (reference_max)
  std::vector<ToneFitRecipe> recipes;  // by name (TOML tables are read sorted)
};

// Reads a plan (errors name "NAME:LINE" or "NAME: [TABLE].KEY").
Status ParseToneFitPlan(std::string_view toml, const std::string& name, ToneFitPlan* out);
// The plan of data/tone/fit.toml as embedded at build time.
const ToneFitPlan& EmbeddedToneFitPlan();

// A labelled text as the fitter sees it: its features by name (ToneScorer::Features) and label
// (0/1; a continuous label is read as "above the median of the texts fitted on").
struct ToneFitText {
  std::vector<std::pair<std::string, float>> features;
  double label = 0;
  uint64_t hash = 0;  // FNV-1a-64 of the text: picks the validation slice
};

// Weights by feature name.
using ToneWeightMap = std::unordered_map<std::string, double>;

struct ToneFitted {
  double bias = 0;
  ToneWeightMap weights;   // the fitted ones only (the fixed ones are the caller's)
  TonePenalty penalty;
  double chosen_by = 0;    // the figure the penalty was chosen by
};

// What limits the words a recipe may fit: the texts of ordinary requests and replies counted by
// feature (a word common there is no evidence of abuse; ToneFitRecipe::reference_max), and
// the words of the lexicon's phrases of the recipe's `lexicon_words` categories.
struct ToneVocabulary {
  std::unordered_map<std::string, int> reference;
  std::unordered_set<std::string> lexicon_words;
};
std::unordered_map<std::string, int> CountReference(const std::vector<const ToneFitText*>& texts);

// Fits `recipe` on `texts` with `penalty`; `fixed` holds the dimension's hand-set weights
// (empty unless recipe.fixed_rules).
ToneFitted FitTone(const ToneFitRecipe& recipe, const std::vector<const ToneFitText*>& texts,
                   const ToneWeightMap& fixed, const ToneVocabulary& vocabulary, const TonePenalty& penalty);

// The same, the penalty chosen among recipe.penalties by AUC on a validation slice of `texts`
// (about a fifth, by hash), then fitted on all of them.
ToneFitted FitToneValidated(const ToneFitRecipe& recipe, const std::vector<const ToneFitText*>& texts,
                            const ToneWeightMap& fixed, const ToneVocabulary& vocabulary);

// The logit of a text under `fitted` and `fixed` (bias included).
double ToneLogit(const ToneFitted& fitted, const ToneWeightMap& fixed, const ToneFitText& text);

// The hand-set weights of `dimension` in weights_rules.tsv-formatted `text` (its bias left out).
ToneWeightMap FixedToneWeights(std::string_view text, ToneDimension dimension);

}  // namespace nanni
