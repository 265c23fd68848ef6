// Tests of the tone fitter: the recipes of data/tone/fit.toml, their errors, and what a fit
// learns from a toy set whose answer is known.
#include "tone/tone_fit.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace nanni {
namespace {

constexpr char kRecipe[] = R"(reference_sets = ["politeness.wikipedia"]

[politeness]
sets = ["politeness.wikipedia"]
away_only = []
families = ["lex", "w"]
lexicon = ["polite."]
min_texts = 2
reference_max = -1
lexicon_words = []
nonnegative_words = false
balanced = false
fixed_rules = false
penalties = [[1.0, 1.0]]
bias = "fitted"
)";

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return text.replace(at, from.size(), to);
}

Status Parse(const std::string& toml, ToneFitPlan* plan) { return ParseToneFitPlan(toml, "fit.toml", plan); }

TEST(ToneFitPlanTest, EmbeddedPlanNamesEveryFittedDimension) {
  const ToneFitPlan& plan = EmbeddedToneFitPlan();
  ASSERT_EQ(plan.recipes.size(), 4u);
  std::vector<std::string> names;
  for (const ToneFitRecipe& r : plan.recipes) names.push_back(r.name);
  EXPECT_EQ(names, (std::vector<std::string>{"abuse", "collaboration", "demanding", "politeness"}));
  const ToneFitRecipe& abuse = plan.recipes[0];
  EXPECT_EQ(abuse.bias, ToneFitRecipe::Bias::kReference);
  EXPECT_TRUE(abuse.nonnegative_words);
  EXPECT_EQ(abuse.lexicon_words, std::vector<std::string>{"abuse."});
  EXPECT_EQ(plan.recipes[2].bias, ToneFitRecipe::Bias::kEmpty);
  EXPECT_DOUBLE_EQ(plan.recipes[2].empty_score, 0.15);
  EXPECT_EQ(plan.recipes[3].bias, ToneFitRecipe::Bias::kFitted);
}

TEST(ToneFitPlanTest, ParsesARecipe) {
  ToneFitPlan plan;
  ASSERT_TRUE(Parse(kRecipe, &plan).ok());
  ASSERT_EQ(plan.recipes.size(), 1u);
  const ToneFitRecipe& r = plan.recipes[0];
  EXPECT_EQ(r.dimension, ToneDimension::kPoliteness);
  EXPECT_EQ(r.families, (std::vector<std::string>{"lex", "w"}));
  EXPECT_EQ(r.min_texts, 2);
  ASSERT_EQ(r.penalties.size(), 1u);
  EXPECT_EQ(r.bias, ToneFitRecipe::Bias::kFitted);
  EXPECT_EQ(plan.reference_sets, std::vector<std::string>{"politeness.wikipedia"});
}

// Each broken recipe is refused with the table and key named.
TEST(ToneFitPlanTest, ErrorsNameTheTableAndKey) {
  struct Case {
    std::string from, to, message;
  };
  const std::vector<Case> cases = {
      {"[politeness]", "[triage]", "fit.toml: [triage]: not a fitted dimension"},
      {"[\"lex\", \"w\"]", "[\"lex\", \"words\"]", "[politeness].families: 'words' is none of lex, style, w, b"},
      {"min_texts = 2\n", "", "[politeness].min_texts: must be an integer"},
      {"min_texts = 2", "min_texts = -5", "[politeness].min_texts: must be an integer from -1"},
      {"[[1.0, 1.0]]", "[]", "[politeness].penalties: must be a non-empty array"},
      {"[[1.0, 1.0]]", "[[1.0, -2.0]]", "[politeness].penalties: must be pairs of non-negative numbers"},
      {"[[1.0, 1.0]]", "[[1.0]]", "[politeness].penalties: must be pairs"},
      {"\"fitted\"", "\"median\"", "[politeness].bias: must be \"fitted\", \"reference\" or a probability"},
      {"\"fitted\"", "1.5", "[politeness].bias: must be a number between 0 and 1"},
      {"\"fitted\"", "\"reference\"", "[politeness].reference_flagged: must be a number between 0 and 1"},
      {"balanced = false", "balanced = 3", "[politeness].balanced: must be true or false"},
      {"\nsets = [\"politeness.wikipedia\"]", "\nsets = [1]", "[politeness].sets: must be an array of strings"},
      {"reference_sets = [\"politeness.wikipedia\"]", "reference_sets = \"all\"", "fit.toml.reference_sets: must be an array"},
  };
  for (const Case& c : cases) {
    ToneFitPlan plan;
    const Status st = Parse(Replace(kRecipe, c.from, c.to), &plan);
    ASSERT_FALSE(st.ok()) << c.to;
    EXPECT_NE(st.message().find(c.message), std::string::npos) << st.message();
  }
}

TEST(ToneFitPlanTest, BadTomlNamesTheLine) {
  ToneFitPlan plan;
  const Status st = Parse("reference_sets = [\n[politeness\n", &plan);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("fit.toml:"), std::string::npos) << st.message();
}

// A toy set: "w:kind" marks the positive texts, "w:rude" the negative ones, "w:the" both;
// "w:rare" appears once.
std::vector<ToneFitText> ToySet() {
  std::vector<ToneFitText> texts;
  for (int i = 0; i < 40; ++i) {
    ToneFitText t;
    const bool positive = i % 2 == 0;
    t.label = positive ? 1 : 0;
    t.hash = 0x9E3779B97F4A7C15ull * (i + 1);
    t.features = {{positive ? "w:kind" : "w:rude", 1.0f}, {"w:the", 1.0f}, {"lex:polite.hedge", positive ? 1.0f : 0.0f}};
    if (i == 3) t.features.push_back({"w:rare", 1.0f});
    texts.push_back(std::move(t));
  }
  return texts;
}

