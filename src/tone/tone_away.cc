#include "tone/tone_away.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>

#include "tone/tone_scorer.h"
#include "util/printable.h"

namespace nanni {

namespace {

// Every text of every set in the fitter's form, computed once.
class FeaturedSets {
 public:
  FeaturedSets(const std::vector<ToneTask>& tasks, const ToneModel& model) {
    ToneScorer scorer(model);
    for (const ToneTask& t : tasks) {
      std::vector<ToneFitText>& texts = sets_[t.name];
      texts.reserve(t.items.size());
      for (const LabelledText& item : t.items) {
        ToneFitText& f = texts.emplace_back();
        scorer.Features(item.text, &f.features);
        f.label = item.label;
        f.hash = ToneTextHash(item.text);
      }
    }
  }

  Status Check(const std::string& set) const {
    if (sets_.count(set) > 0) return Status::OK();
    return Status::InvalidInput(fmt::format("data/tone/fit.toml: no labelled set '{}'", Printable(set)));
  }
  const std::vector<ToneFitText>& texts(const std::string& set) const { return sets_.at(set); }

  // The texts of `sets` on `side`: "train", "test" or "all".
  std::vector<const ToneFitText*> Pick(const std::vector<std::string>& sets, std::string_view side) const {
    std::vector<const ToneFitText*> out;
    for (const std::string& s : sets) {
      for (const ToneFitText& t : texts(s)) {
        const bool held_out = t.hash % 4 == 0;  // IsHeldOut
        if (side == "all" || (side == "test") == held_out) out.push_back(&t);
      }
    }
    return out;
  }

