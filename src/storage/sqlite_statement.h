// SqliteStatement: a prepared SQLite statement that finalizes itself. Internal to storage/.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string_view>

#include "util/sha256.h"
#include "util/status.h"

namespace nanni {

class SqliteStatement {
 public:
  SqliteStatement() = default;
  ~SqliteStatement() { sqlite3_finalize(stmt_); }
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  // Finalizes the statement now (a transaction cannot commit while it is mid-step).
  void Finalize() {
    sqlite3_finalize(stmt_);
    stmt_ = nullptr;
  }

  Status Prepare(sqlite3* db, std::string_view sql);
  bool prepared() const { return stmt_ != nullptr; }

  // Binds are 1-based, as in SQLite. Text and blobs are copied only if SQLite needs to.
  void BindInt(int i, int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
  void BindText(int i, std::string_view v) {
    sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
  }
  void BindBlob(int i, const void* data, size_t size) {
    sqlite3_bind_blob(stmt_, i, data, static_cast<int>(size), SQLITE_STATIC);
  }

  // Steps once. *row is true when a row is available. Errors carry SQLite's message (Busy
  // when another writer holds the database: storage/sqlite_error.h).
  Status Step(bool* row);
  // Steps a statement that returns no rows.
  Status Run();
  void Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }

  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  std::string_view Text(int col) const;
  std::string_view Blob(int col) const;
  // Reads a 32-byte blob column; false when it is not 32 bytes.
  bool DigestAt(int col, Digest* out) const;

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace nanni
