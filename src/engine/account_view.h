// AccountView: one account's events in effect at a report moment, read from the analytic
// index, with the links between them resolved to positions in that list (as the case file
// links them by id). Every portfolio analysis (engine/*_builder.cc) reads an account through
// one: the moment is applied once, by the layer every analysis shares
// (ledger/effective_events.h).
//
// A view borrows: the index, the moment, the account's seqs and the scratch buffers must
// outlive it. Positions (0 .. size()-1) are in event order; seq(i) is the ledger seq of the
// event at position i (the event in effect: a correction's, when one replaced it).
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

#include "event/event.h"
#include "event/kind.h"
#include "index/index_snapshot.h"
#include "ledger/effective_events.h"

namespace nanni {

inline bool Is(const Fact& f, EventKind kind) { return f.kind == static_cast<uint8_t>(kind); }
inline bool Ours(const Fact& f) { return f.from_side == static_cast<uint8_t>(Side::kOurs); }
inline bool Theirs(const Fact& f) { return f.from_side == static_cast<uint8_t>(Side::kTheirs); }

// Buffers an AccountView reuses from one account to the next (one per worker thread).
struct AccountScratch {
  std::vector<MomentInput> inputs;
  std::vector<EffectiveEvent> effective;
  std::vector<uint32_t> seqs, by_identity, first_reply, last_outcome;
  std::vector<uint8_t> updated;
};

// One account's events in effect at the moment, with the links between them resolved to
// positions in that list (as the case file links them by id).
class AccountView {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;

  // `account_seqs`: the account's events, in seq order (index/account_groups.h).
  AccountView(const IndexSnapshot& index, const ReportMoment& moment, std::span<const uint32_t> account_seqs,
              AccountScratch* scratch)
      : index_(index), moment_(moment), account_seqs_(account_seqs), s_(*scratch) {
    s_.inputs.resize(account_seqs.size());
    for (size_t i = 0; i < account_seqs.size(); ++i) {
      const Fact& f = index.fact(account_seqs[i]);
      s_.inputs[i] = MomentInput{account_seqs[i], f.time_utc_micros, index.recorded(account_seqs[i]), f.kind, f.corrects};
    }
    ApplyMoment(moment, s_.inputs, &s_.effective);
    // What answers for each identity: by_identity[j] is the position of the event that answers
    // for account_seqs[j].
    s_.seqs.clear();
    s_.by_identity.assign(account_seqs.size(), kNone);
    for (const EffectiveEvent& e : s_.effective) {
      const size_t j = e.identity == s_.inputs[e.input].seq ? e.input : Find(e.identity);
      s_.by_identity[j] = static_cast<uint32_t>(s_.seqs.size());
      s_.seqs.push_back(static_cast<uint32_t>(s_.inputs[e.input].seq));
    }
    Link();
  }
  AccountView(const AccountView&) = delete;
  AccountView& operator=(const AccountView&) = delete;

  size_t size() const { return s_.seqs.size(); }
  uint32_t seq(size_t i) const { return s_.seqs[i]; }
  const Fact& fact(size_t i) const { return index_.fact(s_.seqs[i]); }
  int64_t time(size_t i) const { return fact(i).time_utc_micros; }
  int64_t as_of() const { return moment_.as_of.utc_micros; }
  const IndexSnapshot& index() const { return index_; }

  // The first response that answers event i (in event order), the last commitment outcome
  // that settles it, and whether a status update refers to it.
  uint32_t FirstReply(size_t i) const { return s_.first_reply[i]; }
  uint32_t LastOutcome(size_t i) const { return s_.last_outcome[i]; }
  bool Updated(size_t i) const { return s_.updated[i] != 0; }
  // The commitment, deadline or outcome at position i (index promises()), or null.
  const PromiseFact* Promise(size_t i) const {
    const uint32_t r = index_.side_row(seq(i));
    return r == IndexSnapshot::kNoRecord ? nullptr : &index_.promises()[r];
  }
  // The position of the event in effect for `seq` (one of the account's), or kNone.
  uint32_t Position(uint64_t seq) const {
    if (seq == 0) return kNone;
    size_t j = Find(seq);
    return j < account_seqs_.size() ? s_.by_identity[j] : kNone;
  }

 private:
  void Link() {
    const size_t n = s_.seqs.size();
    s_.first_reply.assign(n, kNone);
    s_.last_outcome.assign(n, kNone);
    s_.updated.assign(n, 0);
    for (size_t i = 0; i < n; ++i) {
      const Fact& f = fact(i);
      auto target = [&](uint32_t seq) {
        if (seq == 0) return kNone;
        size_t j = Find(seq);
        return j < account_seqs_.size() ? s_.by_identity[j] : kNone;
      };
      if (Is(f, EventKind::kResponse)) {
        uint32_t t = target(f.reply_to);
        if (t != kNone && s_.first_reply[t] == kNone) s_.first_reply[t] = static_cast<uint32_t>(i);
      } else if (Is(f, EventKind::kStatusUpdate)) {
        if (uint32_t t = target(f.ref); t != kNone) s_.updated[t] = 1;
      } else if (Is(f, EventKind::kCommitmentOutcome)) {
        if (uint32_t t = target(f.ref); t != kNone) s_.last_outcome[t] = static_cast<uint32_t>(i);
      }
    }
  }

  // The index of `seq` in account_seqs_, or its size when the account has no such event.
  size_t Find(uint64_t seq) const {
    auto it = std::lower_bound(account_seqs_.begin(), account_seqs_.end(), seq);
    return it != account_seqs_.end() && *it == seq ? static_cast<size_t>(it - account_seqs_.begin())
                                                    : account_seqs_.size();
  }

  const IndexSnapshot& index_;
  const ReportMoment& moment_;
  std::span<const uint32_t> account_seqs_;
  AccountScratch& s_;
};

}  // namespace nanni
