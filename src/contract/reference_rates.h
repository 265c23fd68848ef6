// The reference rates late-payment statutes add their margin to (data/contract/
// reference_rates.tsv, embedded): the ECB's main refinancing rate for Directive 2011/7/EU, the
// Bank of England's base rate for the UK's Late Payment Act, one per half-year.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "contract/terms.h"
#include "util/status.h"

namespace nanni {

class ReferenceRates {
 public:
  // The embedded table (parsed once; a broken file is a build defect and aborts).
  static const ReferenceRates& Embedded();

  // Parses the table's text; InvalidInput "NAME:LINE: ..." for a bad row.
  static Status Parse(std::string_view text, const std::string& name, ReferenceRates* out);

  // The rate of `statute` ("eu" or "uk") for the half-year holding `day` (days since
  // 1970-01-01). NotFound naming the half-year when the table has no row for it.
  Status RateFor(std::string_view statute, int64_t day, Millionths* out) const;

 private:
  struct Row {
    std::string statute;
    int64_t first_day = 0;  // the half-year's first day
    Millionths rate = 0;
  };
  std::vector<Row> rows_;  // by statute, then day
};

}  // namespace nanni
