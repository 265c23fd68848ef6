#include "generate/account_simulator.h"

#include <algorithm>
#include <string_view>

namespace nanni {

namespace {

// 1 + index into Channels().
constexpr uint8_t kEmail = 1, kPhone = 2, kTicket = 3, kChat = 4, kMeeting = 6, kPortal = 7;

// Request priorities (1 + index into the schema's list).
constexpr uint8_t kLow = 1, kNormal = 2, kHigh = 3, kUrgent = 4;

// Item::e2 of a request beyond Topics(): an outage report.
constexpr uint8_t kTopicOutage = 100;

// Call outcomes and queues.
constexpr uint8_t kAnswered = 1, kAbandoned = 2, kDropped = 3, kTransferred = 4;
constexpr uint8_t kInbound = 1, kOutbound = 2;
constexpr std::string_view kQueues[] = {"billing", "technical", "general"};

// The tone of a planted person's words.
enum Tone { kPlain, kAbusive, kHostile, kLegal, kBadger };

// Thread(force).
constexpr int kForceUnanswered = 1, kForceRepeat = 2;

uint8_t QueueOf(std::string_view name) {
  for (uint8_t i = 0; i < std::size(kQueues); ++i) {
    if (kQueues[i] == name) return static_cast<uint8_t>(i + 1);
  }
  return 3;
}

}  // namespace

std::string_view EscalationCauseName(uint8_t cause) {
  static constexpr std::string_view kNames[] = {"incident", "broken_promise", "unanswered",
                                                "repeat_request", "billing", "other"};
  return cause >= 1 && cause <= std::size(kNames) ? kNames[cause - 1] : "other";
}

// Per-mille weights of the activities that fill an account's history.
struct AccountSimulator::Mix {
  int thread, call, our_commitment, their_commitment, deadline, incident, escalation, discount,
      note, fyi;
};

AccountSimulator::AccountSimulator(const Timeline& timeline, const ZoneClock& clock,
                                   const AccountProfile& account, uint64_t seed,
                                   std::vector<Item>* items)
    : timeline_(timeline),
      clock_(clock),
      account_(account),
      rng_(Mix64(seed, 0x51e0000 + static_cast<uint64_t>(account.index))),
      items_(items),
      last_local_((timeline.last_day + 1) * kMicrosPerDay - 1) {}

void AccountSimulator::Run(uint64_t quota) {
  Contract();
  Billing();
  Reviews();
  PlantSituation();
  const Planted p = account_.planted;
  Mix mix{470, 280, 45, 30, 15, 15, 15, 4, 50, 76};
  if (p == Planted::kDiscountBadgerer) mix = {380, 230, 45, 30, 15, 15, 15, 150, 50, 70};
  if (p == Planted::kAbusiveCustomer) mix = {480, 280, 40, 25, 15, 15, 40, 4, 50, 51};
  if (p == Planted::kStallingStakeholder) mix = {430, 250, 45, 110, 15, 15, 15, 4, 50, 66};
  if (p == Planted::kHostileStakeholder) mix = {460, 260, 50, 30, 15, 0, 30, 4, 70, 81};
  if (IsDrain(p)) mix = {330, 500, 30, 20, 10, 15, 70, 4, 10, 11};
  if (p == Planted::kJustifiedAnger) mix = {460, 260, 60, 30, 15, 15, 30, 4, 50, 76};
  if (p == Planted::kMissedPromiseWarned || p == Planted::kMissedPromiseUnwarned) {
    mix = {430, 260, 120, 30, 15, 15, 15, 4, 50, 61};
  }
  if (p == Planted::kLegalThreat) mix = {470, 280, 45, 30, 15, 15, 30, 4, 50, 61};
  int idle = 0;
  while (items_->size() < quota && idle < 1000) {
    size_t before = items_->size();
    Activity(mix);
    idle = items_->size() == before ? idle + 1 : 0;
  }
}

// --- Time -----------------------------------------------------------------------------------

int64_t AccountSimulator::SampleDay(int max_permille) {
  int64_t span = timeline_.last_day - timeline_.first_day + 1;
  int64_t last = timeline_.first_day + std::max<int64_t>(1, span * max_permille / 1000) - 1;
  static constexpr int64_t kWeekday[] = {130, 110, 105, 100, 85, 6, 4};
  constexpr int64_t kMax = 130 * 150 * 180;
  while (true) {
    int64_t day = rng_.Between(timeline_.first_day, last);
    int64_t y;
    unsigned m, d;
    CivilFromDays(day, &y, &m, &d);
    int64_t season = static_cast<int>(m) == account_.busy_month ? 150
                     : m == 12                                  ? 70
                     : m == 8                                   ? 85
                                                                : 100;
    int64_t trend = 100 + account_.trend_pct * (day - timeline_.first_day) / span;
    if (static_cast<int64_t>(rng_.Below(kMax)) < kWeekday[Weekday(day)] * season * trend)
      return day;
  }
}

int64_t AccountSimulator::SampleLocal(bool business_only, int max_permille) {
  int64_t day = SampleDay(max_permille);
  while (business_only && Weekday(day) >= 5) day = SampleDay(max_permille);
  int64_t minute;
  uint64_t r = business_only ? 0 : rng_.Below(1000);
  if (r < 880) {
    // Two humps: late morning and mid afternoon.
    int64_t base = rng_.Chance(550) ? 8 * 60 : 13 * 60;
    minute =
        base + (static_cast<int64_t>(rng_.Below(300)) + static_cast<int64_t>(rng_.Below(300))) / 2;
  } else if (r < 970) {
    minute = 18 * 60 + static_cast<int64_t>(rng_.Below(4 * 60));
  } else {
    minute = 6 * 60 + 30 + static_cast<int64_t>(rng_.Below(90));
  }
  return day * kMicrosPerDay + minute * kMicrosPerMinute + rng_.Between(0, 59) * 1'000'000;
}

int64_t AccountSimulator::AddBusinessMinutes(int64_t local, int64_t minutes) const {
  int64_t t = local;
  while (true) {
    int64_t day = FloorDiv(t, kMicrosPerDay);
    int64_t open = day * kMicrosPerDay + 8 * kMicrosPerHour;
    int64_t close = day * kMicrosPerDay + 18 * kMicrosPerHour;
    if (Weekday(day) >= 5 || t >= close) {
      t = (day + 1) * kMicrosPerDay + 8 * kMicrosPerHour;
      continue;
    }
    if (t < open) t = open;
    int64_t available = (close - t) / kMicrosPerMinute;
    if (minutes <= available) return t + minutes * kMicrosPerMinute;
    minutes -= available;
    t = (day + 1) * kMicrosPerDay + 8 * kMicrosPerHour;
  }
}

int64_t AccountSimulator::BusinessDaysLater(int64_t local, int days, int hour) const {
  int64_t day = FloorDiv(local, kMicrosPerDay);
  while (days > 0) {
    ++day;
    if (Weekday(day) < 5) --days;
  }
  return day * kMicrosPerDay + hour * kMicrosPerHour;
}

bool AccountSimulator::IsRecent(int64_t local) const {
  return local > last_local_ - 45 * kMicrosPerDay;
}

int64_t AccountSimulator::RecentLocal(int min_days, int max_days) {
  int64_t lo = std::max(timeline_.first_day, timeline_.last_day - max_days);
  int64_t hi = std::max(lo, timeline_.last_day - min_days);
  int64_t day = rng_.Between(lo, hi);
  while (Weekday(day) >= 5 && day > lo) --day;
  while (Weekday(day) >= 5) ++day;
  return day * kMicrosPerDay + rng_.Between(9 * 60, 16 * 60) * kMicrosPerMinute +
         rng_.Between(0, 59) * 1'000'000;
}

// --- People ---------------------------------------------------------------------------------

int AccountSimulator::PickTheirs(bool allow_exec) {
  const AccountProfile& a = account_;
  bool talker = IsAbuser(a.planted) || a.planted == Planted::kHostileStakeholder ||
                a.planted == Planted::kLegalThreat || a.planted == Planted::kJustifiedAnger;
  int share = a.planted == Planted::kLegalThreat ? 120 : 220;
  if (talker && a.special >= 0 && rng_.Chance(share)) return a.special;
  uint64_t r = rng_.Below(100);
  auto in = [&](Range range) { return range.begin + static_cast<int>(rng_.Below(range.size())); };
  if (allow_exec && ExecsTalkToUs() && r < 5) return in(a.execs);
  if (r < 30) return in(a.managers);
  return in(a.users);
}

int AccountSimulator::PickTheirManagerOrExec() {
  const AccountProfile& a = account_;
  if (ExecsTalkToUs() && rng_.Chance(300))
    return a.execs.begin + static_cast<int>(rng_.Below(a.execs.size()));
  return a.managers.begin + static_cast<int>(rng_.Below(a.managers.size()));
}

int AccountSimulator::PickAgent() {
  const AccountProfile& a = account_;
  if (a.cutter >= 0 && rng_.Chance(a.planted == Planted::kCutterHome ? 550 : 300)) return a.cutter;
  return a.agents.begin + static_cast<int>(rng_.Below(a.agents.size()));
}

// --- Items ----------------------------------------------------------------------------------

Item AccountSimulator::NewItem(EventKind kind, int from, uint32_t thread) {
  Item item;
  item.kind = kind;
  item.from = static_cast<int16_t>(from);
  item.thread = thread;
  item.var_seed = static_cast<uint32_t>(rng_.Next());
  return item;
}

uint32_t AccountSimulator::Emit(Item* item, int64_t local) {
  local -= local % 1'000'000;  // whole seconds, as sources write them
  Timestamp t = clock_.ToTimestamp(local);
  if (t.utc_micros < timeline_.start_utc || t.utc_micros >= timeline_.end_utc) return 0;
  item->utc = t.utc_micros;
  item->offset = static_cast<int16_t>(t.offset_minutes);
  item->seq = static_cast<uint32_t>(items_->size() + 1);
  items_->push_back(*item);
  return item->seq;
}

void AccountSimulator::SetText(Item* item, TextList list, uint8_t idx) {
  item->text = list;
  item->text_idx = idx;
}

void AccountSimulator::SetTextRandom(Item* item, TextList list) {
  SetText(item, list, static_cast<uint8_t>(rng_.Below(Texts(list).size())));
}

void AccountSimulator::SetSecondLine(Item* item, TextList list) {
  item->text2 = list;
  item->text2_idx = static_cast<uint8_t>(rng_.Below(Texts(list).size()));
}

void AccountSimulator::SetWhat(Item* item, TextList list) {
  item->what = list;
  item->what_idx = static_cast<uint8_t>(rng_.Below(Texts(list).size()));
}

void AccountSimulator::SetDue(Item* item, int64_t local) {
  Timestamp t = clock_.ToTimestamp(local);
  item->when_utc = t.utc_micros;
  item->when_offset = static_cast<int16_t>(t.offset_minutes);
}

// Copies what an answer shares with the event it answers: thread, subject, words.
static Item Reply(const Item& to, EventKind kind, int from) {
  Item item;
  item.kind = kind;
  item.from = static_cast<int16_t>(from);
  item.thread = to.thread;
  item.var_seed = to.var_seed;
  item.channel = to.channel;
  item.subject = to.subject;
  item.subject_idx = to.subject_idx;
  item.flags = to.subject != TextList::kNone ? kFlagReply : 0;
  item.what = to.what;
  item.what_idx = to.what_idx;
  item.to[0] = to.from;
  return item;
}

// --- Fixed events ---------------------------------------------------------------------------

void AccountSimulator::Contract() {
  const AccountProfile& a = account_;
  int64_t day = timeline_.first_day + rng_.Between(0, 6);
  while (Weekday(day) >= 5) ++day;
  int64_t t = day * kMicrosPerDay + rng_.Between(10 * 60, 16 * 60) * kMicrosPerMinute;
  int years = static_cast<int>(rng_.Between(1, 3));
  Item c = NewItem(EventKind::kContract, a.ae);
  if (ExecsTalkToUs()) {
    c.to[0] = static_cast<int16_t>(a.execs.begin);
  } else {
    c.from = static_cast<int16_t>(a.execs.begin);  // their executive signs; nobody of ours
  }
  SetDue(&c, timeline_.first_day * kMicrosPerDay);  // the term starts with the history
  int64_t y;
  unsigned m, d;
  CivilFromDays(timeline_.first_day, &y, &m, &d);
  int64_t end_day = DaysFromCivil(y + years, m, d > 28 ? 28 : d);
  if (a.planted == Planted::kStallingStakeholder) {
    // The renewal is open at the end: the term ends 30-100 days after the history does.
    end_day = timeline_.last_day + rng_.Between(30, 100);
    years = static_cast<int>(std::max<int64_t>(1, (end_day - timeline_.first_day + 182) / 365));
  }
  Timestamp ends = clock_.ToTimestamp(end_day * kMicrosPerDay);
  c.num2 = ends.utc_micros;
  c.num2_offset = static_cast<int16_t>(ends.offset_minutes);
  c.num3 = years;
  c.num = a.revenue_minor * years;
  SetTextRandom(&c, TextList::kContractText);
  Emit(&c, t);
}

void AccountSimulator::Billing() {
  const AccountProfile& a = account_;
  int64_t y;
  unsigned m, d;
  CivilFromDays(timeline_.first_day, &y, &m, &d);
  int64_t per_period = a.revenue_minor / (a.quarterly_billing ? 4 : 12);
  while (true) {
    m += 1;
    if (m > 12) {
      m -= 12;
      ++y;
    }
    int64_t day = DaysFromCivil(y, m, 1);
    if (day > timeline_.last_day) break;
    if (a.quarterly_billing && (m - 1) % 3 != 0) continue;
    while (Weekday(day) >= 5) ++day;
    int64_t t = day * kMicrosPerDay + rng_.Between(9 * 60, 11 * 60) * kMicrosPerMinute;
    int64_t k = ++invoices_;
    Item inv = NewItem(EventKind::kInvoice, a.billing);
    inv.to[0] = static_cast<int16_t>(a.finance);
    inv.channel = kEmail;
    inv.num = per_period * rng_.Between(97, 103) / 100;
    inv.num2 = k;
    inv.subject = TextList::kInvoiceSubject;
    SetDue(&inv, t + 30 * kMicrosPerDay);
    uint32_t seq = Emit(&inv, t);
    if (seq == 0) continue;

    int64_t delay = -1;  // days; -1: never paid
    uint64_t r = rng_.Below(100);
    // Due at +30 days: on time means within a few days of it, late means 15 days or more.
    if (a.payer == 0) delay = rng_.Between(22, 32);
    if (a.payer == 1) delay = rng_.Between(45, 75);
    if (a.payer == 2) delay = r < 20 ? -1 : rng_.Between(45, 100);
    if (delay >= 0) {
      int64_t pay_day = day + delay;
      while (Weekday(pay_day) >= 5) ++pay_day;
      Item pay = NewItem(EventKind::kPayment, a.finance);
      pay.to[0] = static_cast<int16_t>(a.billing);
      pay.num = inv.num;
      pay.num2 = k;
      Emit(&pay, pay_day * kMicrosPerDay + rng_.Between(10 * 60, 15 * 60) * kMicrosPerMinute);
    }
    if (delay < 0 || delay > 37) {
      int64_t remind_day = day + 37;
      while (Weekday(remind_day) >= 5) ++remind_day;
      Item reminder = Reply(inv, EventKind::kMessage, a.billing);
      reminder.to[0] = static_cast<int16_t>(a.finance);
      reminder.ref = seq;
      reminder.num2 = k;
      reminder.when_utc = inv.when_utc;
      reminder.when_offset = inv.when_offset;
      SetTextRandom(&reminder, TextList::kOverdueReminder);
      uint32_t r_seq = Emit(&reminder, remind_day * kMicrosPerDay + 9 * kMicrosPerHour);
      if (r_seq != 0) reminders_.push_back(r_seq);
    }
  }
}

void AccountSimulator::Reviews() {
  const AccountProfile& a = account_;
  int every = a.tier == 0 ? 6 : 3;
  int64_t y;
  unsigned m, d;
  CivilFromDays(timeline_.first_day, &y, &m, &d);
  for (int month = 2; month <= timeline_.months; month += every) {
    int64_t mm = static_cast<int64_t>(m) - 1 + month;
    int64_t day =
        DaysFromCivil(y + mm / 12, static_cast<unsigned>(mm % 12 + 1), 1) + rng_.Between(4, 24);
    while (Weekday(day) >= 5) ++day;
    if (day > timeline_.last_day) break;
    Item qbr = NewItem(EventKind::kMessage, ExecsTalkToUs() ? a.ae : a.csm, ++threads_);
    qbr.channel = kMeeting;
    int n = 0;
    if (ExecsTalkToUs())
      qbr.to[n++] = static_cast<int16_t>(a.execs.begin + rng_.Below(a.execs.size()));
    qbr.to[n++] = static_cast<int16_t>(a.managers.begin + rng_.Below(a.managers.size()));
    qbr.to[n++] = static_cast<int16_t>(ExecsTalkToUs() ? a.csm : a.users.begin);
    qbr.subject = TextList::kQbrSubject;
    qbr.subject_idx = static_cast<uint8_t>(rng_.Below(Texts(TextList::kQbrSubject).size()));
    SetTextRandom(&qbr, TextList::kQbrText);
    Emit(&qbr, day * kMicrosPerDay + rng_.Between(10 * 60, 16 * 60) * kMicrosPerMinute);
  }
}

void AccountSimulator::PlantSituation() {
  const AccountProfile& a = account_;
  const int months = timeline_.months;
  auto at = [&](bool business) { return SampleLocal(business, 920); };
  switch (a.planted) {
    case Planted::kDiscountBadgerer:
      for (int i = 0; i < std::max(8, months); ++i) Discount(at(true), a.special);
      break;
    case Planted::kAbusiveCustomer:
    case Planted::kLetGo:
      for (int i = 0; i < std::max(6, months / 2); ++i) Thread(at(false), a.special, kAbusive);
      // Recent enough for a year's window to show it.
      for (int i = 0; i < 3; ++i) Thread(RecentLocal(10, 300), a.special, kAbusive);
      break;
    case Planted::kStallingStakeholder:
      for (int i = 0; i < std::max(5, months / 3); ++i) TheirCommitment(at(true), a.special, 1);
      // Half a year's window always shows the stalling.
      for (int i = 0; i < 3; ++i) TheirCommitment(RecentLocal(20, 170), a.special, 1);
      break;
    case Planted::kHostileStakeholder:
      for (int i = 0; i < std::max(5, months / 3); ++i) Thread(at(false), a.special, kHostile);
      for (int i = 0; i < 3; ++i) Escalation(at(true), a.special, true);
      // Half a year's window always shows the hostility.
      for (int i = 0; i < 3; ++i) Thread(RecentLocal(10, 170), a.special, kHostile);
      Escalation(RecentLocal(10, 170), a.special, true);
      break;
    case Planted::kAdvocate:
      // Within the last year, so that a year's window holds both.
      for (int i = 0; i < 2; ++i) Incident(RecentLocal(20, 330), 1);
      break;
    case Planted::kMissedPromiseWarned:
    case Planted::kMissedPromiseUnwarned:
      for (int i = 0; i < std::max(4, months / 4); ++i) OurCommitment(at(true), 1);
      for (int i = 0; i < 3; ++i) OurCommitment(RecentLocal(30, 170), 1);
      break;
    case Planted::kLegalThreat:
      for (int i = 0; i < std::max(4, months / 4); ++i) Thread(at(false), a.special, kLegal);
      Escalation(at(true), a.special, true);
      // A recent legal threat whose complaint is still unanswered at the end.
      Thread(RecentLocal(5, 50), a.special, kLegal, kForceUnanswered);
      break;
    case Planted::kImpossibleDeadline:
      // Their manager sets next-day deadlines for work that takes us weeks.
      for (int i = 0; i < 3; ++i) Deadline(RecentLocal(4, 55), true);
      break;
    case Planted::kQuickWins: QuickWinDemand(RecentLocal(50, 75)); break;
    case Planted::kJustifiedAnger:
      // Angry threats, with grounds: long outages, promises broken, slow answers.
      for (int i = 0; i < std::max(5, months / 3); ++i) Thread(at(false), a.special, kHostile);
      for (int i = 0; i < 3; ++i) Thread(RecentLocal(10, 170), a.special, kHostile);
      for (int i = 0; i < 2; ++i) {
        uint32_t start = Incident(RecentLocal(10, 170), 2);
        if (start == 0) continue;
        const Item& inc = (*items_)[start - 1];
        int64_t local = inc.utc + int64_t{inc.offset} * kMicrosPerMinute;
        Escalation(local + rng_.Between(30, 150) * kMicrosPerMinute, a.special, true,
                   kCauseIncident, start);
      }
      for (int i = 0; i < 4; ++i) OurCommitment(RecentLocal(15, 170), 1, true);
      break;
    default: break;
  }
}

// --- Activities -----------------------------------------------------------------------------

void AccountSimulator::Activity(const Mix& mix) {
  int r = static_cast<int>(rng_.Below(1000));
  if ((r -= mix.thread) < 0) {
    int from = PickTheirs(true);
    Thread(SampleLocal(false), from, from == account_.special ? -1 : kPlain);
  } else if ((r -= mix.call) < 0) {
    Call(SampleLocal(true));
  } else if ((r -= mix.our_commitment) < 0) {
    OurCommitment(SampleLocal(true), -1);
  } else if ((r -= mix.their_commitment) < 0) {
    bool staller = account_.planted == Planted::kStallingStakeholder && rng_.Chance(800);
    TheirCommitment(SampleLocal(true), staller ? account_.special : PickTheirs(false), -1);
  } else if ((r -= mix.deadline) < 0) {
    Deadline(SampleLocal(true));
  } else if ((r -= mix.incident) < 0) {
    if (account_.planted != Planted::kHostileStakeholder) Incident(SampleLocal(false), 0);
  } else if ((r -= mix.escalation) < 0) {
    CausedEscalation(SampleLocal(true));
  } else if ((r -= mix.discount) < 0) {
    bool badger = account_.planted == Planted::kDiscountBadgerer && rng_.Chance(700);
    Discount(SampleLocal(true), badger ? account_.special : PickTheirManagerOrExec());
  } else if ((r -= mix.note) < 0) {
    Note(SampleLocal(true));
  } else {
    Fyi(SampleLocal(false));
  }
}

// The tone a planted person writes in, or kPlain.
void AccountSimulator::Tone(Item* item, int tone) {
  switch (tone) {
    case kAbusive:
      if (rng_.Chance(500)) {
        item->subject = TextList::kAbusiveSubject;
        item->subject_idx =
            static_cast<uint8_t>(rng_.Below(Texts(TextList::kAbusiveSubject).size()));
      }
      if (rng_.Chance(400)) {
        SetTextRandom(item, TextList::kAbusiveLine);
      } else {
        SetSecondLine(item, TextList::kAbusiveLine);
      }
      break;
    case kHostile: SetSecondLine(item, TextList::kHostileLine); break;
    case kLegal:
      if (rng_.Chance(300)) {
        item->subject = TextList::kLegalSubject;
        item->subject_idx = static_cast<uint8_t>(rng_.Below(Texts(TextList::kLegalSubject).size()));
      }
      SetSecondLine(item, TextList::kLegalLine);
      break;
    case kBadger: SetSecondLine(item, TextList::kBadgerLine); break;
    default:
      if (rng_.Chance(60)) SetSecondLine(item, TextList::kDemandingAddOn);
      break;
  }
}

// The tone of the account's planted person (tone -1), some of the time.
static int SpecialTone(Planted planted, Rng* rng) {
  switch (planted) {
    case Planted::kAbusiveCustomer:
    case Planted::kLetGo: return rng->Chance(850) ? kAbusive : kPlain;
    case Planted::kHostileStakeholder:
    case Planted::kJustifiedAnger: return rng->Chance(700) ? kHostile : kPlain;
    case Planted::kLegalThreat: return rng->Chance(350) ? kLegal : kPlain;
    case Planted::kDiscountBadgerer: return rng->Chance(600) ? kBadger : kPlain;
    default: return kPlain;
  }
}

int64_t AccountSimulator::ResponseDelayMinutes(uint8_t channel) {
  const Planted p = account_.planted;
  bool fast = p == Planted::kHostileStakeholder || p == Planted::kAdvocate;
  if (p == Planted::kJustifiedAnger) {
    // Slow everywhere: a median first answer of two business days.
    return std::min<int64_t>(600 + rng_.LogNormal(channel == kChat ? 300 : 800, 700), 30 * 600);
  }
  if (channel == kChat) return 1 + rng_.LogNormal(4, 800);
  int64_t median = fast ? 25 : IsDrain(p) ? 240 : 150;
  return std::min<int64_t>(1 + rng_.LogNormal(median, fast ? 700 : 1100), 30 * 600);
}

uint32_t AccountSimulator::Thread(int64_t t, int from, int tone, int force, int64_t* ask_at) {
  const AccountProfile& a = account_;
  if (tone < 0) tone = SpecialTone(a.planted, &rng_);
  Item req = NewItem(EventKind::kRequest, from, ++threads_);
  uint64_t r = rng_.Below(100);
  req.channel = r < 40 ? kEmail : r < 70 ? kTicket : r < 85 ? kPortal : kChat;
  if (force == kForceUnanswered && req.channel == kChat) req.channel = kEmail;
  const auto topics = Topics();
  uint8_t topic = static_cast<uint8_t>(rng_.Below(topics.size()));
  req.e2 = topic + 1;
  req.subject = topics[topic].subjects;
  req.subject_idx = static_cast<uint8_t>(rng_.Below(Texts(req.subject).size()));
  SetText(&req, topics[topic].bodies, req.subject_idx);  // subject i goes with body i
  if (req.channel == kEmail) req.to[0] = static_cast<int16_t>(a.csm);
  if (req.channel == kChat) req.to[0] = static_cast<int16_t>(PickAgent());
  bool cc_exec = req.channel == kEmail && !a.execs.empty() && from >= a.managers.begin &&
                 rng_.Chance(ExecsTalkToUs() ? 40 : 150);
  if (cc_exec) req.to[1] = static_cast<int16_t>(a.execs.begin + rng_.Below(a.execs.size()));
  r = rng_.Below(100);
  req.e1 = r < 10 ? kLow : r < 68 ? kNormal : r < 92 ? kHigh : kUrgent;
  if (rng_.Chance(100))
    SetDue(&req, BusinessDaysLater(t, static_cast<int>(rng_.Between(1, 7)), 17));
  Tone(&req, tone);
  uint32_t seq = Emit(&req, t);
  if (seq == 0) return 0;
  uint32_t last_ask = seq;
  int64_t last_at = t;
  auto done = [&]() {
    if (ask_at != nullptr) *ask_at = last_at;
    return last_ask;
  };

  bool fast = a.planted == Planted::kHostileStakeholder || a.planted == Planted::kAdvocate;
  int unanswered = IsRecent(t) ? 150 : fast ? 3 : IsDrain(a.planted) ? 60 : 25;
  if (force == kForceRepeat) unanswered = 0;
  if (force == kForceUnanswered || rng_.Chance(unanswered)) {
    if (force == kForceUnanswered || rng_.Chance(600)) {
      Item chaser = Reply(req, EventKind::kMessage, from);
      chaser.to[0] = req.to[0];
      chaser.ref = seq;
      SetTextRandom(&chaser, TextList::kChaser);
      Tone(&chaser, tone == kAbusive ? kAbusive : kPlain);
      int64_t when = AddBusinessMinutes(t, rng_.Between(600, 2400));
      uint32_t c = Emit(&chaser, when);
      if (c != 0) last_ask = c, last_at = when;
    }
    return done();
  }
  int64_t delay = ResponseDelayMinutes(req.channel);
  if (delay > 600 && rng_.Chance(500) && force != kForceRepeat) {
    Item chaser = Reply(req, EventKind::kMessage, from);
    chaser.to[0] = req.to[0];
    chaser.ref = seq;
    SetTextRandom(&chaser, TextList::kChaser);
    Tone(&chaser, tone == kAbusive ? kAbusive : kPlain);
    int64_t when = AddBusinessMinutes(t, delay / 2);
    uint32_t c = Emit(&chaser, when);
    if (c != 0) last_ask = c, last_at = when;
  }
  bool technical = topics[topic].technical;
  TextList list = req.channel == kChat ? TextList::kChatResponse
                  : technical          ? TextList::kTechnicalResponse
                                       : TextList::kAdminResponse;
  int64_t at = 0;
  uint32_t resp = Answer(req, seq, t, delay, list, &at);
  if (resp == 0) return done();
  int64_t again_at = 0;
  uint32_t again = FollowUp(req, resp, at, tone, force == kForceRepeat, last_ask != seq, &again_at);
  if (again != 0) last_ask = again, last_at = again_at;
  if (force == kForceRepeat && again == 0) return 0;  // the repeat fell after the end
  return done();
}

uint32_t AccountSimulator::Answer(const Item& request, uint32_t request_seq, int64_t t,
                                  int64_t delay_min, TextList list, int64_t* at) {
  int responder = request.to[0] >= 0 && account_.people[request.to[0]].contact.side == Side::kOurs
                      ? request.to[0]
                      : PickAgent();
  Item resp = Reply(request, EventKind::kResponse, responder);
  resp.ref = request_seq;
  SetTextRandom(&resp, list);
  *at = AddBusinessMinutes(t, delay_min) + rng_.Between(0, 59) * 1'000'000;
  return Emit(&resp, *at);
}

uint32_t AccountSimulator::FollowUp(const Item& request, uint32_t response_seq, int64_t t,
                                    int tone, bool repeat, bool chased, int64_t* at) {
  const Item response = (*items_)[response_seq - 1];
  uint64_t r = repeat ? 350 : rng_.Below(1000);
  // A request they had to chase is not asked a third time: one person asks a demand once or
  // twice.
  if (chased && r >= 300) return 0;
  if (r < 300) {
    Item ok = Reply(response, EventKind::kMessage, request.from);
    ok.ref = response_seq;
    SetTextRandom(&ok, TextList::kFollowUpResolved);
    Emit(&ok, AddBusinessMinutes(t, rng_.Between(10, 600)));
  } else if (r < 420) {
    Item again = Reply(response, EventKind::kRequest, request.from);
    again.ref = response_seq;
    again.e2 = request.e2;
    again.e1 = request.e1;
    SetTextRandom(&again, TextList::kFollowUpStillBroken);
    Tone(&again, tone == kAbusive ? kAbusive : tone == kLegal ? kLegal : kPlain);
    int64_t when = AddBusinessMinutes(t, rng_.Between(30, 1500));
    uint32_t seq = Emit(&again, when);
    if (seq == 0) return 0;
    *at = when;
    if (!rng_.Chance(800)) return seq;
    Item second = Reply(again, EventKind::kResponse, response.from);
    second.ref = seq;
    SetTextRandom(&second, TextList::kSecondResponse);
    Emit(&second, AddBusinessMinutes(when, ResponseDelayMinutes(again.channel)));
    return seq;
  }
  return 0;
}

void AccountSimulator::Call(int64_t t) {
  const AccountProfile& a = account_;
  const Planted p = a.planted;
  bool fast = p == Planted::kHostileStakeholder || p == Planted::kAdvocate;
  Item call = NewItem(EventKind::kCall, PickTheirs(true));
  call.channel = kPhone;
  call.var_seed = 0;
  if (rng_.Chance(100)) {  // we call them
    call.from = static_cast<int16_t>(a.csm);
    call.to[0] = static_cast<int16_t>(PickTheirs(true));
    call.e3 = kOutbound;
    call.e2 = 3;
    call.e1 = kAnswered;
    call.num = rng_.LogNormal(420, 600);
    Emit(&call, t);
    return;
  }
  call.e3 = kInbound;
  call.e2 = QueueOf(Topics()[rng_.Below(Topics().size())].queue);
  call.num3 = static_cast<int32_t>(rng_.Between(10, 90));
  int64_t wait = rng_.LogNormal(fast ? 25 : IsDrain(p) ? 110 : 60, 1000);
  int64_t patience = rng_.LogNormal(330, 700);
  if (wait > patience) {
    call.e1 = kAbandoned;
    call.num2 = patience;
    Emit(&call, t);
    return;
  }
  call.num2 = wait;
  int agent = PickAgent();
  call.to[0] = static_cast<int16_t>(agent);
  if (agent == a.cutter) {
    // Complex calls are cut off just below the 600 s handle-time target.
    if (rng_.Chance(680)) {
      call.num = rng_.Between(548, 598);
      call.e1 = rng_.Chance(750) ? kDropped : kAnswered;
    } else {
      call.num = std::min<int64_t>(rng_.LogNormal(240, 500), 530);
      call.e1 = kAnswered;
    }
    if (Emit(&call, t) != 0) ++cutter_calls_;
    return;
  }
  call.num = 20 + rng_.LogNormal(IsDrain(p) ? 1000 : 330, 600);
  uint64_t r = rng_.Below(1000);
  call.e1 = kAnswered;
  if (r < 70) {
    call.e1 = kTransferred;
    call.e4 = static_cast<uint8_t>(call.e2 % 3 + 1);
  } else if (r < 85 && !fast) {
    call.e1 = kDropped;
  }
  Emit(&call, t);
}

int AccountSimulator::BrokenNear(const std::vector<std::pair<int, int64_t>>& broken, int who,
                                 int64_t due) {
  constexpr int64_t kSpan = 200 * kMicrosPerDay;  // half a year, and the days to settle
  int n = 0;
  for (const auto& [person, when] : broken) {
    n += person == who && when > due - kSpan && when < due + kSpan;
  }
  return n;
}

int AccountSimulator::BrokenPerMille() const {
  switch (account_.planted) {
    case Planted::kMissedPromiseWarned:
    case Planted::kMissedPromiseUnwarned: return 550;
    case Planted::kJustifiedAnger: return 500;
    case Planted::kHostileStakeholder: return 0;
    case Planted::kAdvocate: return 30;
    // Rare enough that no unplanted account breaks 40% of its promises in half a year.
    default: return 50;
  }
}

uint32_t AccountSimulator::OurCommitment(int64_t t, int force_broken, bool no_escalation,
                                         int64_t* broken_at) {
  const AccountProfile& a = account_;
  const Planted p = a.planted;
  int promiser = rng_.Chance(700) ? a.csm : PickAgent();
  Item c = NewItem(EventKind::kCommitment, promiser, ++threads_);
  c.channel = kEmail;
  c.to[0] = static_cast<int16_t>(PickTheirs(true));
  c.e1 = 1;
  SetWhat(&c, TextList::kOurWhat);
  SetTextRandom(&c, TextList::kCommitmentText);
  int64_t due = BusinessDaysLater(t, static_cast<int>(rng_.Between(2, 12)), 17);
  SetDue(&c, due);
  uint32_t seq = Emit(&c, t);
  if (seq == 0) return 0;

  bool broken = force_broken == 1 || (force_broken < 0 && rng_.Chance(BrokenPerMille()));
  // Outside the accounts where we break promises, an unlucky streak never adds up to three
  // broken in half a year.
  const bool breaker = p == Planted::kMissedPromiseWarned ||
                       p == Planted::kMissedPromiseUnwarned || p == Planted::kJustifiedAnger;
  if (broken && force_broken < 0 && !breaker && BrokenNear(our_broken_, -1, due) >= 2) {
    broken = false;
  }
  if (broken) our_broken_.emplace_back(-1, due);
  bool warn = broken && (p == Planted::kMissedPromiseWarned ||
                         (p != Planted::kMissedPromiseUnwarned && rng_.Chance(400)));
  bool on_track = !broken && rng_.Chance(150);
  int64_t last = t;
  if (warn || on_track) {
    int64_t u = t + (due - t) * rng_.Between(35, 85) / 100;
    u = std::min(AddBusinessMinutes(u, 0), due - kMicrosPerHour);
    Item update = Reply(c, EventKind::kStatusUpdate, promiser);
    update.to[0] = c.to[0];
    update.ref = seq;
    update.what = c.what;
    update.what_idx = c.what_idx;
    update.when_utc = c.when_utc;
    update.when_offset = c.when_offset;
    SetTextRandom(&update, warn ? TextList::kWarnUpdate : TextList::kOnTrackUpdate);
    if (Emit(&update, u) == 0) return 0;
    last = u;
  }
  int64_t when;
  if (broken) {
    when = AddBusinessMinutes(due, rng_.Between(60, 3000));
  } else {
    int64_t lo = last + 30 * kMicrosPerMinute;
    when = lo >= due ? due : AddBusinessMinutes(lo + (due - lo) * rng_.Between(0, 100) / 100, 0);
    when = std::min(when, due);
  }
  Item outcome = Reply(c, EventKind::kCommitmentOutcome, promiser);
  outcome.to[0] = c.to[0];
  outcome.ref = seq;
  outcome.e1 = broken ? 2 : 1;
  outcome.what = c.what;
  outcome.what_idx = c.what_idx;
  outcome.when_utc = c.when_utc;
  outcome.when_offset = c.when_offset;
  SetTextRandom(&outcome, broken ? TextList::kOutcomeBrokenText : TextList::kOutcomeKeptText);
  uint32_t out = Emit(&outcome, when);
  if (out == 0 || !broken) return 0;
  if (broken_at != nullptr) *broken_at = when;
  // A broken promise is sometimes escalated: the person it was made to takes it higher.
  if (!no_escalation && p != Planted::kHostileStakeholder && rng_.Chance(200)) {
    Escalation(AddBusinessMinutes(when, rng_.Between(30, 1200)), c.to[0], false,
               kCauseBrokenPromise, out);
  }
  return out;
}

void AccountSimulator::TheirCommitment(int64_t t, int promiser, int force_broken) {
  const AccountProfile& a = account_;
  bool staller = a.planted == Planted::kStallingStakeholder && promiser == a.special;
  Item c = NewItem(EventKind::kCommitment, promiser, ++threads_);
  c.channel = kEmail;
  c.to[0] = static_cast<int16_t>(a.csm);
  c.e1 = 2;
  SetWhat(&c, TextList::kTheirWhat);
  SetTextRandom(&c, TextList::kTheirCommitmentText);
  int64_t due = BusinessDaysLater(t, static_cast<int>(rng_.Between(1, 5)), 17);
  SetDue(&c, due);
  uint32_t seq = Emit(&c, t);
  if (seq == 0) return;

  bool broken = force_broken == 1 || (force_broken < 0 && rng_.Chance(staller ? 900 : 200));
  // Nobody but the stalling stakeholder misses three of their commitments in half a year.
  if (broken && force_broken < 0 && !staller && BrokenNear(their_broken_, promiser, due) >= 2) {
    broken = false;
  }
  if (broken) their_broken_.emplace_back(promiser, due);
  auto settle = [&](Item* item) {
    item->what = c.what;
    item->what_idx = c.what_idx;
    item->when_utc = c.when_utc;
    item->when_offset = c.when_offset;
  };
  if (broken && rng_.Chance(staller ? 900 : 500)) {
    Item chase = Reply(c, EventKind::kMessage, a.csm);
    chase.ref = seq;
    settle(&chase);
    SetTextRandom(&chase, TextList::kChaseTheirs);
    int64_t at = AddBusinessMinutes(due, rng_.Between(60, 1400));
    uint32_t chase_seq = Emit(&chase, at);
    if (chase_seq != 0 && staller && rng_.Chance(600)) {
      Item excuse = Reply(chase, EventKind::kMessage, promiser);
      excuse.ref = chase_seq;
      SetTextRandom(&excuse, TextList::kStallingExcuse);
      Emit(&excuse, AddBusinessMinutes(at, rng_.Between(30, 1400)));
    }
  }
  int64_t when =
      broken ? AddBusinessMinutes(due, rng_.Between(1500, 4000))
             : std::min(due, AddBusinessMinutes(t + (due - t) * rng_.Between(20, 100) / 100, 0));
  Item outcome = Reply(c, EventKind::kCommitmentOutcome, a.csm);
  outcome.ref = seq;
  outcome.e1 = broken ? 2 : 1;
  settle(&outcome);
  SetTextRandom(&outcome,
                broken ? TextList::kTheirOutcomeBrokenText : TextList::kTheirOutcomeKeptText);
  Emit(&outcome, std::max(when, t + kMicrosPerMinute));
}

void AccountSimulator::Deadline(int64_t t, bool impossible) {
  const AccountProfile& a = account_;
  Item dl = NewItem(EventKind::kDeadline, impossible ? account_.special : PickTheirManagerOrExec(),
                    ++threads_);
  dl.channel = kEmail;
  dl.to[0] = static_cast<int16_t>(a.csm);
  SetWhat(&dl, TextList::kDeadlineWhat);
  SetTextRandom(&dl, TextList::kDeadlineText);
  // Lead times in line with how long such work takes us (we deliver in 30-100% of the lead
  // time), except the planted next-day ones.
  int64_t due = impossible ? BusinessDaysLater(t, 1, 12)
                           : BusinessDaysLater(t, static_cast<int>(rng_.Between(10, 25)), 17);
  SetDue(&dl, due);
  uint32_t seq = Emit(&dl, t);
  if (seq == 0) return;
  bool kept = rng_.Chance(impossible ? 200 : 750);
  int64_t when =
      kept ? std::min(due, AddBusinessMinutes(t + (due - t) * rng_.Between(30, 100) / 100, 0))
           : AddBusinessMinutes(due, rng_.Between(60, 5000));
  Item outcome = Reply(dl, EventKind::kCommitmentOutcome, a.csm);
  outcome.ref = seq;
  outcome.e1 = kept ? 1 : 2;
  outcome.what = dl.what;
  outcome.what_idx = dl.what_idx;
  outcome.when_utc = dl.when_utc;
  outcome.when_offset = dl.when_offset;
  SetTextRandom(&outcome, kept ? TextList::kOutcomeKeptText : TextList::kOutcomeBrokenText);
  Emit(&outcome, std::max(when, t + kMicrosPerMinute));
}

uint32_t AccountSimulator::Incident(int64_t t, int kind) {
  const AccountProfile& a = account_;
  const bool fast_fix = kind == 1;
  uint32_t thread = ++threads_;
  Item start = NewItem(EventKind::kIncident, PickAgent(), thread);
  start.num3 = ++incidents_;
  uint64_t r = rng_.Below(100);
  start.e1 = 1;
  start.e2 = fast_fix || kind == 2 ? 2 : r < 10 ? 1 : r < 45 ? 2 : 3;  // critical, major, minor
  SetWhat(&start, TextList::kIncidentWhat);
  start.subject = TextList::kIncidentSubject;
  start.subject_idx = static_cast<uint8_t>(rng_.Below(Texts(TextList::kIncidentSubject).size()));
  uint32_t seq = Emit(&start, t);
  if (seq == 0) return 0;
  int64_t minutes =
      fast_fix    ? rng_.Between(25, 100)
      : kind == 2 ? rng_.Between(300, 540)
                  : 5 + std::min<int64_t>(rng_.LogNormal(start.e2 == 1 ? 50 : 80, 900), 3 * 1440);
  int64_t end = t + minutes * kMicrosPerMinute;

  int reporter = -1;
  // Every outage is reported by one of their people: the report opens the incident, so it
  // comes first, before they write about anything else.
  {
    reporter = PickTheirs(true);
    if (fast_fix && a.special >= 0) reporter = a.special;
    Item report = Reply(start, EventKind::kRequest, reporter);
    report.to[0] = -1;
    report.channel = kTicket;
    report.flags = 0;
    report.e1 = start.e2 == 3 ? kHigh : kUrgent;
    report.e2 = kTopicOutage;
    SetTextRandom(&report, TextList::kIncidentReport);
    // Reported at the start of the outage (created after it, so it sorts after it), answered
    // before it ends.
    int64_t at = t;
    uint32_t report_seq = Emit(&report, at);
    int64_t answer = std::min(at + rng_.Between(5, 20) * kMicrosPerMinute, end - kMicrosPerMinute);
    if (report_seq != 0 && answer > at) {
      Item resp = Reply(report, EventKind::kResponse, start.from);
      resp.ref = report_seq;
      SetTextRandom(&resp, TextList::kIncidentUpdate);
      Emit(&resp, answer);
    }
  }
  if (rng_.Chance(500) && minutes > 20) {
    Item update = Reply(start, EventKind::kStatusUpdate, start.from);
    update.to[0] = -1;
    update.flags = 0;
    update.subject = TextList::kNone;
    update.ref = seq;
    SetTextRandom(&update, TextList::kIncidentUpdate);
    Emit(&update, t + (end - t) / 2);
  }
  Item stop = start;
  stop.e1 = 2;
  SetTextRandom(&stop, TextList::kIncidentResolved);
  uint32_t stop_seq = Emit(&stop, end);
  if (stop_seq == 0 || !fast_fix || reporter < 0) return seq;
  Item thanks = Reply(stop, EventKind::kMessage, reporter);
  thanks.channel = kEmail;
  thanks.ref = stop_seq;  // answers the fix
  thanks.to[0] = static_cast<int16_t>(a.csm);
  thanks.to[1] = static_cast<int16_t>(a.ae);
  thanks.subject = TextList::kNone;
  thanks.flags = 0;
  SetTextRandom(&thanks, TextList::kThanks);
  Emit(&thanks, AddBusinessMinutes(end, rng_.Between(20, 300)));
  return seq;
}

void AccountSimulator::CausedEscalation(int64_t t) {
  const AccountProfile& a = account_;
  const Planted p = a.planted;
  bool special = a.special >= 0 && p != Planted::kAdvocate &&
                 p != Planted::kStallingStakeholder && p != Planted::kQuickWins &&
                 p != Planted::kImpossibleDeadline && rng_.Chance(600);
  int from = special ? a.special : PickTheirs(false);
  if (p == Planted::kHostileStakeholder && special) {
    // Their record gives them no cause: they go to our executives anyway.
    Escalation(t, from, true, kCauseOther, 0);
    return;
  }
  const bool to_execs = special && p == Planted::kJustifiedAnger;
  uint64_t r = rng_.Below(100);
  // The hostile stakeholder's account has no incidents and no slow answers.
  if (p == Planted::kHostileStakeholder) r = 55 + rng_.Below(30);
  if (r < 30) {
    uint32_t start = Incident(t, 2);
    if (start == 0) return;
    Escalation(t + rng_.Between(15, 120) * kMicrosPerMinute, from, to_execs, kCauseIncident,
               start);
  } else if (r < 55) {
    int64_t at = 0;
    uint32_t ask = Thread(t, from, from == a.special ? -1 : kPlain, kForceUnanswered, &at);
    if (ask == 0) return;
    Escalation(AddBusinessMinutes(at, rng_.Between(300, 1500)), from, to_execs, kCauseUnanswered,
               ask);
  } else if (r < 85 || (r < 95 && reminders_.empty())) {
    int64_t at = 0;
    uint32_t ask = Thread(t, from, from == a.special ? -1 : kPlain, kForceRepeat, &at);
    if (ask == 0) return;
    Escalation(AddBusinessMinutes(at, rng_.Between(30, 600)), from, to_execs,
               kCauseRepeatRequest, ask);
  } else if (r < 95) {
    // An invoice dispute: after an overdue reminder, their finance contact takes it up.
    uint32_t reminder = reminders_[rng_.Below(reminders_.size())];
    const Item& rem = (*items_)[reminder - 1];
    int64_t local = rem.utc + int64_t{rem.offset} * kMicrosPerMinute;
    Escalation(AddBusinessMinutes(local, rng_.Between(60, 2400)), a.finance, false, kCauseBilling,
               reminder);
  } else {
    Escalation(t, from, to_execs, kCauseOther, 0);
  }
}

void AccountSimulator::Escalation(int64_t t, int from, bool to_our_execs, uint8_t cause,
                                  uint32_t ref) {
  const AccountProfile& a = account_;
  // Only the hostile (or justifiably angry) contact, and the drains' needy people, keep going
  // over our heads: anyone else escalates at most twice in about half a year, or leaves it to
  // a colleague.
  const bool angry = IsDrain(a.planted) ||
                     (from == a.special && (a.planted == Planted::kHostileStakeholder ||
                                            a.planted == Planted::kJustifiedAnger));
  for (int tries = 0; !angry && BrokenNear(escalated_, from, t) >= 2; ++tries) {
    if (tries == 4) return;
    from = PickTheirs(false);
  }
  escalated_.emplace_back(from, t);
  const Item* source = ref != 0 ? &(*items_)[ref - 1] : nullptr;
  Item esc = NewItem(EventKind::kEscalation, from,
                     source != nullptr && source->thread != 0 ? source->thread : ++threads_);
  esc.channel = kEmail;
  esc.ref = ref;  // replies to what caused it
  esc.e1 = cause;
  if (rng_.Chance(300)) esc.flags |= kFlagCauseRecorded;
  if (to_our_execs) {
    esc.to[0] = static_cast<int16_t>(a.vp);
    esc.to[1] = static_cast<int16_t>(a.ae);
  } else {
    uint64_t r = rng_.Below(100);
    esc.to[0] = static_cast<int16_t>(r < 55 ? a.csm : r < 80 ? a.ae : a.vp);
  }
  SetWhat(&esc, TextList::kEscalationAbout);
  // What it is about follows from the cause.
  static constexpr uint8_t kAbout[] = {0, 1, 3, 4, 5, 2, 0};  // by cause; see kEscalationAbout
  if (cause != kCauseOther && cause < std::size(kAbout)) esc.what_idx = kAbout[cause];
  SetTextRandom(&esc, to_our_execs ? TextList::kEscalationOurExec : TextList::kEscalationText);
  if (from == a.special) {
    int tone = a.planted == Planted::kHostileStakeholder || a.planted == Planted::kJustifiedAnger
                   ? kHostile
               : a.planted == Planted::kLegalThreat ? kLegal
               : IsAbuser(a.planted)                ? kAbusive
                                                    : kPlain;
    Tone(&esc, tone);
  }
  uint32_t seq = Emit(&esc, t);
  if (seq == 0 || !rng_.Chance(750)) return;
  Item reply = Reply(esc, EventKind::kResponse, esc.to[0]);
  reply.ref = seq;
  reply.subject = TextList::kNone;
  reply.flags = 0;
  SetTextRandom(&reply, TextList::kEscalationReply);
  Emit(&reply, AddBusinessMinutes(t, rng_.Between(30, 1500)));
}

// One demand of theirs, asked again and again by several of their people, still unanswered.
void AccountSimulator::QuickWinDemand(int64_t t) {
  const AccountProfile& a = account_;
  int first = a.users.begin + static_cast<int>(rng_.Below(a.users.size()));
  int second = a.special >= 0 && a.special != first ? a.special : a.managers.begin;
  int64_t at = 0;
  uint32_t ask = Thread(t, first, kPlain, kForceUnanswered, &at);
  if (ask == 0) return;
  const Item request = (*items_)[ask - 1].ref != 0 ? (*items_)[(*items_)[ask - 1].ref - 1]
                                                   : (*items_)[ask - 1];
  const uint32_t root = (*items_)[ask - 1].ref != 0 ? (*items_)[ask - 1].ref : ask;
  for (int i = 0; i < 3; ++i) {
    int from = i == 1 ? first : second;
    Item more = Reply(request, EventKind::kMessage, from);
    more.to[0] = static_cast<int16_t>(a.csm);
    more.ref = root;
    SetTextRandom(&more, i == 1 ? TextList::kChaser : TextList::kMeToo);
    at = AddBusinessMinutes(at, rng_.Between(600, 3000));
    Emit(&more, at);
  }
}

void AccountSimulator::Discount(int64_t t, int from) {
  const AccountProfile& a = account_;
  Item d = NewItem(EventKind::kDiscountRequest, from, ++threads_);
  d.channel = kEmail;
  d.to[0] = static_cast<int16_t>(rng_.Chance(600) ? a.ae : a.csm);
  d.num = 5 * rng_.Between(1, 6);
  SetWhat(&d, TextList::kDiscountWhat);
  bool badger = a.planted == Planted::kDiscountBadgerer && from == a.special;
  SetTextRandom(&d, badger ? TextList::kBadgerLine : TextList::kDiscountText);
  uint32_t seq = Emit(&d, t);
  if (seq == 0 || !rng_.Chance(800)) return;
  Item reply = Reply(d, EventKind::kResponse, d.to[0]);
  reply.ref = seq;
  SetTextRandom(&reply, TextList::kDiscountResponse);
  Emit(&reply, AddBusinessMinutes(t, ResponseDelayMinutes(kEmail)));
}

void AccountSimulator::Note(int64_t t) {
  Item note = NewItem(EventKind::kNote, account_.csm);
  SetTextRandom(&note, TextList::kNoteText);
  Emit(&note, t);
}

void AccountSimulator::Fyi(int64_t t) {
  const AccountProfile& a = account_;
  bool ours = rng_.Chance(500);
  Item msg = NewItem(EventKind::kMessage, ours ? a.csm : PickTheirs(true), ++threads_);
  msg.channel = kEmail;
  msg.to[0] = static_cast<int16_t>(ours ? PickTheirs(true) : a.csm);
  SetTextRandom(&msg, ours ? TextList::kOurFyi : TextList::kTheirFyi);
  Emit(&msg, t);
}

}  // namespace nanni
