#include "tlog/tiles.h"

#include <fmt/format.h>

#include <cstring>

namespace nanni {

namespace {
constexpr size_t kHashBytes = 32;
constexpr size_t kFullTileBytes = kTileWidth * kHashBytes;

Digest HashAt(std::string_view hashes, uint64_t i) {
  Digest d;
  std::memcpy(d.data(), hashes.data() + i * kHashBytes, kHashBytes);
  return d;
}
}  // namespace

int TileLevels(uint64_t size) {
  int levels = 0;
  while (TileLevelHashes(size, levels) > 0) ++levels;
  return levels;
}

Digest PerfectRoot(std::string_view hashes) {
  std::vector<Digest> level(hashes.size() / kHashBytes);
  for (size_t i = 0; i < level.size(); ++i) level[i] = HashAt(hashes, i);
  while (level.size() > 1) {
    for (size_t i = 0; i < level.size() / 2; ++i) level[i] = MerkleNodeHash(level[2 * i], level[2 * i + 1]);
    level.resize(level.size() / 2);
  }
  return level.empty() ? MerkleEmptyRoot() : level[0];
}

Status TileSubtrees::Tile(int level, uint64_t index, const std::string** hashes) {
  const uint64_t key = static_cast<uint64_t>(level) << 56 | index;
  auto it = cache_.find(key);
  if (it == cache_.end()) {
    std::string bytes;
    Status st = reader_->ReadTile(level, index, &bytes);
    if (st.code() == Status::Code::kNotFound) {
      return Status::Corruption(fmt::format(
          "the tree's tile {}/{} is missing (a tree of {} leaves needs it)", level, index, size_));
    }
    NANNI_RETURN_IF_ERROR(st);
    if (bytes.size() % kHashBytes != 0 || bytes.size() > kFullTileBytes) {
      return Status::Corruption(fmt::format("the tree's tile {}/{} holds {} bytes, not whole hashes",
                                            level, index, bytes.size()));
    }
    it = cache_.emplace(key, std::move(bytes)).first;
  }
  *hashes = &it->second;
  return Status::OK();
}

Status TileSubtrees::Get(int level, uint64_t index, Digest* out) {
  if (level < 0 || level >= 63 || ((index + 1) << level) > size_ || (index << level) >> level != index) {
    return Status::InvalidArgument(fmt::format(
        "no complete subtree at level {} index {} in a tree of {} leaves", level, index, size_));
  }
  const int tile_level = level / kTileHeight, within = level % kTileHeight;
  const uint64_t first = index << within, count = uint64_t{1} << within;
  const uint64_t tile = first / kTileWidth, offset = first % kTileWidth;
  const std::string* hashes = nullptr;
  NANNI_RETURN_IF_ERROR(Tile(tile_level, tile, &hashes));
  if (hashes->size() < (offset + count) * kHashBytes) {
    return Status::Corruption(fmt::format(
        "the tree's tile {}/{} holds {} hashes; a tree of {} leaves needs at least {}", tile_level,
        tile, hashes->size() / kHashBytes, size_, offset + count));
  }
  std::string_view span(hashes->data() + offset * kHashBytes, count * kHashBytes);
  *out = count == 1 ? HashAt(span, 0) : PerfectRoot(span);
  return Status::OK();
}

Status TreeEdge::Load(TileReader* reader, uint64_t size) {
  size_ = size;
  levels_.assign(TileLevels(size), Level());
  for (size_t l = 0; l < levels_.size(); ++l) {
    const uint64_t count = TileLevelHashes(size, static_cast<int>(l)), partial = count % kTileWidth;
    levels_[l].count = count;
    if (partial == 0) continue;
    std::string& hashes = levels_[l].hashes;
    Status st = reader->ReadTile(static_cast<int>(l), count / kTileWidth, &hashes);
    if (st.code() == Status::Code::kNotFound || (st.ok() && hashes.size() < partial * kHashBytes)) {
      return Status::Corruption(fmt::format(
          "the tree's tile {}/{} is missing or short: a tree of {} leaves needs {} hashes in it", l,
          count / kTileWidth, size, partial));
    }
    NANNI_RETURN_IF_ERROR(st);
    hashes.resize(partial * kHashBytes);
  }
  return Status::OK();
}

Status TreeEdge::Push(size_t level, const Digest& hash, TileSink* sink) {
  if (levels_.size() <= level) levels_.resize(level + 1);
  Level& l = levels_[level];
  l.hashes.append(reinterpret_cast<const char*>(hash.data()), kHashBytes);
  l.dirty = true;
  ++l.count;
  if (l.hashes.size() < kFullTileBytes) return Status::OK();
  NANNI_RETURN_IF_ERROR(sink->PutTile(static_cast<int>(level), (l.count - 1) / kTileWidth, l.hashes));
  Digest root = PerfectRoot(l.hashes);
  l.hashes.clear();
  l.dirty = false;
  return Push(level + 1, root, sink);
}

Status TreeEdge::Append(const Digest& leaf_hash, TileSink* sink) {
  NANNI_RETURN_IF_ERROR(Push(0, leaf_hash, sink));
  ++size_;
  return Status::OK();
}

Status TreeEdge::Flush(TileSink* sink) {
  for (size_t l = 0; l < levels_.size(); ++l) {
    Level& level = levels_[l];
    if (!level.dirty || level.hashes.empty()) continue;
    NANNI_RETURN_IF_ERROR(sink->PutTile(static_cast<int>(l), level.count / kTileWidth, level.hashes));
    level.dirty = false;
  }
  return Status::OK();
}

Status TreeEdge::ReadTile(int level, uint64_t index, std::string* hashes) const {
  if (level < 0 || static_cast<size_t>(level) >= levels_.size()) return Status::NotFound("no such tile");
  const Level& l = levels_[level];
  if (l.hashes.empty() || index != l.count / kTileWidth) return Status::NotFound("no such tile");
  *hashes = l.hashes;
  return Status::OK();
}

Digest TreeEdge::Root() const {
  struct EdgeTiles : TileReader {
    explicit EdgeTiles(const TreeEdge& e) : edge(e) {}
    Status ReadTile(int level, uint64_t index, std::string* hashes) override {
      return edge.ReadTile(level, index, hashes);
    }
    const TreeEdge& edge;
  } tiles(*this);
  TileSubtrees subtrees(&tiles, size_);
  Digest root;
  // Every subtree of the root's decomposition lies in the edge's tiles, so this cannot fail.
  if (!MerkleRoot(&subtrees, size_, &root).ok()) return Digest{};
  return root;
}

}  // namespace nanni
