// Engine: one open ledger with its configuration and the analytic index derived from it,
// answering every question nanni's commands (and, next, its server) ask. docs/architecture.md
// shows where it sits.
//
// What it owns: the store (storage/open_store.h), the configuration and the business clock
// built from it, the tone model, and a cached snapshot of the analytic index
// (index/index_snapshot.h), brought up to date whenever the ledger has grown since.
// What it holds of no one else: no process-global state; two engines on two ledgers, or on
// one, live side by side. Thread-safe: reads may run from several threads at once; one
// writer at a time (the store's single-writer rule).
//
// Every read takes an AccessScope and a ReportMoment (ledger/effective_events.h): what is
// outside the scope is refused (PermissionDenied) or left out, and every analysis reads the
// record in effect at the moment through the one layer, so the case file, the briefing, the
// portfolio and the tone figures agree.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "casefile/business_clock.h"
#include "casefile/case_file.h"
#include "casefile/case_input.h"
#include "config/nanni_config.h"
#include "contract/contract_evaluator.h"
#include "dispute/ruling.h"
#include "engine/economics.h"
#include "engine/escalations.h"
#include "engine/portfolio.h"
#include "engine/sludge.h"
#include "engine/triage.h"
#include "engine/tone_report.h"
#include "import/event_source.h"
#include "import/importer.h"
#include "index/index_snapshot.h"
#include "ledger/access_scope.h"
#include "ledger/effective_events.h"
#include "ledger/ledger_store.h"
#include "ledger/verifier.h"
#include "text/chase.h"
#include "tone/tone_model.h"

namespace nanni {

// A case file with the events it was built from, which its chronology views: the report owns
// both, so it can be kept, moved and rendered long after the call that made it.
struct CaseReport {
  CaseReport() = default;
  CaseReport(CaseReport&&) = default;
  CaseReport& operator=(CaseReport&&) = default;
  CaseReport(const CaseReport&) = delete;  // a copy's case file would view the original's events
  CaseReport& operator=(const CaseReport&) = delete;

  std::vector<CaseEvent> events;
  CaseFile case_file;
};

// What verify found about the analytic index beside the ledger.
struct IndexCheck {
  uint64_t covered = 0;   // events the stored index describes
  uint64_t checked = 0;   // of those, events rebuilt and compared
  std::string stale;      // why the stored index is not current ("" when it is)
  std::string mismatch;   // the first disagreement ("" when none)
  double seconds = 0;     // how long the check took
};

class Engine {
 public:
  struct Options {
    std::string location;                 // the ledger (a file path for SQLite)
    StoreMode mode = StoreMode::kReadOnly;
    NanniConfig config;
    const ToneModel* tone_model = nullptr;  // nullptr: ToneModel::Default(); must outlive the engine
  };

  // Opens the ledger and builds the business clock. NotFound when there is no ledger there.
  static Status Open(Options options, std::unique_ptr<Engine>* out);

  LedgerStore* store() { return store_.get(); }
  const NanniConfig& config() const { return config_; }
  const BusinessClock& clock() const { return clock_; }
  // The tone model (loaded on first use: most questions need only its fingerprint).
  const ToneModel& tone_model() const { return tone_model_ != nullptr ? *tone_model_ : ToneModel::Default(); }

  // What the index's readings of customers' words (tone scores, chasing) must have been made
  // with: the tone model and the chase phrases.
  uint64_t index_fingerprint() const {
    const uint64_t tone = tone_model_ != nullptr ? tone_model_->fingerprint() : ToneModel::DefaultFingerprint();
    return tone ^ (ChasePhrases::Default().fingerprint() * 0x9E3779B97F4A7C15ull);
  }

  // ---- Reading the record ----

  // OK when the ledger holds events of `account` and the scope allows it; NotFound (with a
  // hint) or PermissionDenied otherwise. The one check every account command makes.
  Status CheckAccount(const AccessScope& scope, const std::string& account);

  Status Accounts(const AccessScope& scope, std::vector<AccountSummary>* out);
  Status Head(TreeHead* head);
  // One account's events as stored, filtered by `query` (whose account must be set).
  Status Events(const AccessScope& scope, const EventQuery& query, const EntryVisitor& visit);

  // ---- Analyses ----

  // The case file of `account` at `moment` (docs/case-file.md).
  Status CaseFile(const AccessScope& scope, const std::string& account, const ReportMoment& moment,
                  CaseReport* out);
  // One row per account the scope allows (docs/portfolio.md).
  Status Portfolio(const AccessScope& scope, const ReportMoment& moment, nanni::Portfolio* out);
  // Each contact's tone in `account`, month by month, and the messages that stand out.
  Status AccountTone(const AccessScope& scope, const std::string& account, const ReportMoment& moment,
                     size_t standouts, ToneReport* out);
  // Every contact of every account the scope allows, ranked by abuse, threats and badgering.
  Status PortfolioTone(const AccessScope& scope, const ReportMoment& moment, size_t standouts,
                       ToneReport* out);

