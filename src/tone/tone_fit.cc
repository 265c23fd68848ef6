#include "tone/tone_fit.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "tone/tone_corpus.h"
#include "util/embed.h"
#include "util/toml_document.h"

#ifndef NANNI_TONE_DATA_DIR
#error "NANNI_TONE_DATA_DIR must name the data/tone folder"
#endif
NANNI_EMBED(nanni_tone_fit, NANNI_TONE_DATA_DIR "/fit.toml")

namespace nanni {

namespace {

constexpr int kEpochs = 12;
constexpr double kLearningRate = 0.3;
constexpr uint64_t kSeed = 7;

// ---- Recipes ----------------------------------------------------------------------------

class RecipeReader {
 public:
  RecipeReader(const toml::table& t, std::string at) : t_(t), at_(std::move(at)) {}

  Status Strings(std::string_view key, std::vector<std::string>* out) const {
    const toml::array* a = t_.get(key) ? t_.get(key)->as_array() : nullptr;
    if (a == nullptr) return Missing(key, "an array of strings");
    for (const toml::node& n : *a) {
      if (!n.is_string()) return Missing(key, "an array of strings");
      out->push_back(std::string(*n.value<std::string_view>()));
    }
    return Status::OK();
  }
  Status Int(std::string_view key, int* out) const {
    const toml::node* n = t_.get(key);
    auto v = n && n->is_integer() ? n->value<int64_t>() : std::nullopt;
    if (!v || *v < -1 || *v > 1000000) return Missing(key, "an integer from -1 to 1000000");
    *out = static_cast<int>(*v);
    return Status::OK();
  }
  Status Bool(std::string_view key, bool* out) const {
    const toml::node* n = t_.get(key);
    auto v = n && n->is_boolean() ? n->value<bool>() : std::nullopt;
    if (!v) return Missing(key, "true or false");
    *out = *v;
    return Status::OK();
  }
  Status Share(std::string_view key, double* out) const {
    auto v = t_.get(key) ? t_.get(key)->value<double>() : std::nullopt;
    if (!v || !(*v > 0 && *v < 1)) return Missing(key, "a number between 0 and 1");
    *out = *v;
    return Status::OK();
  }
  Status Penalties(std::vector<TonePenalty>* out) const {
    const toml::array* a = t_.get("penalties") ? t_.get("penalties")->as_array() : nullptr;
    if (a == nullptr || a->empty()) return Missing("penalties", "a non-empty array of [words, other] pairs");
    for (const toml::node& n : *a) {
      const toml::array* pair = n.as_array();
      const bool two = pair != nullptr && pair->size() == 2;
      const double w = two ? (*pair)[0].value_or(-1.0) : -1.0;
      const double o = two ? (*pair)[1].value_or(-1.0) : -1.0;
      if (!(w >= 0) || !(o >= 0)) return Missing("penalties", "pairs of non-negative numbers");
      out->push_back(TonePenalty{w, o});
    }
    return Status::OK();
  }
  Status Bias(ToneFitRecipe* r) const {
    const toml::node* n = t_.get("bias");
    if (n && n->is_string()) {
      const std::string_view s = *n->value<std::string_view>();
      if (s == "fitted") return Status::OK();
      if (s != "reference") return Missing("bias", "\"fitted\", \"reference\" or a probability");
      r->bias = ToneFitRecipe::Bias::kReference;
      NANNI_RETURN_IF_ERROR(Share("reference_flagged", &r->reference_flagged));
      return Share("one_insult", &r->one_insult);
    }
    r->bias = ToneFitRecipe::Bias::kEmpty;
    return Share("bias", &r->empty_score);
  }

