// ProgressBar: a one-line progress display on standard error, shown only on a terminal.
#pragma once

#include <cstdint>
#include <string>

namespace nanni {

class ProgressBar {
 public:
  // `label` starts the line ("import"); `total` is the amount of work in `unit`s (0 when
  // unknown, then no percentage is shown). Shown only when `wanted`, standard error is a TTY
  // and NANNI_NO_PROGRESS is unset.
  ProgressBar(std::string label, uint64_t total, std::string unit, bool wanted = true);
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;
  ~ProgressBar();  // clears the line

  // Reports `done` units and `items` things (events) so far. Redraws at most 10 times a second.
  void Update(uint64_t done, uint64_t items);
  void Finish();

  bool enabled() const { return enabled_; }

 private:
  std::string label_, unit_;
  uint64_t total_;
  bool enabled_;
  bool drawn_ = false;
  int64_t start_micros_;
  int64_t last_draw_micros_ = 0;
};

}  // namespace nanni
