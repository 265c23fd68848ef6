// LedgerStore: where the ledger's entries live, with the derived data kept beside them. The
// implementations are in storage/ and every one keeps this contract; callers open one
// through OpenLedgerStore (storage/open_store.h) and never name a backend.
//
// Contract for every implementation:
//   - Entries are only ever appended, in seq order, inside an AppendTransaction. Nothing
//     exposed here edits or deletes an entry.
//   - One writer at a time (the single-writer rule). BeginAppend waits a bounded time for
//     another writer to finish, then fails with Busy: retrying later can succeed. A read-only
//     store refuses BeginAppend with InvalidArgument.
//   - A transaction is all-or-nothing: until Commit() returns OK nothing of it is visible to
//     readers, and a crash at any moment leaves the store as it was before BeginAppend.
//   - Source ids are unique across the store.
//   - Reads never block on a running import and see the last committed state. One exception
//     is allowed: the first append into an empty ledger may hold it to itself (a bulk load);
//     opening the store elsewhere meanwhile fails with an IOError that says so.
//   - Every read carries an AccessScope. A read of an account outside it fails with
//     PermissionDenied; reads that span every account (Scan, Get, CountEntries, the derived
//     data) need AccessScope::All(). The tree (Size, Head, ReadTile, ListCheckpoints) reveals
//     no event's content, only hashes and counts, and is open to every scope: a customer's
//     proofs are made of it. ListAccounts lists only what the scope allows.
//   - Reads may be called from several threads at once (each may use a connection of its own).
//   - Errors: Busy (another writer holds the ledger: retryable), IOError (the store itself
//     failed: disk, connection, permissions), Corruption (what is stored is inconsistent),
//     PermissionDenied (outside the scope).
//   - Derived data: named streams of blocks of bytes, each describing the entries
//     [first_seq, end_seq), that the engine keeps beside the ledger (the analytic index,
//     index/). They are written in the same transaction as the entries they describe, so the
//     two never disagree after a crash; they are never the record (verify checks them
//     against the entries) and may be rebuilt at will.
//   - The tree (docs/ledger.md, "The tree"): every entry is a leaf of an RFC 9162 Merkle tree
//     whose hashes are stored in tiles (tlog/tiles.h), written in the same transaction as
//     the entries they cover. Tiles are the one stored thing that is replaced (the last
//     tile of each level grows); verify recomputes them all from the entries.
//   - Checkpoints handed out (signed notes, tlog/checkpoint.h) are kept in the ledger's
//     history, append-only like the entries.
#pragma once

#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ledger/access_scope.h"
#include "ledger/leaf.h"
#include "ledger/ledger_entry.h"
#include "ledger/prepared_event.h"
#include "tlog/tiles.h"
#include "util/status.h"

namespace nanni {

// How a store is opened.
enum class StoreMode {
  kCreate,     // a new, empty ledger; Conflict if one exists there
  kReadWrite,  // an existing ledger (NotFound otherwise), for reading and appending
  kReadOnly,   // an existing ledger, never written: works for a reader without write access
};

// Numbers the entries of a batch append and adds them to the tree. Implemented by the
// LedgerWriter; the store calls it in the order of the batch, for every event, while it
// appends.
class EntryCursor {
 public:
  virtual ~EntryCursor() = default;
  // The entry `event` becomes if it is appended next: its seq follows the entries accepted
  // so far.
  virtual const LedgerEntry& Next(const PreparedEvent& event) = 0;
  // The store appended the entry Next() returned last.
  virtual void Accepted() = 0;
  // An entry with the event's source id is already stored (committed, or earlier in this
  // transaction) with `stored_body`: OK for a duplicate, Conflict otherwise (which stops the
  // batch and must not be committed).
  virtual Status Existing(const PreparedEvent& event, std::string_view stored_body) = 0;
};

// A block of derived data (see the contract above). Views are valid for the call only.
struct DerivedBlock {
  std::string_view stream;  // e.g. "index.facts"
  uint64_t first_seq = 0;   // the entries [first_seq, end_seq) it describes
  uint64_t end_seq = 0;
  std::string_view bytes;
};

// A checkpoint as the ledger's history keeps it.
struct StoredCheckpoint {
  uint64_t size = 0;                // the tree size it signs
  std::string note;                 // the signed note, as handed out
  int64_t recorded_utc_micros = 0;  // when it was handed out
};

// A transaction reads and writes the tree's tiles (ReadTile sees what it wrote).
class AppendTransaction : public TileReader, public TileSink {
 public:
  virtual ~AppendTransaction() = default;  // rolls back when Commit() was not called

  // The number of entries as this transaction sees it (no other writer can move it
  // meanwhile).
  virtual Status ReadSize(uint64_t* size) = 0;

  // Appends `events` in order through `cursor`: for each, either asks the cursor for the
  // entry and stores it, or (its source id being stored already) reports it as Existing.
  virtual Status AppendBatch(std::span<const PreparedEvent> events, EntryCursor* cursor) = 0;

  // The seq of the entry with this source id, stored or appended in this transaction; 0
  // when there is none.
  virtual Status FindSeq(std::string_view source_id, uint64_t* seq) = 0;

