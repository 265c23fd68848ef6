#include "tone/tone_score.h"

#include <algorithm>
#include <cmath>

namespace nanni {

namespace {
constexpr const char* kNames[kToneDimensions] = {
    "politeness",       "demanding",          "collaboration",    "abuse",
    "threat.legal",     "threat.churn",       "threat.public",    "threat.escalation",
    "threat.personal",  "badger.price_cut",   "badger.credit",    "badger.freebie",
    "badger.match"};
}  // namespace

const char* ToneDimensionName(ToneDimension d) { return kNames[static_cast<int>(d)]; }

bool ParseToneDimension(std::string_view name, ToneDimension* out) {
  for (int i = 0; i < kToneDimensions; ++i) {
    if (name == kNames[i]) {
      *out = static_cast<ToneDimension>(i);
      return true;
    }
  }
  return false;
}

float ToneScore::MaxThreat() const {
  return *std::max_element(score.begin() + 4, score.begin() + 9);
}

float ToneScore::MaxBadgering() const {
  return *std::max_element(score.begin() + 9, score.end());
}

std::vector<ToneReason> ToneScore::ReasonsFor(ToneDimension d) const {
  std::vector<ToneReason> out;
  for (const ToneReason& r : reasons) {
    if (r.dimension == d) out.push_back(r);
  }
  std::stable_sort(out.begin(), out.end(), [](const ToneReason& a, const ToneReason& b) {
    return std::fabs(a.contribution) > std::fabs(b.contribution);
  });
  return out;
}

}  // namespace nanni
