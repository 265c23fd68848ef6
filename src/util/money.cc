#include "util/money.h"

#include <fmt/format.h>

#include <map>

namespace nanni {

namespace {

// ISO 4217 minor-unit exponents other than 2.
int CurrencyExponent(const std::string& currency) {
  static const std::map<std::string, int> kExponents = {
      {"BIF", 0}, {"CLP", 0}, {"DJF", 0}, {"GNF", 0}, {"ISK", 0}, {"JPY", 0}, {"KMF", 0},
      {"KRW", 0}, {"PYG", 0}, {"RWF", 0}, {"UGX", 0}, {"VND", 0}, {"VUV", 0}, {"XAF", 0},
      {"XOF", 0}, {"XPF", 0}, {"BHD", 3}, {"IQD", 3}, {"JOD", 3}, {"KWD", 3}, {"LYD", 3},
      {"OMR", 3}, {"TND", 3}};
  auto it = kExponents.find(currency);
  return it == kExponents.end() ? 2 : it->second;
}

}  // namespace

std::string MoneyText(int64_t minor, const std::string& currency) {
  int exp = CurrencyExponent(currency);
  const char* sign = minor < 0 ? "-" : "";
  uint64_t v = minor < 0 ? 0 - static_cast<uint64_t>(minor) : static_cast<uint64_t>(minor);
  if (exp == 0) return fmt::format("{} {}{}", currency, sign, v);
  uint64_t unit = exp == 3 ? 1000 : 100;
  return fmt::format("{} {}{}.{:0{}}", currency, sign, v / unit, v % unit, exp);
}

}  // namespace nanni
