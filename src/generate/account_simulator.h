// AccountSimulator: plays out one account's history as a list of compact Items (which
// EventBuilder, event_builder.h, turns into Events).
//
// The simulator works in the account's local wall-clock time and stamps every Item with the
// real UTC offset of the moment. Items that would fall at or after the end of the history
// are never created, and an Item only ever refers to an Item created before it with an
// earlier time, so dropping the future never leaves a dangling reference.
//
// Internal to src/generate; the public API is portfolio_generator.h.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "event/event.h"
#include "generate/portfolio_model.h"
#include "generate/rng.h"
#include "generate/text_templates.h"

namespace nanni {

// One event to be, in a compact form (no strings). The meaning of the numeric and enum
// fields depends on the kind; EventBuilder documents it.
struct Item {
  int64_t utc = 0;
  int64_t when_utc = 0;  // due, or a contract's start; 0: none
  int64_t num = 0;       // amount_minor, handle_s, percent, contract value
  int64_t num2 = 0;      // queue_wait_s, invoice number, a contract's end (UTC)
  int32_t num3 = 0;      // ivr_s, incident number, contract years
  uint32_t seq = 0;      // 1-based creation order in the account: the number in the id
  uint32_t ref = 0;      // seq of the event answered or referred to; 0: none
  uint32_t thread = 0;   // 0: none
  uint32_t var_seed = 0;
  int16_t offset = 0;       // minutes
  int16_t when_offset = 0;  // minutes
  int16_t num2_offset = 0;  // minutes, for a contract's end
  int16_t from = -1;        // index into AccountProfile::people
  int16_t to[3] = {-1, -1, -1};
  EventKind kind = EventKind::kNote;
  uint8_t channel = 0;  // 0: none, else 1 + index into Channels()
  TextList subject = TextList::kNone, text = TextList::kNone, text2 = TextList::kNone,
           what = TextList::kNone;
  uint8_t subject_idx = 0, text_idx = 0, text2_idx = 0, what_idx = 0;
  uint8_t e1 = 0, e2 = 0, e3 = 0, e4 = 0;  // small per-kind enums
  uint8_t flags = 0;
};

constexpr uint8_t kFlagReply = 1;  // subject gets "Re: "

// Where the history lies, shared by all accounts.
struct Timeline {
  int64_t start_utc = 0, end_utc = 0;
  int64_t first_day = 0, last_day = 0;  // local days on which activities may start
  int months = 0;
};

class AccountSimulator {
 public:
  AccountSimulator(const Timeline& timeline, const ZoneClock& clock, const AccountProfile& account,
                   uint64_t seed, std::vector<Item>* items);

  // Appends the account's items to `items` (which must be empty), in creation order, until
  // there are at least `quota`, the fixed events (contract, billing, reviews, planted
  // situations) included. Item i has seq i + 1.
  void Run(uint64_t quota);

  // Calls the handle-time cutter took in this account.
  int cutter_calls() const { return cutter_calls_; }

 private:
  struct Mix;

  // Time.
  int64_t SampleDay(int max_permille);
  int64_t SampleLocal(bool business_only, int max_permille = 1000);
  int64_t AddBusinessMinutes(int64_t local, int64_t minutes) const;
  int64_t BusinessDaysLater(int64_t local, int days, int hour) const;
  bool IsRecent(int64_t local) const;

  // People.
  int PickTheirs(bool allow_exec);
  int PickTheirManagerOrExec();
  int PickAgent();
  bool ExecsTalkToUs() const { return account_.planted != Planted::kExecGap; }

  // Items.
  Item NewItem(EventKind kind, int from, uint32_t thread = 0);
  uint32_t Emit(Item* item, int64_t local);
  static void SetText(Item* item, TextList list, uint8_t idx);
  void SetTextRandom(Item* item, TextList list);
  void SetSecondLine(Item* item, TextList list);
  void SetWhat(Item* item, TextList list);
  void SetDue(Item* item, int64_t local);

  // Activities. `tone` is one of the Tone values in the .cc; -1 means "the planted person's".
  void Contract();
  void Billing();
  void Reviews();
  void PlantSituation();
  void Activity(const Mix& mix);
  void Thread(int64_t t, int from, int tone);
  uint32_t Answer(const Item& request, uint32_t request_seq, int64_t t, int64_t delay_min,
                  TextList list, int64_t* at);
  void FollowUp(const Item& request, uint32_t response_seq, int64_t t, int tone);
  void Call(int64_t t);
  void OurCommitment(int64_t t, int force_broken);
  void TheirCommitment(int64_t t, int promiser, int force_broken);
  void Deadline(int64_t t);
  void Incident(int64_t t, bool fast_fix);
  void Escalation(int64_t t, int from, bool to_our_execs);
  void Discount(int64_t t, int from);
  void Note(int64_t t);
  void Fyi(int64_t t);

  int64_t ResponseDelayMinutes(uint8_t channel);
  int BrokenPerMille() const;
  void Tone(Item* item, int tone);

  const Timeline& timeline_;
  const ZoneClock& clock_;
  const AccountProfile& account_;
  Rng rng_;
  std::vector<Item>* items_;
  const int64_t last_local_;  // the last local moment on which activities may start
  uint32_t threads_ = 0;
  int incidents_ = 0;
  int invoices_ = 0;
  int cutter_calls_ = 0;
};

}  // namespace nanni
