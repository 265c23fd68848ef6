// Time formats of import profiles: nanni's own strict strftime-like parser, and what it can
// tell a user whose values it cannot read or could read two ways (docs/profiles.md, [time]).
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "util/status.h"
#include "util/time.h"

namespace nanni {

// The date a format read from a value, as written (before any zone).
struct CivilDate {
  int year = 0, month = 0, day = 0;
};

// Parses `text` with one strftime-like `format`: %Y (4 digits) %y (2; 69-99 are 19xx) %m %d
// %e %H %M (1 or 2 digits) %S (with an optional .fraction) %I and %p (12-hour clock) %b %B %h
// (month name, full or three letters, any case) %a %A (weekday name, not checked) %z %Ez
// (+hhmm, +hh:mm, or Z) %F %T %%; a space in the format matches any run of blanks. The whole
// text must match and the date must exist. Without %z the time is local in `zone`, read per
// `ambiguity`. *date, when given, receives the date as read. Written for hostile input
// (date::parse is not: fuzzing found undefined behaviour in it).
Status ParseTimeWithFormat(const std::string& text, const std::string& format,
                           const std::string& zone, Ambiguity ambiguity, Timestamp* out,
                           CivilDate* date = nullptr);

// True when `format` reads both the day and the month as numbers, in an order other than
// year-month-day ("%d/%m/%Y", "%m/%d/%y", not "%F" or "%d %b %Y"): a file read with it could
// be meant the other way round, until a day above 12 settles it.
bool DayMonthAmbiguous(std::string_view format);

// True when `format` reads the day before the month.
bool DayFirst(std::string_view format);

// `format` with its day and month swapped ("%d/%m/%Y" -> "%m/%d/%Y"); "" when it lacks one.
std::string SwapDayMonth(std::string_view format);

// What may be why `text` matches none of `formats`: lines "\nhint: ..." naming the directive
// the value needs and, when a small change to one of the formats reads it, that format. ""
// when nothing is known. Data-driven: kTimeHints in time_format.cc.
std::string TimeFormatHints(const std::string& text, std::span<const std::string> formats,
                            const std::string& zone, Ambiguity ambiguity);

}  // namespace nanni
