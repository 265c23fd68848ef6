#include "tone/tone_evaluation.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>

#include "tone/tone_corpus.h"

namespace nanni {

namespace {

struct Scored {
  std::vector<double> score;
  std::vector<double> label;
  std::vector<int> binary;
  size_t positives = 0;
};

using Pick = std::function<double(const ToneScore&)>;

// Scores the items of `task` on `split` ("test", "train" or "all") with `pick`.
Scored ScoreTask(const ToneTask& task, ToneScorer* scorer, const std::string& split, const Pick& pick) {
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

double Accuracy(const Scored& s, double threshold) {
  size_t ok = 0;
  for (size_t i = 0; i < s.score.size(); ++i) ok += (s.score[i] >= threshold) == (s.binary[i] == 1);
  return s.score.empty() ? 0 : static_cast<double>(ok) / s.score.size();
}

ToneSeparation Separate(const Scored& s) {
  ToneSeparation f;
  f.texts = s.score.size();
  f.positives = s.positives;
  f.accuracy = Accuracy(s, 0.5);
  f.auc = Auc(s.score, s.binary);
  for (size_t i = 0; i < s.score.size(); ++i) {
    bool flagged = s.score[i] >= 0.5;
    f.flagged_right += flagged && s.binary[i];
    f.flagged_wrong += flagged && !s.binary[i];
    f.missed += !flagged && s.binary[i];
  }
  f.flagged_positives = FlaggedShare(s, true);
  f.flagged_others = FlaggedShare(s, false);
  return f;
}

ToneCorrelation Correlate(const Scored& s) {
  ToneCorrelation c;
  c.texts = s.score.size();
  c.rho = Spearman(s.score, s.label, &c.p);
  return c;
}

Scored Reversed(Scored s) {
  for (double& v : s.score) v = -v;
  return s;
}

// The task `name`: LoadToneTasks loads every task or fails.
const ToneTask& Find(const std::vector<ToneTask>& tasks, const std::string& name) {
  return *std::find_if(tasks.begin(), tasks.end(), [&](const ToneTask& t) { return t.name == name; });
}

double Politeness(const ToneScore& s) { return s.score[0]; }
double Demanding(const ToneScore& s) { return s.score[1]; }
double Collaboration(const ToneScore& s) { return s.score[2]; }
double Abuse(const ToneScore& s) { return s.score[3]; }
double Personal(const ToneScore& s) { return s.score[static_cast<int>(ToneDimension::kThreatPersonal)]; }
double AnyThreat(const ToneScore& s) { return s.MaxThreat(); }

// The logit of dimension d without its word and bigram weights: what the lexicon, the rules
// and the style features alone say (a baseline for what the fitted words add).
Pick LexiconOnly(const ToneModel& model, ToneDimension d) {
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

ToneEvaluation::Politeness MeasurePoliteness(const ToneTask& task, ToneScorer* scorer) {
  return {Separate(ScoreTask(task, scorer, "test", Politeness)),
          Separate(ScoreTask(task, scorer, "train", Politeness))};
}

ToneEvaluation::Negotiation MeasureNegotiation(const ToneTask& task, const ToneModel& model,
                                               ToneScorer* scorer) {
  ToneEvaluation::Negotiation n;
  n.held_out = Separate(ScoreTask(task, scorer, "test", Demanding));
  n.train = Separate(ScoreTask(task, scorer, "train", Demanding));
  n.politeness_reversed = Separate(Reversed(ScoreTask(task, scorer, "all", Politeness)));
  n.lexicon_only_auc =
      Separate(ScoreTask(task, scorer, "test", LexiconOnly(model, ToneDimension::kDemanding))).auc;
  return n;
}

ToneEvaluation::Receptiveness MeasureReceptiveness(const ToneTask& task, ToneScorer* scorer) {
  return {Correlate(ScoreTask(task, scorer, "test", Collaboration)),
          Correlate(ScoreTask(task, scorer, "train", Collaboration))};
}

ToneEvaluation::Davidson MeasureDavidson(const ToneTask& task, const ToneModel& model, ToneScorer* scorer) {
  ToneEvaluation::Davidson d;
  d.held_out = Separate(ScoreTask(task, scorer, "test", Abuse));
  d.train = Separate(ScoreTask(task, scorer, "train", Abuse));
  d.lexicon_only_auc =
      Separate(ScoreTask(task, scorer, "test", LexiconOnly(model, ToneDimension::kAbuse))).auc;
  return d;
}

std::vector<ToneEvaluation::JigsawRow> MeasureJigsaw(const std::vector<ToneTask>& tasks, ToneScorer* scorer) {
  struct Row {
    const char* label;
    const char* score;
    double (*pick)(const ToneScore&);
  };
  std::vector<ToneEvaluation::JigsawRow> rows;
  for (const Row& row : {Row{"toxic", "abuse", Abuse}, Row{"insult", "abuse", Abuse},
                         Row{"obscene", "abuse", Abuse}, Row{"threat", "threat.personal", Personal},
                         Row{"threat", "any threat flag", AnyThreat}}) {
    const ToneTask& task = Find(tasks, std::string("jigsaw.") + row.label);
    rows.push_back({row.label, row.score, Separate(ScoreTask(task, scorer, "all", row.pick))});
  }
  return rows;
}

ToneEvaluation::Complaints MeasureComplaints(const ToneTask& task, ToneScorer* scorer) {
  return {Separate(ScoreTask(task, scorer, "all", Demanding)),
          Separate(Reversed(ScoreTask(task, scorer, "all", Politeness)))};
}

// The phone and sugar-bowl offers as one set.
ToneTask Negotiation(const std::vector<ToneTask>& tasks) {
  ToneTask all{"negotiation", "", {}};
  for (const char* name : {"negotiation.phone", "negotiation.bowl"}) {
    const ToneTask& t = Find(tasks, name);
    all.source += (all.source.empty() ? "" : " + ") + t.source;
    all.items.insert(all.items.end(), t.items.begin(), t.items.end());
  }
  return all;
}

}  // namespace

Status EvaluateTone(const std::string& dir, const ToneModel& model, const TonePeers* peers, ToneEvaluation* out) {
  std::vector<ToneTask> tasks;
  NANNI_RETURN_IF_ERROR(LoadToneTasks(dir, &tasks));
  ToneScorer scorer(model);
  ToneEvaluation& e = *out;
  e.wikipedia = MeasurePoliteness(Find(tasks, "politeness.wikipedia"), &scorer);
  e.stack_exchange = MeasurePoliteness(Find(tasks, "politeness.stackexchange"), &scorer);
  e.negotiation = MeasureNegotiation(Negotiation(tasks), model, &scorer);
  e.receptiveness = MeasureReceptiveness(Find(tasks, "receptiveness"), &scorer);
  e.davidson = MeasureDavidson(Find(tasks, "davidson"), model, &scorer);
  e.jigsaw = MeasureJigsaw(tasks, &scorer);
  e.complaints = MeasureComplaints(Find(tasks, "complaints"), &scorer);
  e.with_peers = peers != nullptr;
  return MeasureAwayFromHome(tasks, model, EmbeddedToneFitPlan(), peers, &e.away);
}

}  // namespace nanni