 private:
  std::map<std::string, std::vector<ToneFitText>> sets_;
};

bool Continuous(const std::vector<const ToneFitText*>& texts) {
  return std::any_of(texts.begin(), texts.end(), [](const ToneFitText* t) { return t->label != 0 && t->label != 1; });
}

// AUC of `scores` against the labels, or Spearman's rho when the labels are continuous.
double Figure(const std::vector<const ToneFitText*>& texts, const std::vector<double>& scores) {
  std::vector<double> labels;
  for (const ToneFitText* t : texts) labels.push_back(t->label);
  if (Continuous(texts)) return Spearman(scores, labels, nullptr);
  std::vector<int> binary;
  for (double l : labels) binary.push_back(l >= 0.5 ? 1 : 0);
  return Auc(scores, binary);
}

double FigureOf(const ToneFitted& fitted, const ToneWeightMap& fixed, const std::vector<const ToneFitText*>& texts) {
  std::vector<double> scores;
  for (const ToneFitText* t : texts) scores.push_back(ToneLogit(fitted, fixed, *t));
  return Figure(texts, scores);
}

std::vector<std::string> Others(const ToneFitRecipe& r, const std::string& set) {
  std::vector<std::string> out;
  for (const std::string& s : r.sets) {
    if (s != set) out.push_back(s);
  }
  return out;
}

std::vector<std::string> Measured(const ToneFitRecipe& r) {
  std::vector<std::string> out = r.sets;
  out.insert(out.end(), r.away_only.begin(), r.away_only.end());
  return out;
}

ToneWeightMap Fixed(const ToneFitRecipe& r) {
  return r.fixed_rules ? FixedToneWeights(ToneModel::EmbeddedWeights()[0].text, r.dimension) : ToneWeightMap();
}

struct Context {
  const FeaturedSets& sets;
  const ToneFitPlan& plan;
  const ToneModel& model;
  std::unordered_map<std::string, int> reference;
};

// The words recipe `r` may fit (ToneVocabulary).
ToneVocabulary VocabularyFor(const Context& c, const ToneFitRecipe& r) {
  ToneVocabulary v;
  v.reference = c.reference;
  if (r.lexicon_words.empty()) return v;
  auto wanted = [&](const ToneModel::Phrase& p) {
    return std::any_of(p.categories.begin(), p.categories.end(), [&](uint32_t k) {
      const std::string& name = c.model.categories()[k].name;
      return std::any_of(r.lexicon_words.begin(), r.lexicon_words.end(),
                         [&](const std::string& prefix) { return name.rfind(prefix, 0) == 0; });
    });
  };
  for (uint32_t id = 0; id < c.model.words(); ++id) {
    const ToneModel::Word& w = c.model.word(id);
    for (uint32_t p = w.first_phrase; p < w.first_phrase + w.phrase_count; ++p) {
      const ToneModel::Phrase& phrase = c.model.phrases()[p];
      // Words that are a phrase by themselves: "waste of time" gives "of" no meaning.
      if (phrase.rest.empty() && !phrase.at_start && wanted(phrase)) v.lexicon_words.emplace(c.model.WordText(id));
    }
  }
  return v;
}

// The peers' figures on `set`, turned the dimension's way.
void AddPeers(const TonePeers& peers, const std::string& set, const std::vector<const ToneFitText*>& texts,
              ToneDimension d, ToneAwayRow* row) {
  const double sign = d == ToneDimension::kAbuse || d == ToneDimension::kDemanding ? 1 : -1;
  std::vector<double> neg, compound, profanity;
  for (size_t i = 0; i < texts.size(); ++i) {
    auto it = peers.find(fmt::format("{}:{}", set, i));
    if (it == peers.end()) return;  // the peers scored other texts: no figures
    neg.push_back(sign * it->second.vader_neg);
    compound.push_back(-sign * it->second.vader_compound);
    profanity.push_back(sign * it->second.profanity);
  }
  row->has_peers = true;
  row->vader_neg = Figure(texts, neg);
  row->vader_compound = Figure(texts, compound);
  row->profanity = Figure(texts, profanity);
}

ToneAwayRow AwayRow(const Context& c, const ToneFitRecipe& r, const std::string& set, const ToneModel& model,
                    const TonePeers* peers) {
  ToneAwayRow row;
  row.dimension = r.name;
  row.set = set;
  const std::vector<std::string> others = Others(r, set);
  for (const std::string& o : others) row.fitted_on += (row.fitted_on.empty() ? "" : ", ") + o;
  const std::vector<const ToneFitText*> left_out = c.sets.Pick({set}, "all");
  row.texts = left_out.size();
  for (const ToneFitText* t : left_out) row.positives += t->label >= 0.5;
  row.rank_correlation = Continuous(left_out);
  const ToneWeightMap fixed = Fixed(r);
  const ToneFitted fitted =
      others.empty() ? ToneFitted() : FitToneValidated(r, c.sets.Pick(others, "all"), fixed, VocabularyFor(c, r));
  row.away = FigureOf(fitted, fixed, left_out);
  if (std::find(r.sets.begin(), r.sets.end(), set) != r.sets.end()) {
    // The shipped weights on the held-out texts: every fitted weight of the dimension.
    ToneFitted shipped;
    ToneWeightMap all;
    const int d = static_cast<int>(r.dimension);
    for (uint32_t f = 0; f < model.features(); ++f) {
      if (model.HasWeight(f) && model.FeatureWeights(f)[d] != 0) all[model.FeatureName(f)] = model.FeatureWeights(f)[d];
    }
    row.has_in_domain = true;
    row.in_domain = FigureOf(shipped, all, c.sets.Pick({set}, "test"));
  }
  if (peers != nullptr) AddPeers(*peers, set, left_out, r.dimension, &row);
  return row;
}

// The away-from-home figure of `penalty`: the mean over the sets that can be left out.
bool AwayFigure(const Context& c, const ToneFitRecipe& r, const TonePenalty& penalty, double* out) {
  const ToneWeightMap fixed = Fixed(r);
  const ToneVocabulary vocabulary = VocabularyFor(c, r);
  double sum = 0;
  int folds = 0;
  for (const std::string& set : Measured(r)) {
    const std::vector<std::string> others = Others(r, set);
    if (others.empty()) continue;
    const ToneFitted m = FitTone(r, c.sets.Pick(others, "all"), fixed, vocabulary, penalty);
    sum += FigureOf(m, fixed, c.sets.Pick({set}, "all"));
    ++folds;
  }
  if (folds == 0) return false;
  *out = sum / folds;
  return true;
}

double Logit(double p) { return std::log(p / (1 - p)); }

// The bias for customer mail (fit.toml, "bias").
double MailBias(const Context& c, const ToneFitRecipe& r, const ToneFitted& fitted, const ToneWeightMap& fixed) {
  switch (r.bias) {
    case ToneFitRecipe::Bias::kFitted: return fitted.bias;
    case ToneFitRecipe::Bias::kEmpty: return Logit(r.empty_score);
    case ToneFitRecipe::Bias::kReference: break;
  }
  ToneFitted unbiased = fitted;
  unbiased.bias = 0;
  std::vector<double> ref;
  for (const ToneFitText* t : c.sets.Pick(c.plan.reference_sets, "train")) ref.push_back(ToneLogit(unbiased, fixed, *t));
  std::sort(ref.begin(), ref.end());
  const size_t at = std::min(ref.size() - 1, static_cast<size_t>(ref.size() * (1 - r.reference_flagged)));
  const double at_quantile = ref.empty() ? 0 : -ref[at];
  auto insult = fixed.find("lex:abuse.insult");
  const double one_insult = Logit(r.one_insult) - (insult == fixed.end() ? 0 : insult->second);
  return std::max(at_quantile, one_insult);
}

std::string PenaltyText(const TonePenalty& p) {
  auto one = [](double v) { return v >= 1e8 ? std::string("none fitted") : fmt::format("{:g}", v); };
  return fmt::format("words {}, other {}", one(p.words), one(p.other));
}

void FitRecipe(const Context& c, const ToneFitRecipe& r, std::string* weights, std::string* log) {
  const ToneWeightMap fixed = Fixed(r);
  const std::vector<const ToneFitText*> train = c.sets.Pick(r.sets, "train");
  TonePenalty best = r.penalties.front();
  double best_figure = -2;
  bool away = false;
  for (const TonePenalty& p : r.penalties) {
    double figure;
    if (!AwayFigure(c, r, p, &figure)) break;
    away = true;
    if (figure >= best_figure) {
      best_figure = figure;
      best = p;
    }
  }
  const ToneVocabulary vocabulary = VocabularyFor(c, r);
  ToneFitted fitted = away ? FitTone(r, train, fixed, vocabulary, best) : FitToneValidated(r, train, fixed, vocabulary);
  if (!away) {
    best = fitted.penalty;
    best_figure = fitted.chosen_by;
  }
  const double bias = MailBias(c, r, fitted, fixed);
  const std::string chosen = fmt::format("{}: {} train texts; penalty {} chosen by the {} figure {:.4f}", r.name,
                                         train.size(), PenaltyText(best), away ? "away-from-home" : "validation",
                                         best_figure);
  *log += chosen + "\n";
  fmt::format_to(std::back_inserter(*weights), "# {}\n{}\tbias\t{:.4f}\n", chosen, r.name, bias);
  std::vector<std::pair<std::string, double>> sorted(fitted.weights.begin(), fitted.weights.end());
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
    return std::fabs(a.second) != std::fabs(b.second) ? std::fabs(a.second) > std::fabs(b.second) : a.first < b.first;
  });
  for (const auto& [name, w] : sorted) {
    if (std::fabs(w) >= 0.02) fmt::format_to(std::back_inserter(*weights), "{}\t{}\t{:.4f}\n", r.name, name, w);
  }
}

