#include "import/csv/time_format.h"

#include <date/date.h>
#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "util/printable.h"

namespace nanni {

namespace {

constexpr std::string_view kMonths[] = {"january", "february", "march",     "april",
                                        "may",     "june",     "july",      "august",
                                        "september", "october", "november", "december"};
constexpr std::string_view kWeekdays[] = {"sunday",   "monday", "tuesday", "wednesday",
                                          "thursday", "friday", "saturday"};

// Reads 1..max digits at *p.
bool Digits(std::string_view s, size_t* p, int min, int max, int* out) {
  int n = 0, v = 0;
  while (*p < s.size() && n < max && s[*p] >= '0' && s[*p] <= '9') {
    v = v * 10 + (s[*p] - '0');
    ++*p;
    ++n;
  }
  *out = v;
  return n >= min;
}

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Reads a full or three-letter name from `names`; *out is its index.
bool Name(std::string_view s, size_t* p, std::span<const std::string_view> names, int* out) {
  for (size_t i = 0; i < names.size(); ++i) {
    std::string_view n = names[i];
    for (size_t len : {n.size(), size_t{3}}) {
      if (*p + len > s.size()) continue;
      bool eq = true;
      for (size_t k = 0; k < len && eq; ++k) eq = Lower(s[*p + k]) == n[k];
      if (eq) { *p += len; *out = static_cast<int>(i); return true; }
    }
  }
  return false;
}

struct Parsed {
  int year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0;
  int64_t micros = 0;
  int pm = -1;  // %p: 0 am, 1 pm
  bool hour12 = false;
  bool has_offset = false;
  int offset_minutes = 0;
};

bool Offset(std::string_view s, size_t* p, Parsed* t) {
  if (*p < s.size() && (s[*p] == 'Z' || s[*p] == 'z')) {
    ++*p;
    t->has_offset = true;
    return true;
  }
  if (*p >= s.size() || (s[*p] != '+' && s[*p] != '-')) return false;
  int sign = s[*p] == '-' ? -1 : 1;
  ++*p;
  int hh = 0, mm = 0;
  if (!Digits(s, p, 2, 2, &hh)) return false;
  if (*p < s.size() && s[*p] == ':') ++*p;
  if (!Digits(s, p, 2, 2, &mm) || hh > 23 || mm > 59) return false;
  t->has_offset = true;
  t->offset_minutes = sign * (hh * 60 + mm);
  return true;
}

bool Parse(std::string_view s, std::string_view f, Parsed* t) {
  size_t p = 0;
  for (size_t i = 0; i < f.size(); ++i) {
    char c = f[i];
    if (c == ' ' || c == '\t') {  // whitespace in the format matches any run, or none
      while (p < s.size() && (s[p] == ' ' || s[p] == '\t')) ++p;
      continue;
    }
    if (c != '%' || i + 1 == f.size()) {
      if (p >= s.size() || s[p] != c) return false;
      ++p;
      continue;
    }
    char spec = f[++i];
    if ((spec == 'E' || spec == 'O') && i + 1 < f.size()) spec = f[++i];
    int v = 0;
    bool ok = true;
    switch (spec) {
      case 'Y': ok = Digits(s, &p, 4, 4, &t->year); break;
      case 'y': ok = Digits(s, &p, 2, 2, &v); t->year = v < 69 ? 2000 + v : 1900 + v; break;
      case 'm': ok = Digits(s, &p, 1, 2, &t->month); break;
      case 'd': case 'e':
        if (p < s.size() && s[p] == ' ') ++p;
        ok = Digits(s, &p, 1, 2, &t->day);
        break;
      case 'H': ok = Digits(s, &p, 1, 2, &t->hour); break;
      case 'I': ok = Digits(s, &p, 1, 2, &t->hour); t->hour12 = true; break;
      case 'M': ok = Digits(s, &p, 1, 2, &t->minute); break;
      case 'S':
        ok = Digits(s, &p, 1, 2, &t->second);
        if (ok && p < s.size() && (s[p] == '.' || s[p] == ',')) {
          ++p;
          int64_t frac = 0, scale = 100000;
          int n = 0;
          while (p < s.size() && s[p] >= '0' && s[p] <= '9' && n < 9) {
            frac += (s[p] - '0') * scale;
            scale /= 10;
            ++p;
            ++n;
          }
          ok = n > 0;
          t->micros = frac;
        }
        break;
      case 'p': {
        if (p + 2 > s.size()) return false;
        char a = Lower(s[p]), b = Lower(s[p + 1]);
        if ((a != 'a' && a != 'p') || b != 'm') return false;
        t->pm = a == 'p';
        p += 2;
        break;
      }
      case 'b': case 'h': case 'B':
        ok = Name(s, &p, kMonths, &v);
        t->month = v + 1;
        break;
      case 'a': case 'A': ok = Name(s, &p, kWeekdays, &v); break;
      case 'z': ok = Offset(s, &p, t); break;
      case '%': ok = p < s.size() && s[p] == '%'; ++p; break;
      default: return false;
    }
    if (!ok) return false;
  }
  return p == s.size();
}

// The format with %F and %T written out, so that every directive is one letter.
std::string ExpandFormat(std::string_view format) {
  std::string out;
  for (size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%' || i + 1 == format.size()) {
      out += format[i];
    } else if (format[i + 1] == 'F' || format[i + 1] == 'T') {
      out += format[++i] == 'F' ? "%Y-%m-%d" : "%H:%M:%S";
    } else {
      out += format[i];
      out += format[++i];
    }
  }
  return out;
}

// The tokens of a format in order: "%Y" (modifiers E and O dropped) or one literal character.
std::vector<std::string> Tokens(std::string_view format) {
  std::string expanded = ExpandFormat(format);
  std::vector<std::string> out;
  for (size_t i = 0; i < expanded.size(); ++i) {
    if (expanded[i] != '%' || i + 1 == expanded.size()) {
      out.emplace_back(1, expanded[i]);
      continue;
    }
    char spec = expanded[++i];
    if ((spec == 'E' || spec == 'O') && i + 1 < expanded.size()) spec = expanded[++i];
    out.push_back(std::string("%") + spec);
  }
  return out;
}

bool HasToken(std::string_view format, std::string_view token) {
  auto tokens = Tokens(format);
  return std::find(tokens.begin(), tokens.end(), token) != tokens.end();
}

}  // namespace

