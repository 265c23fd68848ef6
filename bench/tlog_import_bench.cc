// tlog_import_bench: the parts of `nanni import` of an NDJSON file, each timed alone, to say
// where the import's time goes (BENCHMARKS.md, "The verifiable log (issue 14)").
//
// Usage: build/release/bench/tlog_import_bench MODE FILE [LEDGER]
//   decode    read and decode every line into an Event (NdjsonSource), on this thread
//   prepare   the same and PrepareEvent: the canonical encoding and the body's SHA-256 (the
//             whole of the reading thread's work for the ledger)
//   encode    the same as prepare without the SHA-256 (PrepareEvent's encoding alone is not
//             exposed: this decodes, encodes with EncodeCanonical, and skips the digest)
//   ledger    ImportEvents into LEDGER (made by `nanni init`, empty): the reading and writing
//             threads of the ledger without the analytic index, its tone scoring and its
//             blocks (what Engine::Import adds)
// Prints wall seconds, this process's CPU seconds, events and MB of bodies, and one JSON line.
#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <memory>
#include <string>
#include <vector>

#include "event/canonical.h"
#include "import/importer.h"
#include "import/ndjson_source.h"
#include "ledger/prepared_event.h"
#include "storage/open_store.h"

using namespace nanni;

namespace {
double CpuNow() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}
double WallNow() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
[[noreturn]] void Die(const std::string& what, const Status& st) {
  fmt::print(stderr, "tlog_import_bench: {}: {}\n", what, st.ToString());
  std::exit(1);
}
}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    fmt::print(stderr, "usage: tlog_import_bench decode|prepare|encode|ledger FILE [LEDGER]\n");
    return 2;
  }
  const std::string mode = argv[1], file = argv[2];
  std::unique_ptr<NdjsonSource> source;
  Status st = NdjsonSource::Open(file, NdjsonSource::Options(), &source);
  if (!st.ok()) Die("opening " + file, st);
  const double wall0 = WallNow(), cpu0 = CpuNow();
  uint64_t events = 0, body_bytes = 0;
  if (mode == "ledger") {
    if (argc < 4) Die("ledger", Status::InvalidArgument("needs LEDGER"));
    std::unique_ptr<LedgerStore> store;
    st = OpenLedgerStore(argv[3], StoreMode::kReadWrite, &store);
    if (!st.ok()) Die("opening the ledger", st);
    std::vector<std::unique_ptr<EventSource>> sources;
    sources.push_back(std::move(source));
    ImportOptions options;
    options.progress = false;
    ImportSummary summary;
    st = ImportEvents(store.get(), std::move(sources), options, &summary);
    if (!st.ok()) Die("import", st);
    events = summary.added;
  } else {
    Event event;
    PreparedEvent prepared;
    std::string body;
    for (;;) {
      bool done = false;
      st = source->Next(&event, &done);
      if (!st.ok()) Die("reading", st);
      if (done) break;
      ++events;
      if (mode == "prepare") {
        PrepareEvent(event, &prepared);
        body_bytes += prepared.body.size();
      } else if (mode == "encode") {
        body.clear();
        EncodeCanonical(event, &body);
        body_bytes += body.size();
      } else if (mode != "decode") {
        Die("mode", Status::InvalidArgument(mode));
      }
    }
  }
  const double wall = WallNow() - wall0, cpu = CpuNow() - cpu0;
  fmt::print("{}: {} events, {:.0f} MB of bodies, {:.3f} s wall, {:.3f} s CPU\n", mode, events, body_bytes / 1e6,
             wall, cpu);
  fmt::print("{{\"mode\":\"{}\",\"events\":{},\"body_mb\":{:.1f},\"wall_s\":{:.4f},\"cpu_s\":{:.4f}}}\n", mode,
             events, body_bytes / 1e6, wall, cpu);
  return 0;
}
