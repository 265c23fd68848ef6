// The sludge audit against a known answer: on generated portfolios of five seeds, the agent
// the generator planted to cut calls just below a 600 s handle-time target is found, with its
// threshold within 10 s, and no other agent is flagged; and the accounts where we miss
// promises are told apart by whether we warned before the date (docs/generate.md).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <map>
#include <string>

#include "support/test_support.h"

namespace nanni {
namespace {

using nlohmann::json;
using test::Nanni;

struct Planted {
  std::string cutter, warned_account, unwarned_account;
};

Planted ReadTruth(const std::string& file) {
  Planted p;
  const json truth = json::parse(test::ReadFile(file));
  for (const json& s : truth.at("situations")) {
    if (s.at("name") == "handle_time_cutter") p.cutter = s.at("contacts").at(0).get<std::string>();
    if (s.at("name") == "missed_promise_warned") p.warned_account = s.at("accounts").at(0).get<std::string>();
    if (s.at("name") == "missed_promise_unwarned") p.unwarned_account = s.at("accounts").at(0).get<std::string>();
  }
  return p;
}

struct SeedRun {
  Planted planted;
  json sludge;
};

SeedRun RunSeed(int seed) {
  test::TempDir dir;
  std::string truth;
  const std::string db = test::GeneratedLedger(dir, seed, 200, 24, &truth);
  auto sludge = Nanni({"--db", db, "--json", "sludge", "--as-of", "2026-10-31T00:00:00Z"});
  EXPECT_EQ(sludge.exit_code, 0) << sludge.err;
  return {ReadTruth(truth), json::parse(sludge.out)};
}

// Each seed is generated, imported and audited once for both tests.
const SeedRun& Audited(int seed) {
  static std::map<int, SeedRun> runs;
  auto it = runs.find(seed);
  if (it == runs.end()) it = runs.emplace(seed, RunSeed(seed)).first;
  return it->second;
}

const json* PromisesOf(const json& sludge, const std::string& account) {
  for (const json& p : sludge.at("promises_by_account")) {
    if (p.at("who") == account) return &p;
  }
  return nullptr;
}

TEST(SludgeGenerated, ThePlantedCutterAndOnlyHimOnFiveSeeds) {
  for (int seed : {3, 7, 11, 19, 23}) {
    const Planted& planted = Audited(seed).planted;
    const json& s = Audited(seed).sludge;
    ASSERT_FALSE(planted.cutter.empty()) << "seed " << seed << " plants no handle_time_cutter";
    size_t found = 0;
    for (const json& f : s.at("flagged_agents")) {
      EXPECT_EQ(f.at("agent"), planted.cutter) << "seed " << seed << ": " << f.dump();
      if (f.at("agent") != planted.cutter || f.at("pattern") != "handle_time_cut") continue;
      ++found;
      const json& b = f.at("bunching");
      EXPECT_LE(std::abs(b.at("threshold_s").get<int64_t>() - 600), 10) << "seed " << seed << ": " << b.dump();
      EXPECT_GT(b.at("ci_low").get<double>(), 0);
    }
    EXPECT_EQ(found, 1u) << "seed " << seed << ": the planted cutter " << planted.cutter << " was not flagged";
    EXPECT_GT(s.at("scanned").size(), 5u) << "seed " << seed << ": the other agents were not scanned";
  }
}

TEST(SludgeGenerated, MissedPromisesWithAndWithoutAnEarlyWarning) {
  for (int seed : {3, 7, 11, 19, 23}) {
    const Planted& planted = Audited(seed).planted;
    const json& s = Audited(seed).sludge;
    const json* warned = PromisesOf(s, planted.warned_account);
    const json* unwarned = PromisesOf(s, planted.unwarned_account);
    ASSERT_NE(warned, nullptr) << "seed " << seed;
    ASSERT_NE(unwarned, nullptr) << "seed " << seed;
    const auto missed = [](const json* p) { return p->at("missed").get<uint64_t>(); };
    const auto told = [](const json* p) { return p->at("missed_warned").get<uint64_t>(); };
    ASSERT_GE(missed(warned), 3u) << "seed " << seed;
    ASSERT_GE(missed(unwarned), 3u) << "seed " << seed;
    EXPECT_EQ(told(warned), missed(warned)) << "seed " << seed << ": every missed promise there was warned of";
    EXPECT_EQ(told(unwarned), 0u) << "seed " << seed << ": none there was";
    size_t cases_warned = 0, cases_unwarned = 0;
    for (const json& c : s.at("missed_promises")) {
      EXPECT_FALSE(c.at("id").get<std::string>().empty()) << "a missed promise is cited by its event id";
      if (c.at("account") == planted.warned_account) cases_warned += c.at("warned").get<bool>();
      if (c.at("account") == planted.unwarned_account) cases_unwarned += !c.at("warned").get<bool>();
    }
    EXPECT_EQ(cases_warned, missed(warned));
    EXPECT_EQ(cases_unwarned, missed(unwarned));
  }
}

}  // namespace
}  // namespace nanni
