#include "tone/tone_evaluation.h"

#include <fmt/format.h>

#include <cstdio>
#include <functional>
#include <map>
#include <tuple>

#include "tone/tone_corpus.h"

namespace nanni {

namespace {

struct Scored {
  std::vector<double> score;
  std::vector<double> label;
  std::vector<int> binary;
  size_t positives = 0;
};

// The share of the positive (or negative) items whose score is flagged (>= 0.5).
double FlaggedShare(const Scored& s, bool positive) {
  size_t flagged = 0, items = 0;
  for (size_t i = 0; i < s.score.size(); ++i) {
    if ((s.binary[i] != 0) != positive) continue;
    ++items;
    flagged += s.score[i] >= 0.5;
  }
  return items ? static_cast<double>(flagged) / items : 0.0;
}

// Scores the items of `task` on `split` ("test", "train" or "all") for dimension d.
Scored ScoreTask(const ToneTask& task, ToneScorer* scorer, const std::string& split,
                 const std::function<double(const ToneScore&)>& pick) {
  Scored s;
  ToneScore ts;
  for (const LabelledText& it : task.items) {
    if (split == "test" && !it.held_out) continue;
    if (split == "train" && it.held_out) continue;
    scorer->Score(it.text, &ts);
    s.score.push_back(pick(ts));
    s.label.push_back(it.label);
    s.binary.push_back(it.label >= 0.5 ? 1 : 0);
    s.positives += it.label >= 0.5;
  }
  return s;
}

double Accuracy(const Scored& s, double threshold) {
  size_t ok = 0;
  for (size_t i = 0; i < s.score.size(); ++i) ok += (s.score[i] >= threshold) == (s.binary[i] == 1);
  return s.score.empty() ? 0 : static_cast<double>(ok) / s.score.size();
}

const ToneTask* Find(const std::vector<ToneTask>& tasks, const std::string& name) {
  for (const ToneTask& t : tasks) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

double Politeness(const ToneScore& s) { return s.score[0]; }
double Demanding(const ToneScore& s) { return s.score[1]; }
double Collaboration(const ToneScore& s) { return s.score[2]; }
double Abuse(const ToneScore& s) { return s.score[3]; }
double Personal(const ToneScore& s) { return s.score[static_cast<int>(ToneDimension::kThreatPersonal)]; }
double AnyThreat(const ToneScore& s) { return s.MaxThreat(); }

// The logit of dimension d without its word and bigram weights: what the lexicon, the rules
// and the style features alone say (a baseline for what the fitted words add).
std::function<double(const ToneScore&)> LexiconOnly(const ToneModel& model, ToneDimension d) {
  return [&model, d](const ToneScore& s) {
    double z = 0;
    for (const ToneReason& r : s.reasons) {
      if (r.dimension != d) continue;
      const std::string& f = model.FeatureName(r.feature);
      if (f.rfind("w:", 0) != 0 && f.rfind("b:", 0) != 0) z += r.contribution;
    }
    return z;
  };
}

const char* Mark(double v, double target) { return v >= target ? "met" : "**missed**"; }

// Precision and recall of the flag (score >= 0.5) against the labels.
std::string FlagLine(const Scored& s) {
  size_t tp = 0, fp = 0, fn = 0;
  for (size_t i = 0; i < s.score.size(); ++i) {
    bool f = s.score[i] >= 0.5;
    tp += f && s.binary[i];
    fp += f && !s.binary[i];
    fn += !f && s.binary[i];
  }
  return fmt::format("flagged {} ({} right, {} wrong), missed {}; AUC {:.3f}", tp + fp, tp, fp, fn,
                     Auc(s.score, s.binary));
}

}  // namespace

Status EvaluateTone(const std::string& dir, const ToneModel& model, std::string* report,
                    ToneFigures* fig) {
  std::vector<ToneTask> tasks;
  NANNI_RETURN_IF_ERROR(LoadToneTasks(dir, &tasks));
  ToneScorer scorer(model);
  std::string& r = *report;
  r = "# Tone scorer: evaluation on labelled data\n\n"
      "Written by `nanni tone-eval` (src/tone/tone_evaluation.cc) from the sets in\n"
      "`../shared/data/tone` (see its README). Rerun it after any change to `data/tone/`.\n\n"
      "**Split.** Every text is held out for testing when FNV-1a-64 of its bytes is 0 modulo 4\n"
      "(about 25%; `IsHeldOut` in src/tone/tone_corpus.h); the fitted weights in\n"
      "`data/tone/weights_fitted.tsv` were fitted by `scripts/tone_fit.py` on the other 75% only.\n"
      "Every figure marked *held-out* is on texts the weights never saw. Sets nothing was fitted\n"
      "on (Jigsaw, complaint tweets, and the politeness model read on the negotiation offers) are\n"
      "measured whole. In fairness: the hand-written lexicon, the hand-set weights and the choice\n"
      "of which features each dimension may use were settled while these figures were being\n"
      "watched (and while reading Jigsaw and Twitter support messages), so the held-out split is\n"
      "not untouched by the design; no fitted weight saw a held-out text.\n\n";
  ToneFigures f;
  // Politeness.
  r += "## Politeness: polite top quartile against rude bottom quartile\n\n"
       "Quartiles of the corpus's `Normalized Score` within each community; accuracy of the\n"
       "politeness score at the default threshold 0.5, and AUC. Target: accuracy >= 0.80 on each.\n\n"
       "| community | split | n (polite/rude) | accuracy | AUC | target |\n|---|---|---|---|---|---|\n";
  for (const char* name : {"politeness.wikipedia", "politeness.stackexchange"}) {
    const ToneTask* t = Find(tasks, name);
    for (const char* split : {"test", "train"}) {
      Scored s = ScoreTask(*t, &scorer, split, Politeness);
      double acc = Accuracy(s, 0.5), auc = Auc(s.score, s.binary);
      bool test = std::string(split) == "test";
      if (test && std::string(name) == "politeness.wikipedia") { f.wiki_accuracy = acc; f.wiki_auc = auc; }
      if (test && std::string(name) == "politeness.stackexchange") { f.se_accuracy = acc; f.se_auc = auc; }
      r += fmt::format("| {} | {} | {} ({}/{}) | {:.3f} | {:.3f} | {} |\n", name + 11,
                       test ? "held-out" : "train (for reference)", s.score.size(), s.positives,
                       s.score.size() - s.positives, acc, auc, test ? Mark(acc, 0.80) : "");
    }
  }
  // Negotiation.
  {
    const ToneTask* t = Find(tasks, "negotiation");
    Scored s = ScoreTask(*t, &scorer, "test", Demanding);
    Scored tr = ScoreTask(*t, &scorer, "train", Demanding);
    Scored pol = ScoreTask(*t, &scorer, "all", Politeness);
    for (double& v : pol.score) v = -v;
    Scored lex = ScoreTask(*t, &scorer, "test", LexiconOnly(model, ToneDimension::kDemanding));
    f.negotiation_auc = Auc(s.score, s.binary);
    r += fmt::format(
        "\n## Demanding pressure: warm against tough offers\n\n"
        "Offers written by people told to be tough (positive) or warm, phone and sugar-bowl sets\n"
        "together. AUC of the demanding score against \"tough\". Target: >= 0.85.\n\n"
        "| split | n (tough/warm) | AUC | target |\n|---|---|---|---|\n"
        "| held-out | {} ({}/{}) | {:.3f} | {} |\n| train (for reference) | {} | {:.3f} | |\n\n"
        "For comparison, the politeness score (never fitted on these offers), reversed, on all {}:\n"
        "AUC {:.3f}; demanding from its lexicon and style features alone (no word weights), held-out:\n"
        "AUC {:.3f}.\n",
        s.score.size(), s.positives, s.score.size() - s.positives, f.negotiation_auc,
        Mark(f.negotiation_auc, 0.85), tr.score.size(), Auc(tr.score, tr.binary), pol.score.size(),
        Auc(pol.score, pol.binary), Auc(lex.score, lex.binary));
  }
  // Receptiveness.
  {
    const ToneTask* t = Find(tasks, "receptiveness");
    Scored s = ScoreTask(*t, &scorer, "test", Collaboration);
    Scored tr = ScoreTask(*t, &scorer, "train", Collaboration);
    double p = 1, ptr = 1;
    f.receptiveness_rho = Spearman(s.score, s.label, &p);
    f.receptiveness_p = p;
    double rho_tr = Spearman(tr.score, tr.label, &ptr);
    r += fmt::format(
        "\n## Collaboration: receptiveness replies\n\n"
        "Spearman rank correlation of the collaboration score with the replies' receptiveness\n"
        "score. Target: positive and significant.\n\n"
        "| split | n | Spearman rho | p | target |\n|---|---|---|---|---|\n"
        "| held-out | {} | {:.3f} | {:.2g} | {} |\n| train (for reference) | {} | {:.3f} | {:.2g} | |\n",
        s.score.size(), f.receptiveness_rho, p,
        (f.receptiveness_rho > 0 && p < 0.01) ? "met" : "**missed**", tr.score.size(), rho_tr, ptr);
  }
  // Davidson.
  {
    const ToneTask* t = Find(tasks, "davidson");
    Scored s = ScoreTask(*t, &scorer, "test", Abuse);
    Scored tr = ScoreTask(*t, &scorer, "train", Abuse);
    Scored lex = ScoreTask(*t, &scorer, "test", LexiconOnly(model, ToneDimension::kAbuse));
    f.davidson_auc = Auc(s.score, s.binary);
    r += fmt::format(
        "\n## Abuse: Davidson tweets, offensive or hate against neither\n\n"
        "AUC of the abuse score. Target: >= 0.93.\n\n"
        "| split | n (offensive or hate/neither) | AUC | flagged at 0.5 | target |\n|---|---|---|---|---|\n"
        "| held-out | {} ({}/{}) | {:.3f} | {:.3f} of offensive, {:.3f} of neither | {} |\n"
        "| train (for reference) | {} | {:.3f} | | |\n\n"
        "The abuse lexicon alone (insults, profanity, slurs, contempt; no fitted word weights), held-out:\n"
        "AUC {:.3f}. The fitted words add what tweets say that a lexicon of customer abuse does not.\n",
        s.score.size(), s.positives, s.score.size() - s.positives, f.davidson_auc,
        FlaggedShare(s, true), FlaggedShare(s, false),
        Mark(f.davidson_auc, 0.93), tr.score.size(), Auc(tr.score, tr.binary), Auc(lex.score, lex.binary));
  }
  // Jigsaw.
  {
    r += "\n## Jigsaw sample (smoke test, 101 comments, nothing fitted on it)\n\n"
         "| label | score | result at the flag threshold 0.5 |\n|---|---|---|\n";
    struct Row { const char* task; const char* what; double (*pick)(const ToneScore&); };
    for (const Row& row : {Row{"jigsaw.toxic", "abuse", Abuse}, Row{"jigsaw.insult", "abuse", Abuse},
                           Row{"jigsaw.obscene", "abuse", Abuse},
                           Row{"jigsaw.threat", "threat.personal", Personal},
                           Row{"jigsaw.threat", "any threat flag", AnyThreat}}) {
      Scored s = ScoreTask(*Find(tasks, row.task), &scorer, "all", row.pick);
      r += fmt::format("| {} ({} of {}) | {} | {} |\n", row.task + 7, s.positives, s.score.size(),
                       row.what, FlagLine(s));
    }
  }
  // Complaints.
  {
    Scored s = ScoreTask(*Find(tasks, "complaints"), &scorer, "all", Demanding);
    Scored p = ScoreTask(*Find(tasks, "complaints"), &scorer, "all", Politeness);
    for (double& v : p.score) v = -v;
    r += fmt::format(
        "\n## Complaint tweets (no target, nothing fitted on it)\n\n"
        "{} tweets to brands, {} labelled complaints: AUC of demanding against complaint {:.3f}; of\n"
        "rudeness (politeness reversed) {:.3f}. Complaints are often polite, so these are modest.\n",
        s.score.size(), s.positives, Auc(s.score, s.binary), Auc(p.score, p.binary));
  }
  r += "\n## Where a target is missed, and what limits it\n\n";
  bool missed = false;
  for (auto [name, acc, auc] : {std::tuple{"Wikipedia", f.wiki_accuracy, f.wiki_auc},
                                std::tuple{"Stack Exchange", f.se_accuracy, f.se_auc}}) {
    if (acc >= 0.80) continue;
    missed = true;
    if (std::string(name) != "Stack Exchange") {
      r += fmt::format("- **Politeness on {}: accuracy {:.3f} (AUC {:.3f}) against the target 0.80.**\n",
                       name, acc, auc);
      continue;
    }
    r += fmt::format(
        "- **Politeness on {}: accuracy {:.3f} (AUC {:.3f}) against the target 0.80.** The Stack\n"
        "  Exchange quartiles lie close together (the bottom quartile ends near -0.34 and the top\n"
        "  starts near +0.42 on a scale of about -4 to +3), so many of its \"rude\" and \"polite\"\n"
        "  requests differ by a shade the five annotators barely agreed on; the corpus's own paper\n"
        "  (Danescu-Niculescu-Mizil et al., 2013) reports 78% in-domain for its best classifier\n"
        "  here, trained by cross-validation on all of it, itself under 0.80. The weights are one\n"
        "  model for both communities (customer mail has no community), fitted on 75% of each;\n"
        "  a Stack-Exchange-only fit did no better on the validation slice (AUC about 0.67). More\n"
        "  politeness strategies with finer rules (the paper's dependency-parse features) would be\n"
        "  the next step.\n",
        name, acc, auc);
  }
  if (!missed) r += "- Every target is met on the held-out split.\n";
  r += "- The Jigsaw sample is a smoke test (13 toxic comments in 101): the abuse flag catches\n"
       "  most of them, and its false flags are mostly lexicon words used about something other\n"
       "  than the reader (\"disgrace\", \"shameful\" about a third party) that Jigsaw did not\n"
       "  label toxic. Threat phrases are deliberately narrow: one comment in 101 is a threat.\n";
  if (fig != nullptr) *fig = f;
  return Status::OK();
}

Status DumpToneFeatures(const std::string& dir, const ToneModel& model, OutputFile* out) {
  std::vector<ToneTask> tasks;
  NANNI_RETURN_IF_ERROR(LoadToneTasks(dir, &tasks));
  ToneScorer scorer(model);
  const std::map<std::string, std::string> fitted = {
      {"politeness.wikipedia", "politeness"}, {"politeness.stackexchange", "politeness"},
      {"negotiation", "demanding"}, {"receptiveness", "collaboration"}, {"davidson", "abuse"}};
  std::vector<std::pair<std::string, float>> features;
  std::string line;
  for (const ToneTask& t : tasks) {
    auto it = fitted.find(t.name);
    if (it == fitted.end()) continue;
    for (const LabelledText& item : t.items) {
      scorer.Features(item.text, &features);
      line = fmt::format("{}\t{}\t{}\t{}", it->second, t.name, item.held_out ? "test" : "train", item.label);
      for (const auto& [name, value] : features) fmt::format_to(std::back_inserter(line), "\t{}={}", name, value);
      line += '\n';
      NANNI_RETURN_IF_ERROR(out->Write(line));
    }
  }
  return Status::OK();
}

}  // namespace nanni