Status CheckPlan(const FeaturedSets& sets, const ToneFitPlan& plan) {
  for (const std::string& s : plan.reference_sets) NANNI_RETURN_IF_ERROR(sets.Check(s));
  for (const ToneFitRecipe& r : plan.recipes) {
    for (const std::string& s : Measured(r)) NANNI_RETURN_IF_ERROR(sets.Check(s));
  }
  return Status::OK();
}

std::string Escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    switch (ch) {
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default: out += ch;
    }
  }
  return out;
}

bool Number(std::string_view s, double* out) {
  const std::string text(s);
  char* end = nullptr;
  *out = std::strtod(text.c_str(), &end);
  return !text.empty() && end == text.c_str() + text.size() && std::isfinite(*out);
}

}  // namespace

Status WriteToneTexts(const std::vector<ToneTask>& tasks, OutputFile* out) {
  std::string line;
  for (const ToneTask& t : tasks) {
    for (size_t i = 0; i < t.items.size(); ++i) {
      line = fmt::format("{}:{}\t{}\n", t.name, i, Escaped(t.items[i].text));
      NANNI_RETURN_IF_ERROR(out->Write(line));
    }
  }
  return Status::OK();
}

Status ReadTonePeers(const std::string& path, TonePeers* out) {
  out->clear();
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(fmt::format("{}: cannot be read", Printable(path)));
  std::string line;
  static const char* const kFields[] = {"vader_neg", "vader_compound", "profanity"};
  for (int number = 1; std::getline(in, line); ++number) {
    std::vector<std::string_view> f;
    for (size_t at = 0;;) {
      const size_t tab = line.find('\t', at);
      f.push_back(std::string_view(line).substr(at, tab == std::string::npos ? std::string::npos : tab - at));
      if (tab == std::string::npos) break;
      at = tab + 1;
    }
    if (f.size() != 4) {
      return Status::InvalidInput(fmt::format("{}:{}: {} fields, want 4 (ID, vader_neg, vader_compound, profanity)",
                                              Printable(path), number, f.size()));
    }
    double v[3];
    for (int k = 0; k < 3; ++k) {
      if (!Number(f[k + 1], &v[k])) {
        return Status::InvalidInput(fmt::format("{}:{}: {}: '{}' is not a number", Printable(path), number, kFields[k],
                                                Printable(f[k + 1], 40)));
      }
    }
    (*out)[std::string(f[0])] = TonePeerScore{v[0], v[1], v[2]};
  }
  return Status::OK();
}

