#include "index/index_builder.h"

#include <gtest/gtest.h>

#include <map>

#include "index/account_groups.h"
#include "index/index_snapshot.h"

namespace nanni {
namespace {

FactDraft Draft(const std::string& id, const std::string& account, const std::string& reply_to = "") {
  FactDraft d;
  d.id = id;
  d.account = account;
  d.reply_to = reply_to;
  d.fact.kind = static_cast<uint8_t>(reply_to.empty() ? EventKind::kRequest : EventKind::kResponse);
  return d;
}

// Builds `drafts` (seqs 1..n) into a snapshot, closing a block after each seq in `ends`. The
// ledger the finder sees holds them all, as a rebuild's does.
IndexSnapshot Build(const std::vector<FactDraft>& drafts, const std::vector<uint64_t>& ends) {
  std::map<std::string, uint64_t> ledger;
  for (size_t i = 0; i < drafts.size(); ++i) ledger[drafts[i].id] = i + 1;
  auto find = [&](std::string_view id, uint64_t* seq) {
    auto it = ledger.find(std::string(id));
    *seq = it == ledger.end() ? 0 : it->second;
    return Status::OK();
  };
  IndexSnapshot snapshot;
  auto sink = [&](const DerivedBlock& b) { return snapshot.AddBlock(b); };
  IndexBuilder builder(IndexBuilder::State(), /*tone_model=*/0);
  size_t next_end = 0;
  for (size_t i = 0; i < drafts.size(); ++i) {
    EXPECT_TRUE(builder.Add(i + 1, 1000, drafts[i]).ok());
    if (next_end < ends.size() && ends[next_end] == i + 1) {
      EXPECT_TRUE(builder.Flush(find, sink).ok());
      ++next_end;
    }
  }
  EXPECT_TRUE(builder.Flush(find, sink).ok());
  snapshot.Finish();
  return snapshot;
}

TEST(IndexBuilderTest, LinksResolveExactlyWhereverBlocksEnd) {
  // 2 answers 1 (the block before); 3 answers 5, which arrives later (a fixup); 4 names an id
  // the ledger never holds; 6 answers 6's neighbour in its own block.
  std::vector<FactDraft> drafts = {Draft("a", "acme"),      Draft("b", "acme", "a"), Draft("c", "acme", "e"),
                                   Draft("d", "acme", "zz"), Draft("e", "acme"),     Draft("f", "globex", "e")};
  for (const std::vector<uint64_t>& ends : std::vector<std::vector<uint64_t>>{{}, {1}, {2, 4}, {1, 2, 3, 4, 5}}) {
    IndexSnapshot s = Build(drafts, ends);
    SCOPED_TRACE(ends.size());
    ASSERT_EQ(s.covered(), 6u);
    EXPECT_EQ(s.fact(2).reply_to, 1u);
    EXPECT_EQ(s.fact(3).reply_to, 5u);
    EXPECT_EQ(s.fact(4).reply_to, 0u);
    EXPECT_EQ(s.fact(6).reply_to, 5u);  // links are by id, whatever the account
    EXPECT_EQ(s.str(s.fact(1).account), "acme");
    EXPECT_EQ(s.str(s.fact(6).account), "globex");
    EXPECT_EQ(s.block_ends().size(), ends.size() + 1);
    // What a builder needs to continue: the link to "zz" is still pending.
    IndexBuilder::State state = s.BuilderState();
    ASSERT_EQ(state.pending.size(), 1u);
    EXPECT_EQ(state.pending[0].target, "zz");
    EXPECT_EQ(state.next_seq, 7u);
  }
}

// AccountGroups (index/account_groups.h) over a built snapshot: each account's events in
// ledger order, interleaved accounts and block ends notwithstanding.
TEST(AccountGroupsTest, EachAccountsEventsInLedgerOrder) {
  IndexSnapshot s = Build({Draft("a", "acme"), Draft("b", "globex"), Draft("c", "acme", "a"),
                           Draft("d", "initech"), Draft("e", "acme")},
                          {2});
  AccountGroups groups(s);
  std::map<std::string, std::vector<uint32_t>> by_name;
  for (uint32_t id = 1; id < groups.end_id(); ++id) {
    if (!groups.events(id).empty()) {
      by_name[std::string(s.str(id))].assign(groups.events(id).begin(), groups.events(id).end());
    }
  }
  EXPECT_EQ(by_name, (std::map<std::string, std::vector<uint32_t>>{
                         {"acme", {1, 3, 5}}, {"globex", {2}}, {"initech", {4}}}));
  EXPECT_TRUE(groups.events(groups.end_id() + 5).empty());
  // No tone facts, no side records: every event says so.
  for (uint64_t seq = 1; seq <= s.covered(); ++seq) {
    EXPECT_EQ(s.tone_row(seq), IndexSnapshot::kNoRecord);
    EXPECT_EQ(s.side_row(seq), IndexSnapshot::kNoRecord);
  }
}

TEST(IndexBuilderTest, ABlockThatDoesNotContinueIsRefused) {
  IndexSnapshot s = Build({Draft("a", "acme")}, {});
  // A second copy of the first block (first_seq 1 again) cannot follow.
  IndexBuilder builder(IndexBuilder::State(), 0);
  ASSERT_TRUE(builder.Add(1, 0, Draft("x", "acme")).ok());
  Status added;
  ASSERT_TRUE(builder.Flush([](std::string_view, uint64_t* seq) { *seq = 0; return Status::OK(); },
                            [&](const DerivedBlock& b) {
                              if (b.stream == index_stream::kFacts) added = s.AddBlock(b);
                              return Status::OK();
                            }).ok());
  EXPECT_EQ(added.code(), Status::Code::kCorruption);
  EXPECT_EQ(builder.Add(5, 0, Draft("y", "acme")).code(), Status::Code::kCorruption);  // seq 2 was due
}

}  // namespace
}  // namespace nanni
