#include "support/portfolio_check.h"

#include <gtest/gtest.h>

#include <map>

#include "casefile/briefing_builder.h"

namespace nanni::test {

namespace {

constexpr int64_t kDay = 86'400'000'000;

void ExpectStats(const DurationStats& a, const DurationStats& b, const std::string& what) {
  EXPECT_EQ(a.count, b.count) << what;
  EXPECT_EQ(a.median_s, b.median_s) << what;
  EXPECT_EQ(a.p90_s, b.p90_s) << what;
  EXPECT_EQ(a.worst_s, b.worst_s) << what;
}

void ExpectCounts(const CaseCounts& a, const CaseCounts& b) {
  EXPECT_EQ(a.events, b.events);
  EXPECT_EQ(a.requests, b.requests);
  EXPECT_EQ(a.answered, b.answered);
  EXPECT_EQ(a.open, b.open);
  EXPECT_EQ(a.commitments_ours, b.commitments_ours);
  EXPECT_EQ(a.commitments_theirs, b.commitments_theirs);
  EXPECT_EQ(a.broken, b.broken);
  EXPECT_EQ(a.deadlines, b.deadlines);
  EXPECT_EQ(a.incidents, b.incidents);
  EXPECT_EQ(a.downtime_s, b.downtime_s);
  EXPECT_EQ(a.escalations, b.escalations);
  EXPECT_EQ(a.invoices, b.invoices);
  EXPECT_EQ(a.unpaid, b.unpaid);
  EXPECT_EQ(a.discount_requests, b.discount_requests);
  EXPECT_EQ(a.calls, b.calls);
}

void ExpectRequests(const PortfolioRow& row, const CaseFile& cf) {
  ExpectStats(row.response_calendar, cf.overall.response_calendar, "response_calendar");
  ExpectStats(row.response_business, cf.overall.response_business, "response_business");
  const RequestItem* oldest = nullptr;
  for (const RequestItem& r : cf.requests) {
    if (!r.answered && (oldest == nullptr || r.time.utc_micros < oldest->time.utc_micros)) oldest = &r;
  }
  ASSERT_EQ(row.oldest_open_since.has_value(), oldest != nullptr);
  if (oldest == nullptr) return;
  EXPECT_EQ(row.oldest_open_since->utc_micros, oldest->time.utc_micros);
  EXPECT_EQ(row.oldest_open_age->calendar_s, oldest->open_age->calendar_s);
  EXPECT_EQ(row.oldest_open_age->business_s, oldest->open_age->business_s);
  EXPECT_EQ(row.oldest_open_seq, oldest->cite.seq);
}

void ExpectKindsAndSpan(const PortfolioRow& row, const CaseFile& cf) {
  std::array<uint64_t, kEventKinds> kinds{};
  for (const ChronologyLine& l : cf.chronology) ++kinds[static_cast<size_t>(l.kind)];
  EXPECT_EQ(row.by_kind, kinds);
  if (cf.chronology.empty()) return;
  EXPECT_EQ(row.first_event.utc_micros, cf.chronology.front().time.utc_micros);
  EXPECT_EQ(row.last_event.utc_micros, cf.chronology.back().time.utc_micros);
}

void ExpectOthers(const PortfolioRow& row, const CaseFile& cf) {
  size_t ongoing = 0, open_escalations = 0;
  for (const IncidentItem& i : cf.incidents) ongoing += i.ongoing ? 1 : 0;
  for (const EscalationItem& e : cf.escalations) open_escalations += e.ended ? 0 : 1;
  EXPECT_EQ(row.ongoing_incidents, ongoing);
  EXPECT_EQ(row.open_escalations, open_escalations);
  int64_t handle = 0, wait = 0;
  for (const CallItem& c : cf.calls) {
    handle += c.handle_s;
    wait += c.queue_wait_s;
  }
  EXPECT_EQ(row.handle_s, handle);
  EXPECT_EQ(row.queue_wait_s, wait);
}

void ExpectMoney(const PortfolioRow& row, const CaseFile& cf) {
  std::map<std::string, MoneyTotals> expected;
  std::map<std::string, int64_t> window;
  for (const InvoiceItem& i : cf.invoices) {
    MoneyTotals& m = expected[i.currency];
    m.currency = i.currency;
    ++m.invoices;
    m.unpaid += i.outstanding_minor > 0;
    m.overdue += i.outstanding_minor > 0 && i.due.utc_micros < cf.as_of.utc_micros;
    m.invoiced_minor += i.amount_minor;
    m.paid_minor += i.paid_minor;
    m.outstanding_minor += i.outstanding_minor;
    m.days_late_max = std::max(m.days_late_max, i.days_late);
    if (i.time.utc_micros > cf.as_of.utc_micros - 365 * kDay) window[i.currency] += i.amount_minor;
  }
  ASSERT_EQ(row.money.size(), expected.size());
  for (const MoneyTotals& got : row.money) {
    SCOPED_TRACE(got.currency);
    ASSERT_TRUE(expected.count(got.currency));
    const MoneyTotals& m = expected[got.currency];
    EXPECT_EQ(got.invoices, m.invoices);
    EXPECT_EQ(got.unpaid, m.unpaid);
    EXPECT_EQ(got.overdue, m.overdue);
    EXPECT_EQ(got.invoiced_minor, m.invoiced_minor);
    EXPECT_EQ(got.paid_minor, m.paid_minor);
    EXPECT_EQ(got.outstanding_minor, m.outstanding_minor);
    EXPECT_EQ(got.days_late_max, m.days_late_max);
    EXPECT_EQ(got.dso_days.has_value(), window[got.currency] > 0);
    if (got.dso_days && window[got.currency] > 0) {
      EXPECT_DOUBLE_EQ(*got.dso_days, static_cast<double>(m.outstanding_minor) / window[got.currency] * 365.0);
    }
  }
}

void ExpectLastContacts(const PortfolioRow& row, const Briefing& b) {
  ASSERT_EQ(row.last_contacts.size(), b.last_contacts.size());
  for (size_t i = 0; i < b.last_contacts.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(row.last_contacts[i].side, b.last_contacts[i].side);
    EXPECT_EQ(row.last_contacts[i].level, b.last_contacts[i].level);
    EXPECT_EQ(row.last_contacts[i].time.utc_micros, b.last_contacts[i].time.utc_micros);
    EXPECT_EQ(row.last_contacts[i].seq, b.last_contacts[i].cite.seq);
  }
}

}  // namespace

size_t ExpectPortfolioMatchesCaseFiles(Engine* engine, const ReportMoment& moment) {
  Portfolio portfolio;
  Status st = engine->Portfolio(AccessScope::All(), moment, &portfolio);
  EXPECT_TRUE(st.ok()) << st.ToString();
  std::vector<AccountSummary> accounts;
  EXPECT_TRUE(engine->Accounts(AccessScope::All(), &accounts).ok());
  std::map<std::string, const PortfolioRow*> rows;
  for (const PortfolioRow& r : portfolio.rows) rows[r.account] = &r;
  size_t compared = 0;
  for (const AccountSummary& a : accounts) {
    SCOPED_TRACE("account " + a.account);
    CaseReport report;
    Status cs = engine->CaseFile(AccessScope::All(), a.account, moment, &report);
    EXPECT_TRUE(cs.ok()) << cs.ToString();
    if (!cs.ok()) continue;
    auto it = rows.find(a.account);
    if (report.case_file.counts.events == 0) {  // nothing of it in effect at the moment
      EXPECT_EQ(it, rows.end());
      continue;
    }
    if (it == rows.end()) {
      ADD_FAILURE() << "no portfolio row";
      continue;
    }
    const PortfolioRow& row = *it->second;
    const CaseFile& cf = report.case_file;
    ExpectCounts(row.counts, cf.counts);
    ExpectKindsAndSpan(row, cf);
    ExpectRequests(row, cf);
    ExpectOthers(row, cf);
    ExpectMoney(row, cf);
    ExpectLastContacts(row, BriefingBuilder().Build(cf, report.events));
    ++compared;
  }
  EXPECT_EQ(compared, portfolio.rows.size());
  return compared;
}

std::unique_ptr<Engine> OpenTestEngine(const std::string& db, const std::string& config_path) {
  Engine::Options options;
  options.location = db;
  options.mode = StoreMode::kReadOnly;
  if (!config_path.empty()) {
    Status st = LoadNanniConfig(config_path, &options.config);
    EXPECT_TRUE(st.ok()) << st.ToString();
  }
  std::unique_ptr<Engine> engine;
  Status st = Engine::Open(std::move(options), &engine);
  EXPECT_TRUE(st.ok()) << st.ToString();
  return engine;
}

}  // namespace nanni::test
