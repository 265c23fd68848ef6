// Golden tests for the case file and the briefing: each folder under tests/data/case/ is a
// small ledger written by hand with its expected JSON (see tests/data/case/README.md).
// Every field of both documents is compared. NANNI_REGENERATE_GOLDEN=1 rewrites the expected
// files from the current output, for review by hand before committing.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "casefile/briefing_builder.h"
#include "casefile/business_clock.h"
#include "casefile/case_file_builder.h"
#include "event/event_decoder.h"
#include "ledger/ledger_writer.h"
#include "render/renderers.h"
#include "support/ledger_fixture.h"
#include "support/test_support.h"

namespace nanni {
namespace {

namespace fs = std::filesystem;

std::string Trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ' || s.back() == '\r')) s.pop_back();
  return s;
}

int64_t TimeFile(const fs::path& path) {
  Timestamp t;
  EXPECT_TRUE(ParseRfc3339(Trimmed(test::ReadFile(path.string())), &t).ok()) << path;
  return t.utc_micros;
}

// Appends the events of `file` to `store`, recorded at `recorded`.
void Append(LedgerStore* store, const fs::path& file, int64_t recorded) {
  std::unique_ptr<LedgerWriter> writer;
  ASSERT_TRUE(LedgerWriter::Begin(store, recorded, &writer).ok());
  std::istringstream in(test::ReadFile(file.string()));
  EventDecoder decoder;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (Trimmed(line).empty()) continue;
    Event e;
    Status st = decoder.Decode(line, &e);
    ASSERT_TRUE(st.ok()) << file << ":" << n << ": " << st.ToString();
    if (e.source.file.empty() && e.source.ref.empty()) {
      e.source.file = file.filename().string();
      e.source.line = n;
    }
    PreparedEvent p;
    PrepareEvent(e, &p);
    LedgerWriter::BatchResult result;
    ASSERT_TRUE(writer->AddBatch(std::span(&p, 1), &result).ok());
  }
  ASSERT_TRUE(writer->Commit().ok());
}

void Compare(const fs::path& expected_path, const std::string& actual_text) {
  nlohmann::json actual = nlohmann::json::parse(actual_text);
  if (std::getenv("NANNI_REGENERATE_GOLDEN") != nullptr) {
    test::WriteFile(expected_path.string(), actual.dump(2) + "\n");
    return;
  }
  ASSERT_TRUE(fs::exists(expected_path)) << expected_path << " is missing; run with "
                                         << "NANNI_REGENERATE_GOLDEN=1 and review it";
  nlohmann::json expected = nlohmann::json::parse(test::ReadFile(expected_path.string()));
  EXPECT_EQ(expected, actual) << expected_path << " differs:\n"
                              << nlohmann::json::diff(expected, actual).dump(2);
}

void RunCase(const fs::path& dir) {
  SCOPED_TRACE(dir.string());
  test::TempDir tmp;
  std::unique_ptr<SqliteStore> store = test::NewLedger(tmp.File("golden.db"));
  // Events are recorded at a fixed moment so that chain hashes are the same on every run.
  Append(store.get(), dir / "events.ndjson", CivilToMicros(2026, 1, 1, 0, 0, 0));
  if (fs::exists(dir / "late.ndjson")) {
    Append(store.get(), dir / "late.ndjson", TimeFile(dir / "late_recorded.txt"));
  }
  NanniConfig config;
  if (fs::exists(dir / "config.toml")) {
    ASSERT_TRUE(ParseNanniConfig(test::ReadFile((dir / "config.toml").string()), "config.toml", &config).ok());
  }
  BusinessClock clock;
  ASSERT_TRUE(BusinessClock::Create(config.business_hours, &clock).ok());
  Timestamp as_of;
  ASSERT_TRUE(ParseRfc3339(Trimmed(test::ReadFile((dir / "as_of.txt").string())), &as_of).ok());
  int64_t recorded_by = fs::exists(dir / "recorded_by.txt") ? TimeFile(dir / "recorded_by.txt") : INT64_MAX;
  std::vector<AccountSummary> accounts;
  ASSERT_TRUE(store->ListAccounts(AccessScope::All(), &accounts).ok());
  ASSERT_EQ(accounts.size(), 1u) << "one account per golden case";
  std::vector<CaseEvent> events;
  ReportMoment moment{as_of, recorded_by};
  ASSERT_TRUE(LoadCaseEvents(store.get(), AccessScope::All(), accounts[0].account, moment, &events).ok());
  CaseFile cf;
  ASSERT_TRUE(CaseFileBuilder(clock).Build(accounts[0].account, as_of, events, &cf).ok());
  cf.business_time_zone = config.business_hours.time_zone;
  Compare(dir / "expected_case.json", CaseJson(cf));
  Compare(dir / "expected_brief.json", BriefingJson(BriefingBuilder().Build(cf, events)));
}

TEST(CaseGoldenTest, EveryCaseFolderMatchesItsExpectedJson) {
  fs::path root = test::TestData("case");
  int cases = 0;
  std::vector<fs::path> dirs;
  for (const auto& entry : fs::directory_iterator(root)) {
    if (entry.is_directory() && fs::exists(entry.path() / "events.ndjson")) dirs.push_back(entry.path());
  }
  std::sort(dirs.begin(), dirs.end());
  for (const fs::path& dir : dirs) {
    RunCase(dir);
    ++cases;
  }
  EXPECT_GE(cases, 4);
}

}  // namespace
}  // namespace nanni
