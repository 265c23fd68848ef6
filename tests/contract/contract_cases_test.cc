// The contract rules pinned by data (tests/data/contract/*.cases): each case is terms, events,
// a period and moment, and every finding the rules must give, with its amount, worked out by
// hand in the case's comments. Anyone can add a case without C++:
//
//   === name of the case
//   --- terms                  (TOML; omitted: the previous case's terms)
//   --- events                 (NDJSON, docs/events.md; account "acme")
//   --- check FROM..TO as-of T (dates, read in the terms' time zone, or RFC 3339 times; TO excluded)
//   --- expect
//   rule<TAB>month<TAB>subject<TAB>breach|met<TAB>amount_minor
//   note<TAB>text the check's notes must contain
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "contract/contract_evaluator.h"
#include "event/event_decoder.h"
#include "support/test_support.h"

namespace nanni {
namespace {

struct Case {
  std::string name, file, terms, events, check;
  std::vector<std::string> expect;
};

std::vector<Case> ReadCases(const std::string& path) {
  std::vector<Case> cases;
  std::string section, terms;
  for (const std::string& line : test::Split(test::ReadFile(path), '\n')) {
    if (line.rfind("===", 0) == 0) {
      if (!cases.empty()) terms = cases.back().terms;
      cases.push_back(Case{line.substr(4), std::filesystem::path(path).filename().string(), terms, "", "", {}});
      section.clear();
    } else if (line.rfind("--- ", 0) == 0) {
      section = line.substr(4, line.find(' ', 4) - 4);
      if (section == "terms") cases.back().terms.clear();
      if (section == "check") cases.back().check = line.substr(10);
    } else if (cases.empty() || (line.empty() && section != "terms") || (line[0] == '#' && section != "terms")) {
      continue;
    } else if (section == "terms") {
      cases.back().terms += line + "\n";
    } else if (section == "events") {
      cases.back().events += line + "\n";
    } else if (section == "expect") {
      cases.back().expect.push_back(line.substr(0, line.find("\t#")));
    }
  }
  return cases;
}

std::string Describe(const Finding& f) {
  return fmt::format("{}\t{}\t{}\t{}\t{}", f.rule, f.month, f.subject, f.breach ? "breach" : "met", f.amount_minor);
}

// A finding rests on the events it cites: the rules given only those (and the terms) give it
// again, step for step. This is what lets `dispute check` recompute a ruling from its evidence.
void ExpectRecomputable(const Finding& f, const std::vector<CaseEvent>& all, const ContractPeriod& period,
                        int64_t moment) {
  std::vector<CaseEvent> cited;
  for (const CaseEvent& e : all) {
    if (e.event.id == "terms" || std::count(f.events.begin(), f.events.end(), e.event.id) > 0) cited.push_back(e);
  }
  std::vector<ContractCheck> again;
  ASSERT_TRUE(EvaluateContracts("acme", cited, period, moment, ReferenceRates::Embedded(), &again).ok());
  ASSERT_EQ(again.size(), 1u);
  const auto same = std::find_if(again[0].findings.begin(), again[0].findings.end(), [&](const Finding& g) {
    return g.rule == f.rule && g.month == f.month && g.subject == f.subject;
  });
  ASSERT_NE(same, again[0].findings.end()) << "from its cited events alone, no finding " << Describe(f);
  EXPECT_EQ(Describe(*same), Describe(f)) << "from its cited events alone:\n    " << fmt::format("{}", fmt::join(same->steps, "\n    "))
                                          << "\nfrom the whole record:\n    " << fmt::format("{}", fmt::join(f.steps, "\n    "));
  EXPECT_EQ(same->steps, f.steps) << Describe(f);
  EXPECT_EQ(same->events, f.events) << Describe(f);
}

void RunCase(const Case& c) {
  SCOPED_TRACE(c.file + ": " + c.name);
  std::vector<CaseEvent> events;
  EventDecoder decoder;
  // The terms are recorded as `nanni contract add` records them.
  Terms terms;
  ASSERT_TRUE(ParseTerms(c.terms, "terms", &terms).ok()) << ParseTerms(c.terms, "terms", &terms).message();
  std::string body = fmt::format(
      R"({{"id":"terms","account":"acme","time":"{}","kind":"contract","contract":"{}","terms_sha256":"{}","text":{}}})",
      FormatUtc(terms.starts.utc_micros), terms.contract, TermsDigest(FormatTerms(terms)),
      nlohmann::json(FormatTerms(terms)).dump());
  std::vector<std::string> lines = test::Split(c.events, '\n');
  lines.insert(lines.begin(), body);
  for (const std::string& line : lines) {
    if (line.empty()) continue;
    CaseEvent& e = events.emplace_back();
    Status st = decoder.Decode(line, &e.event);
    ASSERT_TRUE(st.ok()) << st.message() << "\n" << line;
    e.cite.event_id = e.event.id;
    e.cite.seq = events.size();
  }
  std::stable_sort(events.begin(), events.end(),
                   [](const CaseEvent& a, const CaseEvent& b) { return a.event.time.utc_micros < b.event.time.utc_micros; });
  const size_t dots = c.check.find(".."), as_of = c.check.find(" as-of ");
  ASSERT_NE(dots, std::string::npos);
  ASSERT_NE(as_of, std::string::npos);
  ContractPeriod period;  // as --period reads it: dates in the terms' time zone
  int64_t moment = 0;
  ASSERT_TRUE(ParseContractPeriod(c.check.substr(0, as_of), &period).ok()) << c.check;
  ASSERT_TRUE(ParseTimeBound(c.check.substr(as_of + 7), &moment).ok());
  ReportMoment at;
  at.as_of = Timestamp{moment, 0};
  PrepareCaseEvents(at, &events);
  std::vector<ContractCheck> checks;
  ASSERT_TRUE(EvaluateContracts("acme", events, period, moment, ReferenceRates::Embedded(), &checks).ok());
  ASSERT_EQ(checks.size(), 1u);
  std::vector<std::string> got, want;
  for (const Finding& f : checks[0].findings) got.push_back(Describe(f));
  std::string notes = fmt::format("{}", fmt::join(checks[0].notes, "\n"));
  for (const std::string& e : c.expect) {
    if (e.rfind("note\t", 0) == 0) {
      EXPECT_NE(notes.find(e.substr(5)), std::string::npos) << "no note containing: " << e.substr(5) << "\nnotes:\n" << notes;
    } else {
      want.push_back(e);
    }
  }
  EXPECT_EQ(got, want) << "findings, with their steps:\n" << [&] {
    std::string all;
    for (const Finding& f : checks[0].findings) all += Describe(f) + "\n    " + fmt::format("{}", fmt::join(f.steps, "\n    ")) + "\n";
    return all;
  }();
  for (const Finding& f : checks[0].findings) ExpectRecomputable(f, events, period, moment);
}

class ContractCases : public testing::TestWithParam<std::string> {};

TEST_P(ContractCases, EveryFindingAsWorkedOutByHand) {
  const std::vector<Case> cases = ReadCases(test::TestData("contract/" + GetParam()));
  ASSERT_GE(cases.size(), 3u);
  for (const Case& c : cases) RunCase(c);
}

INSTANTIATE_TEST_SUITE_P(Rules, ContractCases,
                         testing::Values("uptime.cases", "response.cases", "payment.cases", "obligation.cases"),
                         [](const testing::TestParamInfo<std::string>& p) {
                           return p.param.substr(0, p.param.find('.'));
                         });

}  // namespace
}  // namespace nanni
