#include "util/time.h"

#include <date/date.h>
#include <date/tz.h>
#include <fmt/format.h>

#include <chrono>

#include "util/printable.h"
namespace nanni {

namespace {

using Micros = std::chrono::microseconds;

bool Digits(std::string_view s, size_t pos, size_t n, int* value) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = 0; i < n; ++i) {
    char c = s[pos + i];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *value = v;
  return true;
}

Status Bad(std::string_view text, std::string_view why) {
  return Status::InvalidInput(
      fmt::format("'{}' is not an RFC 3339 time with offset ({})", Printable(text, 64), why));
}

// The instants RFC 3339 can write: years 0000 to 9999, in UTC.
constexpr int64_t kFirstMicros = -62'167'219'200'000'000;  // 0000-01-01T00:00:00Z
constexpr int64_t kEndMicros = 253'402'300'800'000'000;    // 10000-01-01T00:00:00Z

// Parses the fractional part starting after '.', advancing *pos. Returns microseconds.
Status ParseFraction(std::string_view text, size_t* pos, int64_t* micros) {
  int64_t value = 0;
  size_t n = 0;
  while (*pos < text.size() && text[*pos] >= '0' && text[*pos] <= '9') {
    int d = text[*pos] - '0';
    if (n < 6) {
      value = value * 10 + d;
    } else if (d != 0) {
      return Bad(text, "precision below a microsecond");
    }
    ++n;
    ++*pos;
  }
  if (n == 0) return Bad(text, "no digits after '.'");
  if (n > 9) return Bad(text, "more than 9 fractional digits");
  for (size_t i = std::min<size_t>(n, 6); i < 6; ++i) value *= 10;
  *micros = value;
  return Status::OK();
}

Status ParseOffset(std::string_view text, size_t pos, int32_t* minutes) {
  if (pos >= text.size()) return Bad(text, "missing offset");
  char sign = text[pos];
  if ((sign == 'Z' || sign == 'z') && pos + 1 == text.size()) {
    *minutes = 0;
    return Status::OK();
  }
  int hh, mm;
  if ((sign != '+' && sign != '-') || pos + 6 != text.size() || !Digits(text, pos + 1, 2, &hh) ||
      text[pos + 3] != ':' || !Digits(text, pos + 4, 2, &mm)) {
    return Bad(text, "offset must be Z or +HH:MM");
  }
  if (hh > 23 || mm > 59) return Bad(text, "offset out of range");
  *minutes = (sign == '-' ? -1 : 1) * (hh * 60 + mm);
  return Status::OK();
}

}  // namespace

bool InRfc3339Range(int64_t utc_micros) {
  return utc_micros >= kFirstMicros && utc_micros < kEndMicros;
}

int64_t CivilToMicros(int year, unsigned month, unsigned day, int hour, int minute, int second) {
  auto days = date::sys_days(date::year{year} / date::month{month} / date::day{day});
  auto t = days + std::chrono::hours(hour) + std::chrono::minutes(minute) +
           std::chrono::seconds(second);
  return std::chrono::duration_cast<Micros>(t.time_since_epoch()).count();
}

Status ParseRfc3339(std::string_view text, Timestamp* out) {
  int y, mo, d, h, mi, s;
  if (!Digits(text, 0, 4, &y) || text.size() < 19 || text[4] != '-' ||
      !Digits(text, 5, 2, &mo) || text[7] != '-' || !Digits(text, 8, 2, &d)) {
    return Bad(text, "expected YYYY-MM-DD");
  }
  char sep = text[10];
  if (sep != 'T' && sep != 't' && sep != ' ') return Bad(text, "expected 'T' after the date");
  if (!Digits(text, 11, 2, &h) || text[13] != ':' || !Digits(text, 14, 2, &mi) ||
      text[16] != ':' || !Digits(text, 17, 2, &s)) {
    return Bad(text, "expected HH:MM:SS");
  }
  auto ymd = date::year{y} / date::month{static_cast<unsigned>(mo)} /
             date::day{static_cast<unsigned>(d)};
  if (!ymd.ok()) return Bad(text, "no such date");
  if (h > 23 || mi > 59) return Bad(text, "time out of range");
  if (s > 59) return Bad(text, s == 60 ? "leap seconds are not supported" : "time out of range");

  size_t pos = 19;
  int64_t frac = 0;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    NANNI_RETURN_IF_ERROR(ParseFraction(text, &pos, &frac));
  }
  int32_t offset = 0;
  NANNI_RETURN_IF_ERROR(ParseOffset(text, pos, &offset));

  int64_t local = CivilToMicros(y, mo, d, h, mi, s) + frac;
  int64_t utc = local - int64_t{offset} * 60'000'000;
  if (!InRfc3339Range(utc)) return Bad(text, "outside the years 0000-9999 once its offset is applied");
  out->utc_micros = utc;
  out->offset_minutes = offset;
  return Status::OK();
}

