// ReadBusinessHoursTable: business hours (time_zone, days, start, end, holidays) as
// nanni.toml's [business_hours] writes them, read from any table, so that what else states
// working hours (a contract's terms) states them the same way.
#pragma once

#include <string>
#include <string_view>

#include "config/nanni_config.h"
#include "util/toml_document.h"

namespace nanni {

// Reads the table at `key` of `root` over *out; an absent table leaves *out as it is.
// InvalidInput naming `name` and the key ("terms.toml: key 'hours.days': ...") otherwise.
Status ReadBusinessHoursTable(const toml::table& root, const std::string& name, std::string_view key,
                              BusinessHoursConfig* out);

}  // namespace nanni
