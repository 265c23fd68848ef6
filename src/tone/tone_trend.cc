#include "tone/tone_trend.h"

#include <fmt/format.h>

#include <algorithm>

#include "util/printable.h"

namespace nanni {

void ToneTally::Add(const ToneScore& s) {
  ++messages;
  for (int d = 0; d < 4; ++d) sum[d] += s.score[d];
  demanding += s.Flagged(ToneDimension::kDemanding);
  abusive += s.Flagged(ToneDimension::kAbuse);
  threats += s.MaxThreat() >= 0.5f;
  badgering += s.MaxBadgering() >= 0.5f;
}

void ToneTally::Merge(const ToneTally& o) {
  messages += o.messages;
  for (int d = 0; d < 4; ++d) sum[d] += o.sum[d];
  demanding += o.demanding;
  abusive += o.abusive;
  threats += o.threats;
  badgering += o.badgering;
}

std::string ReasonLine(const ToneScore& score, const ToneReason& r, const ToneModel& model) {
  return fmt::format("\"{}\" {} {:+.2f}", Printable(score.ReasonText(r), 60), model.FeatureName(r.feature),
                     r.contribution);
}

void ToneTrend::Add(const std::string& account, const std::string& key, const std::string& name,
                    const std::string& email, const std::string& month, const std::string& time,
                    uint64_t seq, const ToneScore& score, const ToneModel& model) {
  auto [it, added] = index_.emplace(account + '\n' + key, contacts_.size());
  if (added) contacts_.push_back(ContactTone{account, key, name, email, {}, {}});
  ContactTone& c = contacts_[it->second];
  c.total.Add(score);
  c.months[month].Add(score);

  std::vector<std::string> flags;
  double total = 0;
  for (int d = static_cast<int>(ToneDimension::kAbuse); d < kToneDimensions; ++d) {
    if (score.score[d] < 0.5f) continue;
    flags.push_back(ToneDimensionName(d));
    total += score.score[d];
  }
  if (flags.empty()) return;
  const double by_category[3] = {score.score[static_cast<int>(ToneDimension::kAbuse)], score.MaxThreat(),
                                 score.MaxBadgering()};
  static const char* const kCategory[3] = {"abuse", "threat", "badgering"};
  ToneStandout s{"", 0, account, name.empty() ? key : name, time, score.text, seq, flags, {}};
  bool reasons_done = false;
  for (int c = 0; c < 3; ++c) {
    if (by_category[c] < 0.5) continue;
    if (!reasons_done) {
      for (int d = static_cast<int>(ToneDimension::kAbuse); d < kToneDimensions; ++d) {
        if (score.score[d] < 0.5f) continue;
        std::vector<ToneReason> rs = score.ReasonsFor(static_cast<ToneDimension>(d));
        for (size_t k = 0; k < rs.size() && k < 3; ++k) {
          if (rs[k].contribution <= 0) continue;
          s.reasons.push_back(ReasonLine(score, rs[k], model) + " (" + ToneDimensionName(d) + ")");
        }
      }
      reasons_done = true;
    }
    s.category = kCategory[c];
    s.weight = by_category[c] + 0.001 * (total - by_category[c]);
    Keep(s, &standouts_[c]);
  }
}

void ToneTrend::Keep(ToneStandout s, std::vector<ToneStandout>* list) {
  if (keep_ == 0) return;
  if (list->size() >= keep_) {
    auto weakest = std::min_element(list->begin(), list->end(), [](const auto& a, const auto& b) {
      return a.weight != b.weight ? a.weight < b.weight : a.seq > b.seq;
    });
    if (weakest->weight >= s.weight) return;
    list->erase(weakest);
  }
  list->push_back(std::move(s));
}

std::vector<ToneStandout> ToneTrend::Standouts() const {
  std::vector<ToneStandout> out;
  for (const auto& list : standouts_) {
    std::vector<ToneStandout> sorted = list;
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
      if (a.weight != b.weight) return a.weight > b.weight;
      return a.seq < b.seq;
    });
    out.insert(out.end(), sorted.begin(), sorted.end());
  }
  return out;
}

}  // namespace nanni
