#include "casefile/case_input.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <string_view>
#include <unordered_map>

#include "event/event_decoder.h"
#include "util/sha256.h"
#include "util/printable.h"

namespace nanni {

namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// One stored entry as read: its body is `size` bytes at `offset` in the RawBodies buffer (one
// allocation for all bodies instead of one string each).
struct RawEntry {
  uint64_t seq;
  int64_t recorded;
  Digest hash;
  size_t offset, size;
};

struct RawBodies {
  std::vector<RawEntry> entries;
  std::string bytes;  // every entry's body, back to back

  std::string_view Body(const RawEntry& e) const {
    return std::string_view(bytes).substr(e.offset, e.size);
  }
};

// Decodes `raw` into *out (same order). The events own copies of what they keep: `bodies` may
// be freed afterwards. One thread: decoding allocates a dozen strings per event, and threads
// sharing the process's one pre-grown heap (report_command.cc) contend for its lock; on two
// cores, two decoding threads took 53-59 ms of CPU and 42-53 ms wall-clock for the JSON case
// file of 10,000 events, one thread 35 ms of both (BENCHMARKS.md, "Case file").
Status DecodeAll(const RawBodies& bodies, std::vector<CaseEvent>* out) {
  const std::vector<RawEntry>& raw = bodies.entries;
  out->resize(raw.size());
  EventDecoder decoder;
  for (size_t i = 0; i < raw.size(); ++i) {
    CaseEvent& c = (*out)[i];
    Status st = decoder.Decode(bodies.Body(raw[i]), &c.event);
    if (!st.ok()) return Status::Corruption(fmt::format("event {}: {}", raw[i].seq, st.message()));
    c.cite = CiteOf(c.event, raw[i].seq, raw[i].hash);
    c.recorded_utc_micros = raw[i].recorded;
  }
  return Status::OK();
}

}  // namespace

Citation CiteOf(const Event& e, uint64_t seq, const Digest& hash) {
  Citation c;
  c.event_id = e.id;
  c.file = e.source.file;
  c.line = e.source.line;
  c.ref = e.source.ref;
  c.seq = seq;
  c.hash = ToHex(hash, 6);
  return c;
}

CasePerson PersonOf(const Contact& c) {
  CasePerson p;
  p.key = !c.email.empty() ? Lower(c.email) : !c.id.empty() ? c.id : Lower(c.name);
  p.name = !c.name.empty() ? c.name : !c.email.empty() ? c.email : c.id;
  p.title = c.title;
  p.side = c.side;
  p.level = c.level;
  return p;
}

void PrepareCaseEvents(int64_t as_of, int64_t recorded_by, std::vector<CaseEvent>* events) {
  std::erase_if(*events, [&](const CaseEvent& e) {
    return e.event.time.utc_micros > as_of || e.recorded_utc_micros > recorded_by;
  });
  auto before = [](const CaseEvent& a, const CaseEvent& b) {
    if (a.event.time.utc_micros != b.event.time.utc_micros) {
      return a.event.time.utc_micros < b.event.time.utc_micros;
    }
    return a.cite.seq < b.cite.seq;
  };
  if (!std::is_sorted(events->begin(), events->end(), before)) {
    std::stable_sort(events->begin(), events->end(), before);
  }
  if (std::none_of(events->begin(), events->end(),
                   [](const CaseEvent& e) { return !e.event.corrects.empty(); })) {
    return;
  }
  // Same-kind corrections replace the event they correct (the latest correction wins).
  std::unordered_map<std::string, size_t> by_id;
  for (size_t i = 0; i < events->size(); ++i) by_id[(*events)[i].event.id] = i;
  std::vector<bool> drop(events->size(), false);
  for (size_t i = 0; i < events->size(); ++i) {
    CaseEvent& c = (*events)[i];
    if (c.event.corrects.empty()) continue;
    auto it = by_id.find(c.event.corrects);
    if (it == by_id.end() || (*events)[it->second].event.kind != c.event.kind) continue;
    drop[it->second] = true;
    by_id[c.event.corrects] = i;
  }
  std::vector<CaseEvent> kept;
  kept.reserve(events->size());
  for (size_t i = 0; i < events->size(); ++i) {
    if (drop[i]) continue;
    CaseEvent& c = (*events)[i];
    // A replacement answers for the original under the original's id, so replies still link;
    // its citation names the correction itself.
    auto it = c.event.corrects.empty() ? by_id.end() : by_id.find(c.event.corrects);
    if (it != by_id.end() && it->second == i) c.event.id = c.event.corrects;
    kept.push_back(std::move(c));
  }
  *events = std::move(kept);
}

Status LoadCaseEvents(LedgerStore* store, const std::string& account, int64_t as_of,
                      int64_t recorded_by, std::vector<CaseEvent>* out) {
  out->clear();
  EventQuery query;
  query.account = account;
  query.until_utc_micros = as_of == INT64_MAX ? as_of : as_of + 1;
  query.with_index = false;  // the bodies say it all
  bool any = false;
  RawBodies raw;
  NANNI_RETURN_IF_ERROR(store->Query(query, [&](const LedgerEntry& entry) -> Status {
    any = true;
    if (entry.recorded_utc_micros > recorded_by) return Status::OK();
    raw.entries.push_back(RawEntry{entry.seq, entry.recorded_utc_micros, entry.hash,
                                   raw.bytes.size(), entry.body.size()});
    raw.bytes.append(entry.body);
    return Status::OK();
  }));
  NANNI_RETURN_IF_ERROR(DecodeAll(raw, out));
  if (!any) {
    EventQuery probe;
    probe.account = account;
    probe.limit = 1;
    NANNI_RETURN_IF_ERROR(store->Query(probe, [&](const LedgerEntry&) {
      any = true;
      return Status::OK();
    }));
    if (!any) return Status::NotFound(fmt::format("no account '{}' in the ledger", Printable(account)));
  }
  PrepareCaseEvents(as_of, recorded_by, out);
  return Status::OK();
}

}  // namespace nanni
