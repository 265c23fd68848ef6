// BusinessClock: how many business seconds lie between two instants.
//
// Business time is the company's working hours (NanniConfig::business_hours): on working
// days that are not holidays, from `start` to `end` local time in `time_zone`. Local times are
// converted with the zone's rules for that day, so a working day across a DST change is
// still start..end on the wall clock. Thread-compatible: const methods may run on several
// threads at once.
//
// Cover() precomputes the windows of a range of days, after which BusinessSeconds() between
// instants in that range is a binary search instead of a walk over the days (a portfolio asks
// it for every request); it gives the same answer either way.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "config/nanni_config.h"
#include "util/status.h"

namespace date { class time_zone; }

namespace nanni {

class BusinessClock {
 public:
  // Fails (NotFound) when the time zone is unknown, InvalidInput for a malformed holiday.
  static Status Create(const BusinessHoursConfig& config, BusinessClock* out);

  // Business seconds in [from, to); 0 when to <= from.
  int64_t BusinessSeconds(int64_t from_utc_micros, int64_t to_utc_micros) const;

  // Precomputes the business windows of the local days from the one holding `from` to the one
  // holding `to` (at most about 30 years of days; a wider range is cut to that).
  void Cover(int64_t from_utc_micros, int64_t to_utc_micros);

  // Days since 1970-01-01 of the local date of `utc_micros`, in the clock's time zone.
  int64_t LocalDay(int64_t utc_micros) const;
  // UTC microseconds of local time `minute` (after midnight) on local day `day`; a wall time
  // skipped by a DST change maps to the change, a repeated one to its first instant.
  int64_t LocalToUtc(int64_t day, int minute) const;

 private:
  // Business microseconds from the start of the covered range up to `t`, which must lie in it.
  int64_t CoveredBefore(int64_t utc_micros) const;
  bool Covers(int64_t utc_micros) const {
    return !open_.empty() && utc_micros >= range_begin_ && utc_micros < range_end_;
  }

  bool IsWorkingDay(int64_t day) const;

  BusinessHoursConfig config_;
  const date::time_zone* zone_ = nullptr;  // nullptr: UTC
  std::vector<int64_t> holidays_;          // local days, sorted
  // Cover(): each covered day's window in UTC (open == close on a day off), and the business
  // microseconds of the days before it; the instants [range_begin_, range_end_) they span.
  std::vector<int64_t> open_, close_, before_;
  int64_t range_begin_ = 0, range_end_ = 0;
};

}  // namespace nanni
