#include "ledger/ledger_writer.h"

#include <gtest/gtest.h>

#include "event/canonical.h"
#include "ledger/chain.h"
#include "support/ledger_fixture.h"
#include "support/test_support.h"

namespace nanni {
namespace {

class LedgerWriterTest : public ::testing::Test {
 protected:
  test::TempDir dir_;
  std::string path_ = dir_.File("l.db");
  std::unique_ptr<SqliteStore> store_ = test::NewLedger(path_);

  Status Add(LedgerWriter* w, const Event& e, LedgerWriter::Outcome* outcome) {
    PreparedEvent p;
    PrepareEvent(e, &p);
    return w->Add(p, outcome);
  }
};

TEST_F(LedgerWriterTest, ChainsEntriesFromGenesis) {
  std::unique_ptr<LedgerWriter> w;
  ASSERT_TRUE(LedgerWriter::Begin(store_.get(), 42, &w).ok());
  LedgerWriter::Outcome outcome;
  ASSERT_TRUE(Add(w.get(), test::MakeEvent(1), &outcome).ok());
  EXPECT_EQ(outcome, LedgerWriter::Outcome::kAdded);
  ASSERT_TRUE(Add(w.get(), test::MakeEvent(2), &outcome).ok());
  ASSERT_TRUE(w->Commit().ok());

  Digest h1 = ChainHash(GenesisHash(store_->Identity()), 1, 42, EncodeCanonical(test::MakeEvent(1)));
  Digest h2 = ChainHash(h1, 2, 42, EncodeCanonical(test::MakeEvent(2)));
  ChainHead head;
  ASSERT_TRUE(store_->Head(&head).ok());
  EXPECT_EQ(head.count, 2u);
  EXPECT_EQ(head.hash, h2);
  EXPECT_EQ(w->head().hash, h2);
}

TEST_F(LedgerWriterTest, SameIdSameContentIsADuplicateEvenFromAnotherFile) {
  std::unique_ptr<LedgerWriter> w;
  ASSERT_TRUE(LedgerWriter::Begin(store_.get(), 1, &w).ok());
  LedgerWriter::Outcome outcome;
  Event e = test::MakeEvent(1);
  ASSERT_TRUE(Add(w.get(), e, &outcome).ok());
  ASSERT_TRUE(Add(w.get(), e, &outcome).ok());
  EXPECT_EQ(outcome, LedgerWriter::Outcome::kDuplicate);
  e.source.file = "renamed.ndjson";
  ASSERT_TRUE(Add(w.get(), e, &outcome).ok());
  EXPECT_EQ(outcome, LedgerWriter::Outcome::kDuplicate);
  EXPECT_EQ(w->head().count, 1u);
}

TEST_F(LedgerWriterTest, SameIdOtherContentIsAConflict) {
  std::unique_ptr<LedgerWriter> w;
  ASSERT_TRUE(LedgerWriter::Begin(store_.get(), 1, &w).ok());
  LedgerWriter::Outcome outcome;
  Event e = test::MakeEvent(1);
  ASSERT_TRUE(Add(w.get(), e, &outcome).ok());
  e.text = "edited";
  Status st = Add(w.get(), e, &outcome);
  EXPECT_EQ(st.code(), Status::Code::kConflict);
  EXPECT_NE(st.message().find("corrects"), std::string::npos);
}

TEST_F(LedgerWriterTest, NothingIsVisibleUntilCommitAndDroppingRollsBack) {
  LedgerWriter::Outcome outcome;
  std::unique_ptr<LedgerWriter> w;
  // One committed event first: an append to an empty ledger is a bulk load, which keeps
  // other connections out altogether (sqlite_store_test.cc).
  ASSERT_TRUE(LedgerWriter::Begin(store_.get(), 1, &w).ok());
  ASSERT_TRUE(Add(w.get(), test::MakeEvent(0), &outcome).ok());
  ASSERT_TRUE(w->Commit().ok());
  ChainHead first;
  ASSERT_TRUE(store_->Head(&first).ok());
  {
    ASSERT_TRUE(LedgerWriter::Begin(store_.get(), 1, &w).ok());
    for (int i = 1; i <= 100; ++i) ASSERT_TRUE(Add(w.get(), test::MakeEvent(i), &outcome).ok());
    // Another connection sees only what was committed.
    EXPECT_EQ(test::HeadOf(path_).count, 1u);
    w.reset();  // destroyed without Commit
  }
  ChainHead head;
  ASSERT_TRUE(store_->Head(&head).ok());
  EXPECT_EQ(head.count, 1u);
  EXPECT_EQ(head.hash, first.hash);
}

}  // namespace
}  // namespace nanni
