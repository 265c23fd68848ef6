#include "generate/portfolio_generator.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "event/canonical.h"
#include "generate/account_simulator.h"
#include "generate/event_builder.h"
#include "generate/name_pool.h"
#include "generate/portfolio_model.h"
#include "generate/rng.h"
#include "util/json_out.h"

namespace nanni {

namespace {

// Below kPlantedAccounts + 1 accounts, the last situations of kSituations are not planted.
constexpr int kMinAccounts = 12;
constexpr int kMaxMonths = 600;

struct SituationSpec {
  Planted planted;
  std::string_view name;
  std::string_view description;
};

// In the order of the truth file. handle_time_cutter belongs to kCutterHome's team.
constexpr SituationSpec kSituations[] = {
    {Planted::kDiscountBadgerer, "discount_badgerer",
     "Their finance contact keeps asking for discounts, credits and freebies, far more often "
     "than any other account does."},
    {Planted::kAbusiveCustomer, "abusive_customer",
     "One of their users insults and swears at our team in requests, chasers and escalations."},
    {Planted::kStallingStakeholder, "stalling_stakeholder",
     "A stakeholder keeps promising small deliverables (forms, data, access) and missing the "
     "dates."},
    {Planted::kHostileStakeholder, "hostile_stakeholder",
     "One contact threatens to move to a competitor and escalates to our executives, although "
     "the account is answered fast, has no incidents and every promise of ours is kept."},
    {Planted::kQuietDrain, "quiet_drain",
     "A small account with many long calls, many tickets and escalations, and small invoices "
     "that are often paid late: it costs more to serve than it pays."},
    {Planted::kAdvocate, "advocate",
     "Outages this contact reported were fixed within two hours, and they wrote to thank us."},
    {Planted::kExecGap, "exec_gap",
     "Their executives are known (one signed the contract, some are copied on mail) but no "
     "event ever goes from our side to them or from them to our side."},
    {Planted::kCutterHome, "handle_time_cutter",
     "One of our agents ends complex calls just below the 600-second handle-time target, most "
     "of them dropped."},
    {Planted::kMissedPromiseWarned, "missed_promise_warned",
     "We broke dated promises to this account, and each time warned them with a status update "
     "before the date."},
    {Planted::kMissedPromiseUnwarned, "missed_promise_unwarned",
     "We broke dated promises to this account without any update before the date."},
    {Planted::kLegalThreat, "legal_threat",
     "One of their executives threatens legal action, lawyers and damages over service "
     "failures, and a complaint of theirs is still unanswered at the end."},
    {Planted::kLetGo, "let_go",
     "A small account that abuses our team, costs more to serve than it pays and pays late: "
     "one to let go."},
    {Planted::kImpossibleDeadline, "impossible_deadline",
     "In the last weeks their manager set next-day deadlines for work that takes us weeks."},
    {Planted::kQuickWins, "quick_wins",
     "One open request of theirs, asked again and again by two of their people, still "
     "unanswered at the end."},
    {Planted::kJustifiedAnger, "justified_anger",
     "One contact is angry and threatens to move to a competitor, with reason: long outages, "
     "slow answers and broken promises. Not a hostile stakeholder."},
};
static_assert(std::size(kSituations) == kPlantedAccounts);
constexpr size_t kCutterSituation = 7;
static_assert(kSituations[kCutterSituation].planted == Planted::kCutterHome);

// Which account plays which situation: distinct accounts drawn from the seed, and at least
// one account left unplanted; with fewer than kPlantedAccounts + 1 accounts the last
// situations are left out.
std::vector<Planted> AssignSituations(uint64_t seed, int accounts) {
  std::vector<Planted> roles(accounts, Planted::kNone);
  std::vector<int> order(accounts);
  for (int i = 0; i < accounts; ++i) order[i] = i;
  Rng rng(Mix64(seed, 0x91a7));
  for (int k = 0; k < std::min(kPlantedAccounts, accounts - 1); ++k) {
    int j = k + static_cast<int>(rng.Below(static_cast<uint64_t>(accounts - k)));
    std::swap(order[k], order[j]);
    roles[order[k]] = kSituations[k].planted;
  }
  return roles;
}

// The truth's contacts for a planted account: the people a detector should name.
std::vector<std::string> SituationContacts(const AccountProfile& a, const Staff& staff) {
  std::vector<std::string> out;
  switch (a.planted) {
    case Planted::kExecGap:
      for (int i = a.execs.begin; i < a.execs.end; ++i) out.push_back(a.people[i].contact.email);
      break;
    case Planted::kCutterHome: out.push_back(staff.agents[staff.cutter].contact.id); break;
    case Planted::kMissedPromiseWarned:
    case Planted::kMissedPromiseUnwarned:
      out.push_back(a.people[a.csm].contact.email);  // made most of the promises
      break;
    case Planted::kQuietDrain: break;
    case Planted::kImpossibleDeadline:
    case Planted::kQuickWins:
      if (a.special >= 0) out.push_back(a.people[a.special].contact.email);
      break;
    default:
      if (a.special >= 0) out.push_back(a.people[a.special].contact.email);
      break;
  }
  return out;
}

struct Clocks {
  std::vector<ZoneClock> zones;
};

Status InitClocks(const Timeline& timeline, Clocks* clocks) {
  clocks->zones.resize(Zones().size());
  for (size_t i = 0; i < Zones().size(); ++i) {
    // Due dates run past the end of the history; cover them too.
    NANNI_RETURN_IF_ERROR(
        clocks->zones[i].Init(Zones()[i].zone, timeline.first_day - 2, timeline.last_day + 120));
  }
  return Status::OK();
}

// Builds the events of one account's `items` in time order (ties in creation order) and
// passes them to the sink; `event` is reused, so that a long run allocates little.
Status EmitAccount(uint64_t seed, const AccountProfile& account, const std::vector<Item>& items,
                   std::vector<std::pair<int64_t, uint32_t>>* order, Event* event,
                   const EventSink& sink) {
  order->clear();
  for (const Item& item : items) order->emplace_back(item.utc, item.seq);
  std::sort(order->begin(), order->end());
  EventBuilder builder(seed, account);
  for (const auto& [utc, seq] : *order) {
    builder.Build(items[seq - 1], event);
    NANNI_RETURN_IF_ERROR(sink(*event));
  }
  return Status::OK();
}

// The natural size of each account, which also weighs its share of a target.
std::vector<int64_t> AccountWeights(const GeneratorOptions& options,
                                    const std::vector<Planted>& roles) {
  std::vector<int64_t> weights(options.accounts);
  for (int i = 0; i < options.accounts; ++i) {
    int64_t natural = NaturalEventsPerYear(options.seed, i, roles[i]) * options.months / 12;
    weights[i] = std::max<int64_t>(1, natural);
  }
  return weights;
}

// The signals account `a` should raise at the end of the history, by their meaning: what was
// planted in it and how it pays.
bool Expected(const AccountProfile& a, std::string_view signal) {
  const Planted p = a.planted;
  if (signal == "let_go") return p == Planted::kLetGo;
  if (signal == "legal_risk") return p == Planted::kLegalThreat;
  if (signal == "hostile_stakeholder") return p == Planted::kHostileStakeholder;
  if (signal == "abusive_contact") return IsAbuser(p);
  if (signal == "stalled_deal") return p == Planted::kStallingStakeholder;
  if (signal == "negative_margin") return IsDrain(p);
  if (signal == "late_payer") return a.payer != 0;
  if (signal == "broken_promises") {
    // The justified anger's record includes the broken promises that justify it.
    return p == Planted::kMissedPromiseWarned || p == Planted::kMissedPromiseUnwarned ||
           p == Planted::kJustifiedAnger;
  }
  if (signal == "impossible_deadline") return p == Planted::kImpossibleDeadline;
  if (signal == "level_gap") return p == Planted::kExecGap;
  if (signal == "discount_badgering") return p == Planted::kDiscountBadgerer;
  if (signal == "quick_wins") return p == Planted::kQuickWins;
  if (signal == "advocate") return p == Planted::kAdvocate;
  return false;
}

// Notes in the truth what account `account` plays.
void RecordTruth(uint64_t seed, const AccountProfile& account, const Staff& staff,
                 int cutter_calls, const std::vector<Item>& items, GeneratorTruth* truth) {
  truth->accounts.push_back(account.slug);
  for (size_t k = 0; k < std::size(kExpectedSignalIds); ++k) {
    if (Expected(account, kExpectedSignalIds[k])) {
      truth->expected_signals[k].push_back(account.slug);
    }
  }
  for (const Item& item : items) {
    if (item.kind != EventKind::kEscalation) continue;
    truth->escalation_causes.emplace_back(
        fmt::format("gen-{}:{}:{}", seed, account.slug, item.seq),
        std::string(EscalationCauseName(item.e1)));
  }
  for (size_t k = 0; k < std::size(kSituations); ++k) {
    if (account.planted == Planted::kNone || kSituations[k].planted != account.planted) continue;
    std::vector<std::string>& accounts = truth->situations[k].accounts;
    accounts.insert(accounts.begin(), account.slug);  // the cutter's home account comes first
    truth->situations[k].contacts = SituationContacts(account, staff);
  }
  if (cutter_calls > 0 && account.planted != Planted::kCutterHome) {
    truth->situations[kCutterSituation].accounts.push_back(account.slug);
  }
}

}  // namespace

int64_t HistoryStartMicros(const GeneratorOptions& options) {
  int64_t end = options.end_utc_micros;
  int64_t days = FloorDiv(end, kMicrosPerDay);
  int64_t y;
  unsigned m, d;
  CivilFromDays(days, &y, &m, &d);
  int64_t total = y * 12 + (m - 1) - options.months;
  int64_t y2 = FloorDiv(total, 12);
  unsigned m2 = static_cast<unsigned>(total - y2 * 12 + 1);
  int64_t month_days =
      DaysFromCivil(y2 + (m2 == 12), m2 == 12 ? 1 : m2 + 1, 1) - DaysFromCivil(y2, m2, 1);
  unsigned d2 = std::min<unsigned>(d, static_cast<unsigned>(month_days));
  return DaysFromCivil(y2, m2, d2) * kMicrosPerDay + (end - days * kMicrosPerDay);
}

Status GeneratePortfolio(const GeneratorOptions& options, const EventSink& sink,
                         GeneratorTruth* truth) {
  if (options.accounts < kMinAccounts) {
    return Status::InvalidInput(
        fmt::format("accounts must be at least {} (one for each planted situation)", kMinAccounts));
  }
  if (options.months < 1 || options.months > kMaxMonths) {
    return Status::InvalidInput(fmt::format("months must be between 1 and {}", kMaxMonths));
  }
  *truth = GeneratorTruth();
  Timeline timeline;
  timeline.start_utc = HistoryStartMicros(options);
  timeline.end_utc = options.end_utc_micros;
  timeline.first_day = FloorDiv(timeline.start_utc, kMicrosPerDay) + 1;
  timeline.last_day = FloorDiv(timeline.end_utc, kMicrosPerDay) - 2;
  timeline.months = options.months;
  if (timeline.last_day < timeline.first_day) timeline.last_day = timeline.first_day;
  Clocks clocks;
  NANNI_RETURN_IF_ERROR(InitClocks(timeline, &clocks));

  for (const SituationSpec& spec : kSituations) {
    truth->situations.push_back({std::string(spec.name), std::string(spec.description), {}, {}});
  }
  truth->expected_signals.resize(std::size(kExpectedSignalIds));

  const uint64_t seed = options.seed;
  const Staff staff = BuildStaff(seed);
  const std::vector<Planted> roles = AssignSituations(seed, options.accounts);
  const std::vector<int64_t> weights = AccountWeights(options, roles);
  uint64_t remaining_weight = 0;
  for (int64_t w : weights) remaining_weight += static_cast<uint64_t>(w);
  std::set<std::string> slugs;
  std::vector<Item> items;
  std::vector<std::pair<int64_t, uint32_t>> order;
  Event event;
  for (int i = 0; i < options.accounts; ++i) {
    AccountProfile account = BuildAccount(seed, i, roles[i], staff, &slugs);
    // With a target, each account gets its share of what is still missing, so that the
    // total converges on the target whatever the fixed events came to.
    uint64_t quota = static_cast<uint64_t>(weights[i]);
    if (options.target_events > 0) {
      uint64_t left =
          options.target_events > truth->events ? options.target_events - truth->events : 0;
      quota =
          static_cast<uint64_t>(static_cast<unsigned __int128>(left) * quota / remaining_weight);
    }
    remaining_weight -= static_cast<uint64_t>(weights[i]);
    items.clear();
    AccountSimulator simulator(timeline, clocks.zones[account.zone], account, seed, &items);
    simulator.Run(quota);
    RecordTruth(seed, account, staff, simulator.cutter_calls(), items, truth);
    NANNI_RETURN_IF_ERROR(EmitAccount(seed, account, items, &order, &event, sink));
    truth->events += items.size();
  }
  return Status::OK();
}

std::string TruthToJson(const GeneratorOptions& options, const GeneratorTruth& truth) {
  JsonOut json;
  auto list = [&json](const std::vector<std::string>& items) {
    json.BeginArray();
    for (const std::string& item : items) json.String(item);
    json.EndArray();
  };
  json.BeginObject().Field("generator", "nanni generate").Key("options").BeginObject()
      .Field("seed", static_cast<uint64_t>(options.seed)).Field("accounts", static_cast<uint64_t>(options.accounts))
      .Field("months", static_cast<uint64_t>(options.months)).Field("target_events", static_cast<uint64_t>(options.target_events))
      .EndObject().Field("start", FormatUtc(HistoryStartMicros(options))).Field("end", FormatUtc(options.end_utc_micros))
      .Field("events", static_cast<uint64_t>(truth.events)).Key("situations").BeginArray();
  for (const PlantedSituation& s : truth.situations) {
    json.BeginObject().Field("name", s.name).Field("description", s.description).Key("accounts");
    list(s.accounts);
    json.Key("contacts");
    list(s.contacts);
    json.EndObject();
  }
  json.EndArray().Key("expected_signals").BeginObject();
  for (size_t k = 0; k < std::size(kExpectedSignalIds); ++k) {
    json.Key(kExpectedSignalIds[k]);
    list(k < truth.expected_signals.size() ? truth.expected_signals[k]
                                           : std::vector<std::string>());
  }
  json.EndObject().Key("escalation_causes").BeginObject();
  for (const auto& [id, cause] : truth.escalation_causes) json.Key(std::string_view(id)).String(cause);
  json.EndObject().Key("accounts");
  list(truth.accounts);
  json.EndObject().Raw("\n");
  return json.Take();
}

}  // namespace nanni
