#include "storage/sqlite_tree.h"

#include <fmt/format.h>

#include "storage/sqlite_statement.h"
#include "tlog/tiles.h"

namespace nanni {

namespace {
class ConnectionTiles : public TileReader {
 public:
  explicit ConnectionTiles(sqlite3* db) : db_(db) {}
  Status ReadTile(int level, uint64_t index, std::string* hashes) override {
    return ReadTreeTile(db_, level, index, hashes);
  }

 private:
  sqlite3* db_;
};
}  // namespace

Status ReadTreeSize(sqlite3* db, uint64_t* size) {
  SqliteStatement s;
  NANNI_RETURN_IF_ERROR(s.Prepare(db, "SELECT max(seq) FROM events"));
  bool row = false;
  NANNI_RETURN_IF_ERROR(s.Step(&row));
  *size = row ? static_cast<uint64_t>(s.Int(0)) : 0;  // max() of no rows is NULL, read as 0
  return Status::OK();
}

Status ReadTreeTile(sqlite3* db, int level, uint64_t index, std::string* hashes) {
  SqliteStatement s;
  NANNI_RETURN_IF_ERROR(s.Prepare(db, "SELECT hashes FROM tree_tiles WHERE level = ? AND idx = ?"));
  s.BindInt(1, level);
  s.BindInt(2, static_cast<int64_t>(std::min<uint64_t>(index, INT64_MAX)));
  bool row = false;
  NANNI_RETURN_IF_ERROR(s.Step(&row));
  if (!row) return Status::NotFound(fmt::format("no tile {}/{}", level, index));
  hashes->assign(s.Blob(0));
  return Status::OK();
}

Status PutTreeTile(sqlite3* db, int level, uint64_t index, std::string_view hashes) {
  SqliteStatement s;
  NANNI_RETURN_IF_ERROR(
      s.Prepare(db, "INSERT OR REPLACE INTO tree_tiles (level, idx, hashes) VALUES (?, ?, ?)"));
  s.BindInt(1, level);
  s.BindInt(2, static_cast<int64_t>(index));
  s.BindBlob(3, hashes.data(), hashes.size());
  return s.Run();
}

Status ReadTreeRoot(sqlite3* db, uint64_t size, Digest* root) {
  ConnectionTiles tiles(db);
  TileSubtrees subtrees(&tiles, size);
  return MerkleRoot(&subtrees, size, root);
}

}  // namespace nanni
