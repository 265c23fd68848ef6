#include "contract/terms.h"

#include <gtest/gtest.h>

#include "support/test_support.h"

namespace nanni {
namespace {

constexpr const char* kSheet = R"(
contract = "MSA-7"
currency = "EUR"
starts = "2026-01-01T00:00:00+01:00"
[hours]
time_zone = "Europe/Berlin"
days = ["Mon", "tue", "wed", "thu", "fri"]
start = "08:30"
end = "17:00"
holidays = ["2026-12-25", "2026-01-01"]
[[response]]
priority = "urgent"
channel = "email"
first_reply = "60m"
resolution = "1d"
credit_minor = 500
[uptime]
monthly_charge_minor = 250000
minimum_period = "300s"
severities = ["major", "critical", "major"]
monthly_cap = 50
[[uptime.tier]]
below = 99.0
credit = 30
[[uptime.tier]]
below = "99.99"
credit = "10.0"
[payment]
net_days = 30
interest = "eu"
flat_fee = "statute"
[[obligation]]
id = "go-live"
what = "Production go-live"
due = "2026-03-01T00:00:00Z"
value_minor = 1000000
penalty = "10.5"
period = "48h"
cap = "55"
)";

TEST(TermsTest, ReadsEveryClause) {
  Terms t;
  ASSERT_TRUE(ParseTerms(kSheet, "sheet.toml", &t).ok()) << ParseTerms(kSheet, "sheet.toml", &t).message();
  EXPECT_EQ(t.contract, "MSA-7");
  EXPECT_EQ(t.starts.utc_micros, t.starts.utc_micros);
  EXPECT_EQ(t.hours.start_minute, 8 * 60 + 30);
  ASSERT_EQ(t.responses.size(), 1u);
  EXPECT_EQ(t.responses[0].first_reply_s, 3600);
  EXPECT_EQ(t.responses[0].resolution_s, 86400);
  EXPECT_EQ(t.uptime.minimum_period_s, 300);
  EXPECT_EQ(t.uptime.severities, (std::vector<std::string>{"critical", "major"}));
  ASSERT_EQ(t.uptime.tiers.size(), 2u);
  EXPECT_EQ(t.uptime.tiers[0].below, 999'900);  // highest first
  EXPECT_EQ(t.uptime.tiers[1].credit, 300'000);
  EXPECT_EQ(t.uptime.monthly_cap, 500'000);
  EXPECT_EQ(t.payment.interest, InterestRule::kEu);
  EXPECT_EQ(t.payment.rate, 80'000);  // the statute's 8 points by default
  EXPECT_TRUE(t.payment.statutory_fee);
  ASSERT_EQ(t.obligations.size(), 1u);
  EXPECT_EQ(t.obligations[0].penalty, 105'000);
  EXPECT_EQ(t.obligations[0].period_s, 2 * 86400);
  EXPECT_TRUE(t.obligations[0].whole_periods);
  EXPECT_EQ(t.TargetFor("urgent", "email"), &t.responses[0]);
  EXPECT_EQ(t.TargetFor("urgent", "phone"), nullptr);
}

TEST(TermsTest, TheCanonicalFormReadsBackToItselfAndNamesTheTermsByHash) {
  Terms t, again;
  ASSERT_TRUE(ParseTerms(kSheet, "sheet.toml", &t).ok());
  const std::string canonical = FormatTerms(t);
  ASSERT_TRUE(ParseTerms(canonical, "canonical", &again).ok()) << canonical;
  EXPECT_EQ(FormatTerms(again), canonical);
  EXPECT_EQ(TermsDigest(canonical).size(), 64u);
  EXPECT_EQ(ContractEventId(t, TermsDigest(canonical)), "contract:MSA-7:" + TermsDigest(canonical).substr(0, 16));
  EXPECT_EQ(ObligationEventId(t, t.obligations[0]), "contract:MSA-7:obligation:go-live");
  // The same terms written another way (order, spelling of numbers, durations and instants,
  // a holiday given twice) have the same hash.
  std::string other = kSheet;
  other.replace(other.find("below = 99.0"), 12, "below = \"99\"");
  other.replace(other.find("period = \"48h\""), 14, "period = \"2d\"");
  other.replace(other.find("2026-01-01T00:00:00+01:00"), 25, "2025-12-31T23:00:00Z");  // the same instant
  const std::string holidays = "holidays = [\"2026-12-25\", \"2026-01-01\"]";
  other.replace(other.find(holidays), holidays.size(),
                "holidays = [\"2026-01-01\", \"2026-12-25\", \"2026-01-01\"]");  // a holiday twice is one holiday
  Terms t2;
  ASSERT_TRUE(ParseTerms(other, "other.toml", &t2).ok());
  EXPECT_EQ(TermsDigest(FormatTerms(t2)), TermsDigest(canonical));
  // A changed figure changes it.
  other.replace(other.find("penalty = \"10.5\""), 16, "penalty = \"10.6\"");
  ASSERT_TRUE(ParseTerms(other, "other.toml", &t2).ok());
  EXPECT_NE(TermsDigest(FormatTerms(t2)), TermsDigest(canonical));
}

TEST(TermsTest, QuotesHostileTextSoTheCanonicalFormStaysOneDocument) {
  Terms t;
  ASSERT_TRUE(ParseTerms("contract = \"A\\\"B\\n[x]\\u0001\"\ncurrency = \"EUR\"\nstarts = \"2026-01-01T00:00:00Z\"\n", "q", &t).ok());
  Terms again;
  ASSERT_TRUE(ParseTerms(FormatTerms(t), "canonical", &again).ok()) << FormatTerms(t);
  EXPECT_EQ(again.contract, "A\"B\n[x]\x01");
}

TEST(TermsTest, PercentText) {
  EXPECT_EQ(PercentText(999'900), "99.99");
  EXPECT_EQ(PercentText(105'000), "10.5");
  EXPECT_EQ(PercentText(1'000'000), "100");
  EXPECT_EQ(PercentText(0), "0");
  EXPECT_EQ(PercentText(1), "0.0001");
}

// tests/data/contract/invalid_terms.tsv: each bad sheet and what its error must say.
TEST(TermsTest, RefusesBadSheetsNamingTheKey) {
  const std::string base = "contract = \"C-1\"\ncurrency = \"EUR\"\nstarts = \"2026-01-01T00:00:00Z\"\n";
  size_t cases = 0;
  for (const std::string& line : test::Split(test::ReadFile(test::TestData("contract/invalid_terms.tsv")), '\n')) {
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string> cols = test::Split(line, '\t');
    ASSERT_EQ(cols.size(), 2u) << line;
    std::string sheet = cols[0][0] == '!' ? cols[0].substr(1) : base + cols[0];
    for (size_t at; (at = sheet.find("\\n")) != std::string::npos;) sheet.replace(at, 2, "\n");
    Terms t;
    Status st = ParseTerms(sheet, "bad.toml", &t);
    EXPECT_FALSE(st.ok()) << sheet;
    EXPECT_NE(st.message().find(cols[1]), std::string::npos) << "want: " << cols[1] << "\ngot: " << st.message();
    EXPECT_EQ(st.message().rfind("bad.toml", 0), 0u) << st.message();
    ++cases;
  }
  EXPECT_GE(cases, 30u);
}

}  // namespace
}  // namespace nanni
