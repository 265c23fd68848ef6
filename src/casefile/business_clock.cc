#include "casefile/business_clock.h"

#include <date/date.h>
#include <date/tz.h>
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <chrono>

#include "util/printable.h"

namespace nanni {

namespace {

constexpr int64_t kMicrosPerMinute = 60'000'000;
constexpr int64_t kMicrosPerDay = 86'400'000'000;

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

bool ParseDay(const std::string& text, int64_t* day) {
  int y = 0;
  unsigned m = 0, d = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  auto num = [&](size_t pos, size_t len, auto* v) {
    auto r = std::from_chars(text.data() + pos, text.data() + pos + len, *v);
    return r.ec == std::errc() && r.ptr == text.data() + pos + len;
  };
  if (!num(0, 4, &y) || !num(5, 2, &m) || !num(8, 2, &d)) return false;
  date::year_month_day ymd{date::year{y}, date::month{m}, date::day{d}};
  if (!ymd.ok()) return false;
  *day = date::sys_days{ymd}.time_since_epoch().count();
  return true;
}

}  // namespace

Status BusinessClock::Create(const BusinessHoursConfig& config, BusinessClock* out) {
  out->config_ = config;
  out->zone_ = nullptr;
  out->holidays_.clear();
  if (!config.time_zone.empty() && config.time_zone != "UTC" && config.time_zone != "Etc/UTC") {
    try {
      out->zone_ = date::locate_zone(config.time_zone);
    } catch (const std::exception& e) {
      return Status::NotFound(fmt::format("business_hours.time_zone: unknown time zone '{}'",
                                          Printable(config.time_zone)));
    }
  }
  for (const std::string& h : config.holidays) {
    int64_t day = 0;
    if (!ParseDay(h, &day)) {
      return Status::InvalidInput(
          fmt::format("business_hours.holidays: '{}' is not YYYY-MM-DD", Printable(h)));
    }
    out->holidays_.push_back(day);
  }
  std::sort(out->holidays_.begin(), out->holidays_.end());
  return Status::OK();
}

int64_t BusinessClock::LocalDay(int64_t utc_micros) const {
  int64_t local = utc_micros;
  if (zone_ != nullptr) {
    date::sys_time<std::chrono::microseconds> t{std::chrono::microseconds{utc_micros}};
    local += std::chrono::duration_cast<std::chrono::microseconds>(zone_->get_info(t).offset).count();
  }
  return FloorDiv(local, kMicrosPerDay);
}

int64_t BusinessClock::LocalToUtc(int64_t day, int minute) const {
  int64_t local = day * kMicrosPerDay + minute * kMicrosPerMinute;
  if (zone_ == nullptr) return local;
  date::local_time<std::chrono::microseconds> lt{std::chrono::microseconds{local}};
  date::local_info info = zone_->get_info(lt);
  // A skipped wall time (spring forward) maps to the change; a repeated one to its first instant.
  std::chrono::seconds offset = info.first.offset;
  if (info.result == date::local_info::nonexistent) {
    return std::chrono::duration_cast<std::chrono::microseconds>(info.second.begin.time_since_epoch()).count();
  }
  return local - std::chrono::duration_cast<std::chrono::microseconds>(offset).count();
}

bool BusinessClock::IsWorkingDay(int64_t day) const {
  unsigned wd = date::weekday{date::sys_days{date::days{day}}}.c_encoding();
  if (!config_.days[wd]) return false;
  return !std::binary_search(holidays_.begin(), holidays_.end(), day);
}

void BusinessClock::Cover(int64_t from, int64_t to) {
  constexpr int64_t kMaxDays = 11'000;
  int64_t first = LocalDay(from) - 1, last = std::min(LocalDay(to) + 1, first + kMaxDays);
  open_.clear();
  close_.clear();
  before_.clear();
  int64_t total = 0;
  for (int64_t day = first; day <= last; ++day) {
    int64_t open = LocalToUtc(day, config_.start_minute);
    int64_t close = IsWorkingDay(day) ? LocalToUtc(day, config_.end_minute) : open;
    open_.push_back(open);
    close_.push_back(std::max(open, close));
    before_.push_back(total);
    total += close_.back() - open;
  }
  // Instants from the start of the first day to the end of the last are covered.
  range_begin_ = LocalToUtc(first, 0);
  range_end_ = LocalToUtc(last + 1, 0);
}

int64_t BusinessClock::CoveredBefore(int64_t t) const {
  // The last day whose window opens at or before t: the days before it are wholly before t.
  // Windows open once a day, so t's day in UTC lands within a day or two of it.
  const int64_t n = static_cast<int64_t>(open_.size());
  int64_t i = std::clamp<int64_t>((t - range_begin_) / kMicrosPerDay, 0, n - 1);
  while (i + 1 < n && open_[i + 1] <= t) ++i;
  while (i >= 0 && open_[i] > t) --i;
  if (i < 0) return 0;
  return before_[i] + std::min(t, close_[i]) - open_[i];
}

int64_t BusinessClock::BusinessSeconds(int64_t from, int64_t to) const {
  if (to <= from) return 0;
  if (Covers(from) && Covers(to)) return (CoveredBefore(to) - CoveredBefore(from)) / 1'000'000;
  int64_t total = 0;
  for (int64_t day = LocalDay(from) , last = LocalDay(to); day <= last; ++day) {
    if (!IsWorkingDay(day)) continue;
    int64_t open = LocalToUtc(day, config_.start_minute);
    int64_t close = LocalToUtc(day, config_.end_minute);
    int64_t a = std::max(open, from), b = std::min(close, to);
    if (b > a) total += b - a;
  }
  return total / 1'000'000;
}

}  // namespace nanni
