#include "ledger/ledger_writer.h"

#include <gtest/gtest.h>

#include "event/canonical.h"
#include "ledger/leaf.h"
#include "tlog/merkle.h"
#include "support/ledger_fixture.h"
#include "support/test_support.h"

namespace nanni {
namespace {

class LedgerWriterTest : public ::testing::Test {
 protected:
  test::TempDir dir_;
  std::string path_ = dir_.File("l.db");
  std::unique_ptr<SqliteStore> store_ = test::NewLedger(path_);

  enum class Outcome { kAdded, kDuplicate };
  Status Add(LedgerWriter* w, const Event& e, Outcome* outcome) {
    PreparedEvent p;
    PrepareEvent(e, &p);
    LedgerWriter::BatchResult result;
    Status st = w->AddBatch(std::span(&p, 1), &result);
    if (st.ok()) *outcome = result.seqs[0] != 0 ? Outcome::kAdded : Outcome::kDuplicate;
    return st;
  }
};

// A batch reports a seq for each event appended and 0 for each duplicate; one that stops on a
// conflict says where.
TEST_F(LedgerWriterTest, ABatchSaysWhatBecameOfEachEvent) {
  std::unique_ptr<LedgerWriter> w;
  ASSERT_TRUE(LedgerWriter::Begin(store_.get(), 1, &w).ok());
  std::vector<PreparedEvent> batch(4);
  PrepareEvent(test::MakeEvent(1), &batch[0]);
  PrepareEvent(test::MakeEvent(2), &batch[1]);
  PrepareEvent(test::MakeEvent(1), &batch[2]);
  PrepareEvent(test::MakeEvent(3), &batch[3]);
  LedgerWriter::BatchResult result;
  ASSERT_TRUE(w->AddBatch(batch, &result).ok());
  EXPECT_EQ(result.seqs, (std::vector<uint64_t>{1, 2, 0, 3}));
  Event changed = test::MakeEvent(2);
  changed.text = "edited";
  PrepareEvent(test::MakeEvent(4), &batch[0]);
  PrepareEvent(changed, &batch[1]);
  Status st = w->AddBatch(std::span(batch.data(), 2), &result);
  EXPECT_EQ(st.code(), Status::Code::kConflict);
  EXPECT_EQ(result.failed_at, 1u);
}

TEST_F(LedgerWriterTest, AddsEachEntryAsALeafOfTheTree) {
  std::unique_ptr<LedgerWriter> w;
  ASSERT_TRUE(LedgerWriter::Begin(store_.get(), 42, &w).ok());
  Outcome outcome;
  ASSERT_TRUE(Add(w.get(), test::MakeEvent(1), &outcome).ok());
  EXPECT_EQ(outcome, Outcome::kAdded);
  ASSERT_TRUE(Add(w.get(), test::MakeEvent(2), &outcome).ok());
  ASSERT_TRUE(w->Commit().ok());

  const Digest identity = IdentityDigest(store_->Identity());
  Digest l1 = EntryLeafHash(identity, 1, 42, Sha256::Of(EncodeCanonical(test::MakeEvent(1))));
  Digest l2 = EntryLeafHash(identity, 2, 42, Sha256::Of(EncodeCanonical(test::MakeEvent(2))));
  TreeHead head;
  ASSERT_TRUE(store_->Head(AccessScope::All(), &head).ok());
  EXPECT_EQ(head.size, 2u);
  EXPECT_EQ(head.root, MerkleNodeHash(l1, l2));
  EXPECT_EQ(w->head().root, head.root);
}

TEST_F(LedgerWriterTest, SameIdSameContentIsADuplicateEvenFromAnotherFile) {
  std::unique_ptr<LedgerWriter> w;
  ASSERT_TRUE(LedgerWriter::Begin(store_.get(), 1, &w).ok());
  Outcome outcome;
  Event e = test::MakeEvent(1);
  ASSERT_TRUE(Add(w.get(), e, &outcome).ok());
  ASSERT_TRUE(Add(w.get(), e, &outcome).ok());
  EXPECT_EQ(outcome, Outcome::kDuplicate);
  e.source.file = "renamed.ndjson";
  ASSERT_TRUE(Add(w.get(), e, &outcome).ok());
  EXPECT_EQ(outcome, Outcome::kDuplicate);
  EXPECT_EQ(w->head().size, 1u);
}

TEST_F(LedgerWriterTest, SameIdOtherContentIsAConflict) {
  std::unique_ptr<LedgerWriter> w;
  ASSERT_TRUE(LedgerWriter::Begin(store_.get(), 1, &w).ok());
  Outcome outcome;
  Event e = test::MakeEvent(1);
  ASSERT_TRUE(Add(w.get(), e, &outcome).ok());
  e.text = "edited";
  Status st = Add(w.get(), e, &outcome);
  EXPECT_EQ(st.code(), Status::Code::kConflict);
  EXPECT_NE(st.message().find("corrects"), std::string::npos);
}

TEST_F(LedgerWriterTest, NothingIsVisibleUntilCommitAndDroppingRollsBack) {
  Outcome outcome;
  std::unique_ptr<LedgerWriter> w;
  // One committed event first: an append to an empty ledger is a bulk load, which keeps
  // other connections out altogether (sqlite_store_test.cc).
  ASSERT_TRUE(LedgerWriter::Begin(store_.get(), 1, &w).ok());
  ASSERT_TRUE(Add(w.get(), test::MakeEvent(0), &outcome).ok());
  ASSERT_TRUE(w->Commit().ok());
  TreeHead first;
  ASSERT_TRUE(store_->Head(AccessScope::All(), &first).ok());
  {
    ASSERT_TRUE(LedgerWriter::Begin(store_.get(), 1, &w).ok());
    for (int i = 1; i <= 100; ++i) ASSERT_TRUE(Add(w.get(), test::MakeEvent(i), &outcome).ok());
    // Another connection sees only what was committed.
    EXPECT_EQ(test::HeadOf(path_).size, 1u);
    w.reset();  // destroyed without Commit
  }
  TreeHead head;
  ASSERT_TRUE(store_->Head(AccessScope::All(), &head).ok());
  EXPECT_EQ(head.size, 1u);
  EXPECT_EQ(head.root, first.root);
}

}  // namespace
}  // namespace nanni
