// The labelled text sets the tone scorer is measured on (../shared/data/tone, see its README),
// read into one shape, with the deterministic train/test split and the measures used.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "util/status.h"

namespace nanni {

// Reads an RFC 4180 CSV file (quoted fields may hold commas, "" and newlines) into rows of
// fields. A final row cut inside quotes is kept as read. IOError when the file cannot be read.
Status ReadCsvFile(const std::string& path, std::vector<std::vector<std::string>>* rows);
void ParseCsv(std::string_view data, std::vector<std::vector<std::string>>* rows);

// The split: a text is held out for testing when FNV-1a-64(text) % 4 == 0 (about 25%), so the
// same text always falls on the same side, whatever file or order it comes in.
bool IsHeldOut(std::string_view text);
// FNV-1a-64 of the text's bytes.
uint64_t ToneTextHash(std::string_view text);

struct LabelledText {
  std::string text;
  double label = 0;   // 1/0 for binary tasks, the score for receptiveness
  bool held_out = false;
};

// One task: the texts of a corpus with the label the task reads.
struct ToneTask {
  std::string name;     // "politeness.wikipedia", "negotiation", "receptiveness", "davidson", ...
  std::string source;   // file name(s) under the data folder
  std::vector<LabelledText> items;
};

// Loads the tasks from `dir` (the folder holding the CSV files):
//   politeness.wikipedia / politeness.stackexchange: label 1 for the top quartile of
//     "Normalized Score" in that file, 0 for the bottom quartile (the middle is left out);
//   negotiation.phone / negotiation.bowl: label 1 "tough" (condition 0), 0 "warm";
//   receptiveness: label = the receptiveness score;
//   davidson: label 1 offensive or hate (class 0 or 1), 0 neither (class 2);
//   jigsaw.toxic / jigsaw.threat / jigsaw.insult / jigsaw.obscene: that column;
//   complaints: label 1 complaint, 0 not.
Status LoadToneTasks(const std::string& dir, std::vector<ToneTask>* tasks);

// Area under the ROC curve of `scores` against 0/1 `labels` (ties count half). 0.5 when one
// class is missing.
double Auc(const std::vector<double>& scores, const std::vector<int>& labels);
// Spearman's rank correlation (average ranks for ties) and its two-sided p-value (t
// distribution approximated by the normal, fine for n > 100).
double Spearman(const std::vector<double>& x, const std::vector<double>& y, double* p_value);

}  // namespace nanni
