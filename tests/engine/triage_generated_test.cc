// Triage against a known answer: on generated portfolios (200 accounts over 24 months, three
// seeds) every signal must find the accounts the generator planted it in, and only those,
// with precision and recall of at least 0.9 per signal over the three seeds. The detectors
// read only the ledger, through the engine; the truth file says what was planted
// (`expected_signals`, docs/generate.md).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <map>
#include <set>

#include "engine/triage.h"
#include "support/test_support.h"

namespace nanni {
namespace {

using nlohmann::json;
using test::Nanni;

using AccountSets = std::map<std::string, std::set<std::string>>;  // signal -> accounts

struct SeedRun {
  AccountSets expected, fired;
  std::set<std::string> justified_anger;  // accounts whose anger our record justifies
};

SeedRun RunSeed(int seed) {
  test::TempDir dir;
  std::string truth;
  const std::string db = test::GeneratedLedger(dir, seed, 200, 24, &truth);
  SeedRun run;
  auto triage = Nanni({"--db", db, "--json", "triage", "--as-of", "2026-10-31T00:00:00Z"});
  EXPECT_EQ(triage.exit_code, 0) << triage.err;
  const json t = json::parse(test::ReadFile(truth));
  for (const auto& [signal, accounts] : t.at("expected_signals").items()) {
    run.expected[signal];
    for (const auto& a : accounts) run.expected[signal].insert(a.get<std::string>());
  }
  for (const auto& s : t.at("situations")) {
    if (s.at("name") != "justified_anger") continue;
    for (const auto& a : s.at("accounts")) run.justified_anger.insert(a.get<std::string>());
  }
  const json out = json::parse(triage.out);
  for (const auto& a : out.at("accounts")) {
    for (const auto& s : a.at("signals")) run.fired[s.at("signal")].insert(a.at("account").get<std::string>());
  }
  return run;
}

TEST(TriageGenerated, EverySignalFindsWhatWasPlantedOnThreeSeeds) {
  std::map<std::string, size_t> tp, fp, fn;
  for (int seed : {7, 11, 23}) {
    SeedRun run = RunSeed(seed);
    for (std::string_view id : kSignalIds) {
      const std::string signal(id);
      ASSERT_TRUE(run.expected.count(signal)) << "truth of seed " << seed << " has no expected_signals." << signal;
      const std::set<std::string>& want = run.expected[signal];
      const std::set<std::string>& got = run.fired[signal];
      for (const std::string& a : got) (want.count(a) ? tp : fp)[signal]++;
      for (const std::string& a : want) fn[signal] += got.count(a) ? 0 : 1;
      for (const std::string& a : got) {
        if (!want.count(a)) std::printf("seed %d: %s fired on %s, not planted\n", seed, signal.c_str(), a.c_str());
      }
      for (const std::string& a : want) {
        if (!got.count(a)) std::printf("seed %d: %s missed %s\n", seed, signal.c_str(), a.c_str());
      }
    }
    for (const std::string& a : run.justified_anger) {
      EXPECT_FALSE(run.fired["hostile_stakeholder"].count(a))
          << "seed " << seed << ": " << a << "'s anger is justified by our record, yet hostile_stakeholder fired";
    }
    EXPECT_FALSE(run.justified_anger.empty()) << "seed " << seed << " plants no justified_anger control";
  }
  for (std::string_view id : kSignalIds) {
    const std::string signal(id);
    const double p = tp[signal] + fp[signal] == 0 ? 0 : double(tp[signal]) / double(tp[signal] + fp[signal]);
    const double r = tp[signal] + fn[signal] == 0 ? 0 : double(tp[signal]) / double(tp[signal] + fn[signal]);
    std::printf("%-20s tp %3zu fp %3zu fn %3zu  precision %.2f recall %.2f\n", signal.c_str(), tp[signal], fp[signal],
                fn[signal], p, r);
    EXPECT_GE(p, 0.9) << signal;
    EXPECT_GE(r, 0.9) << signal;
    EXPECT_GT(tp[signal], 0u) << signal << " was never planted";
  }
}

}  // namespace
}  // namespace nanni
