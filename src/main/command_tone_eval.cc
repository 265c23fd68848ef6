// nanni tone-eval: measures the tone scorer on the labelled sets and writes the report.
#include <fmt/format.h>

#include <cstdio>

#include "main/cli.h"
#include "tone/tone_evaluation.h"
#include "tone/tone_evaluation_report.h"
#include "util/printable.h"

namespace nanni::cli {

namespace {

struct ToneEvalFlags {
  std::string data = "../shared/data/tone";
  std::string out;
  std::string dump_features;
};

Status RunToneEval(const GlobalOptions& global, const ToneEvalFlags& flags) {
  const ToneModel& model = ToneModel::Default();
  ProtectedFiles protect = ProtectedFor(global);
  protect.Add(flags.data, "the --data folder");
  if (!flags.dump_features.empty()) {
    std::unique_ptr<OutputFile> out;
    NANNI_RETURN_IF_ERROR(OutputFile::Open("--dump-features", flags.dump_features, protect, &out));
    NANNI_RETURN_IF_ERROR(DumpToneFeatures(flags.data, model, out.get()));
    NANNI_RETURN_IF_ERROR(out->Commit());
    std::fprintf(stderr, "wrote the features to %s\n", Printable(flags.dump_features, 200).c_str());
    return Status::OK();
  }
  std::unique_ptr<OutputFile> out;
  const std::string path = flags.out.empty() ? "-" : flags.out;
  NANNI_RETURN_IF_ERROR(OutputFile::Open("--out", path, protect, &out));
  ToneEvaluation evaluation;
  NANNI_RETURN_IF_ERROR(EvaluateTone(flags.data, model, &evaluation)
                            .WithSuffix("\nhint: --data names the folder of the labelled CSV files"));
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
  cmd->add_option("--dump-features", flags->dump_features,
                  "Instead, write the features of the fitted sets for scripts/tone_fit.py");
  cmd->footer(
      "Scores the politeness, negotiation, receptiveness, Davidson, Jigsaw and complaint sets\n"
      "(see docs/tone.md) and reports accuracy, AUC and rank correlation on the held-out split.\n\n"
      "Examples:\n  nanni tone-eval --out docs/tone-evaluation.md\n"
      "  nanni tone-eval --data ../shared/data/tone --dump-features /tmp/tone-features.tsv");
  OnChosen(cmd, run, [&global, flags] { return RunToneEval(global, *flags); });
}

}  // namespace nanni::cli
