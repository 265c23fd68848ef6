#include "tlog/tiles.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace nanni {
namespace {

class MapTiles : public TileReader, public TileSink {
 public:
  Status ReadTile(int level, uint64_t index, std::string* hashes) override {
    auto it = tiles.find({level, index});
    if (it == tiles.end()) return Status::NotFound("no tile");
    *hashes = it->second;
    return Status::OK();
  }
  Status PutTile(int level, uint64_t index, std::string_view hashes) override {
    tiles[{level, index}] = std::string(hashes);
    return Status::OK();
  }
  std::map<std::pair<int, uint64_t>, std::string> tiles;
};

std::vector<Digest> Leaves(size_t n) {
  std::vector<Digest> out;
  for (size_t i = 0; i < n; ++i) out.push_back(MerkleLeafHash("entry " + std::to_string(i)));
  return out;
}

TEST(TlogTiles, LevelsAndCounts) {
  EXPECT_EQ(TileLevels(0), 0);
  EXPECT_EQ(TileLevels(1), 1);
  EXPECT_EQ(TileLevels(255), 1);
  EXPECT_EQ(TileLevels(256), 2);
  EXPECT_EQ(TileLevels(65536), 3);
  EXPECT_EQ(TileLevelHashes(70000, 1), 273u);
  EXPECT_EQ(TileLevelHashes(70000, 2), 1u);
  EXPECT_EQ(TileLevelHashes(~0ull, 8), 0u);
}

// An edge that is flushed, reloaded from the stored tiles and appended to again keeps the
// same tree as one built in memory: roots and proofs at every size it passed.
TEST(TlogTiles, AnEdgeGrownInStepsStoresTheTreeOfItsLeaves) {
  const std::vector<Digest> leaves = Leaves(66'000);
  MemorySubtrees memory(leaves);
  MapTiles store;
  const uint64_t steps[] = {1, 2, 255, 256, 257, 300, 511, 4096, 65535, 65536, 65537, 66'000};
  uint64_t done = 0;
  for (uint64_t size : steps) {
    TreeEdge edge;
    ASSERT_TRUE(edge.Load(&store, done).ok()) << size;
    for (; done < size; ++done) ASSERT_TRUE(edge.Append(leaves[done], &store).ok());
    ASSERT_TRUE(edge.Flush(&store).ok());
    Digest want, stored;
    ASSERT_TRUE(MerkleRoot(&memory, size, &want).ok());
    EXPECT_EQ(edge.Root(), want) << size;
    TileSubtrees tiles(&store, size);
    ASSERT_TRUE(MerkleRoot(&tiles, size, &stored).ok());
    EXPECT_EQ(stored, want) << size;
    for (uint64_t index : {uint64_t{0}, size / 2, size - 1}) {
      std::vector<Digest> a, b;
      ASSERT_TRUE(MerkleInclusionProof(&memory, index, size, &a).ok());
      ASSERT_TRUE(MerkleInclusionProof(&tiles, index, size, &b).ok());
      EXPECT_EQ(a, b) << index << "/" << size;
    }
    std::vector<Digest> a, b;
    ASSERT_TRUE(MerkleConsistencyProof(&memory, size / 3, size, &a).ok());
    ASSERT_TRUE(MerkleConsistencyProof(&tiles, size / 3, size, &b).ok());
    EXPECT_EQ(a, b) << size;
  }
  EXPECT_EQ(store.tiles.at({0, 0}).size(), 256u * 32);
  EXPECT_EQ(store.tiles.at({2, 0}).size(), 32u);
}

TEST(TlogTiles, AMissingOrShortTileIsCorruption) {
  MapTiles store;
  TreeEdge edge;
  ASSERT_TRUE(edge.Load(&store, 0).ok());
  for (const Digest& d : Leaves(300)) ASSERT_TRUE(edge.Append(d, &store).ok());
  ASSERT_TRUE(edge.Flush(&store).ok());
  store.tiles[{0, 1}].resize(10 * 32);
  TileSubtrees tiles(&store, 300);
  Digest root;
  Status st = MerkleRoot(&tiles, 300, &root);
  EXPECT_EQ(st.code(), Status::Code::kCorruption);
  EXPECT_NE(st.message().find("tile 0/1 holds 10 hashes"), std::string::npos) << st.message();
  TreeEdge again;
  EXPECT_EQ(again.Load(&store, 300).code(), Status::Code::kCorruption);
  store.tiles.erase({1, 0});
  TileSubtrees missing(&store, 300);
  EXPECT_EQ(MerkleRoot(&missing, 300, &root).code(), Status::Code::kCorruption);
}

}  // namespace
}  // namespace nanni