Status ParseTimeWithFormat(const std::string& text, const std::string& format,
                           const std::string& zone, Ambiguity ambiguity, Timestamp* out,
                           CivilDate* date) {
  Parsed t;
  const bool plain =
      format.find("%F") == std::string::npos && format.find("%T") == std::string::npos;
  const std::string expanded = plain ? std::string() : ExpandFormat(format);
  if (!Parse(text, plain ? std::string_view(format) : std::string_view(expanded), &t)) {
    return Status::InvalidInput("does not match");
  }
  if (t.hour12) {
    if (t.hour < 1 || t.hour > 12 || t.pm < 0) return Status::InvalidInput("bad 12-hour time");
    t.hour = t.hour % 12 + (t.pm ? 12 : 0);
  }
  using namespace date;
  year_month_day ymd{year{t.year}, month{static_cast<unsigned>(t.month)},
                     day{static_cast<unsigned>(t.day)}};
  if (!ymd.ok() || t.hour > 23 || t.minute > 59 || t.second > 59) {
    return Status::InvalidInput("not a valid date and time");
  }
  if (date != nullptr) *date = CivilDate{t.year, t.month, t.day};
  int64_t local = CivilToMicros(t.year, t.month, t.day, t.hour, t.minute, t.second) + t.micros;
  if (t.has_offset) {
    out->utc_micros = local - t.offset_minutes * 60'000'000LL;
    out->offset_minutes = t.offset_minutes;
    return Status::OK();
  }
  return LocalToTimestamp(local, zone, ambiguity, out);
}

bool DayMonthAmbiguous(std::string_view format) {
  int year = -1, month = -1, day = -1, i = 0;
  for (const std::string& t : Tokens(format)) {
    if ((t == "%Y" || t == "%y") && year < 0) year = i;
    if (t == "%m" && month < 0) month = i;
    if ((t == "%d" || t == "%e") && day < 0) day = i;
    ++i;
  }
  if (month < 0 || day < 0) return false;
  return !(year >= 0 && year < month && month < day);
}

bool DayFirst(std::string_view format) {
  for (const std::string& t : Tokens(format)) {
    if (t == "%d" || t == "%e") return true;
    if (t == "%m") return false;
  }
  return false;
}

