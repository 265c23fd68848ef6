// tone_bench: MB/s of text scored by the tone scorer on one core.
//
// Usage: build/release/bench/tone_bench [DATA_DIR] [MEGABYTES]
// Scores every text of the labelled tone sets (DATA_DIR, default ../shared/data/tone) over
// and over until MEGABYTES (default 200) of text have been scored, with reasons, on one
// thread, and prints the rate; and, for reference, the rate of the tokenizer alone and of
// a plain copy of the same bytes (the floor any scorer pays). Rates are per second of this
// process's CPU time (the machine may be shared); the scorer's wall-clock rate is printed too.
#include <fmt/format.h>

#include <chrono>
#include <ctime>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "tone/tone_corpus.h"
#include "tone/tone_scorer.h"
#include "tone/tone_tokenizer.h"

using namespace nanni;

namespace {
// CPU time of this process: on a shared machine it counts only the time we ran.
double CpuNow() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}
struct Clock {
  std::chrono::steady_clock::time_point wall = std::chrono::steady_clock::now();
  double cpu = CpuNow();
};
double Seconds(const Clock& c) { return CpuNow() - c.cpu; }
double WallSeconds(const Clock& c) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - c.wall).count();
}
}  // namespace

int main(int argc, char** argv) {
  std::string dir = argc > 1 ? argv[1] : "../shared/data/tone";
  double target_mb = argc > 2 ? std::atof(argv[2]) : 200;
  std::vector<ToneTask> tasks;
  Status st = LoadToneTasks(dir, &tasks);
  if (!st.ok()) {
    fmt::print(stderr, "tone_bench: {}\n", st.ToString());
    return 1;
  }
  std::vector<std::string> texts;
  size_t bytes = 0;
  for (const ToneTask& t : tasks) {
    if (t.name.rfind("jigsaw.", 0) == 0 && t.name != "jigsaw.toxic") continue;  // one copy
    for (const LabelledText& it : t.items) {
      texts.push_back(it.text);
      bytes += it.text.size();
    }
  }
  size_t rounds = std::max<size_t>(1, static_cast<size_t>(target_mb * 1e6 / bytes));
  fmt::print("{} texts, {:.2f} MB, mean {:.0f} bytes; {} rounds\n", texts.size(), bytes / 1e6,
             static_cast<double>(bytes) / texts.size(), rounds);

  const ToneModel& model = ToneModel::Default();  // loaded before timing
  ToneScorer scorer(model);
  ToneScore score;
  size_t reasons = 0;
  Clock t0;
  for (size_t r = 0; r < rounds; ++r) {
    for (const std::string& t : texts) {
      scorer.Score(t, &score);
      reasons += score.reasons.size();
    }
  }
  double s = Seconds(t0), wall = WallSeconds(t0);
  double mb = static_cast<double>(bytes) * rounds / 1e6;
  fmt::print("scorer (new text, tokens, lexicon, words, bigrams, reasons): {:.1f} MB/s of CPU time "
             "({:.1f} MB/s wall), {:.0f} messages/s, {:.1f} reasons per message\n", mb / s, mb / wall,
             texts.size() * rounds / s,
             static_cast<double>(reasons) / (texts.size() * rounds));

  std::string lower;
  std::vector<ToneToken> tokens;
  size_t ntok = 0;
  t0 = Clock();
  for (size_t r = 0; r < rounds; ++r) {
    for (const std::string& t : texts) {
      Tokenize(t, &lower, &tokens);
      ntok += tokens.size();
    }
  }
  s = Seconds(t0);
  fmt::print("tokenizer alone: {:.1f} MB/s ({:.1f} tokens per message)\n", mb / s,
             static_cast<double>(ntok) / (texts.size() * rounds));

  std::string copy;
  size_t sum = 0;
  t0 = Clock();
  for (size_t r = 0; r < rounds; ++r) {
    for (const std::string& t : texts) {
      copy.assign(t);
      sum += static_cast<unsigned char>(copy[copy.size() / 2 % (copy.size() + 1)]);
    }
  }
  s = Seconds(t0);
  fmt::print("plain copy of the same bytes: {:.0f} MB/s (checksum {})\n", mb / s, sum % 10);
  return 0;
}
