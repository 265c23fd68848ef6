// Fuzzes what contracts and disputes read from outside: term sheets (TOML a person writes),
// claims (JSON an agent writes) and rulings (JSON the other side hands over). The first byte
// picks the reader, the rest is its input. Anything must be read or refused with an error that
// quotes no input raw; terms that are read must write a canonical form that reads back to the
// same canonical form; and checking a ruling of any bytes must never crash.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "contract/terms.h"
#include "dispute/claim.h"
#include "dispute/ruling.h"
#include "fuzz_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0 || size > 64 * 1024) return 0;
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 3) {
    case 0: {
      nanni::Terms terms, again;
      nanni::Status st = nanni::ParseTerms(text, "terms.toml", &terms);
      nanni::fuzz::CheckMessage(st);
      if (!st.ok()) break;
      const std::string canonical = nanni::FormatTerms(terms);
      st = nanni::ParseTerms(canonical, "canonical", &again);
      if (!st.ok() || nanni::FormatTerms(again) != canonical) {
        std::fprintf(stderr, "the canonical form does not read back: %s\n%s\n", st.message().c_str(), canonical.c_str());
        std::abort();
      }
      break;
    }
    case 1: {
      nanni::Claim claim, again;
      nanni::Status st = nanni::ParseClaim(text, &claim);
      nanni::fuzz::CheckMessage(st);
      if (!st.ok()) break;
      nanni::JsonOut out;
      nanni::WriteClaim(claim, &out);
      const std::string written = out.Take();
      if (!nanni::ParseClaim(written, &again).ok()) {
        std::fprintf(stderr, "a claim written does not read back: %s\n", written.c_str());
        std::abort();
      }
      break;
    }
    default: {
      nanni::RulingCheck report;
      nanni::fuzz::CheckMessage(nanni::CheckRuling(text, nanni::fuzz::TestLogKey(), nanni::ReferenceRates::Embedded(), &report));
      for (const std::string& d : report.differences) nanni::fuzz::CheckMessage(d);
      break;
    }
  }
  return 0;
}