namespace {

// Writes `value` as exactly `width` decimal digits at *p (zero-padded), advancing p.
void PutDigits(char** p, int64_t value, int width) {
  for (int i = width - 1; i >= 0; --i) {
    (*p)[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  *p += width;
}

}  // namespace

// Hand-formatted (no fmt): reports and the canonical encoding format millions of times.
std::string FormatRfc3339(const Timestamp& t) {
  char buf[kRfc3339MaxBytes];
  return std::string(buf, FormatRfc3339(t, buf));
}

size_t FormatRfc3339(const Timestamp& t, char* buf) {
  int64_t local = t.utc_micros + int64_t{t.offset_minutes} * 60'000'000;
  auto tp = date::sys_time<Micros>(Micros(local));
  auto day = date::floor<date::days>(tp);
  date::year_month_day ymd(day);
  date::hh_mm_ss<Micros> hms(tp - day);
  char* p = buf;
  int year = int(ymd.year());
  if (year < 0 || year > 9999) {
    // Outside what RFC 3339 can write: as fmt would print it, for messages only.
    p += fmt::format_to_n(p, 12, "{:04}", year).size;
  } else {
    PutDigits(&p, year, 4);
  }
  *p++ = '-';
  PutDigits(&p, unsigned(ymd.month()), 2);
  *p++ = '-';
  PutDigits(&p, unsigned(ymd.day()), 2);
  *p++ = 'T';
  PutDigits(&p, hms.hours().count(), 2);
  *p++ = ':';
  PutDigits(&p, hms.minutes().count(), 2);
  *p++ = ':';
  PutDigits(&p, hms.seconds().count(), 2);
  if (hms.subseconds().count() != 0) {
    *p++ = '.';
    PutDigits(&p, hms.subseconds().count(), 6);
  }
  if (t.offset_minutes == 0) {
    *p++ = 'Z';
  } else {
    int32_t m = t.offset_minutes < 0 ? -t.offset_minutes : t.offset_minutes;
    *p++ = t.offset_minutes < 0 ? '-' : '+';
    PutDigits(&p, m / 60, 2);
    *p++ = ':';
    PutDigits(&p, m % 60, 2);
  }
  return static_cast<size_t>(p - buf);
}

std::string FormatUtc(int64_t utc_micros) { return FormatRfc3339(Timestamp{utc_micros, 0}); }

Status ParseTimeBound(std::string_view text, int64_t* utc_micros) {
  int y, mo, d;
  if (text.size() == 10 && Digits(text, 0, 4, &y) && text[4] == '-' && Digits(text, 5, 2, &mo) &&
      text[7] == '-' && Digits(text, 8, 2, &d)) {
    auto ymd = date::year{y} / date::month{static_cast<unsigned>(mo)} /
               date::day{static_cast<unsigned>(d)};
    if (!ymd.ok()) return Bad(text, "no such date");
    *utc_micros = CivilToMicros(y, mo, d, 0, 0, 0);
    return Status::OK();
  }
  Timestamp t;
  NANNI_RETURN_IF_ERROR(ParseRfc3339(text, &t));
  *utc_micros = t.utc_micros;
  return Status::OK();
}

bool IsKnownTimeZone(std::string_view zone) {
  if (zone == "UTC" || zone == "Etc/UTC") return true;
  try {
    date::locate_zone(std::string(zone));
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

Status LocalToTimestamp(int64_t local_micros, std::string_view zone, Ambiguity ambiguity,
                        Timestamp* out) {
  const date::time_zone* tz = nullptr;
  try {
    tz = date::locate_zone(std::string(zone));
  } catch (const std::exception&) {
    return Status::NotFound(fmt::format("unknown time zone '{}'", Printable(zone)));
  }
  auto local = date::local_time<Micros>(Micros(local_micros));
  date::local_info info = tz->get_info(date::floor<std::chrono::seconds>(local));
  date::sys_info chosen = info.first;
  int64_t utc = 0;
  switch (info.result) {
    case date::local_info::unique:
      utc = local_micros - std::chrono::duration_cast<Micros>(info.first.offset).count();
      break;
    case date::local_info::ambiguous:
      if (ambiguity == Ambiguity::kReject) {
        return Status::InvalidInput(
            fmt::format("local time is repeated in {} (clocks go back)", Printable(zone)));
      }
      chosen = ambiguity == Ambiguity::kEarliest ? info.first : info.second;
      utc = local_micros - std::chrono::duration_cast<Micros>(chosen.offset).count();
      break;
    case date::local_info::nonexistent:
      if (ambiguity == Ambiguity::kReject) {
        return Status::InvalidInput(
            fmt::format("local time does not exist in {} (clocks go forward)", Printable(zone)));
      }
      // Both policies map a skipped time to the instant the gap starts (a UTC instant),
      // shown in the offset that begins there.
      utc = std::chrono::duration_cast<Micros>(info.second.begin.time_since_epoch()).count();
      chosen = info.second;
      break;
  }
  if (!InRfc3339Range(utc)) {
    return Status::InvalidInput("the time is outside the years 0000-9999 once its zone's offset is applied");
  }
  out->utc_micros = utc;
  out->offset_minutes =
      static_cast<int32_t>(std::chrono::duration_cast<std::chrono::minutes>(chosen.offset).count());
  return Status::OK();
}

int64_t NowMicros() {
  return std::chrono::duration_cast<Micros>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace nanni
