#include "casefile/case_input.h"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "event/contact_key.h"
#include "event/event_decoder.h"
#include "ledger/leaf.h"
#include "util/printable.h"
#include "util/sha256.h"

namespace nanni {

namespace {

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
  p.key = ContactKey(c);
  p.name = !c.name.empty() ? c.name : !c.email.empty() ? c.email : c.id;
  p.title = c.title;
  p.side = c.side;
  p.level = c.level;
  return p;
}

void PrepareCaseEvents(const ReportMoment& moment, std::vector<CaseEvent>* events) {
  // Corrections name the id of what they correct: its seq among this account's events.
  const bool corrections = std::any_of(events->begin(), events->end(),
                                       [](const CaseEvent& c) { return !c.event.corrects.empty(); });
  std::unordered_map<std::string_view, uint64_t> seq_of;
  if (corrections) {
    for (const CaseEvent& c : *events) seq_of.emplace(c.event.id, c.cite.seq);
  }
  std::vector<MomentInput> inputs(events->size());
  for (size_t i = 0; i < events->size(); ++i) {
    const CaseEvent& c = (*events)[i];
    auto it = c.event.corrects.empty() ? seq_of.end() : seq_of.find(c.event.corrects);
    inputs[i] = MomentInput{c.cite.seq, c.event.time.utc_micros, c.recorded_utc_micros,
                            static_cast<uint8_t>(c.event.kind), it == seq_of.end() ? 0 : it->second};
  }
  std::vector<EffectiveEvent> effective;
  ApplyMoment(moment, inputs, &effective);
  bool unchanged = effective.size() == events->size();
  for (size_t i = 0; unchanged && i < effective.size(); ++i) {
    unchanged = effective[i].input == i && effective[i].identity == inputs[i].seq;
  }
  if (unchanged) return;  // the usual case: every event read is in effect, in order
  std::unordered_map<uint64_t, std::string> replaced_ids;  // identity seq -> its id
  for (const EffectiveEvent& e : effective) {
    if (e.identity != inputs[e.input].seq) replaced_ids.emplace(e.identity, std::string());
  }
  for (CaseEvent& c : *events) {
    if (auto it = replaced_ids.find(c.cite.seq); it != replaced_ids.end()) it->second = c.event.id;
  }
  std::vector<CaseEvent> kept;
  kept.reserve(effective.size());
  for (const EffectiveEvent& e : effective) {
    kept.push_back(std::move((*events)[e.input]));
    if (e.identity != inputs[e.input].seq) kept.back().event.id = replaced_ids[e.identity];
  }
  *events = std::move(kept);
}

Status LoadCaseEvents(LedgerStore* store, const AccessScope& scope, const std::string& account,
                      const ReportMoment& moment, std::vector<CaseEvent>* out) {
  return LoadCaseEvents(store, scope, account, moment, {}, out);
}

Status LoadCaseEvents(LedgerStore* store, const AccessScope& scope, const std::string& account,
                      const ReportMoment& moment, const std::vector<std::string>& kinds, std::vector<CaseEvent>* out) {
  out->clear();
  NANNI_RETURN_IF_ERROR(scope.Check(account));
  EventQuery query;
  query.account = account;
  query.kinds = kinds;
  query.until_utc_micros = moment.as_of.utc_micros == INT64_MAX ? INT64_MAX : moment.as_of.utc_micros + 1;
  query.with_index = false;  // the bodies say it all
  bool any = false;
  RawBodies raw;
  const Digest identity = IdentityDigest(store->Identity());
  NANNI_RETURN_IF_ERROR(store->Query(scope, query, [&](const LedgerEntry& entry) -> Status {
    any = true;
    if (entry.recorded_utc_micros > moment.recorded_by_utc_micros) return Status::OK();
    const Digest leaf = EntryLeafHash(identity, entry.seq, entry.recorded_utc_micros, Sha256::Of(entry.body));
    raw.entries.push_back(RawEntry{entry.seq, entry.recorded_utc_micros, leaf,
                                   raw.bytes.size(), entry.body.size()});
    raw.bytes.append(entry.body);
    return Status::OK();
  }));
  NANNI_RETURN_IF_ERROR(DecodeAll(raw, out));
  if (!any) {
    EventQuery probe;
    probe.account = account;
    probe.limit = 1;
    NANNI_RETURN_IF_ERROR(store->Query(scope, probe, [&](const LedgerEntry&) {
      any = true;
      return Status::OK();
    }));
    if (!any) return Status::NotFound(fmt::format("no account '{}' in the ledger", Printable(account)));
  }
  PrepareCaseEvents(moment, out);
  return Status::OK();
}

}  // namespace nanni
