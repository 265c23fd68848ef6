#include "ledger/effective_events.h"

#include <gtest/gtest.h>

namespace nanni {
namespace {

constexpr uint8_t kRequest = 0, kNote = 14;

// The seqs in effect and whose identity each carries ("seq" or "seq>identity").
std::vector<std::string> Effect(const ReportMoment& m, const std::vector<MomentInput>& in) {
  std::vector<EffectiveEvent> out;
  ApplyMoment(m, in, &out);
  std::vector<std::string> r;
  for (const EffectiveEvent& e : out) {
    uint64_t seq = in[e.input].seq;
    r.push_back(e.identity == seq ? std::to_string(seq) : std::to_string(seq) + ">" + std::to_string(e.identity));
  }
  return r;
}

TEST(EffectiveEventsTest, EventTimeOrderThenSeqAndBothCuts) {
  std::vector<MomentInput> in = {{1, 300, 10, kNote, 0}, {2, 100, 10, kNote, 0}, {3, 100, 20, kNote, 0},
                                 {4, 500, 10, kNote, 0}};
  ReportMoment all;
  EXPECT_EQ(Effect(all, in), (std::vector<std::string>{"2", "3", "1", "4"}));
  ReportMoment as_of;
  as_of.as_of.utc_micros = 300;  // inclusive
  EXPECT_EQ(Effect(as_of, in), (std::vector<std::string>{"2", "3", "1"}));
  as_of.recorded_by_utc_micros = 15;
  EXPECT_EQ(Effect(as_of, in), (std::vector<std::string>{"2", "1"}));
}

TEST(EffectiveEventsTest, ASameKindCorrectionReplacesAndTakesTheIdentity) {
  std::vector<MomentInput> in = {{1, 100, 1, kRequest, 0}, {2, 200, 1, kRequest, 1}, {3, 300, 1, kRequest, 1}};
  // The latest correction wins, under the original's identity.
  EXPECT_EQ(Effect(ReportMoment(), in), (std::vector<std::string>{"3>1"}));
  ReportMoment before_last;
  before_last.recorded_by_utc_micros = 1;
  before_last.as_of.utc_micros = 250;
  EXPECT_EQ(Effect(before_last, in), (std::vector<std::string>{"2>1"}));
}

TEST(EffectiveEventsTest, AnotherKindOrAMissingTargetStandsBeside) {
  std::vector<MomentInput> in = {{1, 100, 1, kRequest, 0}, {2, 200, 1, kNote, 1}, {3, 300, 1, kRequest, 9}};
  EXPECT_EQ(Effect(ReportMoment(), in), (std::vector<std::string>{"1", "2", "3"}));
  // A correction whose target the cut left out changes nothing either.
  std::vector<MomentInput> late = {{1, 500, 1, kRequest, 0}, {2, 200, 1, kRequest, 1}};
  ReportMoment m;
  m.as_of.utc_micros = 300;
  EXPECT_EQ(Effect(m, late), (std::vector<std::string>{"2"}));
}

TEST(EffectiveEventsTest, ACorrectionOfACorrectionCarriesItsOwnTarget) {
  // 2 replaces 1 (under 1's identity); 3 corrects 2 itself and so takes 2's identity, which no
  // longer answers for anything: the case file's behaviour, kept.
  std::vector<MomentInput> in = {{1, 100, 1, kRequest, 0}, {2, 200, 1, kRequest, 1}, {3, 300, 1, kRequest, 2}};
  EXPECT_EQ(Effect(ReportMoment(), in), (std::vector<std::string>{"3>2"}));
}

}  // namespace
}  // namespace nanni
