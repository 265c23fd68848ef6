// The tone scorer away from home: each labelled set left out in turn, its dimension fitted on
// the dimension's other sets and scored on the one left out (leave one corpus out), beside
// peers computed on the same texts; and the fit of data/tone/weights_fitted.tsv, whose
// penalties are chosen by those away-from-home figures (data/tone/fit.toml).
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "tone/tone_corpus.h"
#include "tone/tone_fit.h"
#include "tone/tone_model.h"
#include "util/output_file.h"
#include "util/status.h"

namespace nanni {

// One text's scores by the peers (bench/peers/tone_peers.mjs).
struct TonePeerScore {
  double vader_neg = 0, vader_compound = 0, profanity = 0;
};
// By text id: "SET:N", the N-th text (from 0) of the set as LoadToneTasks reads it.
using TonePeers = std::unordered_map<std::string, TonePeerScore>;

// Writes "SET:N<TAB>TEXT" for every text of every set, the text escaped (\\, \t, \n, \r), for
// the peers to score. The caller commits `out`.
Status WriteToneTexts(const std::vector<ToneTask>& tasks, OutputFile* out);
// Reads the peers' "ID<TAB>NEG<TAB>COMPOUND<TAB>PROFANITY" lines; errors name FILE:LINE and field.
Status ReadTonePeers(const std::string& path, TonePeers* out);

// One set left out.
struct ToneAwayRow {
  std::string dimension;   // "abuse"
  std::string set;         // "davidson"
  std::string fitted_on;   // the other sets, ", "-separated; empty: none (hand-set weights only)
  bool rank_correlation = false;  // the figures are Spearman's rho (a continuous label), else AUC
  size_t texts = 0, positives = 0;
  double away = 0;         // the dimension fitted on the other sets, scored on this one (all of it)
  bool has_in_domain = false;
  double in_domain = 0;    // the shipped weights on this set's held-out texts
  bool has_peers = false;  // each peer turned the dimension's way (more negative: more abusive)
  double vader_neg = 0, vader_compound = 0, profanity = 0;
};

// The figures for every set of every recipe of `plan`. `peers` may be null.
Status MeasureAwayFromHome(const std::vector<ToneTask>& tasks, const ToneModel& model, const ToneFitPlan& plan,
                           const TonePeers* peers, std::vector<ToneAwayRow>* out);

// Fits every recipe of `plan` on the train side of its sets into the text of a
// weights_fitted.tsv (*weights), saying what it chose in *log (a line per dimension).
Status FitToneWeights(const std::vector<ToneTask>& tasks, const ToneModel& model, const ToneFitPlan& plan,
                      std::string* weights, std::string* log);

}  // namespace nanni
