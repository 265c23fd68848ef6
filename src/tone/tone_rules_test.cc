// Data-driven tests of the tone rules: each case of tests/data/tone/rules.tsv scores a
// message and checks a dimension's flag and its reasons (the feature and the exact words).
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "tone/tone_scorer.h"

namespace nanni {
namespace {

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  std::istringstream in(s);
  while (std::getline(in, cur, sep)) out.push_back(cur);
  return out;
}

std::string Unescape(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size() && s[i + 1] == 'n') {
      out += '\n';
      ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string Explain(const ToneScore& score, ToneDimension d) {
  std::string out = fmt::format("{} = {:.3f}, reasons:", ToneDimensionName(d), score.Score(d));
  for (const ToneReason& r : score.ReasonsFor(d)) {
    out += fmt::format(" [{}={}@{} {:+.2f}]", ToneModel::Default().FeatureName(r.feature),
                       score.ReasonText(r), r.value, r.contribution);
  }
  return out;
}

TEST(ToneRules, EveryCaseInTheDataFile) {
  std::ifstream in(std::string(NANNI_TEST_DATA) + "/tone/rules.tsv");
  ASSERT_TRUE(in) << "tests/data/tone/rules.tsv is missing";
  const ToneModel& model = ToneModel::Default();
  ToneScorer scorer(model);
  ToneScore score;
  std::string line;
  int line_no = 0, cases = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f = Split(line, '\t');
    ASSERT_EQ(f.size(), 4u) << "rules.tsv:" << line_no << ": expected 4 tab-separated fields";
    ToneDimension d;
    ASSERT_TRUE(ParseToneDimension(f[0], &d)) << "rules.tsv:" << line_no << ": " << f[0];
    std::string text = Unescape(f[3]);
    scorer.Score(text, &score);
    std::string where = fmt::format("rules.tsv:{}: {}\n  {}", line_no, f[3], Explain(score, d));
    if (f[1] == "yes") {
      EXPECT_TRUE(score.Flagged(d)) << where;
    }
    if (f[1] == "no") {
      EXPECT_FALSE(score.Flagged(d)) << where;
    }
    if (f[2] != "-") {
      for (const std::string& check : Split(f[2], ';')) {
        std::vector<ToneReason> reasons = score.ReasonsFor(d);
        if (check[0] == '!') {
          for (const ToneReason& r : reasons) {
            EXPECT_NE(model.FeatureName(r.feature), check.substr(1)) << where;
          }
          continue;
        }
        size_t eq = check.find('='), at = check.find('@');
        std::string feature = check.substr(0, eq);
        std::string words = check.substr(eq + 1, at == std::string::npos ? std::string::npos : at - eq - 1);
        double value = at == std::string::npos ? -1 : std::stod(check.substr(at + 1));
        bool found = false;
        for (const ToneReason& r : reasons) {
          if (model.FeatureName(r.feature) != feature || score.ReasonText(r) != words) continue;
          if (value >= 0 && std::fabs(r.value - value) > 1e-4) continue;
          found = true;
          EXPECT_NE(r.contribution, 0.0f) << where;
        }
        EXPECT_TRUE(found) << where << "\n  missing reason: " << check;
      }
    }
    ++cases;
  }
  EXPECT_GE(cases, 40);
}

}  // namespace
}  // namespace nanni
