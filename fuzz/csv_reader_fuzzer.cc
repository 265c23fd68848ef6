// Fuzzes CsvReader: any bytes, any dialect, any buffer size must give records (well-formed
// or with an error) or a clean Status, never a crash, and the same records whatever the
// buffer size; and no error message may quote the input raw.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "fuzz_checks.h"
#include "import/csv/csv_reader.h"

namespace {

std::vector<std::string> ReadAll(std::string_view data, const nanni::CsvDialect& d, size_t buffer) {
  auto reader = nanni::CsvReader::FromString(data, d, buffer, 1 << 16);
  std::vector<std::string> out;
  nanni::CsvRecord rec;
  for (;;) {
    bool done = false;
    nanni::Status st = reader->Next(&rec, &done);
    nanni::fuzz::CheckMessage(st);
    if (!st.ok()) { out.push_back("!" + st.message()); break; }
    nanni::fuzz::CheckMessage(rec.error);
    if (done) break;
    std::string flat = std::to_string(rec.line) + ":" + rec.error + ":";
    for (auto f : rec.fields) flat.append(f).push_back('\x1f');
    flat.append(rec.raw);
    out.push_back(std::move(flat));
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  static const char kDelims[] = {',', ';', '\t', '|'};
  nanni::CsvDialect d;
  d.delimiter = kDelims[data[0] & 3];
  d.quote = (data[0] & 4) ? '\0' : '"';
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  auto small = ReadAll(text, d, 4 + (data[0] >> 3));
  auto big = ReadAll(text, d, 1 << 20);
  // Different buffer sizes must agree (unless a record hit the size limit).
  if (small != big && (small.empty() || small.back()[0] != '!') && (big.empty() || big.back()[0] != '!')) {
    std::abort();
  }
  return 0;
}
