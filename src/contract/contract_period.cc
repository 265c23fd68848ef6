#include "contract/contract_period.h"

#include <date/date.h>
#include <fmt/format.h>

#include <cstdio>

#include "util/printable.h"
#include "util/time.h"

namespace nanni {

namespace {

bool IsDateText(std::string_view text) {
  return text.size() == 10 && text[4] == '-' && text[7] == '-';
}

int64_t DayOf(date::year_month_day ymd) { return date::sys_days{ymd}.time_since_epoch().count(); }

// Sets both bounds of *out to the local days [first, next).
void Days(date::year_month_day first, date::year_month_day next, ContractPeriod* out) {
  out->from_day = DayOf(first);
  out->to_day = DayOf(next);
  out->from_utc_micros = *out->from_day * kMicrosPerDay;
  out->to_utc_micros = *out->to_day * kMicrosPerDay;
}

}  // namespace

std::pair<int64_t, int64_t> PeriodIn(const ContractPeriod& period, const BusinessClock& clock) {
  return {period.from_day ? clock.LocalToUtc(*period.from_day, 0) : period.from_utc_micros,
          period.to_day ? clock.LocalToUtc(*period.to_day, 0) : period.to_utc_micros};
}

Status ParsePeriodBound(std::string_view text, int64_t* utc_micros, std::optional<int64_t>* day) {
  day->reset();
  if (!ParseTimeBound(text, utc_micros).ok()) {
    return Status::InvalidArgument(fmt::format("'{}' is not a date (2026-03-01) or an RFC 3339 time", Printable(text, 60)));
  }
  if (IsDateText(text)) *day = *utc_micros / kMicrosPerDay;  // ParseTimeBound read it as midnight UTC
  return Status::OK();
}

Status ParseContractPeriod(std::string_view text, ContractPeriod* out) {
  *out = ContractPeriod();
  if (text.empty()) return Status::OK();
  auto bad = [&] {
    return Status::InvalidArgument(fmt::format(
        "'{}' is not YYYY, YYYY-MM or FROM..TO (dates or RFC 3339 times, TO excluded)", Printable(text, 60)));
  };
  const size_t dots = text.find("..");
  if (dots != std::string_view::npos) {
    if (!ParsePeriodBound(text.substr(0, dots), &out->from_utc_micros, &out->from_day).ok() ||
        !ParsePeriodBound(text.substr(dots + 2), &out->to_utc_micros, &out->to_day).ok() ||
        out->to_utc_micros <= out->from_utc_micros) {
      return bad();
    }
    return Status::OK();
  }
  const std::string s(text);
  int year = 0;
  unsigned month = 0;
  char tail = 0;
  if (s.size() == 4 && std::sscanf(s.c_str(), "%4d%c", &year, &tail) == 1 && year >= 1) {
    const date::year y{year};
    Days(y / 1 / 1, (y + date::years{1}) / 1 / 1, out);
    return Status::OK();
  }
  if (s.size() == 7 && std::sscanf(s.c_str(), "%4d-%2u%c", &year, &month, &tail) == 2 && year >= 1 && month >= 1 &&
      month <= 12 && s[4] == '-') {
    const date::year_month ym = date::year{year} / date::month{month};
    Days(ym / 1, (ym + date::months{1}) / 1, out);
    return Status::OK();
  }
  return bad();
}

std::string PeriodBoundText(int64_t utc_micros, const std::optional<int64_t>& day) {
  if (!day) return FormatUtc(utc_micros);
  return date::format("%F", date::sys_days{date::days{*day}});
}

}  // namespace nanni
