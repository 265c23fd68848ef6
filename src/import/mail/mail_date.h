// MailDate: the time of a mail Date: (or Received: ...; DATE) value, with the year as written.
//
// GMime's date parser reads the many forms mailers write (RFC 5322, obsolete zones, asctime),
// but not the year as written: it reads 00-69 as 2000-2069 and a 4-digit 0000-0099 the same
// way, and refuses years before 1969 and 3-digit years. So the year is taken from the text:
//   - 4 digits: as written, 0001-9999 (0000 is no year: unreadable);
//   - 2 digits (RFC 5322 obsolete syntax): 00-49 -> 2000-2049, 50-99 -> 1950-1999;
//   - 3 digits (the same section): + 1900, so 126 -> 2026;
//   - one digit, or five or more: unreadable.
// The rest (month, day, time, zone) is GMime's reading. A date whose UTC instant falls outside
// 0000-01-01..9999-12-31 once its offset is applied is unreadable (the ledger writes 4-digit
// years). A value whose year cannot be found in the text (no month name) is GMime's reading
// as it stands.
#pragma once

#include <string_view>

#include "util/time.h"

namespace nanni {

// False (and *out unspecified) when `value` is not a readable date.
bool ParseMailDate(std::string_view value, Timestamp* out);

}  // namespace nanni