 private:
  Status Missing(std::string_view key, std::string_view what) const {
    return Status::InvalidInput(fmt::format("{}.{}: must be {}", at_, key, what));
  }
  const toml::table& t_;
  std::string at_;
};

Status ReadRecipe(const toml::table& t, const std::string& at, ToneFitRecipe* r) {
  RecipeReader read(t, at);
  NANNI_RETURN_IF_ERROR(read.Strings("sets", &r->sets));
  NANNI_RETURN_IF_ERROR(read.Strings("away_only", &r->away_only));
  NANNI_RETURN_IF_ERROR(read.Strings("families", &r->families));
  for (const std::string& f : r->families) {
    if (f != "lex" && f != "style" && f != "w" && f != "b") {
      return Status::InvalidInput(fmt::format("{}.families: '{}' is none of lex, style, w, b", at, f));
    }
  }
  NANNI_RETURN_IF_ERROR(read.Strings("lexicon", &r->lexicon));
  NANNI_RETURN_IF_ERROR(read.Int("min_texts", &r->min_texts));
  NANNI_RETURN_IF_ERROR(read.Int("reference_max", &r->reference_max));
  NANNI_RETURN_IF_ERROR(read.Strings("lexicon_words", &r->lexicon_words));
  NANNI_RETURN_IF_ERROR(read.Bool("nonnegative_words", &r->nonnegative_words));
  NANNI_RETURN_IF_ERROR(read.Bool("balanced", &r->balanced));
  NANNI_RETURN_IF_ERROR(read.Bool("fixed_rules", &r->fixed_rules));
  NANNI_RETURN_IF_ERROR(read.Penalties(&r->penalties));
  return read.Bias(r);
}

// ---- Fitting ----------------------------------------------------------------------------

std::string_view Family(std::string_view feature) { return feature.substr(0, feature.find(':')); }
bool IsWordFamily(std::string_view family) { return family == "w" || family == "b"; }

// splitmix64: a fixed sequence on every platform (std::shuffle's is the library's own).
struct Draws {
  uint64_t state;
  uint64_t Next() {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  void Shuffle(std::vector<uint32_t>* v) {
    for (size_t i = v->size(); i > 1; --i) std::swap((*v)[i - 1], (*v)[Next() % i]);
  }
};

double Sigmoid(double z) {
  if (z < -30) return 1e-13;
  if (z > 30) return 1 - 1e-13;
  return 1 / (1 + std::exp(-z));
}

// The texts in the fitter's own form: interned features, 0/1 labels, the fixed offsets.
struct Prepared {
  std::vector<std::string> names;
  std::vector<uint8_t> word_family;  // per feature: a word or bigram
  struct Doc {
    std::vector<std::pair<uint32_t, float>> x;
    double y = 0, offset = 0;
  };
  std::vector<Doc> docs;
};

// Binary labels: a continuous label (any other than 0 and 1) is "above the median".
std::vector<double> Labels(const std::vector<const ToneFitText*>& texts) {
  std::vector<double> y;
  bool binary = true;
  for (const ToneFitText* t : texts) {
    y.push_back(t->label);
    binary &= t->label == 0 || t->label == 1;
  }
  if (binary || y.empty()) return y;
  std::vector<double> sorted = y;
  std::sort(sorted.begin(), sorted.end());
  const double median = sorted[sorted.size() / 2];
  for (double& v : y) v = v > median ? 1 : 0;
  return y;
}

class Eligibility {
 public:
  Eligibility(const ToneFitRecipe& r, const std::vector<const ToneFitText*>& texts, const ToneWeightMap& fixed,
              const ToneVocabulary& vocabulary)
      : r_(r), fixed_(fixed), vocabulary_(vocabulary) {
    for (const ToneFitText* t : texts) {
      for (const auto& f : t->features) ++texts_with_[f.first];
    }
  }
  bool operator()(const std::string& f) const {
    if (fixed_.count(f) > 0) return false;  // a hand-set weight: part of the offset
    const std::string_view family = Family(f);
    if (std::find(r_.families.begin(), r_.families.end(), family) == r_.families.end()) return false;
    if (family == "lex") {
      std::string_view category = std::string_view(f).substr(4);
      if (!category.empty() && category[0] == '~') category.remove_prefix(1);
      return std::any_of(r_.lexicon.begin(), r_.lexicon.end(),
                         [&](const std::string& p) { return category.substr(0, p.size()) == p; });
    }
    if (!IsWordFamily(family)) return true;
    if (r_.reference_max >= 0) {
      auto it = vocabulary_.reference.find(f);
      if (it != vocabulary_.reference.end() && it->second > r_.reference_max) return false;
    }
    if (!r_.lexicon_words.empty() && !LexiconWords(f)) return false;
    return texts_with_.at(f) >= r_.min_texts;
  }

