// Timestamps: an instant in UTC plus the UTC offset the source wrote it with.
//
// The ledger stores every time as microseconds since the Unix epoch (UTC) and keeps the
// source's offset in minutes, so that "09:14 in Berlin" can be shown as the customer saw it
// while all arithmetic happens on the UTC instant.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "util/status.h"

namespace nanni {

// Microseconds in a unit of time, for arithmetic on utc_micros.
inline constexpr int64_t kMicrosPerSecond = 1'000'000;
inline constexpr int64_t kMicrosPerMinute = 60 * kMicrosPerSecond;
inline constexpr int64_t kMicrosPerHour = 60 * kMicrosPerMinute;
inline constexpr int64_t kMicrosPerDay = 24 * kMicrosPerHour;

struct Timestamp {
  int64_t utc_micros = 0;      // microseconds since 1970-01-01T00:00:00Z
  int32_t offset_minutes = 0;  // the source's UTC offset, e.g. +60 for +01:00

  friend bool operator==(const Timestamp&, const Timestamp&) = default;
};

// Parses RFC 3339 ("2024-03-05T09:14:00+01:00", "2024-03-05t08:14:00.25Z"; a space may stand
// for the 'T'). The offset is required. At most 9 fractional digits; digits past the sixth
// must be zero, because the ledger keeps microseconds. Leap seconds (":60") are refused.
// On error returns InvalidInput whose message says what is wrong (no location: the caller
// adds file, line and field).
Status ParseRfc3339(std::string_view text, Timestamp* out);

// Formats as RFC 3339 in the timestamp's own offset: "2024-03-05T09:14:00+01:00", with
// ".ffffff" only when the microseconds are not zero, and "Z" for offset 0.
// ParseRfc3339(FormatRfc3339(t)) == t for every t in years 0000-9999.
std::string FormatRfc3339(const Timestamp& t);

// The same written into `buf`, which holds at least kRfc3339MaxBytes; returns the length
// written (no terminating NUL). For hot paths that would otherwise allocate a string per time.
constexpr size_t kRfc3339MaxBytes = 48;
size_t FormatRfc3339(const Timestamp& t, char* buf);

// Formats the instant in UTC ("...Z"), whatever the offset.
std::string FormatUtc(int64_t utc_micros);

// Parses a bound given on the command line: RFC 3339, or a bare date "2024-03-05" meaning
// 00:00 UTC that day.
Status ParseTimeBound(std::string_view text, int64_t* utc_micros);

// How to read a local wall-clock time that a time zone repeats (fall back) or skips (spring
// forward). A skipped time is read, under either of the first two, as the instant the clocks
// change. Imports say which they used.
enum class Ambiguity {
  kEarliest,  // repeated: the first occurrence
  kLatest,    // repeated: the second occurrence
  kReject,    // either case is an error
};

// Converts a wall-clock time in IANA zone `zone` ("Europe/Berlin") to a Timestamp carrying
// that zone's offset at the instant. `local_micros` counts microseconds since 1970-01-01
// 00:00 local time. Returns NotFound for an unknown zone, InvalidInput for a skipped or
// repeated time under kReject.
Status LocalToTimestamp(int64_t local_micros, std::string_view zone, Ambiguity ambiguity,
                        Timestamp* out);

// Whether `zone` names a time zone of the IANA database ("UTC" included).
bool IsKnownTimeZone(std::string_view zone);

// Microseconds since the epoch of a civil date and time (no zone). Fields are not checked.
int64_t CivilToMicros(int year, unsigned month, unsigned day, int hour, int minute, int second);

// True for an instant RFC 3339 can write in UTC: 0000-01-01T00:00:00Z up to, not including,
// 10000-01-01T00:00:00Z. Every parser refuses times outside it.
bool InRfc3339Range(int64_t utc_micros);

// The current time, UTC microseconds.
int64_t NowMicros();

}  // namespace nanni