std::string SwapDayMonth(std::string_view format) {
  std::string out(format);
  size_t m = std::string::npos, d = std::string::npos;
  for (size_t i = 0; i + 1 < out.size(); ++i) {
    if (out[i] != '%') continue;
    if (out[i + 1] == 'm' && m == std::string::npos) m = i;
    if ((out[i + 1] == 'd' || out[i + 1] == 'e') && d == std::string::npos) d = i;
    ++i;
  }
  if (m == std::string::npos || d == std::string::npos) return "";
  std::swap(out[m + 1], out[d + 1]);
  return out;
}

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// The runs of letters in `s`, lower-cased.
std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  for (size_t i = 0; i < s.size();) {
    if (!IsLetter(s[i])) { ++i; continue; }
    std::string w;
    while (i < s.size() && IsLetter(s[i])) w += Lower(s[i++]);
    out.push_back(std::move(w));
  }
  return out;
}

// A word that is a name of `names`, full or its first three letters.
bool NamesOneOf(std::string_view s, std::span<const std::string_view> names) {
  for (const std::string& w : Words(s)) {
    for (std::string_view n : names) {
      if (w == n || (w.size() == 3 && n.substr(0, 3) == w)) return true;
    }
  }
  return false;
}

bool ShowsAmPm(std::string_view s) {
  for (const std::string& w : Words(s)) {
    if (w == "am" || w == "pm") return true;
  }
  for (std::string_view dotted : {"a.m.", "p.m.", "A.M.", "P.M."}) {
    if (s.find(dotted) != std::string_view::npos) return true;
  }
  return false;
}

bool ShowsIsoT(std::string_view s) {
  for (size_t i = 1; i + 1 < s.size(); ++i) {
    if ((s[i] == 'T' || s[i] == 't') && IsDigit(s[i - 1]) && IsDigit(s[i + 1])) return true;
  }
  return false;
}

// Ends in Z after a digit, or in +hh:mm, +hhmm or +hh after a time of day.
bool ShowsOffset(std::string_view s) {
  if (s.size() >= 2 && (s.back() == 'Z' || s.back() == 'z') && IsDigit(s[s.size() - 2])) {
    return true;
  }
  size_t sign = s.find_last_of("+-");
  if (sign == std::string_view::npos || s.find(':') > sign) return false;
  std::string_view rest = s.substr(sign + 1);
  size_t digits = std::count_if(rest.begin(), rest.end(), IsDigit);
  bool shape = rest.size() == digits ? (digits == 2 || digits == 4)
                                     : (rest.size() == 5 && rest[2] == ':' && digits == 4);
  return shape;
}

bool ShowsMonthName(std::string_view s) { return NamesOneOf(s, kMonths); }
bool ShowsWeekday(std::string_view s) { return NamesOneOf(s, kWeekdays); }

// Three groups of digits joined by ':' (hh:mm:ss).
bool ShowsSeconds(std::string_view s) {
  size_t first = s.find(':');
  if (first == std::string_view::npos) return false;
  size_t second = s.find(':', first + 1);
  return second != std::string_view::npos && second + 1 < s.size() && IsDigit(s[second + 1]) &&
         second == first + 3;
}

// Small changes to a format, each "" when it does not apply.
std::string Replace(std::string_view format, std::string_view from, std::string_view to) {
  size_t at = format.find(from);
  if (at == std::string_view::npos) return "";
  std::string out(format);
  out.replace(at, from.size(), to);
  return out;
}
std::string To12Hour(std::string_view f, std::string_view) {
  std::string out = Replace(f, "%H", "%I");
  return out.empty() || HasToken(out, "%p") ? "" : out + " %p";
}
std::string WithT(std::string_view f, std::string_view) {
  return HasToken(f, "T") ? "" : Replace(f, " ", "T");
}
std::string WithOffset(std::string_view f, std::string_view value) {
  if (HasToken(f, "%z")) return "";
  size_t at = value.find_last_of("+-Zz");
  bool spaced = at != std::string_view::npos && at > 0 && value[at - 1] == ' ';
  return std::string(f) + (spaced ? " %z" : "%Ez");
}
std::string SwapDayMonthOf(std::string_view f, std::string_view) { return SwapDayMonth(f); }
std::string WithMonthName(std::string_view f, std::string_view) { return Replace(f, "%m", "%b"); }
std::string WithSeconds(std::string_view f, std::string_view) {
  if (HasToken(f, "%S")) return "";
  std::string out = Replace(f, "%H:%M", "%H:%M:%S");
  return out.empty() ? Replace(f, "%I:%M", "%I:%M:%S") : out;
}
std::string ToTwoDigitYear(std::string_view f, std::string_view) { return Replace(f, "%Y", "%y"); }
std::string ToFourDigitYear(std::string_view f, std::string_view) { return Replace(f, "%y", "%Y"); }
std::string DateOnly(std::string_view f, std::string_view) {
  size_t space = f.find(' ');
  if (space == std::string_view::npos) return "";
  std::string date(f.substr(0, space));
  return HasToken(f, "%H") || HasToken(f, "%I") ? date : "";
}