  // Stores a block of derived data, replacing one of the same stream and first_seq.
  virtual Status PutDerived(const DerivedBlock& block) = 0;
  // Removes the blocks of the streams whose names start with `prefix` that begin at or after
  // `from_seq`.
  virtual Status DeleteDerived(std::string_view prefix, uint64_t from_seq) = 0;

  // Adds a checkpoint to the ledger's history.
  virtual Status AddCheckpoint(const StoredCheckpoint& checkpoint) = 0;

  // Makes everything appended and stored visible and durable, atomically.
  virtual Status Commit() = 0;
};

struct AccountSummary {
  std::string account;
  uint64_t events = 0;
  int64_t first_utc_micros = 0;
  int64_t last_utc_micros = 0;
};

// Which events to read. Empty or zero members do not filter.
struct EventQuery {
  std::string account;
  std::vector<std::string> kinds;
  int64_t since_utc_micros = INT64_MIN;  // inclusive
  int64_t until_utc_micros = INT64_MAX;  // exclusive
  uint64_t limit = 0;                    // 0: no limit
  // false: entries come with their `index` left empty, a cheaper read for callers that only
  // need the body, seq, recorded time and hash.
  bool with_index = true;
};

// Receives entries; returning a non-OK Status stops the read and is returned by it.
using EntryVisitor = std::function<Status(const LedgerEntry&)>;
using DerivedVisitor = std::function<Status(const DerivedBlock&)>;

class LedgerStore {
 public:
  virtual ~LedgerStore() = default;

  // What identifies the ledger (ledger/leaf.h): a stable random id and an origin given when
  // it was created, both bound into every leaf of its tree.
  virtual const LedgerIdentity& Identity() const = 0;
  std::string LedgerId() const { return Identity().id; }

  // Where the ledger is, for messages ("nanni.db").
  virtual const std::string& Location() const = 0;

  // OK unless the ledger's own metadata holds a key this version does not know, or a value
  // that is malformed (Corruption then); `verify` checks it.
  virtual Status CheckMetadata() = 0;

  // The number of entries (the tree's size). Cheap.
  virtual Status Size(const AccessScope& scope, uint64_t* size) = 0;

  // The tree's size and root, computed from the stored tiles (O(log n) reads); Corruption
  // when a tile the tree needs is missing or short.
  virtual Status Head(const AccessScope& scope, TreeHead* head) = 0;

  // Reads tile (level, index) of the tree (tlog/tiles.h); NotFound when there is none.
  virtual Status ReadTile(const AccessScope& scope, int level, uint64_t index,
                          std::string* hashes) = 0;

  // The checkpoints handed out, oldest first.
  virtual Status ListCheckpoints(const AccessScope& scope, std::vector<StoredCheckpoint>* out) = 0;

  // Starts an append (see the single-writer rule above).
  virtual Status BeginAppend(std::unique_ptr<AppendTransaction>* txn) = 0;

  // Visits entries with from_seq <= seq < to_seq in seq order, with their index columns filled.
  virtual Status Scan(const AccessScope& scope, uint64_t from_seq, uint64_t to_seq,
                      const EntryVisitor& visit) = 0;

  // The number of stored entries (rows), whatever their seq.
  virtual Status CountEntries(const AccessScope& scope, uint64_t* count) = 0;

  // Reads entry `seq`; NotFound when there is none.
  virtual Status Get(const AccessScope& scope, uint64_t seq, const EntryVisitor& visit) = 0;

  // The source id (the event's `id`) of each entry of `seqs`, in the order given, read without
  // the bodies: how a report cites the events an analysis found by seq. Meant for many seqs
  // at once (sort them for speed); it keeps no more of the ledger in memory than a scan does.
  // NotFound names the first seq without an entry; PermissionDenied as Get.
  virtual Status SourceIds(const AccessScope& scope, std::span<const uint64_t> seqs,
                           std::vector<std::string>* ids) = 0;

  // The seq of the entry with this source id; 0 when there is none.
  virtual Status FindSeq(const AccessScope& scope, std::string_view source_id, uint64_t* seq) = 0;

  // The accounts the scope allows, with their event count and first and last event time,
  // by account name.
  virtual Status ListAccounts(const AccessScope& scope, std::vector<AccountSummary>* out) = 0;

  // Visits the events matching `query` ordered by event time, then seq. With
  // query.account empty, it reads every account, which needs AccessScope::All().
  virtual Status Query(const AccessScope& scope, const EventQuery& query,
                       const EntryVisitor& visit) = 0;

  // Visits the blocks of derived stream `stream` in first_seq order.
  virtual Status ReadDerived(const AccessScope& scope, std::string_view stream,
                             const DerivedVisitor& visit) = 0;
  // The same with only the first `prefix_bytes` of each block (its header), without reading
  // the rest of it.
  virtual Status ReadDerivedPrefixes(const AccessScope& scope, std::string_view stream,
                                     size_t prefix_bytes, const DerivedVisitor& visit) = 0;
};

}  // namespace nanni
