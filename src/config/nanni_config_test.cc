#include "config/nanni_config.h"

#include <gtest/gtest.h>

namespace nanni {
namespace {

TEST(NanniConfig, EmptyTextGivesTheDefaults) {
  NanniConfig config;
  ASSERT_TRUE(ParseNanniConfig("", "c.toml", &config).ok());
  EXPECT_TRUE(config.company.domains.empty());
  EXPECT_EQ(config.business_hours.time_zone, "UTC");
  EXPECT_EQ(config.business_hours.start_minute, 540);
  EXPECT_EQ(config.business_hours.end_minute, 1020);
  EXPECT_TRUE(config.business_hours.days[1]);   // Monday
  EXPECT_FALSE(config.business_hours.days[0]);  // Sunday
}

TEST(NanniConfig, ReadsEverySection) {
  NanniConfig config;
  Status s = ParseNanniConfig(R"(
[company]
name = "Example"
domains = ["Example.COM", "@support.example.com"]
[accounts]
free_mail_domains = ["Fastmail.com"]
[accounts.domains]
"Mail.Acme.com" = "acme"
[accounts.addresses]
"Jane@gmail.com" = "jane-doe"
[business_hours]
time_zone = "Europe/Berlin"
days = ["Mon", "tue", "saturday"]
start = "08:30"
end = "18:00"
holidays = ["2026-12-26", "2026-12-25"]
)", "c.toml", &config);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(config.company.domains, (std::vector<std::string>{"example.com", "support.example.com"}));
  EXPECT_EQ(config.accounts.domains.at("mail.acme.com"), "acme");
  EXPECT_EQ(config.accounts.addresses.at("jane@gmail.com"), "jane-doe");
  EXPECT_TRUE(IsFreeMailDomain(config, "fastmail.com"));
  EXPECT_TRUE(IsFreeMailDomain(config, "GMAIL.com"));
  EXPECT_FALSE(IsFreeMailDomain(config, "acme.com"));
  const BusinessHoursConfig& hours = config.business_hours;
  EXPECT_EQ(hours.time_zone, "Europe/Berlin");
  EXPECT_EQ(hours.start_minute, 510);
  EXPECT_EQ(hours.end_minute, 1080);
  EXPECT_TRUE(hours.days[1] && hours.days[2] && hours.days[6]);
  EXPECT_FALSE(hours.days[3]);
  EXPECT_EQ(hours.holidays, (std::vector<std::string>{"2026-12-25", "2026-12-26"}));
}

struct BadConfig {
  const char* text;
  const char* error;
};

class NanniConfigErrors : public testing::TestWithParam<BadConfig> {};

TEST_P(NanniConfigErrors, NameFileKeyAndProblem) {
  NanniConfig config;
  Status s = ParseNanniConfig(GetParam().text, "c.toml", &config);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.message(), GetParam().error);
}

INSTANTIATE_TEST_SUITE_P(
    All, NanniConfigErrors,
    testing::Values(
        BadConfig{"[compnay]\n", "c.toml: key 'compnay': unknown key (allowed: company, accounts, business_hours, economics, signals, escalations, sludge)"},
        BadConfig{"[company]\ndomains = \"x.com\"\n", "c.toml: key 'company.domains': must be an array of strings"},
        BadConfig{"[business_hours]\nstart = \"9am\"\n", "c.toml: key 'business_hours.start': must be \"HH:MM\""},
        BadConfig{"[business_hours]\nstart = \"18:00\"\nend = \"09:00\"\n", "c.toml: key 'business_hours.end': must be later than business_hours.start"},
        BadConfig{"[business_hours]\ndays = [\"funday\"]\n", "c.toml: key 'business_hours.days': 'funday' is not a weekday (mon..sun)"},
        BadConfig{"[business_hours]\nholidays = [\"25/12/2026\"]\n", "c.toml: key 'business_hours.holidays': '25/12/2026' is not YYYY-MM-DD"},
        BadConfig{"[accounts.domains]\n\"acme.com\" = 3\n", "c.toml: key 'accounts.domains.acme.com': must be a non-empty string"}));

TEST(NanniConfig, SyntaxErrorsNameTheLine) {
  NanniConfig config;
  Status s = ParseNanniConfig("[company]\nname = \"x\"\ndomains = [\n", "c.toml", &config);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.message().rfind("c.toml:", 0), 0u) << s.message();
}

TEST(NanniConfig, AMissingExplicitFileIsNotFound) {
  NanniConfig config;
  EXPECT_EQ(ResolveNanniConfig("/nonexistent/nanni.toml", &config).code(), Status::Code::kNotFound);
}

}  // namespace
}  // namespace nanni