// One hint: it applies when the value shows something (`shows`, or always when null) that
// none of the formats reads (`reads`: any of these tokens, or none given). A `rewrite` that
// makes one of the formats read the value is named with the hint; a hint with no `shows`
// is given only then.
struct TimeHint {
  bool (*shows)(std::string_view value);
  std::span<const std::string_view> reads;
  std::string_view hint;
  std::string (*rewrite)(std::string_view format, std::string_view value);
};

constexpr std::string_view kAmPm[] = {"%p"};
constexpr std::string_view kT[] = {"T", "t"};
constexpr std::string_view kZ[] = {"%z"};
constexpr std::string_view kMonthNames[] = {"%b", "%B", "%h"};
constexpr std::string_view kWeekdayNames[] = {"%a", "%A"};
constexpr std::string_view kSeconds[] = {"%S"};

constexpr size_t kMaxHintedBytes = 100;

constexpr TimeHint kTimeHints[] = {
    {ShowsAmPm, kAmPm, "for a 12-hour clock use %I and %p", To12Hour},
    {ShowsIsoT, kT, "the value has a 'T' between date and time: write it in the format too", WithT},
    {ShowsOffset, kZ, "the value has a UTC offset: %z reads it (+01:00, +0100 or Z)", WithOffset},
    {ShowsMonthName, kMonthNames, "the value names a month: %b reads Mar, %B March", WithMonthName},
    {ShowsWeekday, kWeekdayNames, "the value names a weekday: %a reads Tue, %A Tuesday", nullptr},
    {ShowsSeconds, kSeconds, "the value has seconds: %S reads them", WithSeconds},
    {nullptr, {}, "day and month the other way round", SwapDayMonthOf},
    {nullptr, {}, "a two-digit year is %y", ToTwoDigitYear},
    {nullptr, {}, "a four-digit year is %Y", ToFourDigitYear},
    {nullptr, {}, "the value has no time of day", DateOnly},
};

}  // namespace

std::string TimeFormatHints(const std::string& text, std::span<const std::string> formats,
                            const std::string& zone, Ambiguity ambiguity) {
  if (text.size() > kMaxHintedBytes) return "";  // not a time: nothing to teach
  auto reads = [&](const std::string& f) {
    Timestamp t;
    return !f.empty() && ParseTimeWithFormat(text, f, zone, ambiguity, &t).ok();
  };
  std::string out;
  bool named = false;  // a format that reads the value was named already
  std::vector<std::string> combined(formats.begin(), formats.end());  // every rewrite shown
  int shown = 0;
  for (const TimeHint& h : kTimeHints) {
    if (h.shows != nullptr && !h.shows(text)) continue;
    bool read = std::any_of(formats.begin(), formats.end(), [&](const std::string& f) {
      return std::any_of(h.reads.begin(), h.reads.end(),
                         [&](std::string_view token) { return HasToken(f, token); });
    });
    if (read) continue;
    std::string works;
    for (size_t i = 0; i < formats.size() && h.rewrite != nullptr; ++i) {
      std::string g = h.rewrite(formats[i], text);
      if (h.shows != nullptr) {
        std::string c = h.rewrite(combined[i], text);
        if (!c.empty()) combined[i] = std::move(c);
      }
      if (!named && works.empty() && reads(g)) works = std::move(g);
    }
    if (h.shows == nullptr && works.empty()) continue;
    shown += h.shows != nullptr;
    named = named || !works.empty();
    out += works.empty() ? fmt::format("\nhint: {}", h.hint)
                         : fmt::format("\nhint: {}: '{}' reads it", h.hint, Printable(works, 80));
  }
  if (named || shown < 2) return out;
  for (const std::string& c : combined) {  // the changes together, when each alone fell short
    if (reads(c)) {
      return out + fmt::format("\nhint: with all of these: '{}' reads it", Printable(c, 80));
    }
  }
  return out;
}

}  // namespace nanni
