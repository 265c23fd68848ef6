// The tone evaluation: scores every labelled set (tone_corpus.h) and writes the report kept in
// docs/tone-evaluation.md; and the feature dump the weight fitter (scripts/tone_fit.py) reads.
#pragma once

#include <string>

#include "tone/tone_scorer.h"
#include "util/output_file.h"
#include "util/status.h"

namespace nanni {

// One measured figure, also returned for tests.
struct ToneFigures {
  double wiki_accuracy = 0, wiki_auc = 0, se_accuracy = 0, se_auc = 0;
  double negotiation_auc = 0, receptiveness_rho = 0, receptiveness_p = 1, davidson_auc = 0;
};

// Scores the sets found in `dir` and writes the report as Markdown to *report.
Status EvaluateTone(const std::string& dir, const ToneModel& model, std::string* report,
                    ToneFigures* figures);

// Writes one line per text of the fitted tasks to `out` (the caller commits it):
// "DIMENSION<TAB>SET<TAB>train|test<TAB>LABEL<TAB>FEATURE=VALUE<TAB>..." (DIMENSION:
// politeness, demanding, collaboration, abuse; SET: the labelled set, e.g. politeness.wikipedia).
Status DumpToneFeatures(const std::string& dir, const ToneModel& model, OutputFile* out);

}  // namespace nanni