std::vector<const ToneFitText*> Pointers(const std::vector<ToneFitText>& texts) {
  std::vector<const ToneFitText*> out;
  for (const ToneFitText& t : texts) out.push_back(&t);
  return out;
}

ToneFitRecipe ToyRecipe() {
  ToneFitPlan plan;
  EXPECT_TRUE(Parse(kRecipe, &plan).ok());
  return plan.recipes[0];
}

TEST(ToneFitTest, LearnsTheSignAndSkipsRareWords) {
  const std::vector<ToneFitText> texts = ToySet();
  const ToneFitted m = FitTone(ToyRecipe(), Pointers(texts), {}, {}, TonePenalty{1, 1});
  ASSERT_TRUE(m.weights.count("w:kind") && m.weights.count("w:rude"));
  EXPECT_GT(m.weights.at("w:kind"), 0.2);
  EXPECT_LT(m.weights.at("w:rude"), -0.2);
  EXPECT_GT(m.weights.at("lex:polite.hedge"), 0);
  EXPECT_EQ(m.weights.count("w:rare"), 0u);  // in fewer than min_texts texts
  EXPECT_GT(ToneLogit(m, {}, texts[0]), 0);
  EXPECT_LT(ToneLogit(m, {}, texts[1]), 0);
}

TEST(ToneFitTest, IsDeterministic) {
  const std::vector<ToneFitText> texts = ToySet();
  const ToneFitted a = FitTone(ToyRecipe(), Pointers(texts), {}, {}, TonePenalty{1, 1});
  const ToneFitted b = FitTone(ToyRecipe(), Pointers(texts), {}, {}, TonePenalty{1, 1});
  EXPECT_EQ(a.bias, b.bias);
  EXPECT_EQ(a.weights, b.weights);
}

TEST(ToneFitTest, ARecipeLimitsWhatIsFitted) {
  const std::vector<ToneFitText> texts = ToySet();
  ToneFitRecipe r = ToyRecipe();
  r.nonnegative_words = true;
  ToneFitted m = FitTone(r, Pointers(texts), {}, {}, TonePenalty{1, 1});
  EXPECT_EQ(m.weights.count("w:rude"), 0u);  // held at zero
  EXPECT_GT(m.weights.at("w:kind"), 0);

  m = FitTone(ToyRecipe(), Pointers(texts), {}, {}, TonePenalty{1e9, 1});
  EXPECT_EQ(m.weights.count("w:kind"), 0u);  // the word family left at zero
  EXPECT_GT(m.weights.at("lex:polite.hedge"), 0);

  r = ToyRecipe();
  r.families = {"w"};
  m = FitTone(r, Pointers(texts), {}, {}, TonePenalty{1, 1});
  EXPECT_EQ(m.weights.count("lex:polite.hedge"), 0u);

  r = ToyRecipe();
  r.reference_max = 5;
  ToneVocabulary vocabulary;
  vocabulary.reference = {{"w:the", 100}, {"w:kind", 1}};
  m = FitTone(r, Pointers(texts), {}, vocabulary, TonePenalty{1, 1});
  EXPECT_EQ(m.weights.count("w:the"), 0u);  // common in ordinary requests
  EXPECT_EQ(m.weights.count("w:kind"), 1u);

  r = ToyRecipe();
  r.lexicon_words = {"polite."};
  vocabulary = ToneVocabulary();
  vocabulary.lexicon_words = {"kind"};
  m = FitTone(r, Pointers(texts), {}, vocabulary, TonePenalty{1, 1});
  EXPECT_EQ(m.weights.count("w:kind"), 1u);
  EXPECT_EQ(m.weights.count("w:rude"), 0u);  // no lexicon phrase
}

// A hand-set weight is an offset: it is not refitted, and it counts in the logit.
TEST(ToneFitTest, FixedWeightsAreAnOffset) {
  const std::vector<ToneFitText> texts = ToySet();
  const ToneWeightMap fixed = {{"w:kind", 4.0}};
  const ToneFitted m = FitTone(ToyRecipe(), Pointers(texts), fixed, {}, TonePenalty{1, 1});
  EXPECT_EQ(m.weights.count("w:kind"), 0u);
  const ToneFitted without = FitTone(ToyRecipe(), Pointers(texts), {}, {}, TonePenalty{1, 1});
  EXPECT_GT(ToneLogit(m, fixed, texts[0]) - ToneLogit(m, {}, texts[0]), 3.99);
  EXPECT_NE(ToneLogit(m, fixed, texts[0]), ToneLogit(without, {}, texts[0]));
}

TEST(ToneFitTest, ValidatedFitChoosesAPenaltyAndReportsItsFigure) {
  const std::vector<ToneFitText> texts = ToySet();
  ToneFitRecipe r = ToyRecipe();
  r.penalties = {TonePenalty{1e9, 1e9}, TonePenalty{1, 1}};
  const ToneFitted m = FitToneValidated(r, Pointers(texts), {}, {});
  EXPECT_EQ(m.penalty.words, 1);  // everything at zero ranks nothing
  EXPECT_DOUBLE_EQ(m.chosen_by, 1.0);
}

TEST(ToneFitTest, FixedToneWeightsReadsOneDimension) {
  const ToneWeightMap w = FixedToneWeights(
      "# comment\nabuse\tlex:abuse.insult\t2.5\nabuse\tbias\t-3\npoliteness\tlex:polite.hedge\t1\n"
      "abuse\tlex:abuse.insult\t0.5\n",
      ToneDimension::kAbuse);
  ASSERT_EQ(w.size(), 1u);
  EXPECT_DOUBLE_EQ(w.at("lex:abuse.insult"), 3.0);
}

}  // namespace
}  // namespace nanni
