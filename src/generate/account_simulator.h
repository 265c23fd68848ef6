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
#include <string_view>
#include <utility>
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
constexpr uint8_t kFlagCauseRecorded = 2;  // an escalation's `cause` attribute is written

// What caused an escalation (Item::e1 of an escalation): 1 + index into EscalationCauses().
enum EscalationCause : uint8_t {
  kCauseIncident = 1,
  kCauseBrokenPromise,
  kCauseUnanswered,
  kCauseRepeatRequest,
  kCauseBilling,
  kCauseOther,
};
// "incident", "broken_promise", "unanswered", "repeat_request", "billing", "other".
std::string_view EscalationCauseName(uint8_t cause);

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
  // A business-hours moment on a weekday between `max_days` and `min_days` days before the
  // last day of the history.
  int64_t RecentLocal(int min_days, int max_days);

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
  // A request thread. `force` 0 plays it out naturally; kForceUnanswered leaves it unanswered
  // with a chaser; kForceRepeat has it answered and asked again ("still broken"). Returns the
  // seq of the last ask of theirs in the thread (0 if none was emitted) and its time in *at.
  uint32_t Thread(int64_t t, int from, int tone, int force = 0, int64_t* at = nullptr);
  uint32_t Answer(const Item& request, uint32_t request_seq, int64_t t, int64_t delay_min,
                  TextList list, int64_t* at);
  // Returns the seq of a "still broken" request it made (0 if none), its time in *at.
  // `chased`: they chased the request before our answer.
  uint32_t FollowUp(const Item& request, uint32_t response_seq, int64_t t, int tone, bool repeat,
                    bool chased, int64_t* at);
  void Call(int64_t t);
  // Returns the seq of the outcome when the commitment was broken (0 otherwise), its time in
  // *at. A broken one is sometimes escalated by them (unless `no_escalation`).
  uint32_t OurCommitment(int64_t t, int force_broken, bool no_escalation = false,
                         int64_t* at = nullptr);
  void TheirCommitment(int64_t t, int promiser, int force_broken);
  void Deadline(int64_t t, bool impossible = false);
  // kind 0: natural; 1: fixed fast and thanked for (the advocate); 2: a long outage (5-9 h).
  // Returns the seq of the incident's start (0 if not emitted).
  uint32_t Incident(int64_t t, int kind);
  // An escalation of theirs and what caused it: an activity that plays out the cause first.
  void CausedEscalation(int64_t t);
  // `ref`: the event that caused it (0: none); `cause`: an EscalationCause.
  void Escalation(int64_t t, int from, bool to_our_execs, uint8_t cause = kCauseOther,
                  uint32_t ref = 0);
  void QuickWinDemand(int64_t t);
  void Discount(int64_t t, int from);
  void Note(int64_t t);
  void Fyi(int64_t t);

  int64_t ResponseDelayMinutes(uint8_t channel);
  int BrokenPerMille() const;
  // How many of `broken` (person, time) are `who`'s and within about half a year of `due`.
  static int BrokenNear(const std::vector<std::pair<int, int64_t>>& broken, int who, int64_t due);
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
  std::vector<uint32_t> reminders_;  // seqs of the overdue reminders, in creation order
  // The due dates of the commitments broken so far: ours (person -1) and theirs, by promiser.
  std::vector<std::pair<int, int64_t>> our_broken_, their_broken_;
  // Who of theirs escalated when (local time).
  std::vector<std::pair<int, int64_t>> escalated_;
};

}  // namespace nanni
