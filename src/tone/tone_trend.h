// ToneTrend: tone per contact and per month over many scored messages, and the messages that
// stand out (abuse, threats, badgering), for `nanni tone --account` and `--all`.
//
// It works from a ToneSummary of each message, the few numbers it needs, so that it can be
// fed from the analytic index without scoring the messages again. Add() takes each message
// once, in any order (the order decides ties, as noted); everything it keeps is copied. The
// standouts it picks carry no text yet: DescribeStandout() fills it in from the message's
// full score, which the caller computes for those few messages only.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "tone/tone_model.h"
#include "tone/tone_score.h"

namespace nanni {

// What the trend needs of one message's scores.
struct ToneSummary {
  float score[4] = {0, 0, 0, 0};  // politeness, demanding, collaboration, abuse
  float max_threat = 0, max_badgering = 0;
  double flagged_sum = 0;  // the flagged scores of abuse, every threat and every badgering, summed
  bool demanding = false, abusive = false, threat = false, badgering = false;  // flagged

  static ToneSummary Of(const ToneScore& score);
};

// Sums over a set of messages. The means are over messages; the counts are of flags.
struct ToneTally {
  uint32_t messages = 0;
  double sum[4] = {0, 0, 0, 0};  // politeness, demanding, collaboration, abuse scores
  uint32_t demanding = 0, abusive = 0, threats = 0, badgering = 0;  // flagged messages

  void Add(const ToneSummary& s);
  void Merge(const ToneTally& other);
  double Mean(int dimension) const { return messages ? sum[dimension] / messages : 0; }
  double Share(uint32_t count) const { return messages ? static_cast<double>(count) / messages : 0; }
};

struct ContactTone {
  std::string account, key, name, email;  // key: the contact's one identity (event/contact_key.h)
  ToneTally total;
  std::map<std::string, ToneTally> months;  // "2026-03" (in the message's own offset)
};

// One message worth quoting, with what flagged it.
struct ToneStandout {
  std::string category;  // "abuse", "threat" or "badgering": the list it stands out in
  double weight = 0;     // its score there, plus 0.001 x the sum of its other flagged scores
  std::string account, contact, time, text;  // text: the scored new text (DescribeStandout)
  uint64_t seq = 0;
  std::vector<std::string> flags;    // "abuse", "threat.legal", ... (DescribeStandout)
  std::vector<std::string> reasons;  // "\"pathetic\" lex:abuse.insult +1.9 (abuse)"
};

class ToneTrend {
 public:
  // Keeps the `keep_standouts` strongest messages of each category; of equal weights, the
  // one added first.
  explicit ToneTrend(size_t keep_standouts = 5) : keep_(keep_standouts) {}

  void Add(const std::string& account, const std::string& key, const std::string& name,
           const std::string& email, const std::string& month, const std::string& time,
           uint64_t seq, const ToneSummary& summary);

  // Contacts in the order first seen.
  const std::vector<ContactTone>& contacts() const { return contacts_; }

  // The standouts: abuse, then threats, then badgering, each strongest first (then by seq),
  // without their text, flags and reasons.
  std::vector<ToneStandout> Standouts() const;

 private:
  void Keep(ToneStandout s, std::vector<ToneStandout>* list);

  size_t keep_;
  std::vector<ContactTone> contacts_;
  std::map<std::string, size_t> index_;  // account + '\n' + key
  std::vector<ToneStandout> standouts_[3];  // abuse, threat, badgering: at most keep_ each
};

// Fills in a standout's text, flags and reasons from the full score of its message.
void DescribeStandout(const ToneScore& score, const ToneModel& model, ToneStandout* standout);

// "\"pathetic\" lex:abuse.insult +1.90": one reason as text, the matched words quoted
// through Printable.
std::string ReasonLine(const ToneScore& score, const ToneReason& r, const ToneModel& model);

}  // namespace nanni
