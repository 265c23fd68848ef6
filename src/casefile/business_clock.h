// BusinessClock: how many business seconds lie between two instants.
//
// Business time is the company's working hours (NanniConfig::business_hours): on working
// days that are not holidays, from `start` to `end` local time in `time_zone`. Local times are
// converted with the zone's rules for that day, so a working day across a DST change is
// still start..end on the wall clock. Thread-compatible; cheap to copy.
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

 private:
  // Days since 1970-01-01 of the local date of `utc_micros`.
  int64_t LocalDay(int64_t utc_micros) const;
  // UTC microseconds of local time `minute` on local day `day`.
  int64_t LocalToUtc(int64_t day, int minute) const;
  bool IsWorkingDay(int64_t day) const;

  BusinessHoursConfig config_;
  const date::time_zone* zone_ = nullptr;  // nullptr: UTC
  std::vector<int64_t> holidays_;          // local days, sorted
};

}  // namespace nanni
