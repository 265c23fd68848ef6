#include "contract/reference_rates.h"

#include <date/date.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "util/embed.h"
#include "util/printable.h"

#ifndef NANNI_CONTRACT_DATA_DIR
#error "NANNI_CONTRACT_DATA_DIR must name the data/contract folder"
#endif

NANNI_EMBED(nanni_reference_rates, NANNI_CONTRACT_DATA_DIR "/reference_rates.tsv")

namespace nanni {

namespace {

bool ParseDay(std::string_view text, int64_t* day) {
  unsigned y = 0, m = 0, d = 0;
  if (text.size() != 10 || std::sscanf(std::string(text).c_str(), "%4u-%2u-%2u", &y, &m, &d) != 3) return false;
  const date::year_month_day ymd{date::year(static_cast<int>(y)), date::month(m), date::day(d)};
  if (!ymd.ok() || (m != 1 && m != 7) || d != 1) return false;
  *day = date::sys_days{ymd}.time_since_epoch().count();
  return true;
}

// "2.15" -> 21,500 millionths.
bool ParseRate(std::string_view text, Millionths* out) {
  int64_t whole = 0, frac = 0, digits = 0;
  size_t i = 0;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) whole = whole * 10 + (text[i] - '0');
  if (i == 0 || i > 3) return false;
  if (i < text.size()) {
    if (text[i++] != '.') return false;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9' && digits < 4; ++i, ++digits) frac = frac * 10 + (text[i] - '0');
    if (i != text.size() || digits == 0) return false;
  }
  while (digits++ < 4) frac *= 10;
  *out = whole * 10000 + frac;
  return true;
}

std::string HalfYear(int64_t day) {
  const date::year_month_day ymd{date::sys_days{date::days{day}}};
  return fmt::format("{}-H{}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()) <= 6 ? 1 : 2);
}

}  // namespace

const ReferenceRates& ReferenceRates::Embedded() {
  static const ReferenceRates rates = [] {
    ReferenceRates r;
    Status st = Parse(std::string_view(nanni_reference_rates_begin, nanni_reference_rates_end - nanni_reference_rates_begin),
                      "data/contract/reference_rates.tsv", &r);
    if (!st.ok()) {
      std::fprintf(stderr, "nanni: the embedded reference rates are broken: %s\n", st.message().c_str());
      std::abort();
    }
    return r;
  }();
  return rates;
}

Status ReferenceRates::Parse(std::string_view text, const std::string& name, ReferenceRates* out) {
  out->rows_.clear();
  size_t line_no = 0;
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> cols;
    for (size_t at = 0;;) {
      const size_t tab = line.find('\t', at);
      cols.push_back(line.substr(at, tab == std::string_view::npos ? std::string_view::npos : tab - at));
      if (tab == std::string_view::npos) break;
      at = tab + 1;
    }
    Row row;
    if (cols.size() < 3 || (cols[0] != "eu" && cols[0] != "uk") || !ParseDay(cols[1], &row.first_day) ||
        !ParseRate(cols[2], &row.rate)) {
      return Status::InvalidInput(fmt::format("{}:{}: want \"eu|uk<TAB>YYYY-01-01 or YYYY-07-01<TAB>percent\", got '{}'",
                                              name, line_no, Printable(line, 80)));
    }
    row.statute = std::string(cols[0]);
    out->rows_.push_back(std::move(row));
  }
  std::sort(out->rows_.begin(), out->rows_.end(), [](const Row& a, const Row& b) {
    return a.statute != b.statute ? a.statute < b.statute : a.first_day < b.first_day;
  });
  return Status::OK();
}

Status ReferenceRates::RateFor(std::string_view statute, int64_t day, Millionths* out) const {
  const std::string half = HalfYear(day);
  for (const Row& r : rows_) {
    if (r.statute == statute && HalfYear(r.first_day) == half) {
      *out = r.rate;
      return Status::OK();
    }
  }
  return Status::NotFound(fmt::format(
      "no {} reference rate for {} in data/contract/reference_rates.tsv: add the central bank's rate for that "
      "half-year, or give the terms a fixed rate",
      statute, half));
}

}  // namespace nanni
