// The tree as SQLite stores it: the entries' count and the tiles of `tree_tiles`. Internal to
// storage/: the store reads it for readers, its append transaction for the writer.
#pragma once

#include <sqlite3.h>

#include <string>
#include <string_view>

#include "ledger/ledger_entry.h"
#include "util/status.h"

namespace nanni {

// The number of entries (the last seq) on `db` as that connection sees it.
Status ReadTreeSize(sqlite3* db, uint64_t* size);

// Tile (level, index); NotFound when there is none.
Status ReadTreeTile(sqlite3* db, int level, uint64_t index, std::string* hashes);

// Stores tile (level, index), replacing the one there.
Status PutTreeTile(sqlite3* db, int level, uint64_t index, std::string_view hashes);

// The root of the tree of `size` entries, from the tiles; Corruption when one it needs is
// missing or short.
Status ReadTreeRoot(sqlite3* db, uint64_t size, Digest* root);

}  // namespace nanni
