// The tone evaluation: the tone scorer measured on every labelled set (tone_corpus.h), in
// domain and away from home (tone_away.h), as figures (EvaluateTone) that
// tone_evaluation_report.h writes as the report kept in docs/tone-evaluation.md.
//
// Held out: the texts the fitted weights never saw (IsHeldOut); train: the others, shown for
// reference; all: both, for the sets nothing was fitted on.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "tone/tone_away.h"
#include "tone/tone_scorer.h"
#include "util/output_file.h"
#include "util/status.h"

namespace nanni {

// How well a score separates the positive texts of a set (label >= 0.5) from the others. A
// text is flagged when its score is >= 0.5.
struct ToneSeparation {
  size_t texts = 0, positives = 0;
  double accuracy = 0;  // the share of texts flagged exactly when positive
  double auc = 0;       // 0.5 when one class is missing
  // Positives flagged, other texts flagged, positives not flagged; the shares of each class
  // flagged.
  size_t flagged_right = 0, flagged_wrong = 0, missed = 0;
  double flagged_positives = 0, flagged_others = 0;
};

// Spearman's rank correlation of a score with a set's labels, and its p-value.
struct ToneCorrelation {
  size_t texts = 0;
  double rho = 0, p = 1;
};

// Every figure of the report, set by set.
struct ToneEvaluation {
  // Politeness: the polite top quartile of each community against its rude bottom quartile.
  struct Politeness {
    ToneSeparation held_out, train;
  };
  Politeness wikipedia, stack_exchange;

  // Demanding pressure on the negotiation offers (tough against warm); for comparison, the
  // politeness score reversed on all of them, and demanding without its word weights.
  struct Negotiation {
    ToneSeparation held_out, train, politeness_reversed;
    double lexicon_only_auc = 0;  // held out
  } negotiation;

  // Collaboration against the receptiveness of the replies.
  struct Receptiveness {
    ToneCorrelation held_out, train;
  } receptiveness;

  // Abuse on the Davidson tweets (offensive or hate against neither), and the abuse lexicon
  // alone (no word weights).
  struct Davidson {
    ToneSeparation held_out, train;
    double lexicon_only_auc = 0;  // held out
  } davidson;

  // The Jigsaw sample, whole: one row per label and score read.
  struct JigsawRow {
    std::string label;  // "toxic", "insult", "obscene", "threat"
    std::string score;  // "abuse", "threat.personal", "any threat flag"
    ToneSeparation all;
  };
  std::vector<JigsawRow> jigsaw;

  // Complaint tweets, whole: demanding, and rudeness (politeness reversed), against complaint.
  struct Complaints {
    ToneSeparation demanding, rudeness;
  } complaints;

  // Leave one corpus out: each set scored by its dimension fitted on the others, beside the
  // peers (when they were given).
  std::vector<ToneAwayRow> away;
  bool with_peers = false;
};

// Measures the scorer with `model` on the sets found in `dir` into *out; `peers` (may be null)
// are the peers' scores of the same texts (WriteToneTexts, ReadTonePeers).
Status EvaluateTone(const std::string& dir, const ToneModel& model, const TonePeers* peers, ToneEvaluation* out);

}  // namespace nanni
