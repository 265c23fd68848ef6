#include "engine/engine.h"

#include <fmt/format.h>

#include <map>
#include <optional>
#include <thread>

#include "casefile/case_file_builder.h"
#include "engine/economics_builder.h"
#include "engine/escalations_builder.h"
#include "engine/sludge_builder.h"
#include "engine/evidence.h"
#include "engine/playbook.h"
#include "engine/portfolio_builder.h"
#include "engine/triage_builder.h"
#include "engine/tone_report_builder.h"
#include "event/event_decoder.h"
#include "index/fact_draft.h"
#include "ledger/ledger_writer.h"
#include "storage/open_store.h"
#include "tone/tone_text.h"
#include "util/bounded_queue.h"
#include "util/printable.h"
#include "util/sha256.h"

namespace nanni {

Status Engine::Open(Options options, std::unique_ptr<Engine>* out) {
  std::unique_ptr<Engine> engine(new Engine(options));
  NANNI_RETURN_IF_ERROR(BusinessClock::Create(engine->config_.business_hours, &engine->clock_));
  NANNI_RETURN_IF_ERROR(OpenLedgerStore(options.location, options.mode, &engine->store_));
  *out = std::move(engine);
  return Status::OK();
}

// ---- Reading the record ----

Status Engine::CheckAccount(const AccessScope& scope, const std::string& account) {
  NANNI_RETURN_IF_ERROR(scope.Check(account));
  EventQuery any;
  any.account = account;
  any.limit = 1;
  any.with_index = false;
  bool found = false;
  NANNI_RETURN_IF_ERROR(store_->Query(scope, any, [&](const LedgerEntry&) {
    found = true;
    return Status::OK();
  }));
  if (found) return Status::OK();
  return Status::NotFound(fmt::format("no account '{}' in the ledger\nhint: `nanni accounts` lists them",
                                      Printable(account)));
}

Status Engine::Accounts(const AccessScope& scope, std::vector<AccountSummary>* out) {
  return store_->ListAccounts(scope, out);
}

Status Engine::Head(TreeHead* head) { return store_->Head(AccessScope::All(), head); }

Status Engine::Events(const AccessScope& scope, const EventQuery& query, const EntryVisitor& visit) {
  NANNI_RETURN_IF_ERROR(CheckAccount(scope, query.account));
  return store_->Query(scope, query, visit);
}

// ---- The analytic index ----

namespace {

// A batch of the ledger's entries on their way to the index builder, drafted and scored.
struct DraftBatch {
  std::vector<std::pair<uint64_t, int64_t>> entries;  // seq, recorded
  std::vector<FactDraft> drafts;
  size_t size = 0;
  Status error;
};

constexpr size_t kDraftBatch = 1024;

// Reads entries [from, end) of `store`, decodes and drafts them into batches for `out`.
void DraftEntries(LedgerStore* store, uint64_t from, uint64_t end, BoundedQueue<DraftBatch>* out,
                  BoundedQueue<DraftBatch>* spare) {
  EventDecoder decoder;
  Event event;
  DraftBatch batch;
  auto fresh = [&] {
    std::optional<DraftBatch> reused = spare->TryPop();
    DraftBatch b = reused ? std::move(*reused) : DraftBatch();
    b.entries.resize(kDraftBatch);
    b.drafts.resize(kDraftBatch);
    b.size = 0;
    b.error = Status::OK();
    return b;
  };
  batch = fresh();
  Status st = store->Scan(AccessScope::All(), from, end, [&](const LedgerEntry& e) -> Status {
    Status decoded = decoder.Decode(e.body, &event);
    if (!decoded.ok()) return Status::Corruption(fmt::format("event {}: {}", e.seq, decoded.message()));
    batch.entries[batch.size] = {e.seq, e.recorded_utc_micros};
    DraftFact(event, &batch.drafts[batch.size]);
    if (++batch.size == kDraftBatch) {
      if (!out->Push(std::move(batch))) return Status::Aborted("the consumer gave up");
      batch = fresh();
    }
    return Status::OK();
  });
  if (!st.ok() && st.code() != Status::Code::kAborted) batch.error = st;
  if (batch.size > 0 || !batch.error.ok()) out->Push(std::move(batch));
  out->Close();
}

// Scores the tone of every batch from `in` and passes it on.
void ScoreDrafts(const ToneModel& model, BoundedQueue<DraftBatch>* in, BoundedQueue<DraftBatch>* out) {
  ToneScorer scorer(model);
  ToneScore score;
  while (std::optional<DraftBatch> batch = in->Pop()) {
    for (size_t i = 0; i < batch->size; ++i) ScoreTone(&scorer, &score, &batch->drafts[i]);
    if (!out->Push(std::move(*batch))) break;
  }
  in->Close();
  out->Close();
}

}  // namespace

// Three stages on three threads, as an import has: reading and drafting, scoring the tone,
// and building (here), so that a rebuild uses both cores.
Status Engine::IndexEntries(uint64_t end, IndexBuilder* builder, const IndexBuilder::SeqFinder& find,
                            const IndexBuilder::BlockSink& sink, const std::function<void(uint64_t)>& progress) {
  const uint64_t from = builder->next_seq();
  if (from >= end) return Status::OK();
  BoundedQueue<DraftBatch> drafted(8), scored(8), spare(20);
  LedgerStore* store = store_.get();
  std::thread reading([&] { DraftEntries(store, from, end, &drafted, &spare); });
  std::thread scoring([&, &model = tone_model()] { ScoreDrafts(model, &drafted, &scored); });
  Status st;
  uint64_t done = 0;
  while (std::optional<DraftBatch> batch = scored.Pop()) {
    for (size_t i = 0; st.ok() && i < batch->size; ++i) {
      st = builder->Add(batch->entries[i].first, batch->entries[i].second, batch->drafts[i]);
      if (st.ok() && builder->full()) st = builder->Flush(find, sink);
    }
    if (st.ok()) st = batch->error;
    if (!st.ok()) break;
    done += batch->size;
    if (progress && done % 65536 < batch->size) progress(done);
    spare.Push(std::move(*batch));
  }
  scored.Close();
  drafted.Close();
  spare.Close();
  reading.join();
  scoring.join();
  NANNI_RETURN_IF_ERROR(st);
  if (builder->next_seq() != end) {
    return Status::Corruption(fmt::format("event {} is missing from the ledger", builder->next_seq()));
  }
  return builder->Flush(find, sink);
}

Status Engine::LoadSnapshot(uint64_t head, uint32_t parts, std::shared_ptr<const IndexSnapshot>* out,
                            std::string* stale) {
  auto snapshot = std::make_shared<IndexSnapshot>();
  NANNI_RETURN_IF_ERROR(IndexSnapshot::Load(store_.get(), parts, index_fingerprint(), snapshot.get(), stale));
  if (snapshot->covered() > head) {
    return Status::Corruption("the analytic index describes more events than the ledger holds\n"
                              "hint: nanni reindex rebuilds it from the ledger");
  }
  if (snapshot->covered() < head) {
    if (stale->empty()) *stale = fmt::format("it describes {} of the ledger's {} events", snapshot->covered(), head);
    IndexBuilder builder(snapshot->BuilderState(), index_fingerprint());
    LedgerStore* store = store_.get();
    NANNI_RETURN_IF_ERROR(IndexEntries(
        head + 1, &builder,
        [store](std::string_view id, uint64_t* seq) { return store->FindSeq(AccessScope::All(), id, seq); },
        [&](const DerivedBlock& block) { return snapshot->AddBlock(block); }, nullptr));
  }
  snapshot->Finish();
  *out = std::move(snapshot);
  return Status::OK();
}

Status Engine::Snapshot(uint32_t parts, std::shared_ptr<const IndexSnapshot>* out, std::string* stale) {
  uint64_t size = 0;
  NANNI_RETURN_IF_ERROR(store_->Size(AccessScope::All(), &size));
  std::lock_guard lock(mu_);
  if (!snapshot_ || snapshot_head_ != size || (snapshot_->parts() & parts) != parts) {
    // A cached snapshot with other parts is reloaded with both, for the next question.
    const uint32_t wanted = snapshot_ && snapshot_head_ == size ? parts | snapshot_->parts() : parts;
    std::shared_ptr<const IndexSnapshot> fresh;
    std::string why;
    NANNI_RETURN_IF_ERROR(LoadSnapshot(size, wanted, &fresh, &why));
    snapshot_ = std::move(fresh);
    snapshot_head_ = size;
    snapshot_stale_ = std::move(why);
  }
  *out = snapshot_;
  if (stale != nullptr) *stale = snapshot_stale_;
  return Status::OK();
}

// ---- Analyses ----

Status Engine::CaseFile(const AccessScope& scope, const std::string& account, const ReportMoment& moment,
                        CaseReport* out) {
  Status st = LoadCaseEvents(store_.get(), scope, account, moment, &out->events);
  if (st.code() == Status::Code::kNotFound) return CheckAccount(scope, account);
  NANNI_RETURN_IF_ERROR(st);
  NANNI_RETURN_IF_ERROR(CaseFileBuilder(clock_).Build(account, moment.as_of, out->events, &out->case_file));
  out->case_file.business_time_zone = config_.business_hours.time_zone;
  return Status::OK();
}

Status Engine::Portfolio(const AccessScope& scope, const ReportMoment& moment, nanni::Portfolio* out) {
  std::shared_ptr<const IndexSnapshot> index;
  NANNI_RETURN_IF_ERROR(Snapshot(kIndexCalls | kIndexMoney | kIndexPromises | kIndexIncidents, &index));
  const BusinessClock clock = CoveredClock(*index, moment);
  *out = PortfolioBuilder(*index, clock).Build(scope, moment);
  out->business_time_zone = config_.business_hours.time_zone;
  return Status::OK();
}

BusinessClock Engine::CoveredClock(const IndexSnapshot& index, const ReportMoment& moment) const {
  BusinessClock clock = clock_;
  if (index.covered() > 0) {
    clock.Cover(index.fact(1).time_utc_micros, moment.as_of.utc_micros == INT64_MAX ? NowMicros() : moment.as_of.utc_micros);
  }
  return clock;
}

Status Engine::Economics(const AccessScope& scope, const ReportMoment& moment, nanni::Economics* out) {
  std::shared_ptr<const IndexSnapshot> index;
  NANNI_RETURN_IF_ERROR(Snapshot(kIndexCalls | kIndexMoney | kIndexIncidents | kIndexContracts, &index));
  *out = EconomicsBuilder(*index, config_.triage.economics).Build(scope, moment);
  return Status::OK();
}

Status Engine::UncitedTriage(const AccessScope& scope, const ReportMoment& moment, nanni::Triage* out) {
  std::shared_ptr<const IndexSnapshot> index;
  NANNI_RETURN_IF_ERROR(Snapshot(kIndexAll, &index));
  const BusinessClock clock = CoveredClock(*index, moment);
  const Playbook* playbook = nullptr;
  NANNI_RETURN_IF_ERROR(Playbook::Default(&playbook));
  return TriageBuilder(*index, clock, config_.triage, *playbook).Build(scope, moment, out);
}

Status Engine::Triage(const AccessScope& scope, const ReportMoment& moment, nanni::Triage* out) {
  NANNI_RETURN_IF_ERROR(UncitedTriage(scope, moment, out));
  EventReader reader(store_.get());
  return CiteAccounts(&reader, out->accounts);
}

Status Engine::Signals(const AccessScope& scope, const std::string& account, const ReportMoment& moment,
                       AccountTriage* out) {
  NANNI_RETURN_IF_ERROR(CheckAccount(scope, account));
  nanni::Triage triage;  // every account, for the rank; only this one is cited
  NANNI_RETURN_IF_ERROR(UncitedTriage(scope, moment, &triage));
  for (AccountTriage& a : triage.accounts) {
    if (a.account == account) {
      *out = std::move(a);
      EventReader reader(store_.get());
      return CiteAccounts(&reader, std::span<AccountTriage>(out, 1));
    }
  }
  return Status::NotFound(fmt::format("nothing of account '{}' is in effect at the report moment", Printable(account)));
}

Status Engine::Escalations(const AccessScope& scope, const ReportMoment& moment, nanni::Escalations* out) {
  std::shared_ptr<const IndexSnapshot> index;  // no tone, no contracts: the rules read neither
  NANNI_RETURN_IF_ERROR(
      Snapshot(kIndexCalls | kIndexMoney | kIndexPromises | kIndexIncidents | kIndexEscalations, &index));
  const BusinessClock clock = CoveredClock(*index, moment);
  NANNI_RETURN_IF_ERROR(EscalationsBuilder(*index, clock, config_.triage).Build(scope, moment, out));
  EventReader reader(store_.get());
  return CiteEscalations(&reader, out);
}

Status Engine::Sludge(const AccessScope& scope, const ReportMoment& moment, nanni::Sludge* out) {
  std::shared_ptr<const IndexSnapshot> index;  // calls, promises, and the tone table for chasing
  NANNI_RETURN_IF_ERROR(Snapshot(kIndexCalls | kIndexPromises | kIndexTone, &index));
  NANNI_RETURN_IF_ERROR(SludgeBuilder(*index, config_.triage).Build(scope, moment, out));
  EventReader reader(store_.get());
  return CiteSludge(&reader, out);
}

namespace {

Status RescoreFrom(LedgerStore* store, const ToneModel& model, uint64_t seq, ToneScore* score) {
  EventDecoder decoder;
  Event event;
  ToneScorer scorer(model);
  return store->Get(AccessScope::All(), seq, [&](const LedgerEntry& e) {
    Status st = decoder.Decode(e.body, &event);
    if (!st.ok()) return Status::Corruption(fmt::format("event {}: {}", seq, st.message()));
    scorer.ScoreNewText(ToneTextOf(event), score);
    return Status::OK();
  });
}

}  // namespace

Status Engine::AccountTone(const AccessScope& scope, const std::string& account, const ReportMoment& moment,
                           size_t standouts, ToneReport* out) {
  NANNI_RETURN_IF_ERROR(CheckAccount(scope, account));
  std::shared_ptr<const IndexSnapshot> index;
  NANNI_RETURN_IF_ERROR(Snapshot(kIndexTone, &index));
  LedgerStore* store = store_.get();
  const ToneModel& model = tone_model();
  return ToneReportBuilder(*index, model, [&](uint64_t seq, ToneScore* s) { return RescoreFrom(store, model, seq, s); })
      .Build(scope, account, moment, standouts, out);
}

Status Engine::PortfolioTone(const AccessScope& scope, const ReportMoment& moment, size_t standouts,
                             ToneReport* out) {
  std::shared_ptr<const IndexSnapshot> index;
  NANNI_RETURN_IF_ERROR(Snapshot(kIndexTone, &index));
  LedgerStore* store = store_.get();
  const ToneModel& model = tone_model();
  return ToneReportBuilder(*index, model, [&](uint64_t seq, ToneScore* s) { return RescoreFrom(store, model, seq, s); })
      .Build(scope, "", moment, standouts, out);
}

// ---- Writing ----

Status Engine::Import(std::vector<std::unique_ptr<EventSource>> sources, ImportOptions options,
                      ImportSummary* summary) {
  int64_t recorded = options.recorded_utc_micros != 0 ? options.recorded_utc_micros : NowMicros();
  std::unique_ptr<LedgerWriter> writer;
  NANNI_RETURN_IF_ERROR(LedgerWriter::Begin(store_.get(), recorded, &writer));
  AppendTransaction* txn = writer->transaction();
  // The index continues from what the ledger holds, inside the transaction: first whatever it
  // lacks (a ledger made before the index, or by another version), then the new events.
  IndexBuilder::State state;
  std::vector<uint64_t> ends;
  std::string stale;
  NANNI_RETURN_IF_ERROR(IndexSnapshot::LoadState(store_.get(), index_fingerprint(), &state, &ends, &stale));
  IndexBuilder builder(std::move(state), index_fingerprint());
  NANNI_RETURN_IF_ERROR(txn->DeleteDerived(index_stream::kPrefix, builder.next_seq()));
  NANNI_RETURN_IF_ERROR(IndexEntries(
      writer->head().size + 1, &builder,
      [txn](std::string_view id, uint64_t* seq) { return txn->FindSeq(id, seq); },
      [txn](const DerivedBlock& block) { return txn->PutDerived(block); }, nullptr));
  options.index = &builder;
  options.tone_model = &tone_model();
  return ImportInto(writer.get(), std::move(sources), options, summary);
}

Status Engine::Reindex(const std::function<void(uint64_t)>& progress, uint64_t* indexed) {
  std::unique_ptr<AppendTransaction> txn;
  NANNI_RETURN_IF_ERROR(store_->BeginAppend(&txn));
  uint64_t size = 0;
  NANNI_RETURN_IF_ERROR(txn->ReadSize(&size));
  NANNI_RETURN_IF_ERROR(txn->DeleteDerived(index_stream::kPrefix, 0));
  IndexBuilder builder(IndexBuilder::State(), index_fingerprint());
  AppendTransaction* t = txn.get();
  NANNI_RETURN_IF_ERROR(IndexEntries(
      size + 1, &builder, [t](std::string_view id, uint64_t* seq) { return t->FindSeq(id, seq); },
      [t](const DerivedBlock& block) { return t->PutDerived(block); }, progress));
  NANNI_RETURN_IF_ERROR(txn->Commit());
  *indexed = size;
  std::lock_guard lock(mu_);
  snapshot_.reset();
  return Status::OK();
}

namespace {

// The digests of a stream's stored blocks, by first seq.
Status StoredDigests(LedgerStore* store, std::string_view stream, std::map<uint64_t, Digest>* out) {
  return store->ReadDerived(AccessScope::All(), stream, [&](const DerivedBlock& b) {
    Sha256 hash;
    hash.Update(b.bytes);
    (*out)[b.first_seq] = hash.Finish();
    return Status::OK();
  });
}

}  // namespace

Status Engine::Verify(const VerifyProgress& progress, VerifyReport* report, IndexCheck* index) {
  *index = IndexCheck();
  NANNI_RETURN_IF_ERROR(VerifyLedger(store_.get(), progress, report));
  const int64_t start = NowMicros();
  Status st = CheckIndex(report->head.size, index);
  index->seconds = (NowMicros() - start) / 1e6;
  if (st.code() == Status::Code::kCorruption && index->mismatch.empty()) index->mismatch = st.message();
  if (!index->mismatch.empty()) {
    return Status::Corruption("the analytic index disagrees with the ledger: " + index->mismatch +
                              "\nhint: nanni reindex rebuilds it from the ledger (the ledger itself verified)");
  }
  return st;
}

Status Engine::CheckIndex(uint64_t head, IndexCheck* index) {
  // The stored index, block by block: rebuilt from the entries each block describes.
  IndexBuilder::State state;
  std::vector<uint64_t> ends;
  NANNI_RETURN_IF_ERROR(IndexSnapshot::LoadState(store_.get(), index_fingerprint(), &state, &ends, &index->stale));
  index->covered = ends.empty() ? 0 : ends.back() - 1;
  if (index->stale.empty() && index->covered < head) {
    index->stale = fmt::format("it describes {} of the ledger's {} events", index->covered, head);
  }
  std::map<std::string, std::map<uint64_t, Digest>, std::less<>> stored;
  NANNI_RETURN_IF_ERROR(StoredDigests(store_.get(), index_stream::kFacts, &stored[std::string(index_stream::kFacts)]));
  for (std::string_view s : index_stream::kAfterFacts) {
    NANNI_RETURN_IF_ERROR(StoredDigests(store_.get(), s, &stored[std::string(s)]));
  }
  IndexBuilder builder(IndexBuilder::State(), index_fingerprint());
  LedgerStore* store = store_.get();
  auto find = [store](std::string_view id, uint64_t* seq) { return store->FindSeq(AccessScope::All(), id, seq); };
  auto compare = [&](const DerivedBlock& b) -> Status {
    auto& blocks = stored[std::string(b.stream)];
    auto it = blocks.find(b.first_seq);
    Sha256 hash;
    hash.Update(b.bytes);
    if (it != blocks.end() && it->second == hash.Finish()) {
      blocks.erase(it);
    } else if (index->mismatch.empty()) {
      index->mismatch = fmt::format("its {} block for events {} to {} does not match a rebuild from the ledger",
                                    b.stream, b.first_seq, b.end_seq - 1);
    }
    return Status::OK();
  };
  for (uint64_t end : ends) {
    NANNI_RETURN_IF_ERROR(IndexEntries(end, &builder, find, compare, nullptr));
    if (!index->mismatch.empty()) return Status::OK();
    index->checked = end - 1;
  }
  for (const auto& [stream, blocks] : stored) {
    for (const auto& [first, digest] : blocks) {
      if (first > index->covered) continue;  // beyond the current part: stale, not wrong
      index->mismatch = fmt::format("it holds a {} block at event {} that a rebuild does not make", stream, first);
      return Status::OK();
    }
  }
  return Status::OK();
}

Status Engine::IndexStatus(std::string* stale) {
  std::shared_ptr<const IndexSnapshot> index;
  return Snapshot(kIndexCore, &index, stale);
}

}  // namespace nanni
