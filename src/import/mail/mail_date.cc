#include "import/mail/mail_date.h"

#include <gmime/gmime.h>

#include <array>
#include <cctype>
#include <string>
#include <vector>

#include "import/mail/mail_message.h"

namespace nanni {

namespace {

struct Token {
  size_t begin, size;
};

std::vector<Token> Tokens(std::string_view s) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < s.size()) {
    auto sep = [&](size_t k) { return std::isspace(static_cast<unsigned char>(s[k])) || s[k] == ','; };
    while (i < s.size() && sep(i)) ++i;
    size_t b = i;
    while (i < s.size() && !sep(i)) ++i;
    if (i > b) out.push_back({b, i - b});
  }
  return out;
}

bool AllDigits(std::string_view t) {
  if (t.empty()) return false;
  for (char c : t) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

bool IsMonth(std::string_view t) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  if (t.size() < 3) return false;
  for (char c : t) {
    if (!std::isalpha(static_cast<unsigned char>(c)) && c != '.') return false;
  }
  for (std::string_view m : kMonths) {
    bool same = true;
    for (size_t i = 0; i < 3 && same; ++i) {
      same = std::tolower(static_cast<unsigned char>(t[i])) == m[i];
    }
    if (same) return true;
  }
  return false;
}

// The token holding the year: after the month when the day is before it ("1 Jan 2026"),
// else the second number after it ("Jan  1 10:00:00 2026", asctime). -1 when there is none.
int YearToken(std::string_view s, const std::vector<Token>& tokens) {
  auto text = [&](int k) { return s.substr(tokens[k].begin, tokens[k].size); };
  int n = static_cast<int>(tokens.size());
  for (int m = 0; m < n; ++m) {
    if (!IsMonth(text(m))) continue;
    bool day_before = m > 0 && AllDigits(text(m - 1));
    int numbers = 0;
    for (int k = m + 1; k < n; ++k) {
      if (!AllDigits(text(k))) continue;
      if (++numbers == (day_before ? 1 : 2)) return k;
    }
    return -1;
  }
  return -1;
}

// The year a written year token stands for; -1 when it stands for none.
int WrittenYear(std::string_view digits) {
  int v = 0;
  for (char c : digits.substr(0, 5)) v = v * 10 + (c - '0');
  switch (digits.size()) {
    case 2: return v < 50 ? 2000 + v : 1900 + v;
    case 3: return 1900 + v;
    case 4: return v == 0 ? -1 : v;
    default: return -1;
  }
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool InRange(int64_t utc_micros) {
  static const int64_t kFirst = CivilToMicros(0, 1, 1, 0, 0, 0);
  static const int64_t kEnd = CivilToMicros(10000, 1, 1, 0, 0, 0);
  return utc_micros >= kFirst && utc_micros < kEnd;
}

int StandIn(int year) { return IsLeap(year) ? 2000 : 2001; }

// GMime's reading of `value`; when year > 0, `value` holds StandIn(year) as its year and the
// time is in `year`.
bool Decode(const std::string& value, int year, Timestamp* out) {
  GDateTime* dt = g_mime_utils_header_decode_date(value.c_str());
  if (!dt) return false;
  int64_t offset_micros = g_date_time_get_utc_offset(dt);
  int64_t utc = g_date_time_to_unix(dt) * 1000000 + g_date_time_get_microsecond(dt);
  bool read = true;
  if (year > 0) {
    read = g_date_time_get_year(dt) == StandIn(year);  // else GMime took another number
    int64_t local = CivilToMicros(year, g_date_time_get_month(dt), g_date_time_get_day_of_month(dt),
                                  g_date_time_get_hour(dt), g_date_time_get_minute(dt),
                                  g_date_time_get_second(dt)) +
                    g_date_time_get_microsecond(dt);
    utc = local - offset_micros;
  }
  g_date_time_unref(dt);
  out->utc_micros = utc;
  out->offset_minutes = static_cast<int32_t>(offset_micros / 60000000);
  return read && InRange(utc);
}

}  // namespace

bool ParseMailDate(std::string_view value, Timestamp* out) {
  InitGMime();
  std::string text(value.substr(0, 200));  // a date is short; the rest is junk
  std::vector<Token> tokens = Tokens(text);
  int k = YearToken(text, tokens);
  if (k < 0) return Decode(text, 0, out);
  int year = WrittenYear(std::string_view(text).substr(tokens[k].begin, tokens[k].size));
  if (year < 0) return false;
  // GMime refuses years before 1969: it reads a stand-in year with the same leap day, and
  // the year as written is put back.
  text.replace(tokens[k].begin, tokens[k].size, std::to_string(StandIn(year)));
  return Decode(text, year, out);
}

}  // namespace nanni
