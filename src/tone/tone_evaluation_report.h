// The tone evaluation report: the figures of EvaluateTone (tone_evaluation.h) as the Markdown
// kept in docs/tone-evaluation.md, each target marked met or missed.
#pragma once

#include <string>

#include "tone/tone_evaluation.h"

namespace nanni {

// Targets: politeness accuracy >= 0.80 on each community, negotiation AUC >= 0.85,
// receptiveness rho > 0 with p < 0.01, Davidson AUC >= 0.93; all held out.
std::string ToneEvaluationMarkdown(const ToneEvaluation& e);

}  // namespace nanni
