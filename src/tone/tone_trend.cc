#include "tone/tone_trend.h"

#include <fmt/format.h>

#include <algorithm>

#include "util/printable.h"

namespace nanni {

ToneSummary ToneSummary::Of(const ToneScore& s) {
  ToneSummary t;
  for (int d = 0; d < 4; ++d) t.score[d] = s.score[d];
  t.max_threat = s.MaxThreat();
  t.max_badgering = s.MaxBadgering();
  for (int d = static_cast<int>(ToneDimension::kAbuse); d < kToneDimensions; ++d) {
    if (s.score[d] >= 0.5f) t.flagged_sum += s.score[d];
  }
  t.demanding = s.Flagged(ToneDimension::kDemanding);
  t.abusive = s.Flagged(ToneDimension::kAbuse);
  t.threat = t.max_threat >= 0.5f;
  t.badgering = t.max_badgering >= 0.5f;
  return t;
}

void ToneTally::Add(const ToneSummary& s) {
  ++messages;
  for (int d = 0; d < 4; ++d) sum[d] += s.score[d];
  demanding += s.demanding;
  abusive += s.abusive;
  threats += s.threat;
  badgering += s.badgering;
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
                    uint64_t seq, const ToneSummary& summary) {
  auto [it, added] = index_.emplace(account + '\n' + key, contacts_.size());
  if (added) contacts_.push_back(ContactTone{account, key, name, email, {}, {}});
  ContactTone& c = contacts_[it->second];
  c.total.Add(summary);
  c.months[month].Add(summary);

  const double by_category[3] = {summary.score[3], summary.max_threat, summary.max_badgering};
  static const char* const kCategory[3] = {"abuse", "threat", "badgering"};
  for (int k = 0; k < 3; ++k) {
    if (by_category[k] < 0.5) continue;
    ToneStandout s;
    s.category = kCategory[k];
    s.weight = by_category[k] + 0.001 * (summary.flagged_sum - by_category[k]);
    s.account = account;
    s.contact = name.empty() ? key : name;
    s.time = time;
    s.seq = seq;
    Keep(std::move(s), &standouts_[k]);
  }
}

void DescribeStandout(const ToneScore& score, const ToneModel& model, ToneStandout* s) {
  s->text = score.text;
  s->flags.clear();
  s->reasons.clear();
  for (int d = static_cast<int>(ToneDimension::kAbuse); d < kToneDimensions; ++d) {
    if (score.score[d] < 0.5f) continue;
    s->flags.push_back(ToneDimensionName(d));
    std::vector<ToneReason> rs = score.ReasonsFor(static_cast<ToneDimension>(d));
    for (size_t k = 0; k < rs.size() && k < 3; ++k) {
      if (rs[k].contribution <= 0) continue;
      s->reasons.push_back(ReasonLine(score, rs[k], model) + " (" + ToneDimensionName(d) + ")");
    }
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
