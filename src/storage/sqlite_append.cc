#include "storage/sqlite_append.h"

#include <fmt/format.h>

#include "storage/sqlite_error.h"
#include "storage/sqlite_tree.h"
#include "storage/sqlite_schema.h"

namespace nanni {

namespace schema = sqlite_schema;

SqliteAppend::~SqliteAppend() {
  insert_.Finalize();
  existing_.Finalize();
  find_seq_.Finalize();
  put_derived_.Finalize();
  if (open_) Exec("ROLLBACK");
  if (bulk_load_) apply_writer_settings_();
}

Status SqliteAppend::Exec(const char* sql) {
  int rc = sqlite3_exec(db_, sql, nullptr, nullptr, nullptr);
  return rc == SQLITE_OK ? Status::OK() : SqliteError(db_, rc);
}

Status SqliteAppend::IsEmpty(bool* empty) {
  SqliteStatement s;
  NANNI_RETURN_IF_ERROR(s.Prepare(db_, "SELECT 1 FROM events LIMIT 1"));
  bool row = false;
  NANNI_RETURN_IF_ERROR(s.Step(&row));
  *empty = !row;
  return Status::OK();
}

Status SqliteAppend::EnterBulkLoad() {
  bulk_load_ = true;
  NANNI_RETURN_IF_ERROR(Exec(schema::kBulkLoadSettings));
  int rc = sqlite3_exec(db_, "PRAGMA journal_mode = DELETE", nullptr, nullptr, nullptr);
  if (rc == SQLITE_OK || rc == SQLITE_BUSY) return Status::OK();
  return SqliteError(db_, rc);
}

Status SqliteAppend::Begin() {
  bool empty = false;
  NANNI_RETURN_IF_ERROR(IsEmpty(&empty));
  if (empty) NANNI_RETURN_IF_ERROR(EnterBulkLoad());
  NANNI_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
  open_ = true;
  NANNI_RETURN_IF_ERROR(IsEmpty(&empty));  // again: another writer may have been first
  if (empty && bulk_load_) NANNI_RETURN_IF_ERROR(Exec(schema::kDropSecondaryIndexes));
  indexes_dropped_ = empty && bulk_load_;
  NANNI_RETURN_IF_ERROR(insert_.Prepare(
      db_,
      "INSERT INTO events (seq, source_id, account, time_utc, tz_offset, kind, recorded_utc, "
      "body) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source_id) DO NOTHING"));
  NANNI_RETURN_IF_ERROR(existing_.Prepare(db_, "SELECT body FROM events WHERE source_id = ?"));
  return find_seq_.Prepare(db_, "SELECT seq FROM events WHERE source_id = ?");
}

Status SqliteAppend::ReadSize(uint64_t* size) { return ReadTreeSize(db_, size); }

Status SqliteAppend::ReadTile(int level, uint64_t index, std::string* hashes) {
  return ReadTreeTile(db_, level, index, hashes);
}

Status SqliteAppend::PutTile(int level, uint64_t index, std::string_view hashes) {
  return PutTreeTile(db_, level, index, hashes);
}

Status SqliteAppend::AddCheckpoint(const StoredCheckpoint& checkpoint) {
  SqliteStatement s;
  NANNI_RETURN_IF_ERROR(s.Prepare(db_, "INSERT INTO checkpoints (size, recorded_utc, note) VALUES (?, ?, ?)"));
  s.BindInt(1, static_cast<int64_t>(checkpoint.size));
  s.BindInt(2, checkpoint.recorded_utc_micros);
  s.BindText(3, checkpoint.note);
  return s.Run();
}

Status SqliteAppend::Insert(const LedgerEntry& e, bool* added) {
  insert_.BindInt(1, static_cast<int64_t>(e.seq));
  insert_.BindText(2, e.index.source_id);
  insert_.BindText(3, e.index.account);
  insert_.BindInt(4, e.index.time_utc_micros);
  insert_.BindInt(5, e.index.offset_minutes);
  insert_.BindText(6, e.index.kind);
  insert_.BindInt(7, e.recorded_utc_micros);
  insert_.BindBlob(8, e.body.data(), e.body.size());
  NANNI_RETURN_IF_ERROR(insert_.Run());
  *added = sqlite3_changes(db_) == 1;
  return Status::OK();
}

Status SqliteAppend::StoredBody(std::string_view source_id, std::string* body) {
  existing_.BindText(1, source_id);
  bool row = false;
  NANNI_RETURN_IF_ERROR(existing_.Step(&row));
  if (row) body->assign(existing_.Blob(0));
  existing_.Reset();
  if (!row) return Status::IOError("sqlite: insert ignored but no entry with that source id");
  return Status::OK();
}

// SQLite's INSERT ... ON CONFLICT DO NOTHING finds a duplicate in the same step as it
// appends, so the batch is one statement per event; a backend with round trips would look
// the batch's ids up first.
Status SqliteAppend::AppendBatch(std::span<const PreparedEvent> events, EntryCursor* cursor) {
  for (const PreparedEvent& event : events) {
    bool added = false;
    NANNI_RETURN_IF_ERROR(Insert(cursor->Next(event), &added));
    if (added) {
      cursor->Accepted();
      continue;
    }
    NANNI_RETURN_IF_ERROR(StoredBody(event.source_id, &stored_body_));
    NANNI_RETURN_IF_ERROR(cursor->Existing(event, stored_body_));
  }
  return Status::OK();
}

Status SqliteAppend::FindSeq(std::string_view source_id, uint64_t* seq) {
  find_seq_.BindText(1, source_id);
  bool row = false;
  NANNI_RETURN_IF_ERROR(find_seq_.Step(&row));
  *seq = row ? static_cast<uint64_t>(find_seq_.Int(0)) : 0;
  find_seq_.Reset();
  return Status::OK();
}

Status SqliteAppend::PutDerived(const DerivedBlock& block) {
  if (!put_derived_.prepared()) {
    NANNI_RETURN_IF_ERROR(put_derived_.Prepare(
        db_, "INSERT OR REPLACE INTO derived (stream, first_seq, end_seq, bytes) VALUES (?, ?, ?, ?)"));
  }
  put_derived_.BindText(1, block.stream);
  put_derived_.BindInt(2, static_cast<int64_t>(block.first_seq));
  put_derived_.BindInt(3, static_cast<int64_t>(block.end_seq));
  put_derived_.BindBlob(4, block.bytes.data(), block.bytes.size());
  return put_derived_.Run();
}

Status SqliteAppend::DeleteDerived(std::string_view prefix, uint64_t from_seq) {
  SqliteStatement s;
  NANNI_RETURN_IF_ERROR(
      s.Prepare(db_, "DELETE FROM derived WHERE substr(stream, 1, ?) = ? AND first_seq >= ?"));
  s.BindInt(1, static_cast<int64_t>(prefix.size()));
  s.BindText(2, prefix);
  s.BindInt(3, static_cast<int64_t>(std::min<uint64_t>(from_seq, INT64_MAX)));
  return s.Run();
}

Status SqliteAppend::Commit() {
  insert_.Finalize();
  existing_.Finalize();
  find_seq_.Finalize();
  put_derived_.Finalize();
  if (indexes_dropped_) {
    // The index sorter keeps up to a cache's worth of keys in memory per thread before it
    // spills them to a file; a smaller cache bounds it.
    NANNI_RETURN_IF_ERROR(Exec("PRAGMA cache_size = -16384"));
    NANNI_RETURN_IF_ERROR(Exec(schema::kSecondaryIndexes));
  }
  NANNI_RETURN_IF_ERROR(Exec("COMMIT"));
  open_ = false;
  if (bulk_load_) {
    // Best effort: the append is committed whatever happens here. Should a reader that
    // arrived just now keep SQLite from returning to the WAL, the next Open does it.
    apply_writer_settings_();
    bulk_load_ = false;
  }
  return Status::OK();
}

}  // namespace nanni
