#include "generate/portfolio_generator.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "event/canonical.h"
#include "event/event_decoder.h"
#include "generate/rng.h"
#include "generate/text_templates.h"
#include "util/sha256.h"

namespace nanni {
namespace {

constexpr int64_t kMinute = 60'000'000;
constexpr int64_t kHour = 60 * kMinute;

GeneratorOptions SmallOptions(uint64_t seed = 7) {
  GeneratorOptions options;
  options.seed = seed;
  options.accounts = 24;
  options.months = 12;
  return options;
}

// The SHA-256 of the canonical encodings of every event, one per line.
std::string PortfolioDigest(const GeneratorOptions& options) {
  Sha256 hash;
  std::string line;
  GeneratorTruth truth;
  Status st = GeneratePortfolio(
      options,
      [&](const Event& e) {
        EncodeCanonical(e, &line);
        line.push_back('\n');
        hash.Update(line);
        return Status::OK();
      },
      &truth);
  EXPECT_TRUE(st.ok()) << st.ToString();
  return ToHex(hash.Finish());
}

bool IsTheirExec(const Contact& c) {
  return c.side == Side::kTheirs && c.level == Level::kExecutive;
}
bool IsOurs(const Contact& c) { return c.side == Side::kOurs; }
bool IsOurExec(const Contact& c) { return c.side == Side::kOurs && c.level == Level::kExecutive; }

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool Mentions(const Event& e, std::initializer_list<const char*> words) {
  std::string text = Lower(e.subject + " " + e.text);
  return std::any_of(words.begin(), words.end(),
                     [&](const char* w) { return text.find(w) != std::string::npos; });
}

// One portfolio, generated once for the tests that only read it.
class GeneratorPortfolioTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    events_ = new std::vector<Event>;
    truth_ = new GeneratorTruth;
    Status st = GeneratePortfolio(
        SmallOptions(),
        [](const Event& e) {
          events_->push_back(e);
          return Status::OK();
        },
        truth_);
    ASSERT_TRUE(st.ok()) << st.ToString();
    by_account_ = new std::map<std::string, std::vector<const Event*>>;
    for (const Event& e : *events_) (*by_account_)[e.account].push_back(&e);
  }
  static void TearDownTestSuite() {
    delete events_;
    delete truth_;
    delete by_account_;
  }

  static const PlantedSituation& Situation(const std::string& name) {
    for (const PlantedSituation& s : truth_->situations) {
      if (s.name == name) return s;
    }
    ADD_FAILURE() << "no situation " << name;
    static PlantedSituation none;
    return none;
  }
  static const std::string& AccountOf(const std::string& name) {
    return Situation(name).accounts.at(0);
  }
  static const std::vector<const Event*>& Events(const std::string& account) {
    return by_account_->at(account);
  }
  // Accounts that play no situation (the handle-time cutter's accounts may be among them).
  static std::vector<std::string> UnplantedAccounts() {
    std::set<std::string> planted;
    for (const PlantedSituation& s : truth_->situations) {
      if (s.name != "handle_time_cutter") planted.insert(s.accounts.begin(), s.accounts.end());
    }
    planted.insert(Situation("handle_time_cutter").accounts.at(0));
    std::vector<std::string> out;
    for (const auto& a : truth_->accounts) {
      if (!planted.count(a)) out.push_back(a);
    }
    return out;
  }
  static size_t Count(const std::string& account, EventKind kind) {
    const auto& events = Events(account);
    return std::count_if(events.begin(), events.end(),
                         [&](const Event* e) { return e->kind == kind; });
  }

  static std::vector<Event>* events_;
  static GeneratorTruth* truth_;
  static std::map<std::string, std::vector<const Event*>>* by_account_;
};

std::vector<Event>* GeneratorPortfolioTest::events_ = nullptr;
GeneratorTruth* GeneratorPortfolioTest::truth_ = nullptr;
std::map<std::string, std::vector<const Event*>>* GeneratorPortfolioTest::by_account_ = nullptr;

TEST(GeneratorTest, SameSeedGivesIdenticalEventsAndAnotherSeedDoesNot) {
  GeneratorOptions options = SmallOptions();
  options.accounts = 12;
  options.months = 4;
  std::string first = PortfolioDigest(options);
  EXPECT_EQ(PortfolioDigest(options), first);
  options.seed = 8;
  EXPECT_NE(PortfolioDigest(options), first);
}

TEST(GeneratorTest, RngIsFixedAcrossPlatforms) {
  // Golden values: a change here changes every generated portfolio.
  Rng rng(7);
  EXPECT_EQ(rng.Next(), 0xb358faf74ef9765aULL);
  EXPECT_EQ(rng.Below(1000), 278u);
  EXPECT_EQ(ExpQ32(0), uint64_t{1} << 32);
  EXPECT_NEAR(static_cast<double>(ExpQ32(int64_t{1} << 32)) / 4294967296.0, 2.718281828, 1e-8);
  EXPECT_NEAR(static_cast<double>(ExpQ32(-(int64_t{3} << 32))) / 4294967296.0, 0.049787068, 1e-8);
  // The lognormal helper has the median it is asked for.
  Rng r(1);
  std::vector<int64_t> v;
  for (int i = 0; i < 20001; ++i) v.push_back(r.LogNormal(1000, 800));
  std::nth_element(v.begin(), v.begin() + 10000, v.end());
  EXPECT_NEAR(v[10000], 1000, 40);
  int sum = 0;
  for (int i = 0; i < 10000; ++i) sum += r.Poisson(2500);
  EXPECT_NEAR(sum / 10000.0, 2.5, 0.1);
}

