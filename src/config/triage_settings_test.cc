#include "config/triage_settings.h"

#include <gtest/gtest.h>

#include "config/nanni_config.h"
#include "engine/triage.h"

namespace nanni {
namespace {

TEST(TriageSettings, TheDefaultsHaveEverySignalWithAWeight) {
  const TriageSettings& d = TriageSettings::Defaults();
  for (std::string_view id : kSignalIds) {
    EXPECT_TRUE(d.signals.values.count(id)) << id;
    EXPECT_GT(d.signals.Get(id, "weight"), 0) << id;
  }
  EXPECT_EQ(d.economics.currency, "EUR");
  EXPECT_EQ(d.economics.CostPerMinute("agent"), 80);
  EXPECT_EQ(d.economics.CostPerMinute("no-such-level"), d.economics.CostPerMinute("unknown"));
  EXPECT_EQ(d.economics.Minutes("meeting"), 60);
  EXPECT_GT(d.Escalation("unanswered_hours"), 0);
}

TEST(TriageSettings, NanniTomlOverridesOnlyWhatItNames) {
  NanniConfig config;
  Status s = ParseNanniConfig(R"(
[economics]
currency = "USD"
[economics.rates]
SEK = 95000
[signals.late_payer]
late_days = 15
[escalations]
unanswered_hours = 8
[sludge.short_calls]
short_s = 5
)", "c.toml", &config);
  ASSERT_TRUE(s.ok()) << s.ToString();
  const TriageSettings& t = config.triage;
  EXPECT_EQ(t.economics.currency, "USD");
  EXPECT_EQ(t.economics.rates_ppm.at("SEK"), 95000);
  EXPECT_EQ(t.economics.rates_ppm.at("EUR"), 1000000) << "the other rates stay";
  EXPECT_EQ(t.signals.Get("late_payer", "late_days"), 15);
  EXPECT_EQ(t.signals.Get("late_payer", "min_late"), TriageSettings::Defaults().signals.Get("late_payer", "min_late"));
  EXPECT_EQ(t.Escalation("unanswered_hours"), 8);
  EXPECT_EQ(t.sludge.Get("short_calls", "short_s"), 5);
  EXPECT_EQ(t.sludge.Get("short_calls", "min_ratio"), TriageSettings::Defaults().sludge.Get("short_calls", "min_ratio"));
  EXPECT_EQ(TriageSettings::Defaults().sludge.Get("handle_time_cut", "bin_s"), 10) << "data/triage/sludge.toml";
}

struct BadTriage {
  const char* text;
  const char* error;
};

class TriageSettingsErrors : public ::testing::TestWithParam<BadTriage> {};

TEST_P(TriageSettingsErrors, NameTheFileTheKeyAndWhatIsWrong) {
  NanniConfig config;
  Status s = ParseNanniConfig(GetParam().text, "c.toml", &config);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find(GetParam().error), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("c.toml"), std::string::npos) << s.message();
}

INSTANTIATE_TEST_SUITE_P(
    All, TriageSettingsErrors,
    ::testing::Values(BadTriage{"[signals.late_payr]\nlate_days = 3\n", "key 'signals.late_payr': unknown key"},
                      BadTriage{"[signals.late_payer]\nlate_dayz = 3\n", "key 'signals.late_payer.late_dayz': unknown key"},
                      BadTriage{"[signals.late_payer]\nlate_days = \"ten\"\n", "signals.late_payer.late_days"},
                      BadTriage{"[economics]\ncurrency = \"euro\"\n", "three-letter ISO 4217"},
                      BadTriage{"[economics]\nwindow_days = 0\n", "at least 1"},
                      BadTriage{"[economics]\ntop_share = 120\n", "per cent"},
                      BadTriage{"[economics.cost_per_minute]\nintern = 10\n", "economics.cost_per_minute.intern"},
                      BadTriage{"[escalations]\nunanswerd_hours = 3\n", "key 'escalations.unanswerd_hours': unknown key"},
                      BadTriage{"[sludge.short_call]\nshort_s = 3\n", "key 'sludge.short_call': unknown key"},
                      BadTriage{"[sludge.handle_time_cut]\norder = \"cubic\"\n", "sludge.handle_time_cut.order"},
                      BadTriage{"sludge = 3\n", "key 'sludge': must be a table"}));

}  // namespace
}  // namespace nanni
