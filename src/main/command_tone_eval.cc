// nanni tone-eval: measures the tone scorer on the labelled sets and writes the report.
#include <fmt/format.h>

#include <cstdio>

#include "main/cli.h"
#include "tone/tone_evaluation.h"
#include "tone/tone_evaluation_report.h"
#include "tone/tone_fit.h"
#include "util/printable.h"

namespace nanni::cli {

namespace {

struct ToneEvalFlags {
  std::string data = "../shared/data/tone";
  std::string out;
  std::string fit;
  std::string dump_texts;
  std::string peers;
};

const char* const kDataHint = "\nhint: --data names the folder of the labelled CSV files";

Status LoadTasks(const ToneEvalFlags& flags, std::vector<ToneTask>* tasks) {
  return LoadToneTasks(flags.data, tasks).WithSuffix(kDataHint);
}

// --fit: the weights of data/tone/weights_fitted.tsv, refitted.
Status Fit(const ToneEvalFlags& flags, const ProtectedFiles& protect) {
  std::vector<ToneTask> tasks;
  NANNI_RETURN_IF_ERROR(LoadTasks(flags, &tasks));
  std::string weights, log;
  NANNI_RETURN_IF_ERROR(FitToneWeights(tasks, ToneModel::Default(), EmbeddedToneFitPlan(), &weights, &log));
  std::unique_ptr<OutputFile> out;
  NANNI_RETURN_IF_ERROR(OutputFile::Open("--fit", flags.fit, protect, &out));
  NANNI_RETURN_IF_ERROR(out->Write(weights));
  NANNI_RETURN_IF_ERROR(out->Commit());
  std::fprintf(stderr, "%swrote %s (rebuild to use it)\n", log.c_str(), Printable(flags.fit, 200).c_str());
  return Status::OK();
}

// --dump-texts: every labelled text, for the peers.
Status DumpTexts(const ToneEvalFlags& flags, const ProtectedFiles& protect) {
  std::vector<ToneTask> tasks;
  NANNI_RETURN_IF_ERROR(LoadTasks(flags, &tasks));
  std::unique_ptr<OutputFile> out;
  NANNI_RETURN_IF_ERROR(OutputFile::Open("--dump-texts", flags.dump_texts, protect, &out));
  NANNI_RETURN_IF_ERROR(WriteToneTexts(tasks, out.get()));
  NANNI_RETURN_IF_ERROR(out->Commit());
  std::fprintf(stderr, "wrote the texts to %s\n", Printable(flags.dump_texts, 200).c_str());
  return Status::OK();
}

Status RunToneEval(const GlobalOptions& global, const ToneEvalFlags& flags) {
  const ToneModel& model = ToneModel::Default();
  ProtectedFiles protect = ProtectedFor(global);
  protect.Add(flags.data, "the --data folder");
  if (!flags.peers.empty()) protect.Add(flags.peers, "the --peers file");
  if (!flags.fit.empty()) return Fit(flags, protect);
  if (!flags.dump_texts.empty()) return DumpTexts(flags, protect);
  TonePeers peers;
  if (!flags.peers.empty()) NANNI_RETURN_IF_ERROR(ReadTonePeers(flags.peers, &peers));
  std::unique_ptr<OutputFile> out;
  const std::string path = flags.out.empty() ? "-" : flags.out;
  NANNI_RETURN_IF_ERROR(OutputFile::Open("--out", path, protect, &out));
  ToneEvaluation evaluation;
  NANNI_RETURN_IF_ERROR(
      EvaluateTone(flags.data, model, flags.peers.empty() ? nullptr : &peers, &evaluation).WithSuffix(kDataHint));
  NANNI_RETURN_IF_ERROR(out->Write(ToneEvaluationMarkdown(evaluation)));
  NANNI_RETURN_IF_ERROR(out->Commit());
  if (path != "-") std::fprintf(stderr, "wrote %s\n", Printable(path, 200).c_str());
  return Status::OK();
}

}  // namespace

void RegisterToneEvalCommand(CLI::App& app, GlobalOptions& global, CommandRun* run) {
  auto flags = std::make_shared<ToneEvalFlags>();
  CLI::App* cmd = app.add_subcommand("tone-eval", "Measure the tone scorer on labelled data");
  cmd->add_option("--data", flags->data, "Folder of the labelled CSV files")->capture_default_str();
  cmd->add_option("--out", flags->out, "Write the Markdown report here (default: stdout)");
  cmd->add_option("--peers", flags->peers,
                  "The peers' scores of the texts (bench/peers/tone_peers.mjs), reported beside nanni's");
  cmd->add_option("--fit", flags->fit, "Instead, refit the learnt weights into this file (data/tone/fit.toml)");
  cmd->add_option("--dump-texts", flags->dump_texts, "Instead, write every labelled text here, for the peers");
  cmd->footer(
      "Scores the politeness, negotiation, receptiveness, Davidson, Jigsaw and complaint sets\n"
      "(see docs/tone.md) and reports accuracy, AUC and rank correlation on the held-out split,\n"
      "then away from home: each set scored by its dimension fitted on the other sets only.\n\n"
      "Examples:\n  scripts/tone-eval.sh    (the peers, then the report into docs/tone-evaluation.md)\n"
      "  nanni tone-eval --out docs/tone-evaluation.md\n"
      "  nanni tone-eval --fit data/tone/weights_fitted.tsv   (then rebuild)\n"
      "  nanni tone-eval --dump-texts /tmp/texts.tsv && node bench/peers/tone_peers.mjs /tmp/texts.tsv /tmp/peers.tsv\n"
      "  nanni tone-eval --peers /tmp/peers.tsv --out docs/tone-evaluation.md");
  OnChosen(cmd, run, [&global, flags] { return RunToneEval(global, *flags); });
}

}  // namespace nanni::cli