TEST(GeneratorTest, RefusesTooFewAccountsAndStopsOnSinkError) {
  GeneratorOptions options = SmallOptions();
  options.accounts = 11;
  GeneratorTruth truth;
  auto ok = [](const Event&) { return Status::OK(); };
  EXPECT_EQ(GeneratePortfolio(options, ok, &truth).code(), Status::Code::kInvalidInput);
  options.accounts = 12;
  options.months = 0;
  EXPECT_EQ(GeneratePortfolio(options, ok, &truth).code(), Status::Code::kInvalidInput);
  options.months = 3;
  int calls = 0;
  Status st = GeneratePortfolio(
      options,
      [&](const Event&) { return ++calls == 100 ? Status::IOError("disk full") : Status::OK(); },
      &truth);
  EXPECT_EQ(st.code(), Status::Code::kIOError);
  EXPECT_EQ(calls, 100);
}

TEST(GeneratorTest, TargetEventsIsMetWithinFivePercent) {
  GeneratorOptions options = SmallOptions();
  options.accounts = 40;
  options.target_events = 200'000;
  GeneratorTruth truth;
  uint64_t n = 0;
  ASSERT_TRUE(GeneratePortfolio(
                  options,
                  [&](const Event&) {
                    ++n;
                    return Status::OK();
                  },
                  &truth)
                  .ok());
  EXPECT_EQ(n, truth.events);
  EXPECT_GT(n, 190'000u);
  EXPECT_LT(n, 210'000u);
}

TEST(GeneratorTest, FewAccountsLeaveTheLastSituationsOut) {
  GeneratorOptions options = SmallOptions();
  options.accounts = 13;  // the first 12 situations and one unplanted account
  options.months = 2;
  GeneratorTruth truth;
  ASSERT_TRUE(GeneratePortfolio(options, [](const Event&) { return Status::OK(); }, &truth).ok());
  ASSERT_EQ(truth.situations.size(), 15u);
  for (size_t k = 0; k < truth.situations.size(); ++k) {
    EXPECT_EQ(truth.situations[k].accounts.empty(), k >= 12) << truth.situations[k].name;
  }
  EXPECT_EQ(kExpectedSignalIds[8], "impossible_deadline");
  EXPECT_TRUE(truth.expected_signals.at(8).empty());  // not planted
  EXPECT_EQ(truth.expected_signals.at(0).size(), 1u);  // let_go is
}

TEST(GeneratorTest, HistoryStartIsMonthsBeforeTheEnd) {
  GeneratorOptions options;
  options.months = 24;
  EXPECT_EQ(HistoryStartMicros(options), CivilToMicros(2024, 10, 31, 0, 0, 0));
  options.months = 8;  // 2026-02-31 does not exist: clamped to the 28th
  EXPECT_EQ(HistoryStartMicros(options), CivilToMicros(2026, 2, 28, 0, 0, 0));
}

TEST(GeneratorTest, TopicSubjectsAndBodiesPairUp) {
  for (const Topic& t : Topics()) {
    EXPECT_EQ(Texts(t.subjects).size(), Texts(t.bodies).size()) << t.name;
  }
}

TEST_F(GeneratorPortfolioTest, EveryEventRoundTripsThroughTheCanonicalEncoding) {
  EventDecoder decoder;
  std::set<std::string> ids;
  for (const Event& e : *events_) {
    std::string line = EncodeCanonical(e);
    Event back;
    Status st = decoder.Decode(line, &back);
    ASSERT_TRUE(st.ok()) << st.ToString() << "\n" << line;
    ASSERT_EQ(back, e) << line;
    EXPECT_TRUE(ids.insert(e.id).second) << "duplicate id " << e.id;
    EXPECT_EQ(e.id.rfind("gen-7:" + e.account + ":", 0), 0u) << e.id;
    ASSERT_TRUE(e.from.has_value()) << line;
    // Every template variable was filled in.
    EXPECT_EQ(e.text.find('{'), std::string::npos) << line;
    EXPECT_EQ(e.subject.find('{'), std::string::npos) << line;
  }
  EXPECT_EQ(events_->size(), truth_->events);
}

TEST_F(GeneratorPortfolioTest, EveryKindAppears) {
  std::set<EventKind> kinds;
  for (const Event& e : *events_) kinds.insert(e.kind);
  EXPECT_EQ(kinds.size(), AllKinds().size());
}

TEST_F(GeneratorPortfolioTest, TimesLieInTheHistoryAndEachAccountIsInTimeOrder) {
  GeneratorOptions options = SmallOptions();
  int64_t start = HistoryStartMicros(options);
  std::string previous_account;
  int64_t previous = 0;
  std::set<std::string> finished;
  for (const Event& e : *events_) {
    EXPECT_GE(e.time.utc_micros, start) << e.id;
    EXPECT_LT(e.time.utc_micros, options.end_utc_micros) << e.id;
    if (e.account != previous_account) {
      EXPECT_TRUE(finished.insert(e.account).second) << "account " << e.account << " is split";
      previous_account = e.account;
    } else {
      EXPECT_GE(e.time.utc_micros, previous) << e.id;
    }
    previous = e.time.utc_micros;
  }
  EXPECT_EQ(finished.size(), static_cast<size_t>(options.accounts));
  EXPECT_EQ(truth_->accounts.size(), static_cast<size_t>(options.accounts));
}

TEST_F(GeneratorPortfolioTest, MostTrafficIsInTheAccountsBusinessHours) {
  size_t business = 0, weekend = 0;
  std::set<int32_t> offsets;
  for (const Event& e : *events_) {
    int64_t local = e.time.utc_micros + int64_t{e.time.offset_minutes} * kMinute;
    int64_t day = local >= 0 ? local / (24 * kHour) : -1;
    int weekday = static_cast<int>((day + 3) % 7);  // 0 = Monday
    int hour = static_cast<int>(local / kHour % 24);
    if (weekday >= 5) ++weekend;
    if (weekday < 5 && hour >= 8 && hour < 18) ++business;
    offsets.insert(e.time.offset_minutes);
  }
  EXPECT_GT(business, events_->size() * 85 / 100);
  EXPECT_LT(weekend, events_->size() * 3 / 100);
  EXPECT_GT(weekend, 0u);
  EXPECT_GE(offsets.size(), 4u);  // several zones, and summer and winter time
}

TEST_F(GeneratorPortfolioTest, ReferencesPointToEarlierEventsOfTheSameAccount) {
  size_t responses = 0;
  for (const auto& [account, events] : *by_account_) {
    std::map<std::string, const Event*> seen;
    for (const Event* e : events) {
      std::vector<std::string> refs;
      if (!e->reply_to.empty()) refs.push_back(e->reply_to);
      if (const std::string* c = e->StringAttr("commitment")) refs.push_back(*c);
      if (const std::string* r = e->StringAttr("refers_to")) refs.push_back(*r);
      for (const std::string& ref : refs) {
        auto it = seen.find(ref);
        ASSERT_NE(it, seen.end()) << e->id << " refers to " << ref << ", not earlier in "
                                  << account;
        EXPECT_LT(it->second->time.utc_micros, e->time.utc_micros) << e->id;
      }
      if (e->kind == EventKind::kResponse) {
        ++responses;
        EXPECT_EQ(seen.at(e->reply_to)->thread, e->thread) << e->id;
      }
      if (e->kind == EventKind::kCommitmentOutcome) {
        EventKind settled = seen.at(*e->StringAttr("commitment"))->kind;
        EXPECT_TRUE(settled == EventKind::kCommitment || settled == EventKind::kDeadline) << e->id;
      }
      seen[e->id] = e;
    }
  }
  EXPECT_GT(responses, events_->size() / 5);
}

TEST_F(GeneratorPortfolioTest, IncidentsStartBeforeTheyEnd) {
  std::map<std::string, const Event*> starts;
  size_t ended = 0;
  for (const Event& e : *events_) {
    if (e.kind != EventKind::kIncident) continue;
    const std::string& id = *e.StringAttr("incident");
    if (*e.StringAttr("phase") == "start") {
      EXPECT_TRUE(starts.emplace(id, &e).second) << id;
    } else {
      ASSERT_TRUE(starts.count(id)) << id;
      EXPECT_GT(e.time.utc_micros, starts[id]->time.utc_micros);
      ++ended;
    }
  }
  EXPECT_GT(ended, 0u);
}

TEST_F(GeneratorPortfolioTest, EverySituationIsPlantedInAnAccountOfItsOwn) {
  const std::vector<std::string> names = {"discount_badgerer",
                                          "abusive_customer",
                                          "stalling_stakeholder",
                                          "hostile_stakeholder",
                                          "quiet_drain",
                                          "advocate",
                                          "exec_gap",
                                          "handle_time_cutter",
                                          "missed_promise_warned",
                                          "missed_promise_unwarned",
                                          "legal_threat",
                                          "let_go",
                                          "impossible_deadline",
                                          "quick_wins",
                                          "justified_anger"};
  ASSERT_EQ(truth_->situations.size(), names.size());
  std::set<std::string> accounts(truth_->accounts.begin(), truth_->accounts.end());
  std::set<std::string> owners;
  for (size_t i = 0; i < names.size(); ++i) {
    const PlantedSituation& s = truth_->situations[i];
    EXPECT_EQ(s.name, names[i]);
    EXPECT_FALSE(s.description.empty());
    ASSERT_FALSE(s.accounts.empty()) << s.name;
    for (const auto& a : s.accounts) EXPECT_TRUE(accounts.count(a)) << a;
    EXPECT_TRUE(owners.insert(s.accounts[0]).second) << s.name << " shares an account";
    if (s.name != "quiet_drain") {
      EXPECT_FALSE(s.contacts.empty()) << s.name;
    }
  }
}

TEST_F(GeneratorPortfolioTest, DiscountBadgererAsksMoreThanAnyUnplantedAccount) {
  const std::string& badgerer = AccountOf("discount_badgerer");
  size_t most = 0;
  for (const auto& a : UnplantedAccounts())
    most = std::max(most, Count(a, EventKind::kDiscountRequest));
  EXPECT_GT(Count(badgerer, EventKind::kDiscountRequest), std::max<size_t>(2 * most, 6));
  const std::string& contact = Situation("discount_badgerer").contacts.at(0);
  size_t pressing = 0;
  for (const Event* e : Events(badgerer)) {
    if (e->from->email == contact &&
        Mentions(*e, {"discount", "% off", "free", "credit", "waive"})) {
      ++pressing;
    }
  }
  EXPECT_GE(pressing, 6u);
}

TEST_F(GeneratorPortfolioTest, AbusiveAndLegalContactsWriteThatWay) {
  struct Case {
    const char* situation;
    std::initializer_list<const char*> words;
  };
  // The same words in the accounts that plant them too: let_go abuses, justified_anger
  // threatens to leave.
  const std::set<std::string> also = {AccountOf("let_go"), AccountOf("justified_anger")};
  for (const Case& c :
       {Case{"abusive_customer",
             {"useless", "pathetic", "incompetent", "damn", "garbage", "clowns", "crap", "joke",
              "idiotic"}},
        Case{"legal_threat", {"lawyer", "legal", "attorney", "sue for", "counsel"}},
        Case{"hostile_stakeholder",
             {"deskwise", "supportly", "ticketa", "careloop", "servio", "unacceptable"}}}) {
    const PlantedSituation& s = Situation(c.situation);
    size_t flagged = 0, elsewhere = 0;
    for (const Event& e : *events_) {
      if (!Mentions(e, c.words)) continue;
      if (e.from->email == s.contacts.at(0)) ++flagged;
      if (e.account != s.accounts.at(0) && !also.count(e.account)) ++elsewhere;
    }
    EXPECT_GE(flagged, 4u) << c.situation;
    EXPECT_EQ(elsewhere, 0u) << c.situation;
  }
}

TEST_F(GeneratorPortfolioTest, StallingStakeholderBreaksTheirSmallCommitments) {
  const PlantedSituation& s = Situation("stalling_stakeholder");
  std::map<std::string, const Event*> theirs;
  size_t broken = 0, kept = 0;
  for (const Event* e : Events(s.accounts.at(0))) {
    if (e->kind == EventKind::kCommitment && *e->StringAttr("owner") == "theirs" &&
        e->from->email == s.contacts.at(0)) {
      theirs[e->id] = e;
    }
    if (e->kind == EventKind::kCommitmentOutcome && theirs.count(*e->StringAttr("commitment"))) {
      (*e->StringAttr("status") == "broken" ? broken : kept)++;
    }
  }
  EXPECT_GE(broken, 5u);
  EXPECT_GT(broken, 2 * kept);
}

TEST_F(GeneratorPortfolioTest, HostileStakeholderAccountIsServedFastAndWell) {
  const PlantedSituation& s = Situation("hostile_stakeholder");
  const std::string& account = s.accounts.at(0);
  EXPECT_EQ(Count(account, EventKind::kIncident), 0u);
  std::map<std::string, const Event*> by_id;
  std::vector<int64_t> waits;
  size_t escalations_to_execs = 0;
  for (const Event* e : Events(account)) {
    by_id[e->id] = e;
    if (e->kind == EventKind::kCommitmentOutcome) {
      const Event* c = by_id.at(*e->StringAttr("commitment"));
      if (c->kind == EventKind::kCommitment && *c->StringAttr("owner") == "ours") {
        EXPECT_EQ(*e->StringAttr("status"), "kept") << e->id;
      }
    }
    if (e->kind == EventKind::kResponse && by_id.at(e->reply_to)->kind == EventKind::kRequest) {
      waits.push_back(e->time.utc_micros - by_id.at(e->reply_to)->time.utc_micros);
    }
    if (e->kind == EventKind::kEscalation && e->from->email == s.contacts.at(0) &&
        std::any_of(e->to.begin(), e->to.end(), IsOurExec)) {
      ++escalations_to_execs;
    }
  }
  EXPECT_GE(escalations_to_execs, 2u);
  ASSERT_FALSE(waits.empty());
  std::nth_element(waits.begin(), waits.begin() + waits.size() / 2, waits.end());
  EXPECT_LT(waits[waits.size() / 2], kHour);
}

TEST_F(GeneratorPortfolioTest, QuietDrainHasLongCallsAndManyEscalations) {
  const std::string& drain = AccountOf("quiet_drain");
  auto median_handle = [&](const std::vector<std::string>& accounts) {
    std::vector<int64_t> handles;
    for (const auto& account : accounts) {
      for (const Event* e : Events(account)) {
        if (e->kind == EventKind::kCall && *e->StringAttr("outcome") != "abandoned") {
          handles.push_back(*e->IntAttr("handle_s"));
        }
      }
    }
    std::nth_element(handles.begin(), handles.begin() + handles.size() / 2, handles.end());
    return handles.empty() ? 0 : handles[handles.size() / 2];
  };
  const std::vector<std::string> unplanted = UnplantedAccounts();
  EXPECT_GT(median_handle({drain}), 18 * median_handle(unplanted) / 10);
  auto median_count = [&](EventKind kind) {
    std::vector<size_t> counts;
    for (const auto& a : unplanted) counts.push_back(Count(a, kind));
    std::nth_element(counts.begin(), counts.begin() + counts.size() / 2, counts.end());
    return counts[counts.size() / 2];
  };
  EXPECT_GT(Count(drain, EventKind::kEscalation), 2 * median_count(EventKind::kEscalation));
  EXPECT_GT(Count(drain, EventKind::kCall), 2 * median_count(EventKind::kCall));
}

TEST_F(GeneratorPortfolioTest, AdvocateThanksUsAfterAFastFix) {
  const PlantedSituation& s = Situation("advocate");
  std::map<std::string, int64_t> started;
  std::map<std::string, int64_t> fast_fixes;  // thread -> end of an incident fixed within 2 h
  size_t thanked = 0;
  for (const Event* e : Events(s.accounts.at(0))) {
    if (e->kind == EventKind::kIncident) {
      const std::string& id = *e->StringAttr("incident");
      if (*e->StringAttr("phase") == "start") started[id] = e->time.utc_micros;
      if (*e->StringAttr("phase") == "end" && e->time.utc_micros - started[id] <= 2 * kHour) {
        fast_fixes[e->thread] = e->time.utc_micros;
      }
    }
    auto fix = fast_fixes.find(e->thread);
    if (e->kind == EventKind::kMessage && e->from->email == s.contacts.at(0) &&
        fix != fast_fixes.end() && Mentions(*e, {"thank"})) {
      EXPECT_LT(e->time.utc_micros - fix->second, 3 * 24 * kHour);
      ++thanked;
    }
  }
  EXPECT_GE(thanked, 1u);
}

TEST_F(GeneratorPortfolioTest, ExecGapExecutivesNeverDealWithOurSide) {
  const PlantedSituation& s = Situation("exec_gap");
  std::set<std::string> execs(s.contacts.begin(), s.contacts.end());
  size_t appearances = 0;
  for (const Event* e : Events(s.accounts.at(0))) {
    bool exec_to = std::any_of(e->to.begin(), e->to.end(), IsTheirExec);
    bool ours_to = std::any_of(e->to.begin(), e->to.end(), IsOurs);
    EXPECT_FALSE(IsOurs(*e->from) && exec_to) << e->id;
    EXPECT_FALSE(IsTheirExec(*e->from) && ours_to) << e->id;
    if (IsTheirExec(*e->from) || exec_to) ++appearances;
    if (IsTheirExec(*e->from)) {
      EXPECT_TRUE(execs.count(e->from->email)) << e->id;
    }
  }
  EXPECT_GT(appearances, 0u);  // they exist: they signed the contract, they are copied
  // Elsewhere our side does talk to their executives.
  size_t elsewhere = 0;
  for (const Event& e : *events_) {
    if (e.account != s.accounts.at(0) && IsOurs(*e.from) &&
        std::any_of(e.to.begin(), e.to.end(), IsTheirExec)) {
      ++elsewhere;
    }
  }
  EXPECT_GT(elsewhere, 0u);
}

TEST_F(GeneratorPortfolioTest, HandleTimeCutterDropsCallsJustBelowTheTarget) {
  const PlantedSituation& s = Situation("handle_time_cutter");
  const std::string& agent = s.contacts.at(0);
  std::set<std::string> accounts(s.accounts.begin(), s.accounts.end());
  size_t calls = 0, clustered = 0, dropped = 0, others = 0, others_clustered = 0, home_calls = 0;
  for (const Event& e : *events_) {
    if (e.kind != EventKind::kCall) continue;
    const std::string* who = e.StringAttr("agent");
    if (who == nullptr) continue;
    int64_t handle = *e.IntAttr("handle_s");
    bool near_target = handle >= 540 && handle < 600;
    if (*who == agent) {
      ++calls;
      clustered += near_target;
      dropped += *e.StringAttr("outcome") == "dropped";
      home_calls += e.account == s.accounts.at(0);
      EXPECT_TRUE(accounts.count(e.account)) << e.account;
    } else {
      ++others;
      others_clustered += near_target;
    }
  }
  ASSERT_GT(calls, 20u);
  EXPECT_GT(home_calls, 0u);
  EXPECT_GT(clustered * 2, calls);
  EXPECT_GT(dropped * 3, calls);
  EXPECT_LT(others_clustered * 10, others);
}

TEST_F(GeneratorPortfolioTest, MissedPromisesAreWarnedInOneAccountAndNotInTheOther) {
  for (const char* name : {"missed_promise_warned", "missed_promise_unwarned"}) {
    bool warned_account = std::string(name) == "missed_promise_warned";
    std::map<std::string, const Event*> ours;
    std::map<std::string, int64_t> first_update;  // commitment id -> earliest update from us
    size_t broken = 0;
    for (const Event* e : Events(AccountOf(name))) {
      if (e->kind == EventKind::kCommitment && *e->StringAttr("owner") == "ours") ours[e->id] = e;
      if (e->kind == EventKind::kStatusUpdate && IsOurs(*e->from) && e->StringAttr("refers_to")) {
        first_update.emplace(*e->StringAttr("refers_to"), e->time.utc_micros);
      }
      if (e->kind != EventKind::kCommitmentOutcome || *e->StringAttr("status") != "broken")
        continue;
      auto c = ours.find(*e->StringAttr("commitment"));
      if (c == ours.end()) continue;
      ++broken;
      int64_t due = c->second->TimeAttr("due")->utc_micros;
      auto u = first_update.find(c->first);
      bool warned = u != first_update.end() && u->second < due;
      EXPECT_EQ(warned, warned_account) << name << " " << c->first;
    }
    EXPECT_GE(broken, 3u) << name;
  }
}

TEST_F(GeneratorPortfolioTest, TruthJsonListsTheSituations) {
  std::string json = TruthToJson(SmallOptions(), *truth_);
  nlohmann::json j = nlohmann::json::parse(json);
  EXPECT_EQ(j["options"]["seed"], 7);
  EXPECT_EQ(j["events"], truth_->events);
  EXPECT_EQ(j["start"], "2025-10-31T00:00:00Z");
  EXPECT_EQ(j["end"], "2026-10-31T00:00:00Z");
  ASSERT_EQ(j["situations"].size(), truth_->situations.size());
  EXPECT_EQ(j["situations"][0]["name"], "discount_badgerer");
  EXPECT_EQ(j["situations"][0]["accounts"][0], truth_->situations[0].accounts[0]);
  EXPECT_EQ(j["accounts"].size(), truth_->accounts.size());
  // Every signal id, each naming accounts of the portfolio; every escalation's cause.
  const std::vector<std::string> ids = {
      "let_go",          "legal_risk",          "hostile_stakeholder", "abusive_contact",
      "stalled_deal",    "negative_margin",     "late_payer",          "broken_promises",
      "impossible_deadline", "level_gap",       "discount_badgering",  "quick_wins",
      "advocate"};
  ASSERT_EQ(j["expected_signals"].size(), ids.size());
  std::set<std::string> accounts(truth_->accounts.begin(), truth_->accounts.end());
  for (const std::string& id : ids) {
    ASSERT_TRUE(j["expected_signals"].contains(id)) << id;
    for (const auto& a : j["expected_signals"][id]) EXPECT_TRUE(accounts.count(a)) << id;
  }
  EXPECT_EQ(j["expected_signals"]["let_go"][0], AccountOf("let_go"));
  EXPECT_EQ(j["expected_signals"]["advocate"][0], AccountOf("advocate"));
  EXPECT_EQ(j["expected_signals"]["abusive_contact"].size(), 2u);
  EXPECT_EQ(j["expected_signals"]["negative_margin"].size(), 2u);
  EXPECT_EQ(j["expected_signals"]["broken_promises"].size(), 3u);
  size_t escalations = 0;
  for (const Event& e : *events_) escalations += e.kind == EventKind::kEscalation;
  EXPECT_EQ(j["escalation_causes"].size(), escalations);
}

// --- Properties that hold on several seeds, over two years as the acceptance runs use. ------

struct Portfolio {
  GeneratorOptions options;
  GeneratorTruth truth;
  std::vector<Event> events;
  std::map<std::string, std::vector<const Event*>> by_account;
  std::map<std::string, const Event*> by_id;

  const PlantedSituation& Situation(const std::string& name) const {
    for (const PlantedSituation& s : truth.situations) {
      if (s.name == name) return s;
    }
    ADD_FAILURE() << "no situation " << name;
    static PlantedSituation none;
    return none;
  }
  const std::string& AccountOf(const std::string& name) const {
    return Situation(name).accounts.at(0);
  }
  std::set<std::string> Planted() const {
    std::set<std::string> out;
    for (const PlantedSituation& s : truth.situations) {
      if (s.name != "handle_time_cutter") out.insert(s.accounts.begin(), s.accounts.end());
    }
    out.insert(Situation("handle_time_cutter").accounts.at(0));
    return out;
  }
  const std::vector<std::string>& Expected(const std::string& signal) const {
    for (size_t k = 0; k < std::size(kExpectedSignalIds); ++k) {
      if (kExpectedSignalIds[k] == signal) return truth.expected_signals.at(k);
    }
    ADD_FAILURE() << "no signal " << signal;
    static std::vector<std::string> none;
    return none;
  }
};

const Portfolio& TwoYears(uint64_t seed) {
  static std::map<uint64_t, Portfolio>* cache = new std::map<uint64_t, Portfolio>;
  auto it = cache->find(seed);
  if (it != cache->end()) return it->second;
  Portfolio& p = (*cache)[seed];
  p.options.seed = seed;
  p.options.accounts = 20;
  p.options.months = 24;
  p.events.reserve(40'000);
  Status st = GeneratePortfolio(
      p.options,
      [&](const Event& e) {
        p.events.push_back(e);
        return Status::OK();
      },
      &p.truth);
  EXPECT_TRUE(st.ok()) << st.ToString();
  for (const Event& e : p.events) {
    p.by_account[e.account].push_back(&e);
    p.by_id[e.id] = &e;
  }
  return p;
}

constexpr uint64_t kSeeds[] = {3, 7, 11, 23};
constexpr int64_t kDay = 24 * kHour;

int64_t Median(std::vector<int64_t> v) {
  if (v.empty()) return 0;
  std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
  return v[v.size() / 2];
}

TEST(GeneratorSeedsTest, LetGoAbusesCostsMoreThanItPaysAndPaysLate) {
  for (uint64_t seed : kSeeds) {
    const Portfolio& p = TwoYears(seed);
    const PlantedSituation& s = p.Situation("let_go");
    const std::string& account = s.accounts.at(0);
    size_t from_abuser = 0, abusive = 0, calls = 0, long_calls = 0;
    for (const Event* e : p.by_account.at(account)) {
      if (e->from->email == s.contacts.at(0) && !e->text.empty()) {
        ++from_abuser;
        abusive += Mentions(*e, {"useless", "pathetic", "incompetent", "damn", "garbage",
                                 "clowns", "crap", "joke", "idiotic"});
      }
      if (e->kind == EventKind::kCall && *e->StringAttr("outcome") != "abandoned") {
        ++calls;
        long_calls += *e->IntAttr("handle_s") >= 600;
      }
    }
    EXPECT_GE(abusive, 6u) << seed;
    EXPECT_GT(abusive * 2, from_abuser) << seed;  // most of their messages
    EXPECT_GT(calls, 150u) << seed;
    EXPECT_GT(long_calls * 2, calls) << seed;
    const std::vector<std::string>& late = p.Expected("late_payer");
    EXPECT_TRUE(std::count(late.begin(), late.end(), account)) << seed;
    for (const char* signal : {"let_go", "abusive_contact", "negative_margin"}) {
      const std::vector<std::string>& expected = p.Expected(signal);
      EXPECT_TRUE(std::count(expected.begin(), expected.end(), account)) << seed << signal;
    }
  }
}

TEST(GeneratorSeedsTest, PaymentHabitsAreCrisp) {
  for (uint64_t seed : kSeeds) {
    const Portfolio& p = TwoYears(seed);
    const std::vector<std::string>& late_list = p.Expected("late_payer");
    const std::set<std::string> late(late_list.begin(), late_list.end());
    for (const auto& [account, events] : p.by_account) {
      std::map<std::string, int64_t> due;  // invoice -> due
      size_t paid = 0, paid_late = 0;
      for (const Event* e : events) {
        if (e->kind == EventKind::kInvoice) due[*e->StringAttr("invoice")] = e->TimeAttr("due")->utc_micros;
        if (e->kind != EventKind::kPayment) continue;
        int64_t days = (e->time.utc_micros - due.at(*e->StringAttr("invoice"))) / kDay;
        ++paid;
        // Within a few days of the due date, or well over ten days late: nothing between.
        EXPECT_TRUE(days <= 5 || days >= 14) << e->id << " " << days;
        paid_late += days > 10;
      }
      ASSERT_GT(paid, 0u) << account;
      if (late.count(account)) {
        EXPECT_EQ(paid_late, paid) << seed << " " << account;
      } else {
        EXPECT_EQ(paid_late, 0u) << seed << " " << account;
      }
    }
    for (const char* situation : {"abusive_customer", "quiet_drain", "let_go"}) {
      EXPECT_TRUE(late.count(p.AccountOf(situation))) << seed << " " << situation;
    }
  }
}

TEST(GeneratorSeedsTest, ImpossibleDeadlinesAreRecentAndOnlyThere) {
  for (uint64_t seed : kSeeds) {
    const Portfolio& p = TwoYears(seed);
    const std::string& planted = p.AccountOf("impossible_deadline");
    size_t impossible = 0;
    for (const Event& e : p.events) {
      if (e.kind != EventKind::kDeadline) continue;
      int64_t lead = e.TimeAttr("due")->utc_micros - e.time.utc_micros;
      if (e.account == planted && lead < 5 * kDay) {  // the next working day at noon
        EXPECT_EQ(e.from->level, Level::kManager) << e.id;
        EXPECT_GT(e.time.utc_micros, p.options.end_utc_micros - 60 * kDay) << e.id;
        ++impossible;
      } else {
        // Two weeks or more: in line with the weeks such work takes us.
        EXPECT_GE(lead, 13 * kDay) << e.id;
      }
    }
    EXPECT_GE(impossible, 2u) << seed;
  }
}

// The asks of a demand, by root request: their requests in the thread (the first, and "still
// broken" ones that answer our answers) and their messages that chase a request.
struct Demand {
  size_t asks = 0;
  std::set<std::string> askers;
  int64_t last_ask = 0, last_ours = 0;
};

std::map<std::string, Demand> Demands(const Portfolio& p, const std::string& account) {
  std::map<std::string, Demand> out;
  for (const Event* e : p.by_account.at(account)) {
    const Event* root = nullptr;
    for (const Event* at = e; at != nullptr;) {
      if (at->kind == EventKind::kRequest) root = at;
      auto next = at->reply_to.empty() ? p.by_id.end() : p.by_id.find(at->reply_to);
      at = next == p.by_id.end() ? nullptr : next->second;
    }
    if (root == nullptr || root->from->side != Side::kTheirs) continue;
    Demand& d = out[root->id];
    if (e->from->side == Side::kOurs) {
      d.last_ours = e->time.utc_micros;
    } else if (e->kind == EventKind::kRequest ||
               (e->kind == EventKind::kMessage && p.by_id.at(e->reply_to)->kind == EventKind::kRequest)) {
      // A request, or a message that chases one (not a thank-you for our answer).
      ++d.asks;
      d.askers.insert(e->from->email);
      d.last_ask = e->time.utc_micros;
    }
  }
  return out;
}

TEST(GeneratorSeedsTest, QuickWinIsOneOpenDemandAskedByTwoPeople) {
  for (uint64_t seed : kSeeds) {
    const Portfolio& p = TwoYears(seed);
    const std::string& planted = p.AccountOf("quick_wins");
    const int64_t recent = p.options.end_utc_micros - 90 * kDay;
    size_t wins = 0;
    for (const auto& [account, events] : p.by_account) {
      for (const auto& [root, d] : Demands(p, account)) {
        bool open = d.last_ask > recent && d.last_ours < d.last_ask;
        if (account == planted && open && d.asks >= 3 && d.askers.size() >= 2) ++wins;
        // Elsewhere a demand is asked by one person, once or twice.
        if (account != planted && open) {
          EXPECT_EQ(d.askers.size(), 1u) << root;
          EXPECT_LE(d.asks, 2u) << root;
        }
      }
    }
    EXPECT_EQ(wins, 1u) << seed;
  }
}

TEST(GeneratorSeedsTest, JustifiedAngerHasGrounds) {
  for (uint64_t seed : kSeeds) {
    const Portfolio& p = TwoYears(seed);
    const PlantedSituation& s = p.Situation("justified_anger");
    const int64_t from = p.options.end_utc_micros - 180 * kDay;
    std::map<std::string, int64_t> started;
    int64_t outage = 0;
    size_t threats = 0, broken = 0, kept = 0;
    std::vector<int64_t> waits;
    for (const Event* e : p.by_account.at(s.accounts.at(0))) {
      if (e->time.utc_micros <= from) continue;
      if (e->from->email == s.contacts.at(0) &&
          Mentions(*e, {"deskwise", "supportly", "ticketa", "careloop", "servio"})) {
        ++threats;
      }
      if (e->kind == EventKind::kIncident) {
        const std::string& id = *e->StringAttr("incident");
        if (*e->StringAttr("phase") == "start") started[id] = e->time.utc_micros;
        if (*e->StringAttr("phase") == "end" && started.count(id)) {
          outage += e->time.utc_micros - started[id];
        }
      }
      if (e->kind == EventKind::kCommitmentOutcome) {
        const Event* c = p.by_id.at(*e->StringAttr("commitment"));
        if (c->kind == EventKind::kCommitment && *c->StringAttr("owner") == "ours") {
          (*e->StringAttr("status") == "broken" ? broken : kept)++;
        }
      }
      if (e->kind == EventKind::kResponse) {
        const Event* to = p.by_id.at(e->reply_to);
        if (to->kind == EventKind::kRequest) waits.push_back(e->time.utc_micros - to->time.utc_micros);
      }
    }
    EXPECT_GE(threats, 2u) << seed;
    EXPECT_GE(outage, 8 * kHour) << seed;
    EXPECT_GE(broken, 3u) << seed;
    EXPECT_GE(broken * 10, (broken + kept) * 4) << seed;  // what broken_promises needs
    EXPECT_GT(Median(waits), 24 * kHour) << seed;
    const std::vector<std::string>& hostile = p.Expected("hostile_stakeholder");
    EXPECT_FALSE(std::count(hostile.begin(), hostile.end(), s.accounts.at(0))) << seed;
    const std::vector<std::string>& broke = p.Expected("broken_promises");
    EXPECT_TRUE(std::count(broke.begin(), broke.end(), s.accounts.at(0))) << seed;
  }
}

TEST(GeneratorSeedsTest, UnplantedAccountsBreakFewPromises) {
  for (uint64_t seed : kSeeds) {
    const Portfolio& p = TwoYears(seed);
    const std::set<std::string> planted = p.Planted();
    for (const auto& [account, events] : p.by_account) {
      if (planted.count(account)) continue;
      std::vector<int64_t> broken;
      for (const Event* e : events) {
        if (e->kind != EventKind::kCommitmentOutcome || *e->StringAttr("status") != "broken") continue;
        const Event* c = p.by_id.at(*e->StringAttr("commitment"));
        if (c->kind == EventKind::kCommitment && *c->StringAttr("owner") == "ours") {
          broken.push_back(e->time.utc_micros);
        }
      }
      for (size_t i = 2; i < broken.size(); ++i) {
        EXPECT_GT(broken[i] - broken[i - 2], 180 * kDay) << seed << " " << account;
      }
    }
  }
}

TEST(GeneratorSeedsTest, EscalationsFollowTheirCauses) {
  for (uint64_t seed : kSeeds) {
    const Portfolio& p = TwoYears(seed);
    std::map<std::string, std::string> causes(p.truth.escalation_causes.begin(),
                                              p.truth.escalation_causes.end());
    size_t escalations = 0, recorded = 0;
    std::map<std::string, size_t> by_cause;
    for (const Event& e : p.events) {
      if (e.kind != EventKind::kEscalation) continue;
      ++escalations;
      ASSERT_TRUE(causes.count(e.id)) << e.id;
      const std::string& cause = causes.at(e.id);
      ++by_cause[cause];
      if (const std::string* attr = e.StringAttr("cause")) {
        ++recorded;
        EXPECT_EQ(*attr, cause) << e.id;
      }
      if (cause == "other") continue;
      ASSERT_FALSE(e.reply_to.empty()) << e.id;
      const Event& to = *p.by_id.at(e.reply_to);
      EXPECT_LT(to.time.utc_micros, e.time.utc_micros) << e.id;
      if (cause == "incident") {
        EXPECT_EQ(to.kind, EventKind::kIncident) << e.id;
        EXPECT_EQ(*to.StringAttr("phase"), "start") << e.id;
        EXPECT_LT(e.time.utc_micros - to.time.utc_micros, 3 * kHour) << e.id;
      } else if (cause == "broken_promise") {
        EXPECT_EQ(to.kind, EventKind::kCommitmentOutcome) << e.id;
        EXPECT_EQ(*to.StringAttr("status"), "broken") << e.id;
      } else if (cause == "unanswered") {
        // A chased request nobody answered.
        const Event& request = to.kind == EventKind::kRequest ? to : *p.by_id.at(to.reply_to);
        EXPECT_EQ(request.kind, EventKind::kRequest) << e.id;
        for (const Event* x : p.by_account.at(e.account)) {
          EXPECT_FALSE(x->kind == EventKind::kResponse && x->reply_to == request.id) << e.id;
        }
      } else if (cause == "repeat_request") {
        EXPECT_EQ(to.kind, EventKind::kRequest) << e.id;
        EXPECT_EQ(p.by_id.at(to.reply_to)->kind, EventKind::kResponse) << e.id;  // asked again
      } else if (cause == "billing") {
        EXPECT_EQ(to.kind, EventKind::kMessage) << e.id;
        EXPECT_EQ(p.by_id.at(to.reply_to)->kind, EventKind::kInvoice) << e.id;  // a reminder
      } else {
        ADD_FAILURE() << "unknown cause " << cause;
      }
    }
    EXPECT_EQ(escalations, causes.size()) << seed;
    EXPECT_GT(recorded * 100, escalations * 20) << seed;  // about 30% carry their cause
    EXPECT_LT(recorded * 100, escalations * 40) << seed;
    for (const char* cause : {"incident", "unanswered", "repeat_request", "other"}) {
      EXPECT_GT(by_cause[cause], 0u) << seed << " " << cause;
    }
  }
}

}  // namespace
}  // namespace nanni
