#include "tone/tone_evaluation_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

namespace nanni {

namespace {

const char* Mark(double v, double target) { return v >= target ? "met" : "**missed**"; }

void Introduction(std::string* r) {
  *r += "# Tone scorer: evaluation on labelled data\n\n"
        "Written by `scripts/tone-eval.sh`, which runs `nanni tone-eval` on the sets in\n"
        "`../shared/data/tone` (see its README) with the peers scored on the same texts (figures:\n"
        "src/tone/tone_evaluation.cc and tone_away.cc; this text: src/tone/tone_evaluation_report.cc).\n"
        "Rerun it after any change to `data/tone/`; the test suite checks that this file is its output.\n\n"
        "**Split.** Every text is held out for testing when FNV-1a-64 of its bytes is 0 modulo 4\n"
        "(about 25%; `IsHeldOut` in src/tone/tone_corpus.h); the fitted weights in\n"
        "`data/tone/weights_fitted.tsv` were fitted by `nanni tone-eval --fit` (recipes in\n"
        "`data/tone/fit.toml`) on the other 75% only.\n"
        "Every figure marked *held-out* is on texts the weights never saw. Sets nothing was fitted\n"
        "on (Jigsaw, complaint tweets, and the politeness model read on the negotiation offers) are\n"
        "measured whole. In fairness: the hand-written lexicon, the hand-set weights and the choice\n"
        "of which features each dimension may use were settled while these figures were being\n"
        "watched (and while reading Jigsaw and Twitter support messages), so the held-out split is\n"
        "not untouched by the design; no fitted weight saw a held-out text.\n\n";
}

void PolitenessRow(const char* community, const char* split, const ToneSeparation& s, const char* mark,
                   std::string* r) {
  *r += fmt::format("| {} | {} | {} ({}/{}) | {:.3f} | {:.3f} | {} |\n", community, split, s.texts,
                    s.positives, s.texts - s.positives, s.accuracy, s.auc, mark);
}

void Politeness(const ToneEvaluation& e, std::string* r) {
  *r += "## Politeness: polite top quartile against rude bottom quartile\n\n"
        "Quartiles of the corpus's `Normalized Score` within each community; accuracy of the\n"
        "politeness score at the default threshold 0.5, and AUC. Target: accuracy >= 0.80 on\n"
        "Wikipedia, >= 0.75 on Stack Exchange.\n\n"
        "| community | split | n (polite/rude) | accuracy | AUC | target |\n|---|---|---|---|---|---|\n";
  for (auto [community, figures, target] : {std::tuple{"wikipedia", &e.wikipedia, 0.80},
                                            std::tuple{"stackexchange", &e.stack_exchange, 0.75}}) {
    PolitenessRow(community, "held-out", figures->held_out, Mark(figures->held_out.accuracy, target), r);
    PolitenessRow(community, "train (for reference)", figures->train, "", r);
  }
}

void Negotiation(const ToneEvaluation::Negotiation& n, std::string* r) {
  const ToneSeparation& s = n.held_out;
  *r += fmt::format(
      "\n## Demanding pressure: warm against tough offers\n\n"
      "Offers written by people told to be tough (positive) or warm, phone and sugar-bowl sets\n"
      "together. AUC of the demanding score against \"tough\". Target: >= 0.85.\n\n"
      "| split | n (tough/warm) | AUC | target |\n|---|---|---|---|\n"
      "| held-out | {} ({}/{}) | {:.3f} | {} |\n| train (for reference) | {} | {:.3f} | |\n\n"
      "For comparison, the politeness score (never fitted on these offers), reversed, on all {}:\n"
      "AUC {:.3f}; demanding from its lexicon and style features alone (no word weights), held-out:\n"
      "AUC {:.3f}.\n",
      s.texts, s.positives, s.texts - s.positives, s.auc, Mark(s.auc, 0.85), n.train.texts, n.train.auc,
      n.politeness_reversed.texts, n.politeness_reversed.auc, n.lexicon_only_auc);
}

void Receptiveness(const ToneEvaluation::Receptiveness& c, std::string* r) {
  const bool met = c.held_out.rho > 0 && c.held_out.p < 0.01;
  *r += fmt::format(
      "\n## Collaboration: receptiveness replies\n\n"
      "Spearman rank correlation of the collaboration score with the replies' receptiveness\n"
      "score. Target: positive and significant.\n\n"
      "| split | n | Spearman rho | p | target |\n|---|---|---|---|---|\n"
      "| held-out | {} | {:.3f} | {:.2g} | {} |\n| train (for reference) | {} | {:.3f} | {:.2g} | |\n",
      c.held_out.texts, c.held_out.rho, c.held_out.p, met ? "met" : "**missed**", c.train.texts, c.train.rho,
      c.train.p);
}

void Davidson(const ToneEvaluation::Davidson& d, std::string* r) {
  const ToneSeparation& s = d.held_out;
  *r += fmt::format(
      "\n## Abuse: Davidson tweets, offensive or hate against neither\n\n"
      "AUC of the abuse score. Target: >= 0.93.\n\n"
      "| split | n (offensive or hate/neither) | AUC | flagged at 0.5 | target |\n|---|---|---|---|---|\n"
      "| held-out | {} ({}/{}) | {:.3f} | {:.3f} of offensive, {:.3f} of neither | {} |\n"
      "| train (for reference) | {} | {:.3f} | | |\n\n"
      "The abuse lexicon alone (insults, profanity, slurs, contempt; no fitted word weights), held-out:\n"
      "AUC {:.3f}. The fitted words add what tweets say that a lexicon of customer abuse does not.\n",
      s.texts, s.positives, s.texts - s.positives, s.auc, s.flagged_positives, s.flagged_others,
      Mark(s.auc, 0.93), d.train.texts, d.train.auc, d.lexicon_only_auc);
}

void Jigsaw(const std::vector<ToneEvaluation::JigsawRow>& rows, std::string* r) {
  *r += "\n## Jigsaw sample (smoke test, 101 comments, nothing fitted on it)\n\n"
        "| label | score | result at the flag threshold 0.5 |\n|---|---|---|\n";
  for (const ToneEvaluation::JigsawRow& row : rows) {
    const ToneSeparation& s = row.all;
    *r += fmt::format("| {} ({} of {}) | {} | flagged {} ({} right, {} wrong), missed {}; AUC {:.3f} |\n",
                      row.label, s.positives, s.texts, row.score, s.flagged_right + s.flagged_wrong,
                      s.flagged_right, s.flagged_wrong, s.missed, s.auc);
  }
}

void Complaints(const ToneEvaluation::Complaints& c, std::string* r) {
  *r += fmt::format(
      "\n## Complaint tweets (no target, nothing fitted on it)\n\n"
      "{} tweets to brands, {} labelled complaints: AUC of demanding against complaint {:.3f}; of\n"
      "rudeness (politeness reversed) {:.3f}. Complaints are often polite, so these are modest.\n",
      c.demanding.texts, c.demanding.positives, c.demanding.auc, c.rudeness.auc);
}

void MissedTargets(const ToneEvaluation& e, std::string* r) {
  *r += "\n## Where a target is missed, and what limits it\n\n";
  bool missed = false;
  const ToneSeparation& wiki = e.wikipedia.held_out;
  if (wiki.accuracy < 0.80) {
    missed = true;
    *r += fmt::format("- **Politeness on Wikipedia: accuracy {:.3f} (AUC {:.3f}) against the target 0.80.**\n",
                      wiki.accuracy, wiki.auc);
  }
  const ToneSeparation& se = e.stack_exchange.held_out;
  if (se.accuracy < 0.75) {
    missed = true;
    *r += fmt::format(
        "- **Politeness on Stack Exchange: accuracy {:.3f} (AUC {:.3f}) against the target 0.75.** The Stack\n"
        "  Exchange quartiles lie close together (the bottom quartile ends near -0.34 and the top\n"
        "  starts near +0.42 on a scale of about -4 to +3), so many of its \"rude\" and \"polite\"\n"
        "  requests differ by a shade the five annotators barely agreed on. What the corpus paper\n"
        "  (Danescu-Niculescu-Mizil et al., 2013) names as telling them apart is rare here: on the\n"
        "  training quartiles gratitude is in 4.9% of polite and 0.7% of rude requests, \"can/will\n"
        "  you\" in 14.1% and 6.8%, hedges in 12.7% and 9.5%, a request opening with \"why\" in 0.4%\n"
        "  and 5.4%; most requests carry none of them. Two measurements bound what words alone can\n"
        "  do on this split: a unigram and bigram logistic regression (the paper's bag-of-words\n"
        "  baseline, fitted on the same 75%) reaches 0.659 (AUC 0.721) on the held-out quarter while\n"
        "  reaching 0.800 on Wikipedia, as the paper's 79.8%; and a Stack-Exchange-only fit of\n"
        "  nanni's features reaches 0.637 (AUC 0.688). The paper's own best, 78% in-domain, is by\n"
        "  cross-validation on the whole set with dependency-parse features. The target 0.75 looks\n"
        "  out of reach for an explainable word-and-rule model on this split; the weights stay one\n"
        "  model for both communities (customer mail has no community).\n",
        se.accuracy, se.auc);
  }
  if (!missed) *r += "- Every target is met on the held-out split.\n";
  *r += "- The Jigsaw sample is a smoke test (13 toxic comments in 101): the abuse flag catches\n"
        "  most of them, and its false flags are mostly lexicon words used about something other\n"
        "  than the reader (\"disgrace\", \"shameful\" about a third party) that Jigsaw did not\n"
        "  label toxic. Threat phrases are deliberately narrow: one comment in 101 is a threat.\n";
}

std::string PeerCell(const ToneAwayRow& row, double v) { return row.has_peers ? fmt::format("{:.3f}", v) : "-"; }

// The abuse target away from home: >= 0.80 and 0.05 above VADER's better score.
std::string AwayMark(const ToneAwayRow& row) {
  if (row.dimension != "abuse") return "";
  if (!row.has_peers) return row.away >= 0.80 ? "met (>= 0.80; peers not run)" : "**missed**";
  const double vader = std::max(row.vader_neg, row.vader_compound);
  return row.away >= 0.80 && row.away >= vader + 0.05 ? "met" : "**missed**";
}

void AwayFromHome(const ToneEvaluation& e, std::string* r) {
  *r += "\n## Away from home: each set left out\n\n"
        "Each labelled set in turn is left out: its dimension is fitted (`nanni tone-eval --fit`'s\n"
        "fitter, data/tone/fit.toml) on the dimension's *other* sets only, its penalty chosen on a\n"
        "validation slice of those, and scored on every text of the set left out. Where no other\n"
        "set bears on the dimension, only the hand-set weights and the lexicon score it. *In domain*\n"
        "is the shipped weights on the set's held-out quarter. The peers score the same texts in\n"
        "the same run (`bench/peers/tone_peers.mjs`): VADER's negativity and compound scores and a\n"
        "count of the words the `cuss` list rates profane, each turned the dimension's way (for\n"
        "politeness and collaboration, less negative is better). Figures are AUC, or Spearman's\n"
        "rho for receptiveness. Target for abuse: >= 0.80 and at least 0.05 above VADER's better score.\n\n"
        "| dimension | left out | n (positive) | fitted on | away | in domain | VADER neg | VADER compound | profanity | target |\n"
        "|---|---|---|---|---|---|---|---|---|---|\n";
  for (const ToneAwayRow& row : e.away) {
    *r += fmt::format("| {} | {} | {} ({}) | {} | {:.3f}{} | {} | {} | {} | {} | {} |\n", row.dimension, row.set,
                      row.texts, row.rank_correlation ? "-" : fmt::format("{}", row.positives),
                      row.fitted_on.empty() ? "nothing: hand-set weights only" : row.fitted_on, row.away,
                      row.rank_correlation ? " (rho)" : "",
                      row.has_in_domain ? fmt::format("{:.3f}", row.in_domain) : "-", PeerCell(row, row.vader_neg),
                      PeerCell(row, row.vader_compound), PeerCell(row, row.profanity), AwayMark(row));
  }
  if (!e.with_peers) *r += "\nThe peers were not run (see the command at the top).\n";
}

}  // namespace

std::string ToneEvaluationMarkdown(const ToneEvaluation& e) {
  std::string r;
  Introduction(&r);
  Politeness(e, &r);
  Negotiation(e.negotiation, &r);
  Receptiveness(e.receptiveness, &r);
  Davidson(e.davidson, &r);
  Jigsaw(e.jigsaw, &r);
  Complaints(e.complaints, &r);
  AwayFromHome(e, &r);
  MissedTargets(e, &r);
  return r;
}

}  // namespace nanni
