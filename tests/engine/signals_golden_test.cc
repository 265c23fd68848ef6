// The golden cases of the triage signals: tests/data/signals/cases.tsv names, for small
// ledgers built on either side of each signal's thresholds, which signals must fire (with the
// events that must be among their evidence) and which must stay silent. Anyone can add a case
// there, or a ledger beside it, without writing C++.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "engine/engine.h"
#include "import/ndjson_source.h"
#include "support/ledger_fixture.h"
#include "support/test_support.h"
#include "util/time.h"

namespace nanni {
namespace {

struct GoldenCase {
  int line = 0;
  std::string file, account, signal, expect, why;
  std::vector<std::string> evidence;
};

// Every case, grouped by ledger file.
std::map<std::string, std::vector<GoldenCase>> LoadCases() {
  std::ifstream in(test::TestData("signals/cases.tsv"));
  std::map<std::string, std::vector<GoldenCase>> out;
  std::string text;
  int line = 0;
  bool header = true;
  while (std::getline(in, text)) {
    ++line;
    if (text.empty() || text[0] == '#') continue;
    if (header) {
      header = false;
      continue;
    }
    std::vector<std::string> cols = test::Split(text, '\t');
    GoldenCase c;
    c.line = line;
    if (cols.size() == 6) {
      c.file = cols[0], c.account = cols[1], c.signal = cols[2], c.expect = cols[3], c.why = cols[5];
      if (cols[4] != "-") c.evidence = test::Split(cols[4], ',');
    }
    out[c.file].push_back(c);
  }
  return out;
}

std::vector<std::string> CaseFiles() {
  std::vector<std::string> files;
  for (const auto& [file, cases] : LoadCases()) files.push_back(file);
  return files;
}

// A ledger holding `file`, read by triage as of 2026-06-01.
Triage TriageOf(const std::string& file) {
  test::TempDir dir;
  const std::string db = dir.File("golden.db");
  test::NewLedger(db);
  Engine::Options options;
  options.location = db;
  options.mode = StoreMode::kReadWrite;
  std::unique_ptr<Engine> engine;
  EXPECT_TRUE(Engine::Open(std::move(options), &engine).ok());
  std::vector<std::unique_ptr<EventSource>> sources;
  std::unique_ptr<NdjsonSource> source;
  Status st = NdjsonSource::Open(test::TestData("signals/" + file + ".ndjson"), NdjsonSource::Options(), &source);
  EXPECT_TRUE(st.ok()) << st.ToString();
  sources.push_back(std::move(source));
  ImportOptions import;
  import.progress = false;
  ImportSummary summary;
  st = engine->Import(std::move(sources), import, &summary);
  EXPECT_TRUE(st.ok()) << st.ToString();
  ReportMoment moment;
  EXPECT_TRUE(ParseRfc3339("2026-06-01T00:00:00Z", &moment.as_of).ok());
  Triage triage;
  st = engine->Triage(AccessScope::All(), moment, &triage);
  EXPECT_TRUE(st.ok()) << st.ToString();
  return triage;
}

const Signal* FindSignal(const Triage& triage, const std::string& account, const std::string& signal) {
  for (const AccountTriage& a : triage.accounts) {
    if (a.account != account) continue;
    for (const Signal& s : a.signals) {
      if (s.signal == signal) return &s;
    }
  }
  return nullptr;
}

bool HasAccount(const Triage& triage, const std::string& account) {
  return std::any_of(triage.accounts.begin(), triage.accounts.end(),
                     [&](const AccountTriage& a) { return a.account == account; });
}

class SignalsGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(SignalsGolden, FiresAndStaysSilentAsTheCasesSay) {
  const std::vector<GoldenCase> cases = LoadCases().at(GetParam());
  const Triage triage = TriageOf(GetParam());
  for (const GoldenCase& c : cases) {
    SCOPED_TRACE("cases.tsv:" + std::to_string(c.line) + " (" + c.account + " " + c.signal + ": " + c.why + ")");
    ASSERT_TRUE(c.expect == "fires" || c.expect == "silent") << "expect must be fires or silent";
    ASSERT_TRUE(HasAccount(triage, c.account)) << "no such account in " << c.file;
    const Signal* s = FindSignal(triage, c.account, c.signal);
    if (c.expect == "silent") {
      EXPECT_EQ(s, nullptr) << "fired: " << s->reason;
      continue;
    }
    ASSERT_NE(s, nullptr) << "did not fire";
    EXPECT_FALSE(s->reason.empty());
    EXPECT_GT(s->score, 0);
    EXPECT_LE(s->score, 1);
    EXPECT_FALSE(s->evidence.empty());
    for (const Evidence& e : s->evidence) EXPECT_FALSE(e.id.empty()) << "evidence without a citation";
    for (const std::string& id : c.evidence) {
      EXPECT_TRUE(std::any_of(s->evidence.begin(), s->evidence.end(), [&](const Evidence& e) { return e.id == id; }))
          << id << " is not among the evidence";
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Signals, SignalsGolden, ::testing::ValuesIn(CaseFiles()),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

// Every signal id has a case that fires and one that must stay silent.
TEST(SignalsGoldenCoverage, EverySignalFiresAndStaysSilentSomewhere) {
  std::map<std::string, std::pair<int, int>> seen;
  for (const auto& [file, cases] : LoadCases()) {
    for (const GoldenCase& c : cases) {
      (c.expect == "fires" ? seen[c.signal].first : seen[c.signal].second)++;
    }
  }
  for (std::string_view id : kSignalIds) {
    EXPECT_GT(seen[std::string(id)].first, 0) << id << " has no case where it fires";
    EXPECT_GT(seen[std::string(id)].second, 0) << id << " has no case where it stays silent";
  }
}

}  // namespace
}  // namespace nanni
