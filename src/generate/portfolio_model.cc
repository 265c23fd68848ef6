#include "generate/portfolio_model.h"

#include <fmt/format.h>

#include <algorithm>

#include "generate/name_pool.h"
#include "util/ascii.h"

namespace nanni {

int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  int64_t era = FloorDiv(y, 400);
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void CivilFromDays(int64_t days, int64_t* y, unsigned* m, unsigned* d) {
  days += 719468;
  int64_t era = FloorDiv(days, 146097);
  int64_t doe = days - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  *d = static_cast<unsigned>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<unsigned>(mp < 10 ? mp + 3 : mp - 9);
  *y = yoe + era * 400 + (*m <= 2);
}

// --- ZoneClock ------------------------------------------------------------------------------

Status ZoneClock::Init(std::string_view zone, int64_t first_day, int64_t last_day) {
  zone_ = std::string(zone);
  first_day_ = first_day;
  offsets_.clear();
  for (int64_t day = first_day; day <= last_day; ++day) {
    Timestamp a, b;
    NANNI_RETURN_IF_ERROR(LocalToTimestamp(day * kMicrosPerDay, zone_, Ambiguity::kEarliest, &a));
    NANNI_RETURN_IF_ERROR(
        LocalToTimestamp((day + 1) * kMicrosPerDay - 1'000'000, zone_, Ambiguity::kEarliest, &b));
    offsets_.push_back(a.offset_minutes == b.offset_minutes ? a.offset_minutes : kMixed);
  }
  return Status::OK();
}

Timestamp ZoneClock::ToTimestamp(int64_t local_micros) const {
  int64_t i = FloorDiv(local_micros, kMicrosPerDay) - first_day_;
  if (i >= 0 && i < static_cast<int64_t>(offsets_.size()) && offsets_[i] != kMixed) {
    return Timestamp{local_micros - int64_t{offsets_[i]} * kMicrosPerMinute, offsets_[i]};
  }
  Timestamp t;
  if (!LocalToTimestamp(local_micros, zone_, Ambiguity::kEarliest, &t).ok()) {
    t = Timestamp{local_micros, 0};  // not reached: Init() checked the zone
  }
  return t;
}

// --- People ---------------------------------------------------------------------------------

namespace {

template <typename T>
const T& PickFrom(std::span<const T> list, Rng* rng) {
  return list[rng->Below(list.size())];
}

// A person with a unique e-mail address at `domain` (`taken` holds the local parts used).
Person MakePerson(Rng* rng, std::string_view domain, Side side, Level level, std::string_view title,
                  std::set<std::string>* taken) {
  const PersonName& first = PickFrom(FirstNames(), rng);
  const PersonName& last = PickFrom(LastNames(), rng);
  std::string local = fmt::format("{}.{}", first.ascii, last.ascii);
  for (int n = 2; !taken->insert(local).second; ++n) {
    local = fmt::format("{}.{}{}", first.ascii, last.ascii, n);
  }
  Person p;
  p.first = std::string(first.display);
  p.contact.name = fmt::format("{} {}", first.display, last.display);
  p.contact.email = fmt::format("{}@{}", local, domain);
  p.contact.title = std::string(title);
  p.contact.side = side;
  p.contact.level = level;
  return p;
}

constexpr std::string_view kOurDomain = "ourco.example";

}  // namespace

Staff BuildStaff(uint64_t seed) {
  Rng rng(Mix64(seed, 0x57aff));
  std::set<std::string> taken;
  Staff staff;
  auto make = [&](Level level, std::string_view title) {
    return MakePerson(&rng, kOurDomain, Side::kOurs, level, title, &taken);
  };
  for (int i = 0; i < 8; ++i)
    staff.account_execs.push_back(make(Level::kExecutive, "Account Executive"));
  for (int i = 0; i < 14; ++i) {
    staff.csms.push_back(make(Level::kManager, "Customer Success Manager"));
  }
  staff.vps.push_back(make(Level::kExecutive, "VP Customer Success"));
  staff.vps.push_back(make(Level::kExecutive, "Chief Customer Officer"));
  for (int i = 0; i < 40; ++i) {
    Person p = make(Level::kAgent, PickFrom(AgentTitles(), &rng));
    p.contact.id = fmt::format("agent-{:03}", i + 1);
    staff.agents.push_back(std::move(p));
  }
  staff.billing.first = "Billing";
  staff.billing.contact.name = "OurCo Billing";
  staff.billing.contact.email = fmt::format("billing@{}", kOurDomain);
  staff.billing.contact.side = Side::kOurs;
  staff.cutter = static_cast<int>(rng.Below(staff.agents.size()));
  return staff;
}

// --- Accounts -------------------------------------------------------------------------------

namespace {

int TierOf(uint64_t seed, int index, Planted planted) {
  if (IsDrain(planted)) return 0;
  uint64_t r = Mix64(seed ^ 0x713e, static_cast<uint64_t>(index)) % 100;
  return r < 40 ? 0 : r < 75 ? 1 : r < 93 ? 2 : 3;
}

void AddTheirPeople(Rng* rng, AccountProfile* a, std::set<std::string>* taken) {
  auto add = [&](Level level, std::string_view title) {
    a->people.push_back(MakePerson(rng, a->domain, Side::kTheirs, level, title, taken));
  };
  int execs = 1 + (rng->Below(4) < static_cast<uint64_t>(1 + a->tier) ? 1 : 0);
  int managers = 1 + static_cast<int>(rng->Below(a->tier >= 2 ? 3 : 2));
  int users = 2 + static_cast<int>(rng->Below(3 + 2 * a->tier));
  if (users > 8) users = 8;
  a->execs.begin = static_cast<int>(a->people.size());
  for (int i = 0; i < execs; ++i) add(Level::kExecutive, PickFrom(ExecutiveTitles(), rng));
  a->execs.end = a->managers.begin = static_cast<int>(a->people.size());
  auto titles = ManagerTitles();
  add(Level::kManager, titles[rng->Below(kFinanceManagerTitles)]);
  for (int i = 1; i < managers; ++i) {
    add(Level::kManager,
        titles[kFinanceManagerTitles + rng->Below(titles.size() - kFinanceManagerTitles)]);
  }
  a->managers.end = a->users.begin = static_cast<int>(a->people.size());
  for (int i = 0; i < users; ++i) add(Level::kUser, PickFrom(UserTitles(), rng));
  a->users.end = static_cast<int>(a->people.size());
  a->finance = a->managers.begin;
}

void AddOurPeople(Rng* rng, const Staff& staff, AccountProfile* a) {
  auto add = [&](const Person& p) {
    a->people.push_back(p);
    return static_cast<int>(a->people.size()) - 1;
  };
  a->ae = add(staff.account_execs[rng->Below(staff.account_execs.size())]);
  a->csm = add(staff.csms[rng->Below(staff.csms.size())]);
  a->vp = add(staff.vps[rng->Below(staff.vps.size())]);
  a->billing = add(staff.billing);
  // The support team: 3-6 agents; the handle-time cutter works for its home account and for
  // some of the unplanted ones, never for the other planted accounts.
  int team = 3 + static_cast<int>(rng->Below(4));
  bool with_cutter =
      a->planted == Planted::kCutterHome || (a->planted == Planted::kNone && rng->Chance(350));
  a->agents.begin = static_cast<int>(a->people.size());
  std::vector<int> chosen;
  if (with_cutter) chosen.push_back(staff.cutter);
  while (static_cast<int>(chosen.size()) < team) {
    int i = static_cast<int>(rng->Below(staff.agents.size()));
    if (i == staff.cutter) continue;
    if (std::find(chosen.begin(), chosen.end(), i) == chosen.end()) chosen.push_back(i);
  }
  for (int i : chosen) {
    int at = add(staff.agents[i]);
    if (i == staff.cutter) a->cutter = at;
  }
  a->agents.end = static_cast<int>(a->people.size());
}

// The planted person: who badgers, abuses, stalls, threatens or thanks.
void ChooseSpecial(Rng* rng, AccountProfile* a) {
  auto in = [&](Range r) { return r.begin + static_cast<int>(rng->Below(r.size())); };
  switch (a->planted) {
    case Planted::kDiscountBadgerer: a->special = a->finance; break;
    case Planted::kAbusiveCustomer:
    case Planted::kLetGo: a->special = in(a->users); break;
    case Planted::kStallingStakeholder:
    case Planted::kHostileStakeholder:
    case Planted::kJustifiedAnger:
    case Planted::kQuickWins:
      a->special = a->managers.size() > 1 ? a->managers.begin + 1 : in(a->execs);
      break;
    case Planted::kAdvocate:
      a->special = a->managers.size() > 1 ? a->managers.begin + 1 : in(a->users);
      break;
    case Planted::kLegalThreat: a->special = in(a->execs); break;
    case Planted::kImpossibleDeadline:  // a manager, never the finance one if there is another
      a->special = a->managers.size() > 1 ? a->managers.begin + 1 : a->managers.begin;
      break;
    default: break;
  }
}

std::string Slugify(std::string_view name) {
  std::string slug;
  for (char c : AsciiLower(name)) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (alnum) {
      slug.push_back(c);
    } else if (!slug.empty() && slug.back() != '-') {
      slug.push_back('-');
    }
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug;
}

}  // namespace

AccountProfile BuildAccount(uint64_t seed, int index, Planted planted, const Staff& staff,
                            std::set<std::string>* slugs) {
  Rng rng(Mix64(seed, 0xacc0000 + static_cast<uint64_t>(index)));
  AccountProfile a;
  a.index = index;
  a.planted = planted;
  a.tier = TierOf(seed, index, planted);
  a.zone = static_cast<int>(rng.Below(Zones().size()));
  const ZoneInfo& zone = Zones()[a.zone];

  std::string base =
      fmt::format("{} {}", PickFrom(CompanyWords(), &rng), PickFrom(IndustryWords(), &rng));
  a.slug = Slugify(base);
  for (int n = 2; !slugs->insert(a.slug).second; ++n)
    a.slug = fmt::format("{}-{}", Slugify(base), n);
  a.name = rng.Chance(400) ? fmt::format("{} {}", base, zone.suffix) : base;
  a.domain = a.slug + std::string(rng.Chance(300) ? zone.tld : PickFrom(GenericTlds(), &rng));

  static constexpr int64_t kRevenueUsd[][2] = {
      {6'000, 30'000}, {30'000, 150'000}, {150'000, 600'000}, {600'000, 3'000'000}};
  int64_t usd = rng.Between(kRevenueUsd[a.tier][0], kRevenueUsd[a.tier][1]);
  if (IsDrain(planted)) usd = rng.Between(3'000, 5'000);
  a.revenue_minor = usd * zone.minor_per_usd_cent;  // usd * 100 cents * factor / 100
  a.currency = zone.currency;
  a.quarterly_billing = !IsDrain(planted) && rng.Chance(350);
  uint64_t p = rng.Below(100);
  a.payer = p < 70 ? 0 : p < 92 ? 1 : 2;
  if (IsDrain(planted) || planted == Planted::kAbusiveCustomer) a.payer = 2;
  if (planted == Planted::kHostileStakeholder || planted == Planted::kAdvocate ||
      planted == Planted::kJustifiedAnger) {
    a.payer = 0;
  }
  a.trend_pct = static_cast<int>(rng.Between(-40, 80));
  a.busy_month = static_cast<int>(rng.Between(1, 12));

  std::set<std::string> taken;
  AddTheirPeople(&rng, &a, &taken);
  AddOurPeople(&rng, staff, &a);
  ChooseSpecial(&rng, &a);
  return a;
}

int64_t NaturalEventsPerYear(uint64_t seed, int index, Planted planted) {
  static constexpr int64_t kPerYear[] = {140, 260, 450, 800};
  int64_t base = kPerYear[TierOf(seed, index, planted)];
  int64_t noise =
      70 + static_cast<int64_t>(Mix64(seed ^ 0x4015e, static_cast<uint64_t>(index)) % 71);
  int64_t n = base * noise / 100;
  if (IsDrain(planted)) n = n * 5;
  if (planted == Planted::kAbusiveCustomer || planted == Planted::kLegalThreat ||
      planted == Planted::kJustifiedAnger) {
    n = n * 3 / 2;
  }
  return n;
}

}  // namespace nanni