  // What each account brings and what it costs to serve, by the cost model of the config
  // (docs/economics.md), with the Pareto view.
  Status Economics(const AccessScope& scope, const ReportMoment& moment, nanni::Economics* out);
  // The accounts the scope allows, ranked by urgency, each with its signals, their evidence
  // (cited by event id) and the moves of the playbooks (docs/triage.md).
  Status Triage(const AccessScope& scope, const ReportMoment& moment, nanni::Triage* out);
  // One account's triage: its signals, moves and economics (its rank among the accounts the
  // scope allows). NotFound / PermissionDenied as CheckAccount.
  Status Signals(const AccessScope& scope, const std::string& account, const ReportMoment& moment,
                 AccountTriage* out);
  // Every escalation with its root cause, the causes ranked, the time to fix
  // (docs/escalations.md).
  Status Escalations(const AccessScope& scope, const ReportMoment& moment, nanni::Escalations* out);
  // The sludge audit: the friction of our queues, calls, written channels and promises, ranked
  // by what it costs customers, with the calls cut short found on strong evidence only
  // (docs/sludge.md).
  Status Sludge(const AccessScope& scope, const ReportMoment& moment, nanni::Sludge* out);

  // ---- Contracts and disputes (docs/contracts.md) ----

  // What the terms recorded in `account`'s record say each side owes over `period`, at the
  // moment (its as_of, or now): one check per terms in effect (contract/contract_evaluator.h);
  // none when the record holds no terms. NotFound for an unknown account.
  Status ContractCheck(const AccessScope& scope, const std::string& account, const ReportMoment& moment,
                       const ContractPeriod& period, std::vector<nanni::ContractCheck>* out);
  // The same for every account in `scope` whose record holds terms, by account name; the
  // rules met are kept only `with_met` (a portfolio's are many).
  Status ContractCheckAll(const AccessScope& scope, const ReportMoment& moment, const ContractPeriod& period,
                          bool with_met, std::vector<nanni::ContractCheck>* out);

  // Gives the signed checkpoint note a ruling's proofs are against, covering `min_size` events.
  using CheckpointSource = std::function<Status(uint64_t min_size, std::string* note)>;
  // Rules on `claim` from its account's record at the moment (dispute/decision.h) and proves
  // every event the decision rests on against the checkpoint `checkpoint` gives
  // (dispute/ruling.h). A claim whose facts the record lacks is ruled "insufficient evidence".
  Status RuleClaim(const AccessScope& scope, const Claim& claim, const ReportMoment& moment,
                   const CheckpointSource& checkpoint, Ruling* out);

  // ---- Writing ----

  // Imports `sources` as one transaction that also keeps the analytic index up to date
  // (import/importer.h). The engine must have been opened for writing.
  Status Import(std::vector<std::unique_ptr<EventSource>> sources, ImportOptions options,
                ImportSummary* summary);

  // Rebuilds the analytic index from the ledger alone, in one transaction. `progress` gets the
  // events indexed so far.
  Status Reindex(const std::function<void(uint64_t)>& progress, uint64_t* indexed);

  // Verifies the tree (ledger/verifier.h), then the analytic index against the ledger: every
  // stored block rebuilt from the entries it describes and compared byte for byte. A stored
  // index that disagrees is Corruption naming the first difference; one that is merely behind
  // or stale is reported in *index (it is rebuilt on the next import or `nanni reindex`).
  Status Verify(const VerifyProgress& progress, VerifyReport* report, IndexCheck* index);

  // Why the analytic index stored beside the ledger is not current ("" when it is): the
  // analyses then build what it lacks in memory, which `nanni reindex` stores for next time.
  Status IndexStatus(std::string* stale);

 private:
  explicit Engine(Options options) : config_(std::move(options.config)), tone_model_(options.tone_model) {}

  // The business clock with its business days precomputed over the record's span.
  // The triage with evidence by seq only (Triage and Signals cite what they return).
  Status UncitedTriage(const AccessScope& scope, const ReportMoment& moment, nanni::Triage* out);
  BusinessClock CoveredClock(const IndexSnapshot& index, const ReportMoment& moment) const;

  // The index, current with the ledger: the cached snapshot, or a fresh one (its missing tail
  // built in memory when the stored index is behind). *stale says why it had to be built.
  // It holds at least `parts` (index/index_snapshot.h).
  Status Snapshot(uint32_t parts, std::shared_ptr<const IndexSnapshot>* out, std::string* stale = nullptr);
  Status LoadSnapshot(uint64_t head, uint32_t parts, std::shared_ptr<const IndexSnapshot>* out, std::string* stale);
  // The index part of Verify: sets index->mismatch (and returns OK) when a block differs.
  Status CheckIndex(uint64_t head, IndexCheck* index);
  // Brings `builder` up to date with the entries before `end`, passing the blocks to `sink`.
  Status IndexEntries(uint64_t end, IndexBuilder* builder, const IndexBuilder::SeqFinder& find,
                      const IndexBuilder::BlockSink& sink, const std::function<void(uint64_t)>& progress);

  std::unique_ptr<LedgerStore> store_;
  NanniConfig config_;
  BusinessClock clock_;
  const ToneModel* tone_model_;  // nullptr: ToneModel::Default(), loaded when first needed
  std::mutex mu_;  // guards the cache
  std::shared_ptr<const IndexSnapshot> snapshot_;
  uint64_t snapshot_head_ = 0;
  std::string snapshot_stale_;
};

}  // namespace nanni