Status MeasureAwayFromHome(const std::vector<ToneTask>& tasks, const ToneModel& model, const ToneFitPlan& plan,
                           const TonePeers* peers, std::vector<ToneAwayRow>* out) {
  out->clear();
  const FeaturedSets sets(tasks, model);
  NANNI_RETURN_IF_ERROR(CheckPlan(sets, plan));
  const Context c{sets, plan, model, CountReference(sets.Pick(plan.reference_sets, "train"))};
  for (const ToneFitRecipe& r : plan.recipes) {
    for (const std::string& set : Measured(r)) out->push_back(AwayRow(c, r, set, model, peers));
  }
  return Status::OK();
}

Status FitToneWeights(const std::vector<ToneTask>& tasks, const ToneModel& model, const ToneFitPlan& plan,
                      std::string* weights, std::string* log) {
  const FeaturedSets sets(tasks, model);
  NANNI_RETURN_IF_ERROR(CheckPlan(sets, plan));
  const Context c{sets, plan, model, CountReference(sets.Pick(plan.reference_sets, "train"))};
  *weights =
      "# Fitted weights: dimension<TAB>feature<TAB>weight. Written by `nanni tone-eval --fit` from the\n"
      "# train side of the labelled sets as data/tone/fit.toml says (data/tone/README.md); do not edit.\n";
  log->clear();
  for (const ToneFitRecipe& r : plan.recipes) FitRecipe(c, r, weights, log);
  return Status::OK();
}

}  // namespace nanni
