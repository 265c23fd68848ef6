// How the tree's hashes are stored: in tiles, as C2SP tlog-tiles lays them out (height 8).
//
// Tile (level L, index N) holds the hashes of the complete subtrees at tree level 8L with
// indices [256N, 256N + width): at level 0 the leaf hashes, at level 1 the roots of 256
// leaves each, and so on. A tree of n leaves has n >> 8L hashes at tile level L; every tile
// is full (256 hashes) but the last of each level, which holds the rest and grows as the tree
// does. Interior hashes within a tile are recomputed when needed (at most 127 node hashes
// per subtree), so any subtree hash, and so any proof for any tree size, costs O(log n) tile
// reads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "tlog/merkle.h"

namespace nanni {

constexpr int kTileHeight = 8;
constexpr uint64_t kTileWidth = uint64_t{1} << kTileHeight;

// The number of hashes at tile level `level` in a tree of `size` leaves.
inline uint64_t TileLevelHashes(uint64_t size, int level) {
  return level * kTileHeight >= 64 ? 0 : size >> (level * kTileHeight);
}

// The number of tile levels a tree of `size` leaves has (0 for an empty tree).
int TileLevels(uint64_t size);

// Reads a stored tile: its hashes, 32 bytes each, concatenated. NotFound when there is none.
class TileReader {
 public:
  virtual ~TileReader() = default;
  virtual Status ReadTile(int level, uint64_t index, std::string* hashes) = 0;
};

// Stores a tile, replacing the one of the same level and index.
class TileSink {
 public:
  virtual ~TileSink() = default;
  virtual Status PutTile(int level, uint64_t index, std::string_view hashes) = 0;
};

// The root of 2^k hashes of one level (k <= 8), as MTH of them: `hashes` holds 32 * 2^k bytes.
Digest PerfectRoot(std::string_view hashes);

// The complete-subtree hashes of the tree of `size` leaves whose tiles `reader` holds. Keeps
// the tiles it read (a proof reads a few tiles several times); a tile shorter than the tree
// says it must be is Corruption.
class TileSubtrees : public SubtreeHashes {
 public:
  // `reader` must outlive this object.
  TileSubtrees(TileReader* reader, uint64_t size) : reader_(reader), size_(size) {}
  Status Get(int level, uint64_t index, Digest* out) override;

 private:
  Status Tile(int level, uint64_t index, const std::string** hashes);

  TileReader* reader_;
  uint64_t size_;
  std::unordered_map<uint64_t, std::string> cache_;  // key: level << 56 | index
};

// The right edge of a growing tree: the last tile of each level. Append takes leaf hashes
// in order; tiles that fill up are handed to the sink at once, the partial ones by Flush.
class TreeEdge {
 public:
  // Continues the tree of `size` leaves whose tiles `reader` holds (its partial tiles are
  // read; the full ones never are).
  Status Load(TileReader* reader, uint64_t size);

  // Adds the next leaf; a tile that fills is written to `sink` (whose error is returned).
  Status Append(const Digest& leaf_hash, TileSink* sink);

  // Writes the partial tiles that changed since the last Flush.
  Status Flush(TileSink* sink);

  uint64_t size() const { return size_; }

  // The root of the tree so far.
  Digest Root() const;

  // The edge's own tiles (the last of each level); NotFound for any other.
  Status ReadTile(int level, uint64_t index, std::string* hashes) const;

 private:
  struct Level {
    uint64_t count = 0;  // hashes at this level in the whole tree
    std::string hashes;  // the last tile's (a partial one), 32 bytes each
    bool dirty = false;  // changed since the last Flush
  };
  Status Push(size_t level, const Digest& hash, TileSink* sink);

  uint64_t size_ = 0;
  std::vector<Level> levels_;
};

}  // namespace nanni
