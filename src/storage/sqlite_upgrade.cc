#include "storage/sqlite_upgrade.h"

#include <fmt/format.h>
#include <sqlite3.h>

#include "ledger/leaf.h"
#include "storage/sqlite_error.h"
#include "storage/sqlite_schema.h"
#include "storage/sqlite_statement.h"
#include "storage/sqlite_tree.h"
#include "tlog/tiles.h"
#include "util/printable.h"

namespace nanni {

namespace schema = sqlite_schema;

namespace {

struct Format1Identity {
  std::string format, id;
  bool id_in_chain = false;
};

Digest Format1Genesis(const Format1Identity& identity) {
  if (!identity.id_in_chain) return Digest{};
  Sha256 hasher;
  hasher.Update(std::string_view("nanni-ledger-1 genesis\n"));
  hasher.Update(identity.id);
  return hasher.Finish();
}

Digest Format1ChainHash(const Digest& previous, uint64_t seq, int64_t recorded, std::string_view body) {
  uint8_t header[16];
  for (int i = 0; i < 8; ++i) header[i] = static_cast<uint8_t>(seq >> (56 - 8 * i));
  for (int i = 0; i < 8; ++i) header[8 + i] = static_cast<uint8_t>(static_cast<uint64_t>(recorded) >> (56 - 8 * i));
  Sha256 hasher;
  hasher.Update(previous.data(), previous.size());
  hasher.Update(header, sizeof(header));
  hasher.Update(body);
  return hasher.Finish();
}

Status Exec(sqlite3* db, const std::string& sql) {
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
  return rc == SQLITE_OK ? Status::OK() : SqliteError(db, rc);
}

Status ReadIdentity(sqlite3* db, Format1Identity* out) {
  SqliteStatement s;
  if (!s.Prepare(db, "SELECT key, value FROM ledger_meta").ok()) {
    return Status::InvalidInput("not a nanni ledger (no ledger_meta table)");
  }
  for (;;) {
    bool row = false;
    NANNI_RETURN_IF_ERROR(s.Step(&row));
    if (!row) return Status::OK();
    if (s.Text(0) == "format") out->format = s.Text(1);
    if (s.Text(0) == "ledger_id") out->id = s.Text(1);
    if (s.Text(0) == "genesis") out->id_in_chain = s.Text(1) == "ledger_id";
  }
}

class TileWriter : public TileSink {
 public:
  explicit TileWriter(sqlite3* db) : db_(db) {}
  Status PutTile(int level, uint64_t index, std::string_view hashes) override {
    return PutTreeTile(db_, level, index, hashes);
  }

 private:
  sqlite3* db_;
};

// Walks the old chain in seq order, checking each stored hash, and adds each entry to the
// new tree as it goes.
Status ChainToTree(sqlite3* db, const Format1Identity& old, const LedgerIdentity& identity,
                   const std::function<void(uint64_t)>& progress, TreeEdge* edge) {
  SqliteStatement s;
  NANNI_RETURN_IF_ERROR(s.Prepare(db, "SELECT seq, recorded_utc, body, hash, source_id FROM events ORDER BY seq"));
  const Digest leaf_identity = IdentityDigest(identity);
  TileWriter tiles(db);
  Digest previous = Format1Genesis(old);
  for (uint64_t expected = 1;; ++expected) {
    bool row = false;
    NANNI_RETURN_IF_ERROR(s.Step(&row));
    if (!row) return Status::OK();
    const uint64_t seq = static_cast<uint64_t>(s.Int(0));
    const int64_t recorded = s.Int(1);
    const std::string_view body = s.Blob(2);
    Digest stored;
    auto bad = [&](std::string_view what) {
      return Status::Corruption(fmt::format("event {} (id '{}'): {}; the ledger was not changed", expected,
                                            Printable(s.Text(4)), what));
    };
    if (seq != expected) return bad(fmt::format("is missing (the next stored is {})", seq));
    if (!s.DigestAt(3, &stored) || Format1ChainHash(previous, seq, recorded, body) != stored) {
      return bad("its format-1 chain hash does not match its contents (the event, its seq or "
                 "recording time was changed, or an earlier hash, or the ledger's id)");
    }
    previous = stored;
    NANNI_RETURN_IF_ERROR(edge->Append(EntryLeafHash(leaf_identity, seq, recorded, Sha256::Of(body)), &tiles));
    if (progress && (seq & 4095) == 0) progress(seq);
  }
}

// The schema and metadata of format 2, over the entries as they are.
Status RewriteSchema(sqlite3* db, const std::string& origin) {
  NANNI_RETURN_IF_ERROR(Exec(db,
      "DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete; "
      "DROP TRIGGER ledger_meta_no_update; DROP TRIGGER ledger_meta_no_delete; "
      "ALTER TABLE events DROP COLUMN hash; "
      "DELETE FROM ledger_meta WHERE key IN ('format', 'genesis');"));
  SqliteStatement meta;
  NANNI_RETURN_IF_ERROR(meta.Prepare(db, "INSERT INTO ledger_meta VALUES ('format', ?), ('origin', ?)"));
  meta.BindText(1, schema::kFormat);
  meta.BindText(2, origin);
  NANNI_RETURN_IF_ERROR(meta.Run());
  // The triggers as the format-2 schema has them (storage/sqlite_schema.h, kTables).
  std::string tables = schema::kTables;
  const size_t triggers = tables.find("CREATE TRIGGER");
  const size_t checkpoints = tables.find("CREATE TABLE checkpoints");
  return Exec(db, tables.substr(triggers, checkpoints - triggers) + tables.substr(checkpoints));
}

}  // namespace

Status UpgradeSqliteLedger(const std::string& path, const std::string& origin,
                           const std::function<void(uint64_t)>& progress, UpgradeReport* report) {
  *report = UpgradeReport();
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr);
  std::unique_ptr<sqlite3, int (*)(sqlite3*)> closer(db, sqlite3_close_v2);
  if (rc != SQLITE_OK) {
    return Status::IOError(fmt::format("cannot open '{}': {}", Printable(path, 200),
                                       db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
  }
  sqlite3_busy_timeout(db, 10'000);
  NANNI_RETURN_IF_ERROR(Exec(db, "BEGIN IMMEDIATE"));
  Format1Identity old;
  Status st = ReadIdentity(db, &old);
  if (st.ok() && old.format == schema::kFormat) {
    Exec(db, "ROLLBACK");
    return Status::OK();  // already format 2
  }
  if (st.ok() && old.format != schema::kFormat1) {
    st = Status::InvalidInput(fmt::format("not a ledger format this nanni can upgrade ('{}')", Printable(old.format)));
  }
  const LedgerIdentity identity{old.id, origin.empty() ? DefaultOrigin(old.id) : origin};
  if (st.ok()) st = CheckOrigin(identity.origin);
  TreeEdge edge;
  if (st.ok()) st = Exec(db, schema::kTreeTable);
  if (st.ok()) st = ChainToTree(db, old, identity, progress, &edge);
  TileWriter tiles(db);
  if (st.ok()) st = edge.Flush(&tiles);
  if (st.ok()) st = RewriteSchema(db, identity.origin);
  if (st.ok()) st = Exec(db, "COMMIT");
  if (!st.ok()) {
    Exec(db, "ROLLBACK");
    return st.WithPrefix(Printable(path, 200));
  }
  *report = UpgradeReport{true, edge.size(), TreeHead{edge.size(), edge.Root()}, identity.origin};
  return Status::OK();
}

}  // namespace nanni
