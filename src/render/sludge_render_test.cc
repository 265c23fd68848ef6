#include "render/sludge_render.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cctype>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "support/test_support.h"

namespace nanni {
namespace {

using nlohmann::json;

const char kHostile[] = "<script>alert(1)</script>";

Timestamp At(const char* text) {
  Timestamp t;
  EXPECT_TRUE(ParseRfc3339(text, &t).ok()) << text;
  return t;
}

CallStats Stats(uint64_t calls, int64_t median_wait_s, double service_level_20) {
  CallStats c;
  c.calls = calls;
  c.answered = calls * 4 / 5;
  c.abandoned = calls - c.answered;
  c.service_level_20 = service_level_20;
  c.median_wait_s = median_wait_s;
  return c;
}

CallbackRate Callbacks(uint64_t calls, uint64_t within_24h, double share_24h) {
  CallbackRate c;
  c.calls = calls;
  c.within_24h = within_24h;
  c.within_7d = within_24h * 2;
  c.share_24h = share_24h;
  return c;
}

// 180 calls in [540, 600) against 60 expected, 20 in [600, 660) against 55.
BunchingEvidence Bunching() {
  BunchingEvidence b;
  b.threshold_s = 600;
  b.bin_s = 10;
  b.window_below_s = b.window_above_s = 60;
  b.fit_from_s = 240;
  b.fit_to_s = 960;
  b.order = 3;
  b.served = 1200;
  b.observed_below = 180;
  b.expected_below = 60;
  b.observed_above = 20;
  b.expected_above = 55;
  b.excess = 2.0;
  b.ci_low = 95;
  b.ci_high = 140;
  b.z = 8.1;
  b.dropped_in_bunch = 12;
  return b;
}

ShortCallsEvidence ShortCalls() {
  ShortCallsEvidence e;
  e.served = 2256;
  e.short_calls = 521;
  e.short_s = 10;
  e.share = 0.231;
  e.reference_share = 0.006;
  e.ratio = 38.5;
  e.log10_p = -350;
  return e;
}

// ALICE bunches her service times below 600 s; BOB has many very short services.
std::vector<CutShortFlag> Flags() {
  CutShortFlag alice;
  alice.agent = "ALICE";
  alice.pattern = "handle_time_cut";
  alice.bunching = Bunching();
  alice.callbacks.these = Callbacks(40, 14, 0.35);
  alice.callbacks.agent_other = Callbacks(900, 108, 0.12);
  alice.callbacks.other_agents = Callbacks(9000, 990, 0.11);
  alice.callbacks.confirmed = true;
  alice.suspect_calls = 180;
  CutShortFlag bob;
  bob.agent = "BOB";
  bob.pattern = "short_calls";
  bob.short_calls = ShortCalls();
  bob.suspect_calls = 521;
  return {alice, bob};
}

void AddHours(Sludge* s) {
  s->hours.resize(24);
  for (int h = 0; h < 24; ++h) s->hours[h].hour = h;
  s->hours[9].stats = Stats(50, 25, 0.6);
  s->hours[14].stats = Stats(50, 40, 0.4);
}

void AddPatience(Sludge* s) {
  Patience& p = s->patience;
  p.calls = 60;
  p.hung_up = 20;
  p.curve = {{10, 60, 5, 0.9167}, {60, 40, 10, 0.6875}, {200, 10, 5, 0.34}};
  p.hazard = {{0, 120, 15, 40.5, 0.37}, {120, 240, 5, 10.2, 0.49}};
  p.median_s = 200;
}

void AddAgents(Sludge* s) {
  AgentCalls alice;
  alice.agent = "ALICE";
  alice.served = 1200;
  alice.p10_s = 60;
  alice.p25_s = 200;
  alice.median_s = 590;
  alice.p75_s = 598;
  alice.p90_s = 700;
  alice.mean_s = 480.5;
  alice.callbacks = Callbacks(940, 122, 0.13);
  AgentCalls bob;
  bob.agent = "BOB";
  bob.served = 2256;
  bob.median_s = 120;
  bob.short_calls = 521;
  s->agents = {alice, bob};
  s->histogram_bin_s = 10;
  s->handle_histogram.assign(180, 3);
  s->handle_histogram[55] = 40;
  s->flagged = Flags();
  ThresholdScan scan;
  scan.agent = "ALICE";
  scan.best = Bunching();
  scan.flagged = true;
  s->scanned = {scan};
}

void AddPromises(Sludge* s) {
  PromiseStats& p = s->promises;
  p.promised = 10;
  p.kept_on_time = 5;
  p.kept_late = 2;
  p.broken = p.overdue = p.open = 1;
  p.missed = 4;
  p.missed_warned = 1;
  PromiseStats dana = p;
  dana.who = "dana@us.example";
  dana.late_median_s = 86400;
  s->promises_by_person = {dana};
  PromiseCase missed;
  missed.account = "acme";
  missed.promiser = "dana@us.example";
  missed.seq = 41;
  missed.id = "p-1";
  missed.due = At("2024-08-20T17:00:00+02:00");
  missed.status = "overdue";
  s->missed_promises = {missed};
}

Journey MakeJourney(const char* account, const char* customer, uint64_t contacts, int64_t wait_s, int64_t cost_s) {
  Journey j;
  j.account = account;
  j.customer = customer;
  j.contacts = contacts;
  j.repeat_calls = contacts / 2;
  j.wait_s = wait_s;
  j.cost_s = cost_s;
  return j;
}

SludgeFinding Finding(const char* where, const char* who, const char* what, int64_t cost_s, uint64_t repeats) {
  SludgeFinding f;
  f.where = where;
  f.who = who;
  f.what = what;
  f.cost_s = cost_s;
  f.repeat_contacts = repeats;
  return f;
}

Sludge Sample() {
  Sludge s;
  s.as_of = At("2024-08-31T23:59:59+03:00");
  s.calls = Stats(100, 30, 0.55);
  s.calls.abandon_rate = 0.2;
  s.calls.asa_s = 42.5;
  s.calls.wait_s = 5000;
  AddHours(&s);
  QueueCalls queue;
  queue.queue = "PS";
  queue.stats = s.calls;
  queue.repeat_7d = 9;
  s.queues = {queue};
  AddPatience(&s);
  AddAgents(&s);
  s.repeats.customers = 50;
  s.repeats.calls = 90;
  s.repeats.within_24h = 7;
  s.repeats.within_7d = 15;
  s.written.requests = 12;
  s.written.handed_off = 3;
  s.written.handlers_mean = 1.4;
  AddPromises(&s);
  s.journeys = {MakeJourney("acme", "c-7", 6, 2400, 5400), MakeJourney("globex", "", 2, 300, 300)};
  s.findings = {Finding("agent", "ALICE", "Service times bunch below 600 s.", 7200, 14),
                Finding("hour", "14", "Median wait 40 s.", 3600, 0)};
  return s;
}

json Json(const Sludge& s) {
  JsonOut out;
  WriteSludgeJson(s, &out);
  return json::parse(out.Take());
}

std::set<std::string> Keys(const json& object) {
  std::set<std::string> keys;
  for (const auto& [key, value] : object.items()) keys.insert(key);
  return keys;
}

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(SludgeRenderTest, JsonKeysAreTheStructMembers) {
  const json j = Json(Sample());
  EXPECT_EQ(Keys(j), (std::set<std::string>{"as_of", "calls", "hours", "queues", "patience", "agents", "repeats",
                                            "handle_histogram", "histogram_bin_s", "wait_histogram", "flagged_agents",
                                            "scanned", "flagged_queues", "scanned_queues", "written", "promises",
                                            "promises_by_person", "promises_by_team",
                                            "promises_by_account", "missed_promises", "journeys", "findings"}));
  EXPECT_EQ(Keys(j.at("calls")), (std::set<std::string>{"calls", "answered", "abandoned", "dropped", "transferred",
                                                        "service_level_20", "service_level_60", "abandon_rate", "asa_s",
                                                        "median_wait_s", "p90_wait_s", "wait_s"}));
  EXPECT_EQ(Keys(j.at("flagged_agents")[0].at("callbacks")),
            (std::set<std::string>{"these", "agent_other", "other_agents", "confirmed"}));
  EXPECT_EQ(Keys(j.at("promises")), (std::set<std::string>{"who", "promised", "kept_on_time", "kept_late", "broken",
                                                           "withdrawn", "overdue", "open", "missed",
                                                           "missed_warned", "late_median_s", "late_s"}));
}

TEST(SludgeRenderTest, JsonValues) {
  const json j = Json(Sample());
  EXPECT_EQ(j.at("as_of"), "2024-08-31T23:59:59+03:00");
  EXPECT_EQ(j.at("calls").at("calls"), 100);
  EXPECT_EQ(j.at("calls").at("abandoned"), 20);
  EXPECT_DOUBLE_EQ(j.at("calls").at("service_level_20").get<double>(), 0.55);
  EXPECT_DOUBLE_EQ(j.at("calls").at("asa_s").get<double>(), 42.5);
  EXPECT_EQ(j.at("hours").size(), 24u);
  EXPECT_EQ(j.at("hours")[9].at("hour"), 9);
  EXPECT_EQ(j.at("hours")[9].at("stats").at("median_wait_s"), 25);
  EXPECT_EQ(j.at("queues")[0].at("repeat_7d"), 9);
  EXPECT_EQ(j.at("agents")[0].at("agent"), "ALICE");
  EXPECT_EQ(j.at("agents")[0].at("median_s"), 590);
  EXPECT_DOUBLE_EQ(j.at("agents")[0].at("mean_s").get<double>(), 480.5);
  EXPECT_DOUBLE_EQ(j.at("agents")[0].at("callbacks").at("share_24h").get<double>(), 0.13);
  EXPECT_EQ(j.at("repeats").at("within_24h"), 7);
  EXPECT_EQ(j.at("patience").at("curve").size(), 3u);
  EXPECT_DOUBLE_EQ(j.at("patience").at("curve")[1].at("survival").get<double>(), 0.6875);
  EXPECT_DOUBLE_EQ(j.at("patience").at("hazard")[1].at("per_minute").get<double>(), 0.49);
  EXPECT_EQ(j.at("patience").at("median_s"), 200);
  EXPECT_EQ(j.at("histogram_bin_s"), 10);
  EXPECT_EQ(j.at("handle_histogram").size(), 180u);
  EXPECT_EQ(j.at("handle_histogram")[55], 40);
  EXPECT_EQ(j.at("flagged_agents").size(), 2u);
  EXPECT_EQ(j.at("flagged_agents")[0].at("bunching").at("threshold_s"), 600);
  EXPECT_DOUBLE_EQ(j.at("flagged_agents")[0].at("bunching").at("z").get<double>(), 8.1);
  EXPECT_TRUE(j.at("flagged_agents")[0].at("callbacks").at("confirmed").get<bool>());
  EXPECT_EQ(j.at("flagged_agents")[1].at("short_calls").at("short_calls"), 521);
  EXPECT_EQ(j.at("scanned")[0].at("best").at("threshold_s"), 600);
  EXPECT_EQ(j.at("written").at("requests"), 12);
  EXPECT_EQ(j.at("promises").at("missed_warned"), 1);
  EXPECT_EQ(j.at("promises_by_person")[0].at("late_median_s"), 86400);
  EXPECT_EQ(j.at("missed_promises")[0].at("due"), "2024-08-20T17:00:00+02:00");
  EXPECT_EQ(j.at("journeys")[0].at("cost_s"), 5400);
  EXPECT_EQ(j.at("findings")[1].at("who"), "14");
}

TEST(SludgeRenderTest, JsonEmptyOptionalsAreNull) {
  const json j = Json(Sample());
  EXPECT_TRUE(j.at("hours")[0].at("stats").at("median_wait_s").is_null());
  EXPECT_TRUE(j.at("hours")[0].at("stats").at("service_level_20").is_null());
  EXPECT_TRUE(j.at("calls").at("service_level_60").is_null());
  EXPECT_TRUE(j.at("agents")[1].at("callbacks").at("share_24h").is_null());
  EXPECT_TRUE(j.at("flagged_agents")[0].at("short_calls").is_null());
  EXPECT_TRUE(j.at("flagged_agents")[1].at("bunching").is_null());
  EXPECT_TRUE(j.at("written").at("first_reply_median_s").is_null());
  EXPECT_TRUE(j.at("promises").at("late_median_s").is_null());
  EXPECT_TRUE(j.at("missed_promises")[0].at("settled").is_null());
  const json empty = Json(Sludge{});
  EXPECT_TRUE(empty.at("patience").at("median_s").is_null());
  EXPECT_TRUE(empty.at("flagged_agents").empty());
  EXPECT_EQ(empty.at("as_of"), "1970-01-01T00:00:00Z");
}

TEST(SludgeRenderTest, JsonFlagsStartWithAgentAndPattern) {
  JsonOut out;
  WriteSludgeJson(Sample(), &out);
  const nlohmann::ordered_json j = nlohmann::ordered_json::parse(out.Take());
  for (const auto& flag : j.at("flagged_agents")) {
    auto key = flag.items().begin();
    EXPECT_EQ(key.key(), "agent");
    EXPECT_EQ((++key).key(), "pattern");
  }
}

TEST(SludgeRenderTest, TextNamesTheFlagsAndTheirEvidence) {
  const std::string text = SludgeText(Sample(), 0);
  EXPECT_NE(text.find("Calls: 100; answered 80, abandoned 20"), std::string::npos) << text;
  EXPECT_NE(text.find("55.0% answered within 20 s"), std::string::npos) << text;
  EXPECT_NE(text.find("Median patience: 200 s"), std::string::npos) << text;
  EXPECT_NE(text.find("BOB: 23.1% of 2,256 services under 10 s, against 0.6% for the median agent (38x; binomial "
                      "p < 1e-300)"), std::string::npos) << text;
  EXPECT_NE(text.find("ALICE: service times bunch below 600 s: 180 calls in [540 s, 600 s) against 60 expected "
                      "(+200%), 20 in [600 s, 660 s) against 55 expected"), std::string::npos) << text;
  EXPECT_NE(text.find("z = 8.1"), std::string::npos) << text;
  EXPECT_NE(text.find("called back within 24 h after 35.0% of those calls (40 identified), 12.0% after the agent's "
                      "other calls, 11.0% for other agents; callbacks confirm the pattern"), std::string::npos) << text;
  EXPECT_NE(text.find("Of the 4 missed, 1 had an update from us before the date and 3 did not"), std::string::npos);
  EXPECT_NE(text.find("globex"), std::string::npos);
  const std::string limited = SludgeText(Sample(), 1);
  EXPECT_EQ(limited.find("Median wait 40 s."), std::string::npos);
  EXPECT_NE(limited.find("... and 1 more"), std::string::npos);
}

TEST(SludgeRenderTest, PValuesInPlainFigures) {
  CutShortFlag f = Flags()[1];
  f.short_calls->log10_p = -8.5;
  EXPECT_NE(FlagEvidenceText(f).find("p = 3.2e-9"), std::string::npos) << FlagEvidenceText(f);
  f.short_calls->log10_p = -1.5;
  EXPECT_NE(FlagEvidenceText(f).find("p = 0.032"), std::string::npos) << FlagEvidenceText(f);
  EXPECT_EQ(CountText(1234567), "1,234,567");
  EXPECT_EQ(CountText(12), "12");
  EXPECT_EQ(ShareText(std::nullopt), "-");
}

TEST(SludgeRenderTest, HtmlHasTheFourChartsAndMarksTheThreshold) {
  const std::string html = SludgeHtml(Sample());
  for (const char* chart : {"hours", "patience", "handle", "journeys"}) {
    EXPECT_EQ(Count(html, fmt::format("<svg class=\"chart {}\"", chart)), 1u) << chart;
  }
  EXPECT_EQ(Count(html, "<svg "), Count(html, "role=\"img\"><title>"));
  EXPECT_EQ(Count(html, "<rect class=\"bar wait\""), 2u);  // the two hours with calls
  EXPECT_EQ(Count(html, "<path class=\"line service-level\""), 1u);
  EXPECT_EQ(Count(html, "<path class=\"line survival\""), 1u);
  EXPECT_EQ(Count(html, "<rect class=\"hazard\""), 2u);
  EXPECT_EQ(Count(html, "<rect class=\"bar\""), 180u);
  EXPECT_EQ(Count(html, "<rect class=\"bar journey\""), 2u);
  EXPECT_EQ(Count(html, "<line class=\"threshold\""), 1u);  // ALICE's, not BOB's short calls
  EXPECT_NE(html.find(">ALICE: 600 s</text>"), std::string::npos);
  EXPECT_NE(html.find("axis-label"), std::string::npos);
  EXPECT_EQ(html.find("no calls in the record"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find(" src="), std::string::npos);
  EXPECT_EQ(html.find(" href="), std::string::npos);
}

TEST(SludgeRenderTest, HtmlEscapesHostileNames) {
  Sludge s = Sample();
  s.agents[1].agent = s.flagged[0].agent = s.findings[0].who = s.journeys[0].customer = kHostile;
  s.queues[0].queue = s.missed_promises[0].account = kHostile;
  const std::string html = SludgeHtml(s);
  EXPECT_EQ(html.find(kHostile), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;: 600 s"), std::string::npos);  // the threshold label
}

TEST(SludgeRenderTest, HtmlOfAnEmptyAuditSaysSo) {
  const std::string html = SludgeHtml(Sludge{});
  for (const char* chart : {"hours", "patience", "handle", "journeys"}) {
    EXPECT_EQ(Count(html, fmt::format("<svg class=\"chart {}\"", chart)), 1u) << chart;
  }
  EXPECT_EQ(Count(html, "no calls in the record"), 4u);
  EXPECT_EQ(html.find("<rect"), std::string::npos);
  EXPECT_EQ(html.find("<path"), std::string::npos);
  const std::string text = SludgeText(Sludge{}, 0);
  EXPECT_NE(text.find("Calls: none in the record."), std::string::npos);
  EXPECT_NE(text.find("No agent or queue shows either pattern"), std::string::npos);
}

// The fixed wording says what the record shows: no word of judgement or advice.
TEST(SludgeRenderTest, WordingIsNeutral) {
  std::set<std::string> forbidden = {"lazy", "sabotage", "cheat", "cheating", "gaming", "suspicious"};
  std::istringstream list(test::ReadFile(test::TestData("case/forbidden_words.txt")));
  for (std::string w; std::getline(list, w);) {
    if (!w.empty() && w[0] != '#') forbidden.insert(w);
  }
  const Sludge s = Sample();
  for (const std::string& page : {SludgeText(s, 0), SludgeHtml(s), SludgeText(Sludge{}, 0), SludgeHtml(Sludge{})}) {
    std::string word;
    for (char c : page + " ") {
      if (std::isalpha(static_cast<unsigned char>(c))) {
        word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        continue;
      }
      EXPECT_FALSE(forbidden.count(word)) << "says '" << word << "'";
      word.clear();
    }
  }
}

}  // namespace
}  // namespace nanni
