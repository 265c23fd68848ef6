// Fuzzes the profile language and the mapper. The first byte chooses the mode:
//  - a built-in profile (callcenter, twcs, cfpb, tickets, billing) reading the rest as CSV,
//    with the lookup pass first, as the importer does;
//  - or the rest as a profile's TOML, which, when it loads, maps a small fixed CSV.
// Any input must give events or an error Status, never a crash, and no error message may quote
// the input raw.
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_checks.h"
#include "import/csv/builtin_profiles.h"
#include "import/csv/csv_reader.h"
#include "import/csv/profile_mapper.h"

namespace {

bool Checked(const nanni::Status& st) {
  nanni::fuzz::CheckMessage(st);
  return st.ok();
}

void MapAll(const nanni::Profile& profile, std::string_view csv) {
  nanni::ProfileMapper mapper(profile, "fuzz.csv");
  for (int pass = 0; pass < 2; ++pass) {
    auto reader = nanni::CsvReader::FromString(csv, profile.dialect, 64, 1 << 16);
    nanni::CsvRecord rec;
    bool done = false;
    if (profile.header) {
      if (!Checked(reader->Next(&rec, &done)) || done) return;
      if (pass == 0 && !Checked(mapper.Bind(rec.fields))) return;
    } else if (pass == 0 && !Checked(mapper.Bind({}))) {
      return;
    }
    std::vector<nanni::Event> events;
    for (;;) {
      if (!Checked(reader->Next(&rec, &done)) || done) break;
      if (pass == 0) {
        if (!Checked(mapper.AddToLookups(rec))) return;
      } else {
        Checked(mapper.Map(rec, &events));
      }
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  auto builtins = nanni::EmbeddedProfiles();
  size_t mode = data[0] % (builtins.size() + 1);
  nanni::Profile profile;
  if (mode < builtins.size()) {
    if (!nanni::ParseProfile(builtins[mode].text(), "builtin", &profile).ok()) __builtin_trap();
    MapAll(profile, rest);
    return 0;
  }
  if (!Checked(nanni::ParseProfile(rest, "fuzz.toml", &profile))) return 0;
  MapAll(profile, "a,b,c,id,time\n1,2,3,x,2024-01-02\n\"q\"\"\",,\"\n\",y,2024-13-01\n");
  return 0;
}
