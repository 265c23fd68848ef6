// Fuzzes the NDJSON event decoder and the time parsers it and the command line use: any bytes
// must decode to a valid event or give an error that names the field without quoting the
// input raw; a decoded event must encode canonically and decode back to itself.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "event/canonical.h"
#include "event/event_decoder.h"
#include "fuzz_checks.h"
#include "util/time.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  static nanni::EventDecoder* decoder = new nanni::EventDecoder(1 << 20);
  nanni::Event event;
  nanni::Status st = decoder->Decode(text, &event);
  nanni::fuzz::CheckMessage(st);
  if (st.ok()) {
    std::string encoded = nanni::EncodeCanonical(event);
    nanni::Event back;
    nanni::Status again = decoder->Decode(encoded, &back);
    if (!again.ok() || !(back == event)) {
      std::fprintf(stderr, "canonical form does not decode to the same event: %s\n%s\n",
                   again.ToString().c_str(), encoded.c_str());
      std::abort();
    }
  }
  // --as-of, --since and --until go through these.
  nanni::Timestamp t;
  nanni::Status parsed = nanni::ParseRfc3339(text, &t);
  nanni::fuzz::CheckMessage(parsed);
  if (parsed.ok() && !nanni::InRfc3339Range(t.utc_micros)) std::abort();
  int64_t bound = 0;
  nanni::fuzz::CheckMessage(nanni::ParseTimeBound(text, &bound));
  return 0;
}
