#include "tone/tone_evaluation_report.h"

#include <gtest/gtest.h>

namespace nanni {
namespace {

// Figures that meet every target but Stack Exchange's.
ToneEvaluation Figures() {
  ToneEvaluation e;
  e.wikipedia.held_out = {.texts = 100, .positives = 40, .accuracy = 0.85, .auc = 0.9};
  e.stack_exchange.held_out = {.texts = 50, .positives = 20, .accuracy = 0.7, .auc = 0.75};
  e.negotiation.held_out = {.texts = 30, .positives = 10, .auc = 0.91};
  e.receptiveness.held_out = {.texts = 200, .rho = 0.4, .p = 1e-9};
  e.davidson.held_out = {.texts = 10, .positives = 8, .auc = 0.95, .flagged_positives = 0.75,
                         .flagged_others = 0.5};
  e.jigsaw.push_back({"toxic", "abuse",
                      {.texts = 101, .positives = 13, .auc = 0.8, .flagged_right = 9, .flagged_wrong = 4,
                       .missed = 4}});
  return e;
}

bool Has(const std::string& report, const std::string& line) {
  return report.find(line) != std::string::npos;
}

TEST(ToneEvaluationReport, EachFigureInItsRowWithItsTarget) {
  std::string r = ToneEvaluationMarkdown(Figures());
  EXPECT_TRUE(Has(r, "| wikipedia | held-out | 100 (40/60) | 0.850 | 0.900 | met |\n")) << r;
  EXPECT_TRUE(Has(r, "| stackexchange | held-out | 50 (20/30) | 0.700 | 0.750 | **missed** |\n"));
  EXPECT_TRUE(Has(r, "| held-out | 30 (10/20) | 0.910 | met |\n"));
  EXPECT_TRUE(Has(r, "| held-out | 200 | 0.400 | 1e-09 | met |\n"));
  EXPECT_TRUE(Has(r, "| held-out | 10 (8/2) | 0.950 | 0.750 of offensive, 0.500 of neither | met |\n"));
  EXPECT_TRUE(Has(r, "| toxic (13 of 101) | abuse | flagged 13 (9 right, 4 wrong), missed 4; AUC 0.800 |\n"));
}

TEST(ToneEvaluationReport, NamesTheMissedTargetsOrSaysAllAreMet) {
  ToneEvaluation e = Figures();
  std::string r = ToneEvaluationMarkdown(e);
  EXPECT_TRUE(Has(r, "- **Politeness on Stack Exchange: accuracy 0.700 (AUC 0.750)"));
  EXPECT_FALSE(Has(r, "Politeness on Wikipedia"));
  EXPECT_FALSE(Has(r, "Every target is met"));

  e.stack_exchange.held_out.accuracy = 0.8;
  r = ToneEvaluationMarkdown(e);
  EXPECT_FALSE(Has(r, "Politeness on Stack Exchange"));
  EXPECT_TRUE(Has(r, "- Every target is met on the held-out split.\n"));
}

}  // namespace
}  // namespace nanni
