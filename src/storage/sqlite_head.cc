#include "storage/sqlite_head.h"

#include <fmt/format.h>

#include "storage/sqlite_statement.h"

namespace nanni {

Status ReadChainHead(sqlite3* db, const Digest& genesis, ChainHead* head) {
  SqliteStatement s;
  NANNI_RETURN_IF_ERROR(s.Prepare(db, "SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1"));
  bool row = false;
  NANNI_RETURN_IF_ERROR(s.Step(&row));
  if (!row) {
    *head = ChainHead{0, genesis};
    return Status::OK();
  }
  head->count = static_cast<uint64_t>(s.Int(0));
  if (!s.DigestAt(1, &head->hash)) {
    return Status::Corruption(fmt::format("event {} has a hash that is not 32 bytes", head->count));
  }
  return Status::OK();
}

}  // namespace nanni
