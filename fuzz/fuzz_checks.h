// Invariants every fuzz target checks besides "no crash".
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "util/printable.h"
#include "util/status.h"

namespace nanni::fuzz {

// Aborts when an error message quotes input raw: a control character (other than a line
// break), a bidi control or a byte that is not UTF-8 (issue 10: every message that quotes
// input goes through Printable).
inline void CheckMessage(std::string_view message) {
  if (!HasUnprintable(message)) return;
  std::fprintf(stderr, "an error message holds an unprintable character: %s\n",
               PrintableLines(message).c_str());
  std::abort();
}

inline void CheckMessage(const Status& status) {
  if (!status.ok()) CheckMessage(status.message());
}

}  // namespace nanni::fuzz
