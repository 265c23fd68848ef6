#include "casefile/case_input.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "event/event_decoder.h"
#include "util/sha256.h"

namespace nanni {

namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

Citation CiteOf(const Event& e, uint64_t seq, const std::string& hash_hex) {
  Citation c;
  c.event_id = e.id;
  c.file = e.source.file;
  c.line = e.source.line;
  c.ref = e.source.ref;
  c.seq = seq;
  c.hash = hash_hex.substr(0, 12);
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
  std::stable_sort(events->begin(), events->end(), [](const CaseEvent& a, const CaseEvent& b) {
    if (a.event.time.utc_micros != b.event.time.utc_micros) {
      return a.event.time.utc_micros < b.event.time.utc_micros;
    }
    return a.cite.seq < b.cite.seq;
  });
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
  EventDecoder decoder;
  bool any = false;
  NANNI_RETURN_IF_ERROR(store->Query(query, [&](const LedgerEntry& entry) -> Status {
    any = true;
    if (entry.recorded_utc_micros > recorded_by) return Status::OK();
    CaseEvent c;
    Status st = decoder.Decode(entry.body, &c.event);
    if (!st.ok()) return Status::Corruption(fmt::format("event {}: {}", entry.seq, st.message()));
    c.cite = CiteOf(c.event, entry.seq, ToHex(entry.hash));
    c.recorded_utc_micros = entry.recorded_utc_micros;
    out->push_back(std::move(c));
    return Status::OK();
  }));
  if (!any) {
    EventQuery probe;
    probe.account = account;
    probe.limit = 1;
    NANNI_RETURN_IF_ERROR(store->Query(probe, [&](const LedgerEntry&) {
      any = true;
      return Status::OK();
    }));
    if (!any) return Status::NotFound(fmt::format("no account '{}' in the ledger", account));
  }
  PrepareCaseEvents(as_of, recorded_by, out);
  return Status::OK();
}

}  // namespace nanni
