#include "util/progress_bar.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "util/time.h"

namespace nanni {

ProgressBar::ProgressBar(std::string label, uint64_t total, std::string unit, bool wanted)
    : label_(std::move(label)), unit_(std::move(unit)), total_(total),
      enabled_(wanted && ::isatty(STDERR_FILENO) && std::getenv("NANNI_NO_PROGRESS") == nullptr),
      start_micros_(NowMicros()) {}

ProgressBar::~ProgressBar() { Finish(); }

void ProgressBar::Update(uint64_t done, uint64_t items) {
  if (!enabled_) return;
  int64_t now = NowMicros();
  if (drawn_ && now - last_draw_micros_ < 100'000) return;
  last_draw_micros_ = now;
  drawn_ = true;
  double seconds = std::max(1e-3, (now - start_micros_) / 1e6);
  std::string line = fmt::format("{} ", label_);
  if (total_ > 0) {
    constexpr int kWidth = 30;
    double frac = std::min(1.0, static_cast<double>(done) / static_cast<double>(total_));
    int filled = static_cast<int>(frac * kWidth);
    line += fmt::format("[{}{}] {:5.1f}% ", std::string(filled, '#'),
                        std::string(kWidth - filled, '.'), frac * 100);
  }
  line += fmt::format("{} events, {:.0f}/s", items, items / seconds);
  if (unit_ == "bytes") line += fmt::format(", {:.1f} MB/s", done / seconds / 1e6);
  std::fprintf(stderr, "\r%s\x1b[K", line.c_str());
  std::fflush(stderr);
}

void ProgressBar::Finish() {
  if (!enabled_ || !drawn_) return;
  std::fprintf(stderr, "\r\x1b[K");
  std::fflush(stderr);
  drawn_ = false;
}

}  // namespace nanni
