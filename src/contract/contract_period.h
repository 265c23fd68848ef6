// ContractPeriod: the span a contract check or a claim covers, [from, to) (docs/contracts.md,
// "Evaluation"). A bound given as a date ("2026-03-01"; a month or a year on the command line)
// is midnight of that day in the time zone of the terms it is applied to, so that March asked
// of Berlin terms is Berlin's March; a bound given as an RFC 3339 time is that instant.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "casefile/business_clock.h"
#include "util/status.h"

namespace nanni {

struct ContractPeriod {
  // The bounds as instants. For a bound given as a date, midnight UTC of that day (used only
  // where no terms say which zone: ordering the bounds).
  int64_t from_utc_micros = INT64_MIN;  // INT64_MIN: from the start of the term
  int64_t to_utc_micros = INT64_MAX;    // INT64_MAX: to its end
  // Set when a bound was given as a date: the day, counted from 1970-01-01.
  std::optional<int64_t> from_day, to_day;
};

// [from, to) as instants, dates read as midnight in `clock`'s time zone.
std::pair<int64_t, int64_t> PeriodIn(const ContractPeriod& period, const BusinessClock& clock);

// Parses one bound: a date "2026-03-01" (sets *day) or an RFC 3339 time. InvalidArgument
// otherwise.
Status ParsePeriodBound(std::string_view text, int64_t* utc_micros, std::optional<int64_t>* day);

// Parses "2026" (a year), "2026-03" (a month) or "FROM..TO" (bounds as ParsePeriodBound
// reads them, TO excluded, later than FROM). InvalidArgument quoting the text otherwise.
Status ParseContractPeriod(std::string_view text, ContractPeriod* out);

// A bound as written back: the date it was given as, else the instant in RFC 3339 UTC.
std::string PeriodBoundText(int64_t utc_micros, const std::optional<int64_t>& day);

}  // namespace nanni
