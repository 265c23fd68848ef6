// The generator's model of the portfolio: our staff, each account's profile and people, the
// planted situations, and the clock that turns local wall-clock times into Timestamps.
//
// Internal to src/generate; the public API is portfolio_generator.h.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "event/event.h"
#include "generate/rng.h"
#include "util/status.h"
#include "util/time.h"

namespace nanni {


// Days since 1970-01-01 of a civil date, and back (proleptic Gregorian).
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d);
void CivilFromDays(int64_t days, int64_t* y, unsigned* m, unsigned* d);

// 0 = Monday ... 6 = Sunday.
inline int Weekday(int64_t days) { return static_cast<int>(((days % 7) + 7 + 3) % 7); }

inline int64_t FloorDiv(int64_t a, int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

// Converts local wall-clock times of one IANA zone to Timestamps. Days inside the table come
// from it (one offset for the whole day unless the day has a transition); everything else,
// and the hours of a transition day, goes through LocalToTimestamp (earliest on ambiguity).
class ZoneClock {
 public:
  Status Init(std::string_view zone, int64_t first_day, int64_t last_day);
  Timestamp ToTimestamp(int64_t local_micros) const;

 private:
  std::string zone_;
  int64_t first_day_ = 0;
  std::vector<int32_t> offsets_;  // minutes; kMixed for a day with a transition
  static constexpr int32_t kMixed = INT32_MIN;
};

// The situations planted in the portfolio. kCutterHome is the account whose support team the
// handle-time cutter mostly works for; it is not a situation of its own.
enum class Planted : uint8_t {
  kNone,
  kDiscountBadgerer,
  kAbusiveCustomer,
  kStallingStakeholder,
  kHostileStakeholder,
  kQuietDrain,
  kAdvocate,
  kExecGap,
  kMissedPromiseWarned,
  kMissedPromiseUnwarned,
  kLegalThreat,
  kCutterHome,
  kLetGo,
  kImpossibleDeadline,
  kQuickWins,
  kJustifiedAnger,
};
constexpr int kPlantedAccounts = 15;  // kDiscountBadgerer .. kJustifiedAnger

// The planted accounts that share a trait: drains cost more to serve than they bring, abusers
// have a user who insults our team.
inline bool IsDrain(Planted p) { return p == Planted::kQuietDrain || p == Planted::kLetGo; }
inline bool IsAbuser(Planted p) { return p == Planted::kAbusiveCustomer || p == Planted::kLetGo; }

struct Person {
  Contact contact;
  std::string first;  // first name, for greetings
};

// Our company's people, shared by all accounts.
struct Staff {
  std::vector<Person> account_execs;  // level executive
  std::vector<Person> csms;           // customer-success managers, level manager
  std::vector<Person> vps;            // our executives escalations go to
  std::vector<Person> agents;         // support agents, ids "agent-001" ...
  Person billing;                     // the billing department (no level)
  int cutter = 0;                     // index into agents of the handle-time cutter
};

Staff BuildStaff(uint64_t seed);

// Index ranges into AccountProfile::people.
struct Range {
  int begin = 0, end = 0;
  int size() const { return end - begin; }
  bool empty() const { return begin == end; }
};

struct AccountProfile {
  int index = 0;
  std::string name;           // "Northwind Logistics GmbH"
  std::string slug;           // "northwind-logistics": the account id
  std::string domain;         // "northwind-logistics.de"
  int zone = 0;               // index into Zones()
  int tier = 0;               // 0 small, 1 mid, 2 large, 3 enterprise
  int64_t revenue_minor = 0;  // per year, in the account's currency
  std::string_view currency;
  bool quarterly_billing = false;
  // 0 pays within a few days of the due date, always; 1 pays every invoice 15-45 days late;
  // 2 pays most invoices 15-70 days late and some never.
  int payer = 0;
  Planted planted = Planted::kNone;
  int trend_pct = 0;   // volume change from the start to the end of the history, in per cent
  int busy_month = 1;  // one month of the year with more traffic

  // Their people, then ours. `special` is the planted person (-1 if none).
  std::vector<Person> people;
  Range execs, managers, users, agents;
  int finance = 0;  // their contact for invoices (a manager)
  int ae = 0, csm = 0, vp = 0, billing = 0;
  int special = -1;
  int cutter = -1;  // our handle-time cutter, when on this account's team
};

// Builds account `index`. `slugs` holds the ids taken so far and gets this one.
AccountProfile BuildAccount(uint64_t seed, int index, Planted planted, const Staff& staff,
                            std::set<std::string>* slugs);

// The natural number of events of an account per year, before target scaling.
int64_t NaturalEventsPerYear(uint64_t seed, int index, Planted planted);

}  // namespace nanni
