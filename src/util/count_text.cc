#include "util/count_text.h"

namespace nanni {

std::string CountText(uint64_t n) {
  const std::string digits = std::to_string(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string CountOf(uint64_t n, std::string_view noun) {
  return CountText(n) + " " + std::string(noun) + (n == 1 ? "" : "s");
}

}  // namespace nanni
