#include "storage/sqlite_statement.h"

#include <fmt/format.h>

#include <cstring>

#include "storage/sqlite_error.h"

namespace nanni {

Status SqliteStatement::Prepare(sqlite3* db, std::string_view sql) {
  db_ = db;
  sqlite3_finalize(stmt_);
  stmt_ = nullptr;
  if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) !=
      SQLITE_OK) {
    return SqliteError(db, sqlite3_errcode(db), fmt::format("preparing {}", sql));
  }
  return Status::OK();
}

Status SqliteStatement::Step(bool* row) {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) {
    *row = true;
    return Status::OK();
  }
  *row = false;
  if (rc == SQLITE_DONE) return Status::OK();
  Status st = SqliteError(db_, rc);
  sqlite3_reset(stmt_);
  return st;
}

Status SqliteStatement::Run() {
  bool row = false;
  NANNI_RETURN_IF_ERROR(Step(&row));
  sqlite3_reset(stmt_);
  return Status::OK();
}

std::string_view SqliteStatement::Text(int col) const {
  const unsigned char* p = sqlite3_column_text(stmt_, col);
  int n = sqlite3_column_bytes(stmt_, col);
  return p == nullptr ? std::string_view() : std::string_view(reinterpret_cast<const char*>(p), n);
}

std::string_view SqliteStatement::Blob(int col) const {
  const void* p = sqlite3_column_blob(stmt_, col);
  int n = sqlite3_column_bytes(stmt_, col);
  return p == nullptr ? std::string_view() : std::string_view(static_cast<const char*>(p), n);
}

bool SqliteStatement::DigestAt(int col, Digest* out) const {
  std::string_view b = Blob(col);
  if (b.size() != out->size()) return false;
  std::memcpy(out->data(), b.data(), out->size());
  return true;
}

}  // namespace nanni
