// ToneScore: what the tone scorer found in one message, with the reasons for every score.
//
// Each dimension has a logit z = baseline + sum of the contributions of its reasons, and a
// score = 1 / (1 + exp(-z)) in [0, 1]; a dimension is flagged when its score is >= 0.5.
// Scales (docs/tone.md):
//   politeness     0 rude ... 1 polite (0.5: the line between the two)
//   demanding      0 no pressure ... 1 strong pressure (urgency, deadlines, "unacceptable")
//   collaboration  0 dismissive ... 1 collaborative (gratitude, hedges, "let's", offers)
//   abuse          0 none ... 1 abusive (insults, profanity, contempt)
//   threat.*       one flag per kind of threat: legal, churn, public, escalation, personal
//   badger.*       one flag per form of discount badgering: price_cut, credit, freebie, match
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nanni {

enum class ToneDimension : uint8_t {
  kPoliteness,
  kDemanding,
  kCollaboration,
  kAbuse,
  kThreatLegal,
  kThreatChurn,
  kThreatPublic,
  kThreatEscalation,
  kThreatPersonal,
  kBadgerPriceCut,
  kBadgerCredit,
  kBadgerFreebie,
  kBadgerMatch,
};
constexpr int kToneDimensions = 13;

// "politeness", "demanding", ..., "threat.legal", ..., "badger.match".
const char* ToneDimensionName(ToneDimension d);
inline const char* ToneDimensionName(int d) { return ToneDimensionName(static_cast<ToneDimension>(d)); }
bool ParseToneDimension(std::string_view name, ToneDimension* out);
inline bool IsThreat(int d) { return d >= 4 && d <= 8; }
inline bool IsBadgering(int d) { return d >= 9 && d <= 12; }

// One thing that moved one dimension: the feature (e.g. "lex:threat.legal", "w:thanks",
// "b:could you", "style:exclaim_repeat"), where it matched in ToneScore::text, and by how much
// it moved the dimension's logit (value x weight, after negation, intensifiers and caps).
struct ToneReason {
  ToneDimension dimension;
  uint32_t feature;       // index into ToneModel::FeatureName()
  uint32_t begin, size;   // the matched span of ToneScore::text
  float value;            // 1, or more when intensified or in capitals
  float contribution;     // value x weight, in logit units
};

struct ToneScore {
  std::string text;                            // the new text that was scored (no quotes, no code)
  std::array<float, kToneDimensions> baseline{};  // each dimension's bias
  std::array<float, kToneDimensions> logit{};
  std::array<float, kToneDimensions> score{};
  std::vector<ToneReason> reasons;             // in the order they were found
  uint32_t words = 0;                          // word tokens in `text`

  float Score(ToneDimension d) const { return score[static_cast<int>(d)]; }
  bool Flagged(ToneDimension d) const { return score[static_cast<int>(d)] >= 0.5f; }
  // The highest threat and badgering scores, and whether any threat or badgering is flagged.
  float MaxThreat() const;
  float MaxBadgering() const;
  std::string_view ReasonText(const ToneReason& r) const {
    return std::string_view(text).substr(r.begin, r.size);
  }
  // The reasons of one dimension, largest |contribution| first.
  std::vector<ToneReason> ReasonsFor(ToneDimension d) const;
};

}  // namespace nanni
