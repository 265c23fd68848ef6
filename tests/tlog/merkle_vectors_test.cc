// tlog/merkle against the published RFC 6962 / RFC 9162 test vectors, data-driven: the files of
// tests/data/merkle/ say what each column means and where every row comes from (CT's C++ tests,
// chromium, transparency-dev/merkle's testdata, golang/mod's sumdb/tlog testdata, the accumulated
// vectors of draft-ietf-plants-merkle-tree-certs). Anyone can add a row without writing C++.
//
// The reference tree is leaves.tsv, each input hashed with MerkleLeafHash, held in MemorySubtrees.
// roots.tsv and subtrees.tsv must be what MerkleRoot and SubtreeHashes::Get give for it; every row of
// inclusion.tsv and consistency.tsv must verify (ok) or not (fail), and an ok row over the reference
// tree must also be exactly the proof nanni computes. A row that cannot be read fails the test with
// its file and line.
#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <bit>
#include <charconv>
#include <fstream>
#include <string>
#include <vector>

#include "support/test_support.h"
#include "tlog/merkle.h"

namespace nanni {
namespace {

struct Row {
  std::string where;  // "FILE:LINE", for failure messages
  std::vector<std::string> cols;
};

// The pieces of `s` between `sep`s, empty pieces kept (test::Split drops a trailing one).
std::vector<std::string> SplitAll(const std::string& s, char sep) {
  std::vector<std::string> out(1);
  for (char c : s) {
    if (c == sep) {
      out.emplace_back();
    } else {
      out.back() += c;
    }
  }
  return out;
}

// The rows of `path` (shown as `shown`): blank and '#' lines skipped, the first other line must be
// `header`, every row must have as many columns as the header.
std::vector<Row> ReadRows(const std::string& path, const std::string& shown, const std::string& header) {
  std::vector<Row> rows;
  std::ifstream in(path);
  if (!in) {
    ADD_FAILURE() << shown << " is missing";
    return rows;
  }
  const size_t columns = SplitAll(header, '\t').size();
  std::string text;
  bool seen_header = false;
  for (int line = 1; std::getline(in, text); ++line) {
    if (!text.empty() && text.back() == '\r') text.pop_back();
    if (text.empty() || text[0] == '#') continue;
    const std::string where = fmt::format("{}:{}", shown, line);
    if (!seen_header) {
      seen_header = true;
      if (text != header) {
        ADD_FAILURE() << where << ": the header must be \"" << header << "\", not \"" << text << "\"";
      }
      continue;
    }
    std::vector<std::string> cols = SplitAll(text, '\t');
    if (cols.size() != columns) {
      ADD_FAILURE() << where << ": " << cols.size() << " columns, the header has " << columns;
      continue;
    }
    rows.push_back({where, std::move(cols)});
  }
  if (!seen_header) ADD_FAILURE() << shown << " has no header line";
  return rows;
}

std::vector<Row> ReadData(const std::string& name, const std::string& header) {
  return ReadRows(test::TestData("merkle/" + name), "tests/data/merkle/" + name, header);
}

// Why a row's field cannot be read ("" when it can).
std::string ParseU64(const std::string& s, uint64_t* out) {
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size()) {
    return fmt::format("\"{}\" is not a number", s);
  }
  return "";
}

// A value in hex; "" (two double quotes) is zero bytes.
std::string ParseBytes(const std::string& s, std::string* out) {
  out->clear();
  if (s == "\"\"") return "";
  if (s.empty() || s.size() % 2 != 0) return fmt::format("\"{}\" is not hex (write \"\" for zero bytes)", s);
  for (size_t i = 0; i < s.size(); i += 2) {
    unsigned byte = 0;
    auto [end, ec] = std::from_chars(s.data() + i, s.data() + i + 2, byte, 16);
    if (ec != std::errc() || end != s.data() + i + 2) return fmt::format("\"{}\" is not hex", s);
    out->push_back(static_cast<char>(byte));
  }
  return "";
}

// Hex values separated by commas; "-" is none.
std::string ParseList(const std::string& s, std::vector<std::string>* out) {
  out->clear();
  if (s == "-") return "";
  for (const std::string& piece : SplitAll(s, ',')) {
    std::string bytes;
    if (std::string why = ParseBytes(piece, &bytes); !why.empty()) return why;
    out->push_back(std::move(bytes));
  }
  return "";
}

std::string ParseExpect(const std::string& s, bool* ok) {
  if (s != "ok" && s != "fail") return fmt::format("expect is \"{}\", not ok or fail", s);
  *ok = s == "ok";
  return "";
}

// A 32-byte value as a Digest; false for any other length, which nanni's API cannot take.
bool AsDigest(const std::string& bytes, Digest* out) {
  if (bytes.size() != out->size()) return false;
  std::copy(bytes.begin(), bytes.end(), out->begin());
  return true;
}

bool AsDigests(const std::vector<std::string>& list, std::vector<Digest>* out) {
  out->assign(list.size(), Digest{});
  for (size_t i = 0; i < list.size(); ++i) {
    if (!AsDigest(list[i], &(*out)[i])) return false;
  }
  return true;
}

std::string Hexes(const std::vector<Digest>& list) {
  std::string out;
  for (const Digest& d : list) out += (out.empty() ? "" : ",") + ToHex(d);
  return out.empty() ? "-" : out;
}

// The reference tree of leaves.tsv.
struct Reference {
  std::vector<Digest> leaves;
  MemorySubtrees tree{{}};
};

const Reference& Ref() {
  static const Reference* ref = [] {
    auto* r = new Reference;
    uint64_t expected = 0;
    for (const Row& row : ReadData("leaves.tsv", "index\tinput")) {
      uint64_t index = 0;
      std::string input, why = ParseU64(row.cols[0], &index);
      if (why.empty()) why = ParseBytes(row.cols[1], &input);
      if (why.empty() && index != expected) why = fmt::format("index {} where {} is due", index, expected);
      if (!why.empty()) {
        ADD_FAILURE() << row.where << ": " << why;
        continue;
      }
      r->leaves.push_back(MerkleLeafHash(input));
      ++expected;
    }
    r->tree = MemorySubtrees(r->leaves);
    return r;
  }();
  return *ref;
}

TEST(TlogMerkleVectors, TheReferenceTreeHasTheEightPublishedLeaves) {
  ASSERT_EQ(Ref().leaves.size(), 8u) << "tests/data/merkle/leaves.tsv: the RFC 6962 test tree has 8 leaves";
}

TEST(TlogMerkleVectors, RootsOfEveryPrefixOfTheReferenceTree) {
  MemorySubtrees tree = Ref().tree;
  int checked = 0;
  for (const Row& row : ReadData("roots.tsv", "size\troot")) {
    uint64_t size = 0;
    std::string root_bytes, why = ParseU64(row.cols[0], &size);
    if (why.empty()) why = ParseBytes(row.cols[1], &root_bytes);
    Digest want;
    if (why.empty() && !AsDigest(root_bytes, &want)) why = "a root must be 32 bytes";
    if (why.empty() && size > Ref().leaves.size()) {
      why = fmt::format("size {} is beyond the {} leaves of leaves.tsv", size, Ref().leaves.size());
    }
    if (!why.empty()) {
      ADD_FAILURE() << row.where << ": " << why;
      continue;
    }
    Digest got;
    ASSERT_TRUE(MerkleRoot(&tree, size, &got).ok()) << row.where;
    EXPECT_EQ(ToHex(got), ToHex(want)) << row.where << ": MerkleRoot of " << size << " leaves";
    if (size == 0) {
      EXPECT_EQ(ToHex(MerkleEmptyRoot()), ToHex(want)) << row.where << ": MerkleEmptyRoot";
    }
    ++checked;
  }
  EXPECT_EQ(checked, 9) << "roots.tsv: sizes 0..8";
}

TEST(TlogMerkleVectors, EveryCompleteSubtreeOfTheReferenceTree) {
  MemorySubtrees tree = Ref().tree;
  int checked = 0;
  for (const Row& row : ReadData("subtrees.tsv", "level\tindex\thash")) {
    uint64_t level = 0, index = 0;
    std::string bytes, why = ParseU64(row.cols[0], &level);
    if (why.empty()) why = ParseU64(row.cols[1], &index);
    if (why.empty()) why = ParseBytes(row.cols[2], &bytes);
    Digest want;
    if (why.empty() && !AsDigest(bytes, &want)) why = "a hash must be 32 bytes";
    if (why.empty() && level > 62) why = "level beyond 62";
    if (!why.empty()) {
      ADD_FAILURE() << row.where << ": " << why;
      continue;
    }
    Digest got;
    Status st = tree.Get(static_cast<int>(level), index, &got);
    ASSERT_TRUE(st.ok()) << row.where << ": " << st.ToString();
    EXPECT_EQ(ToHex(got), ToHex(want)) << row.where << ": subtree level " << level << " index " << index;
    ++checked;
  }
  EXPECT_EQ(checked, 15) << "subtrees.tsv: the 8 + 4 + 2 + 1 complete subtrees of 8 leaves";
}

struct Tally {
  int ok = 0, fail = 0, refused = 0, computed = 0;
};

const char kInclusionHeader[] = "index\tsize\tleaf\tpath\troot\texpect\treason";
const char kConsistencyHeader[] = "old_size\tnew_size\told_root\tnew_root\tproof\texpect\treason";

void CheckInclusionRows(const std::vector<Row>& rows, Tally* tally) {
  for (const Row& row : rows) {
    const auto& c = row.cols;
    uint64_t index = 0, size = 0;
    std::string leaf_bytes, root_bytes;
    std::vector<std::string> path_bytes;
    bool ok = false;
    const bool leaf_is_hash = c[2].rfind("hash:", 0) == 0;
    std::string why = ParseU64(c[0], &index);
    if (why.empty()) why = ParseU64(c[1], &size);
    if (why.empty()) why = ParseBytes(leaf_is_hash ? c[2].substr(5) : c[2], &leaf_bytes);
    if (why.empty()) why = ParseList(c[3], &path_bytes);
    if (why.empty()) why = ParseBytes(c[4], &root_bytes);
    if (why.empty()) why = ParseExpect(c[5], &ok);
    if (why.empty() && c[6].empty()) why = "the reason is empty";
    if (!why.empty()) {
      ADD_FAILURE() << row.where << ": " << why;
      continue;
    }
    const std::string what = row.where + " (" + c[6] + ")";

    Digest leaf, root;
    std::vector<Digest> path;
    bool decoded = true;
    if (leaf_is_hash) {
      decoded = AsDigest(leaf_bytes, &leaf);
    } else {
      leaf = MerkleLeafHash(leaf_bytes);
    }
    if (!decoded || !AsDigest(root_bytes, &root) || !AsDigests(path_bytes, &path)) {
      // A hash that is not 32 bytes: nanni's API cannot even be handed it.
      EXPECT_FALSE(ok) << what << ": an ok row must hold 32-byte hashes";
      ++tally->refused;
      continue;
    }

    Status st = VerifyMerkleInclusion(index, size, leaf, path, root);
    if (ok) {
      EXPECT_TRUE(st.ok()) << what << ": " << st.ToString();
      ++tally->ok;
    } else {
      EXPECT_FALSE(st.ok()) << what << ": verified";
      if (!st.ok()) {
        EXPECT_EQ(st.code(), Status::Code::kCorruption) << what << ": " << st.ToString();
      }
      ++tally->fail;
    }
    if (!ok) continue;

    // An ok row over the reference tree (or a one-leaf tree) is also what nanni computes.
    const Reference& ref = Ref();
    MemorySubtrees tree = ref.tree;
    if (size <= ref.leaves.size() && index < size && ref.leaves[index] == leaf) {
      // the reference tree
    } else if (size == 1 && index == 0) {
      tree = MemorySubtrees({leaf});
    } else {
      continue;
    }
    std::vector<Digest> computed;
    Digest computed_root;
    ASSERT_TRUE(MerkleInclusionProof(&tree, index, size, &computed).ok()) << what;
    ASSERT_TRUE(MerkleRoot(&tree, size, &computed_root).ok()) << what;
    EXPECT_EQ(Hexes(computed), Hexes(path)) << what << ": MerkleInclusionProof";
    EXPECT_EQ(ToHex(computed_root), ToHex(root)) << what << ": MerkleRoot";
    ++tally->computed;
  }
}

void CheckConsistencyRows(const std::vector<Row>& rows, Tally* tally) {
  for (const Row& row : rows) {
    const auto& c = row.cols;
    uint64_t old_size = 0, new_size = 0;
    std::string old_bytes, new_bytes;
    std::vector<std::string> proof_bytes;
    bool ok = false;
    std::string why = ParseU64(c[0], &old_size);
    if (why.empty()) why = ParseU64(c[1], &new_size);
    if (why.empty()) why = ParseBytes(c[2], &old_bytes);
    if (why.empty()) why = ParseBytes(c[3], &new_bytes);
    if (why.empty()) why = ParseList(c[4], &proof_bytes);
    if (why.empty()) why = ParseExpect(c[5], &ok);
    if (why.empty() && c[6].empty()) why = "the reason is empty";
    if (!why.empty()) {
      ADD_FAILURE() << row.where << ": " << why;
      continue;
    }
    const std::string what = row.where + " (" + c[6] + ")";

    Digest old_root, new_root;
    std::vector<Digest> proof;
    if (!AsDigest(old_bytes, &old_root) || !AsDigest(new_bytes, &new_root) || !AsDigests(proof_bytes, &proof)) {
      EXPECT_FALSE(ok) << what << ": an ok row must hold 32-byte hashes";
      ++tally->refused;
      continue;
    }

    Status st = VerifyMerkleConsistency(old_size, new_size, old_root, new_root, proof);
    if (ok) {
      EXPECT_TRUE(st.ok()) << what << ": " << st.ToString();
      ++tally->ok;
    } else {
      EXPECT_FALSE(st.ok()) << what << ": verified";
      if (!st.ok()) {
        EXPECT_EQ(st.code(), Status::Code::kCorruption) << what << ": " << st.ToString();
      }
      ++tally->fail;
    }
    if (!ok) continue;

    // An ok row between two roots of the reference tree is also what nanni computes.
    MemorySubtrees tree = Ref().tree;
    Digest ref_old, ref_new;
    if (new_size > Ref().leaves.size()) continue;
    ASSERT_TRUE(MerkleRoot(&tree, old_size, &ref_old).ok()) << what;
    ASSERT_TRUE(MerkleRoot(&tree, new_size, &ref_new).ok()) << what;
    if (ref_old != old_root || ref_new != new_root) continue;
    std::vector<Digest> computed;
    ASSERT_TRUE(MerkleConsistencyProof(&tree, old_size, new_size, &computed).ok()) << what;
    EXPECT_EQ(Hexes(computed), Hexes(proof)) << what << ": MerkleConsistencyProof";
    ++tally->computed;
  }
}

TEST(TlogMerkleVectors, InclusionProofs) {
  Tally t;
  CheckInclusionRows(ReadData("inclusion.tsv", kInclusionHeader), &t);
  // The published paths over the reference tree ([CT]/[CR] 5, [TD] single-entry 1) are compared
  // with what nanni computes; argon2020's tree is only verified.
  EXPECT_GE(t.ok, 7) << "inclusion.tsv: 5 published paths, transparency-dev's single entry, argon2020";
  EXPECT_GE(t.computed, 6);
  EXPECT_GE(t.fail, 100) << "inclusion.tsv: fail rows with 32-byte hashes";
  RecordProperty("ok", t.ok);
  RecordProperty("fail", t.fail);
  RecordProperty("refused", t.refused);
  RecordProperty("computed", t.computed);
}

TEST(TlogMerkleVectors, ConsistencyProofs) {
  Tally t;
  CheckConsistencyRows(ReadData("consistency.tsv", kConsistencyHeader), &t);
  EXPECT_GE(t.ok, 6) << "consistency.tsv: CT's four proofs, 6 -> 7, argon2020";
  EXPECT_GE(t.computed, 5);
  EXPECT_GE(t.fail, 100) << "consistency.tsv: fail rows with 32-byte hashes";
  RecordProperty("ok", t.ok);
  RecordProperty("fail", t.fail);
  RecordProperty("refused", t.refused);
  RecordProperty("computed", t.computed);
}

// draft-ietf-plants-merkle-tree-certs-05, Appendix C: a whole family of outputs folded into one SHA-256.
bool ValidSubtree(uint64_t start, uint64_t end) {
  if (start == 0) return true;
  return start % std::bit_ceil(end - start) == 0;
}

std::string Accumulate(const std::string& vector, uint64_t leaves, std::string* why) {
  std::vector<Digest> hashes;
  for (uint64_t i = 0; i < leaves; ++i) hashes.push_back(MerkleLeafHash(std::string(1, static_cast<char>(i))));
  MemorySubtrees tree(hashes);
  Sha256 acc;
  for (uint64_t end = 1; end <= leaves; ++end) {
    for (uint64_t start = 0; start < end; ++start) {
      if (!ValidSubtree(start, end)) continue;
      if (vector == "subtree-hashes") {
        Digest h;
        if (Status st = MerkleRangeHash(&tree, start, end, &h); !st.ok()) {
          *why = st.ToString();
          return "";
        }
        acc.Update(fmt::format("[{}, {}) {}\n", start, end, ToHex(h)));
      } else if (vector == "subtree-inclusion-proofs") {
        MemorySubtrees subtree(std::vector<Digest>(hashes.begin() + start, hashes.begin() + end));
        for (uint64_t index = start; index < end; ++index) {
          std::vector<Digest> path;
          if (Status st = MerkleInclusionProof(&subtree, index - start, end - start, &path); !st.ok()) {
            *why = st.ToString();
            return "";
          }
          std::string line = fmt::format("{} [{}, {})", index, start, end);
          for (const Digest& d : path) line += " " + ToHex(d);
          acc.Update(line + "\n");
        }
      } else {
        *why = fmt::format("no vector named \"{}\"", vector);
        return "";
      }
    }
  }
  return ToHex(acc.Finish());
}

TEST(TlogMerkleVectors, AccumulatedVectorsOfTheMerkleTreeCertsDraft) {
  int checked = 0;
  for (const Row& row : ReadData("accumulated.tsv", "vector\tleaves\tsha256")) {
    uint64_t leaves = 0;
    std::string want, why = ParseU64(row.cols[1], &leaves);
    if (why.empty()) why = ParseBytes(row.cols[2], &want);
    if (why.empty() && want.size() != 32) why = "the sha256 must be 32 bytes";
    if (why.empty() && (leaves == 0 || leaves > 256)) why = "leaves must be 1..256 (leaf i is the byte i)";
    std::string got;
    if (why.empty()) got = Accumulate(row.cols[0], leaves, &why);
    if (!why.empty()) {
      ADD_FAILURE() << row.where << ": " << why;
      continue;
    }
    EXPECT_EQ(got, row.cols[2]) << row.where << ": " << row.cols[0] << " over " << leaves << " leaves";
    ++checked;
  }
  EXPECT_EQ(checked, 2);
}

// The harness itself: a row it cannot read fails the test and names the file and the line.
TEST(TlogMerkleVectors, ARowThatCannotBeReadFailsNamingItsFileAndLine) {
  test::TempDir dir;
  const std::string good =
      "0\t1\t\"\"\t-\t6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d\tok\tfine\n";
  const struct {
    std::string row, message;
  } cases[] = {
      {"0\t1\t\"\"\t-\t6e34\tok\n", "bad.tsv:4: 6 columns, the header has 7"},
      {"x\t1\t\"\"\t-\t6e34\tok\tr\n", "bad.tsv:4: \"x\" is not a number"},
      {"0\t1\t0\t-\t6e34\tok\tr\n", "bad.tsv:4: \"0\" is not hex"},
      {"0\t1\t\t-\t6e34\tok\tr\n", "bad.tsv:4: \"\" is not hex (write \"\" for zero bytes)"},
      {"0\t1\t\"\"\t6e34,,6e34\t6e34\tok\tr\n", "bad.tsv:4: \"\" is not hex"},
      {"0\t1\t\"\"\t-\tzz\tok\tr\n", "bad.tsv:4: \"zz\" is not hex"},
      {"0\t1\t\"\"\t-\t6e34\tyes\tr\n", "bad.tsv:4: expect is \"yes\", not ok or fail"},
      {"0\t1\t\"\"\t-\t6e34\tok\t\n", "bad.tsv:4: the reason is empty"},
  };
  for (const auto& c : cases) {
    test::WriteFile(dir.File("bad.tsv"), std::string("# a comment\n\n") + kInclusionHeader + "\n" + c.row + good);
    Tally t;
    EXPECT_NONFATAL_FAILURE(CheckInclusionRows(ReadRows(dir.File("bad.tsv"), "bad.tsv", kInclusionHeader), &t),
                            c.message);
    EXPECT_EQ(t.ok, 1) << c.message << ": the good row after the bad one is still checked";
  }
  test::WriteFile(dir.File("bad.tsv"), std::string("size\troot\n"));
  EXPECT_NONFATAL_FAILURE(ReadRows(dir.File("bad.tsv"), "bad.tsv", kInclusionHeader),
                          "bad.tsv:1: the header must be");
  EXPECT_NONFATAL_FAILURE(ReadRows(dir.File("missing.tsv"), "missing.tsv", kInclusionHeader),
                          "missing.tsv is missing");
}

}  // namespace
}  // namespace nanni