 private:
  const ToneFitRecipe& r_;
  const ToneWeightMap& fixed_;
  const ToneVocabulary& vocabulary_;
  std::unordered_map<std::string, int> texts_with_;

  // "w:WORD", "w:~WORD" or "b:A B": every word in the vocabulary's lexicon words.
  bool LexiconWords(std::string_view f) const {
    std::string_view words = f.substr(2);
    if (!words.empty() && words[0] == '~') words.remove_prefix(1);
    while (!words.empty()) {
      const size_t sp = words.find(' ');
      if (vocabulary_.lexicon_words.count(std::string(words.substr(0, sp))) == 0) return false;
      words = sp == std::string_view::npos ? std::string_view() : words.substr(sp + 1);
    }
    return true;
  }
};

Prepared Prepare(const ToneFitRecipe& r, const std::vector<const ToneFitText*>& texts, const ToneWeightMap& fixed,
                 const ToneVocabulary& vocabulary) {
  Prepared p;
  const Eligibility eligible(r, texts, fixed, vocabulary);
  std::unordered_map<std::string, uint32_t> ids;
  const std::vector<double> labels = Labels(texts);
  for (size_t i = 0; i < texts.size(); ++i) {
    Prepared::Doc d;
    d.y = labels[i];
    for (const auto& [name, value] : texts[i]->features) {
      if (auto it = fixed.find(name); it != fixed.end()) d.offset += it->second * value;
      if (!eligible(name)) continue;
      auto [it, added] = ids.emplace(name, static_cast<uint32_t>(p.names.size()));
      if (added) {
        p.names.push_back(name);
        p.word_family.push_back(IsWordFamily(Family(name)));
      }
      d.x.emplace_back(it->second, value);
    }
    p.docs.push_back(std::move(d));
  }
  return p;
}

// L2-regularised logistic regression by AdaGrad, kEpochs passes in a seeded order.
ToneFitted Fit(const ToneFitRecipe& r, const Prepared& p, const TonePenalty& penalty) {
  const size_t n = p.docs.size();
  std::vector<double> w(p.names.size(), 0), g2(p.names.size(), 0);
  double bias = 0, gb = 0;
  size_t positives = 0;
  for (const Prepared::Doc& d : p.docs) positives += d.y >= 0.5;
  const double w1 = r.balanced ? n / (2.0 * std::max<size_t>(positives, 1)) : 1.0;
  const double w0 = r.balanced ? n / (2.0 * std::max<size_t>(n - positives, 1)) : 1.0;
  std::vector<uint32_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = static_cast<uint32_t>(i);
  Draws draws{kSeed};
  for (int epoch = 0; epoch < kEpochs; ++epoch) {
    draws.Shuffle(&order);
    for (uint32_t i : order) {
      const Prepared::Doc& d = p.docs[i];
      double z = bias + d.offset;
      for (const auto& [f, v] : d.x) z += w[f] * v;
      const double err = (Sigmoid(z) - d.y) * (d.y >= 0.5 ? w1 : w0);
      gb += err * err;
      bias -= kLearningRate * err / std::sqrt(gb + 1e-8);
      for (const auto& [f, v] : d.x) {
        const double lambda = p.word_family[f] ? penalty.words : penalty.other;
        if (lambda >= 1e8) continue;
        const double g = err * v + lambda * w[f] / static_cast<double>(n) * 50;
        g2[f] += g * g;
        w[f] -= kLearningRate * g / std::sqrt(g2[f] + 1e-8);
        if (r.nonnegative_words && p.word_family[f] && w[f] < 0) w[f] = 0;
      }
    }
  }
  ToneFitted out;
  out.bias = bias;
  out.penalty = penalty;
  for (size_t f = 0; f < w.size(); ++f) {
    if (w[f] != 0) out.weights.emplace(p.names[f], w[f]);
  }
  return out;
}

bool InValidation(const ToneFitText& t) { return (t.hash >> 8) % 5 == 0; }

}  // namespace

Status ParseToneFitPlan(std::string_view text, const std::string& name, ToneFitPlan* out) {
  *out = ToneFitPlan();
  toml::table root;
  NANNI_RETURN_IF_ERROR(ParseTomlDocument(text, name, &root));
  for (const auto& [key, node] : root) {
    if (key.str() == "reference_sets") {
      NANNI_RETURN_IF_ERROR(RecipeReader(root, name).Strings("reference_sets", &out->reference_sets));
      continue;
    }
    const std::string at = fmt::format("{}: [{}]", name, key.str());
    ToneFitRecipe r;
    r.name = std::string(key.str());
    if (!ParseToneDimension(r.name, &r.dimension) || static_cast<int>(r.dimension) > 3) {
      return Status::InvalidInput(fmt::format("{}: not a fitted dimension (politeness, demanding, collaboration, abuse)", at));
    }
    if (!node.is_table()) return Status::InvalidInput(fmt::format("{}: must be a table", at));
    NANNI_RETURN_IF_ERROR(ReadRecipe(*node.as_table(), at, &r));
    out->recipes.push_back(std::move(r));
  }
  return Status::OK();
}

const ToneFitPlan& EmbeddedToneFitPlan() {
  static const ToneFitPlan* plan = [] {
    auto* p = new ToneFitPlan();
    Status st = ParseToneFitPlan(std::string_view(nanni_tone_fit_begin, nanni_tone_fit_end - nanni_tone_fit_begin),
                                 "data/tone/fit.toml", p);
    if (!st.ok()) {
      fmt::print(stderr, "nanni: the embedded {}\n", st.message());
      std::abort();
    }
    return p;
  }();
  return *plan;
}

std::unordered_map<std::string, int> CountReference(const std::vector<const ToneFitText*>& texts) {
  std::unordered_map<std::string, int> counts;
  for (const ToneFitText* t : texts) {
    for (const auto& f : t->features) ++counts[f.first];
  }
  return counts;
}

ToneFitted FitTone(const ToneFitRecipe& recipe, const std::vector<const ToneFitText*>& texts,
                   const ToneWeightMap& fixed, const ToneVocabulary& vocabulary, const TonePenalty& penalty) {
  return Fit(recipe, Prepare(recipe, texts, fixed, vocabulary), penalty);
}

ToneFitted FitToneValidated(const ToneFitRecipe& recipe, const std::vector<const ToneFitText*>& texts,
                            const ToneWeightMap& fixed, const ToneVocabulary& vocabulary) {
  std::vector<const ToneFitText*> fit, check;
  for (const ToneFitText* t : texts) (InValidation(*t) ? check : fit).push_back(t);
  const std::vector<double> labels = Labels(check);
  std::vector<int> binary(labels.begin(), labels.end());
  TonePenalty best = recipe.penalties.front();
  double best_auc = -1;
  for (const TonePenalty& penalty : recipe.penalties) {
    const ToneFitted m = FitTone(recipe, fit, fixed, vocabulary, penalty);
    std::vector<double> scores;
    for (const ToneFitText* t : check) scores.push_back(ToneLogit(m, fixed, *t));
    const double auc = Auc(scores, binary);
    if (auc > best_auc) {
      best_auc = auc;
      best = penalty;
    }
  }
  ToneFitted out = FitTone(recipe, texts, fixed, vocabulary, best);
  out.chosen_by = best_auc;
  return out;
}

double ToneLogit(const ToneFitted& fitted, const ToneWeightMap& fixed, const ToneFitText& text) {
  double z = fitted.bias;
  for (const auto& [name, value] : text.features) {
    if (auto it = fixed.find(name); it != fixed.end()) z += it->second * value;
    if (auto it = fitted.weights.find(name); it != fitted.weights.end()) z += it->second * value;
  }
  return z;
}

ToneWeightMap FixedToneWeights(std::string_view text, ToneDimension dimension) {
  ToneWeightMap out;
  const std::string_view want = ToneDimensionName(dimension);
  size_t at = 0;
  while (at < text.size()) {
    size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(at, end - at);
    at = end + 1;
    if (line.empty() || line[0] == '#') continue;
    const size_t t1 = line.find('\t'), t2 = line.find('\t', t1 + 1);
    if (t1 == std::string_view::npos || t2 == std::string_view::npos || line.substr(0, t1) != want) continue;
    const std::string feature(line.substr(t1 + 1, t2 - t1 - 1));
    if (feature == "bias") continue;
    out[feature] += std::strtod(std::string(line.substr(t2 + 1)).c_str(), nullptr);
  }
  return out;
}

}  // namespace nanni
