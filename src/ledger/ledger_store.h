// LedgerStore: where the ledger's entries live. The SQLite store is the embedded default
// (storage/sqlite_store.h); a PostgreSQL store can implement the same contract.
//
// Contract for every implementation:
//   - Entries are only ever appended, in seq order, inside an AppendTransaction. Nothing
//     exposed here edits or deletes an entry.
//   - A transaction is all-or-nothing: until Commit() returns OK nothing of it is visible to
//     readers, and a crash at any moment leaves the store as it was before Begin.
//   - Source ids are unique across the store.
//   - Reads never block on a running import and see the last committed state. One exception
//     is allowed: the first append into an empty ledger may hold it to itself (a bulk load);
//     opening the store elsewhere meanwhile fails with an IOError that says so.
//   - Scan, Get, CountEntries, ListAccounts and Query may be called from several threads at
//     once (each call may use a connection of its own).
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "ledger/chain.h"
#include "ledger/ledger_entry.h"
#include "util/status.h"

namespace nanni {

class AppendTransaction {
 public:
  virtual ~AppendTransaction() = default;  // rolls back when Commit() was not called

  // Appends `entry` unless an entry with the same source id exists. Sets *added; when not
  // added, *existing_body receives the stored body of that entry (for the caller to compare).
  virtual Status Append(const LedgerEntry& entry, bool* added, std::string* existing_body) = 0;

  // Makes everything appended visible and durable, atomically.
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

class LedgerStore {
 public:
  virtual ~LedgerStore() = default;

  // What identifies the ledger (ledger/chain.h): a stable random id given when it was
  // created, bound into its chain's first hash.
  virtual const LedgerIdentity& Identity() const = 0;
  std::string LedgerId() const { return Identity().id; }

  // Anything in the ledger's own metadata that does not belong there: a key this version
  // does not know, or a value that is malformed. Empty when all is well; `verify` fails
  // otherwise.
  virtual Status CheckMetadata() = 0;

  virtual Status Head(ChainHead* head) = 0;

  // Starts an append. Only one may be open at a time per store; a second writer (another
  // process) waits for the first or fails with IOError after a timeout.
  virtual Status BeginAppend(std::unique_ptr<AppendTransaction>* txn) = 0;

  // Visits entries with from_seq <= seq < to_seq in seq order, with their index columns filled.
  virtual Status Scan(uint64_t from_seq, uint64_t to_seq, const EntryVisitor& visit) = 0;

  // The number of stored entries (rows), whatever their seq.
  virtual Status CountEntries(uint64_t* count) = 0;

  // Reads entry `seq`; NotFound when there is none.
  virtual Status Get(uint64_t seq, const EntryVisitor& visit) = 0;

  // Every account with its event count and first and last event time, by account name.
  virtual Status ListAccounts(std::vector<AccountSummary>* out) = 0;

  // Visits the events matching `query` ordered by event time, then seq.
  virtual Status Query(const EventQuery& query, const EntryVisitor& visit) = 0;
};

}  // namespace nanni
