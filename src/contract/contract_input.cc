#include "contract/contract_input.h"

#include <date/date.h>
#include <fmt/format.h>

namespace nanni {

namespace {

date::year_month MonthOf(const BusinessClock& clock, int64_t utc_micros) {
  const date::year_month_day ymd{date::sys_days{date::days{clock.LocalDay(utc_micros)}}};
  return ymd.year() / ymd.month();
}

Month MakeMonth(const BusinessClock& clock, date::year_month ym) {
  const int64_t first = date::sys_days{ym / 1}.time_since_epoch().count();
  const int64_t next = date::sys_days{(ym + date::months{1}) / 1}.time_since_epoch().count();
  return Month{fmt::format("{:04}-{:02}", static_cast<int>(ym.year()), static_cast<unsigned>(ym.month())),
               clock.LocalToUtc(first, 0), clock.LocalToUtc(next, 0)};
}

}  // namespace

std::string MonthLabel(const BusinessClock& clock, int64_t utc_micros) {
  return MakeMonth(clock, MonthOf(clock, utc_micros)).label;
}

std::vector<Month> MonthsBetween(const BusinessClock& clock, int64_t from, int64_t to) {
  std::vector<Month> out;
  if (to <= from) return out;
  for (date::year_month ym = MonthOf(clock, from);; ym += date::months{1}) {
    Month m = MakeMonth(clock, ym);
    if (m.begin_utc_micros >= to) break;
    out.push_back(std::move(m));
  }
  return out;
}

Month MonthBefore(const BusinessClock& clock, int64_t utc_micros, int months_back) {
  return MakeMonth(clock, MonthOf(clock, utc_micros) - date::months{months_back});
}

std::string ExactDuration(int64_t s) {
  const char* sign = s < 0 ? "-" : "";
  if (s < 0) s = -s;
  if (s >= 3600) return fmt::format("{}{}h {:02}m {:02}s", sign, s / 3600, s % 3600 / 60, s % 60);
  if (s >= 60) return fmt::format("{}{}m {:02}s", sign, s / 60, s % 60);
  return fmt::format("{}{}s", sign, s);
}

}  // namespace nanni
