// Contracts and disputes end to end, through the nanni binary: two software agents, one per
// side, each writing a claim from its own view of the record and checking nanni's ruling with
// the ledger's public key alone, on a copy of the ruling where no ledger is (an empty
// environment, another folder); a ruling with one changed byte in its evidence, its terms or
// its amount fails and says where; a claim whose facts are not in the record is "insufficient
// evidence", saying what is missing.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <map>

#include "support/test_support.h"
#include "util/base64.h"

namespace nanni {
namespace {

using nlohmann::json;
using test::Nanni;
using test::ReadFile;
using test::WriteFile;

constexpr const char* kTerms = R"(contract = "MSA-9"
currency = "EUR"
starts = "2026-01-01T00:00:00Z"
[hours]
time_zone = "UTC"
[uptime]
monthly_charge_minor = 100000
minimum_period = "5m"
[[uptime.tier]]
below = "99.99"
credit = "10"
[[uptime.tier]]
below = "99.0"
credit = "30"
[[uptime.tier]]
below = "95.0"
credit = "100"
[payment]
interest = "fixed"
rate = "8"
flat_fee_minor = 4000
)";

// The record: an eight-hour outage in March, a late payment, and another account's events
// that no ruling on acme may carry.
constexpr const char* kEvents = R"({"id":"inc-1-start","account":"acme","time":"2026-03-10T00:00:00Z","kind":"incident","incident":"INC-1","phase":"start","severity":"major","what":"API down"}
{"id":"inc-1-end","account":"acme","time":"2026-03-10T08:00:00Z","kind":"incident","incident":"INC-1","phase":"end"}
{"id":"inc-2-start","account":"acme","time":"2026-03-20T00:00:00Z","kind":"incident","incident":"INC-2","phase":"start","severity":"minor"}
{"id":"inc-2-end","account":"acme","time":"2026-03-20T00:04:00Z","kind":"incident","incident":"INC-2","phase":"end"}
{"id":"inv-1","account":"acme","time":"2026-01-31T09:00:00Z","kind":"invoice","invoice":"INV-1","amount_minor":200000,"currency":"EUR","due":"2026-03-02T00:00:00Z"}
{"id":"pay-1","account":"acme","time":"2026-04-16T09:00:00Z","kind":"payment","invoice":"INV-1","amount_minor":200000,"currency":"EUR"}
{"id":"other-1","account":"globex","time":"2026-03-10T01:00:00Z","kind":"incident","incident":"G-1","phase":"start","what":"secret of globex"}
)";

class Disputes : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_.File("ledger.db");
    key_file_ = dir_.File("ledger.key");
    WriteFile(dir_.File("terms.toml"), kTerms);
    WriteFile(dir_.File("events.ndjson"), kEvents);
    Must({"init"});
    Must({"key", "init", "--key-file", key_file_});
    Must({"import", dir_.File("events.ndjson")});
    Must({"contract", "add", "acme", dir_.File("terms.toml"), "--time", "2026-01-01T00:00:00Z"});
    json key = json::parse(Must({"--json", "key", "show", "--key-file", key_file_}));
    public_key_ = key["public_key"];
  }

  std::string Must(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db_});
    test::CommandResult r = Nanni(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
  }

  // Rules on `claim` and returns the ruling's path.
  std::string Rule(const json& claim, const std::string& name) {
    WriteFile(dir_.File(name + ".claim.json"), claim.dump());
    const std::string ruling = dir_.File(name + ".ruling.json");
    Must({"dispute", "rule", dir_.File(name + ".claim.json"), "--as-of", "2026-06-01", "--key-file", key_file_, "--out", ruling});
    return ruling;
  }

  // `dispute check` on a copy of `ruling` in a folder of its own, with an empty environment
  // and a ledger path that does not exist: the check has nothing but the ruling and the key.
  test::CommandResult CheckElsewhere(const std::string& ruling_text) {
    const std::string copy = elsewhere_.File("ruling.json");
    WriteFile(copy, ruling_text);
    return test::Run({"env", "-i", "HOME=" + elsewhere_.path(), NANNI_BINARY, "--db", elsewhere_.File("no-such.db"),
                      "dispute", "check", copy, "--key", public_key_});
  }

  test::TempDir dir_, elsewhere_;
  std::string db_, key_file_, public_key_;
};

// Agent A, for the customer: from its own monitoring (the incident times it exported) it works
// out the March credit on the AWS-style tiers with its own formula.
int64_t CustomerAgentCredit() {
  const double month_s = 31 * 86400.0, down_s = 8 * 3600.0;  // the 4-minute blip is under the 5-minute minimum
  const double uptime = 100.0 * (month_s - down_s) / month_s;  // 98.92 %
  const double share = uptime < 95.0 ? 1.0 : uptime < 99.0 ? 0.30 : uptime < 99.99 ? 0.10 : 0.0;
  return std::llround(100000 * share);
}

// Agent B, for us: the interest on INV-1 from its own ledger of receivables.
int64_t ProviderAgentInterest() {
  const int days_late = 45;  // due 2026-03-02, paid 2026-04-16
  return std::llround(200000 * 0.08 * days_late / 365.0);
}

TEST_F(Disputes, TwoAgentsReachTheSameResultFromOneRecord) {
  // A claims the credit it computed; nanni rules; B, for the other side, checks the ruling with
  // the public key only, on its own machine state, and reads the same figure.
  json claim = {{"claim", "nanni-claim/1"}, {"claimant", "customer"}, {"account", "acme"}, {"contract", "MSA-9"},
                {"period", {{"from", "2026-03-01"}, {"to", "2026-04-01"}}},
                {"asks", {{{"rule", "uptime.credit"}, {"subject", "2026-03"}, {"amount_minor", CustomerAgentCredit()}}}},
                {"evidence", {"inc-1-start", "inc-1-end"}}, {"statement", "Eight hours down on 10 March."}};
  const std::string ruling = Rule(claim, "customer");
  json r = json::parse(ReadFile(ruling));
  EXPECT_EQ(r["decision"]["verdict"], "upheld");
  EXPECT_EQ(r["decision"]["awarded_minor"], 30000);
  EXPECT_EQ(CustomerAgentCredit(), 30000);
  std::set<std::string> ids;
  for (const json& e : r["evidence"]) ids.insert(e["id"].get<std::string>());
  EXPECT_TRUE(ids.count("inc-1-start") && ids.count("inc-1-end") && ids.count("inc-2-start"));
  for (const std::string& id : ids) EXPECT_EQ(id.find("other"), std::string::npos) << "another account's event: " << id;
  EXPECT_EQ(ReadFile(ruling).find("globex"), std::string::npos);
  test::CommandResult check = CheckElsewhere(ReadFile(ruling));
  EXPECT_EQ(check.exit_code, 0) << check.err;
  EXPECT_NE(check.out.find("the same decision, upheld, awarded EUR 300.00"), std::string::npos) << check.out;

  // B claims interest and the fee on INV-1 from its own view; A checks the ruling the same way.
  json ours = {{"claim", "nanni-claim/1"}, {"claimant", "provider"}, {"account", "acme"},
               {"asks", {{{"rule", "payment.interest"}, {"subject", "INV-1"}, {"amount_minor", ProviderAgentInterest()}},
                         {{"rule", "payment.fee"}, {"subject", "INV-1"}, {"amount_minor", 4000}}}}};
  const std::string ruling2 = Rule(ours, "provider");
  json r2 = json::parse(ReadFile(ruling2));
  EXPECT_EQ(r2["decision"]["verdict"], "upheld");
  EXPECT_EQ(r2["decision"]["asks"][0]["computed_minor"], ProviderAgentInterest());
  EXPECT_EQ(r2["decision"]["awarded_minor"], ProviderAgentInterest() + 4000);
  test::CommandResult check2 = CheckElsewhere(ReadFile(ruling2));
  EXPECT_EQ(check2.exit_code, 0) << check2.err;
}

TEST_F(Disputes, ClaimingMoreThanTheRecordGivesIsPartlyUpheld) {
  json claim = {{"claim", "nanni-claim/1"}, {"claimant", "customer"}, {"account", "acme"},
                {"period", {{"from", "2026-03-01"}, {"to", "2026-04-01"}}},
                {"asks", {{{"rule", "uptime.credit"}, {"amount_minor", 100000}}}}};
  json r = json::parse(ReadFile(Rule(claim, "greedy")));
  EXPECT_EQ(r["decision"]["verdict"], "partly upheld");
  EXPECT_EQ(r["decision"]["asks"][0]["computed_minor"], 30000);
  EXPECT_EQ(r["decision"]["awarded_minor"], 30000);
  json none = {{"claim", "nanni-claim/1"}, {"claimant", "customer"}, {"account", "acme"},
               {"period", {{"from", "2026-04-01"}, {"to", "2026-05-01"}}},
               {"asks", {{{"rule", "uptime.credit"}, {"amount_minor", 1000}}}}};
  EXPECT_EQ(json::parse(ReadFile(Rule(none, "april")))["decision"]["verdict"], "rejected");
}

TEST_F(Disputes, FactsNotInTheRecordAreInsufficientEvidence) {
  json claim = {{"claim", "nanni-claim/1"}, {"claimant", "provider"}, {"account", "acme"},
                {"asks", {{{"rule", "payment.interest"}, {"subject", "INV-404"}, {"amount_minor", 500}}}}};
  json r = json::parse(ReadFile(Rule(claim, "noinvoice")));
  EXPECT_EQ(r["decision"]["verdict"], "insufficient evidence");
  EXPECT_NE(r["decision"]["asks"][0]["missing"][0].get<std::string>().find("INV-404"), std::string::npos);
  json cites = {{"claim", "nanni-claim/1"}, {"claimant", "customer"}, {"account", "acme"},
                {"asks", {{{"rule", "uptime.credit"}}}}, {"evidence", {"ticket-that-never-was"}}};
  json r2 = json::parse(ReadFile(Rule(cites, "noevent")));
  EXPECT_EQ(r2["decision"]["verdict"], "insufficient evidence");
  EXPECT_NE(r2["decision"]["missing"][0].get<std::string>().find("ticket-that-never-was"), std::string::npos);
  // Another account's record holds no terms at all.
  json globex = {{"claim", "nanni-claim/1"}, {"claimant", "customer"}, {"account", "globex"},
                 {"asks", {{{"rule", "uptime.credit"}}}}};
  json r3 = json::parse(ReadFile(Rule(globex, "globex")));
  EXPECT_EQ(r3["decision"]["verdict"], "insufficient evidence");
  EXPECT_NE(r3["decision"]["missing"][0].get<std::string>().find("no contract terms"), std::string::npos);
  EXPECT_EQ(CheckElsewhere(ReadFile(dir_.File("globex.ruling.json"))).exit_code, 0);
}

// A second contract in dollars supersedes the first from March 15: a claim over March would
// add euros to dollars, so it must name one contract.
TEST_F(Disputes, TermsInTwoCurrenciesAreNotAddedUp) {
  std::string usd = kTerms;
  usd.replace(usd.find("MSA-9"), 5, "MSA-10");
  usd.replace(usd.find("EUR"), 3, "USD");
  usd.replace(usd.find("2026-01-01T00:00:00Z"), 20, "2026-03-15T00:00:00Z");
  WriteFile(dir_.File("usd.toml"), usd);
  Must({"contract", "add", "acme", dir_.File("usd.toml"), "--time", "2026-03-01T00:00:00Z"});
  json both = {{"claim", "nanni-claim/1"}, {"claimant", "customer"}, {"account", "acme"},
               {"period", {{"from", "2026-03-01"}, {"to", "2026-04-01"}}}, {"asks", {{{"rule", "uptime.credit"}}}}};
  json r = json::parse(ReadFile(Rule(both, "both")));
  EXPECT_EQ(r["decision"]["verdict"], "insufficient evidence");
  EXPECT_NE(r["decision"]["missing"][0].get<std::string>().find("EUR and USD"), std::string::npos) << r["decision"];
  EXPECT_EQ(CheckElsewhere(ReadFile(dir_.File("both.ruling.json"))).exit_code, 0);
  both["contract"] = "MSA-9";
  json euros = json::parse(ReadFile(Rule(both, "euros")));
  EXPECT_EQ(euros["decision"]["currency"], "EUR");
  EXPECT_NE(euros["decision"]["verdict"], "insufficient evidence") << euros["decision"];
  // The portfolio's totals are kept per currency too.
  json all = json::parse(Must({"--json", "contract", "check", "--all", "--as-of", "2026-06-01"}));
  std::map<std::string, int64_t> to_them;
  for (const json& c : all["checks"]) to_them[c["currency"]] += c["owed_to_them_minor"].get<int64_t>();
  ASSERT_EQ(all["totals"].size(), 2u) << all["totals"];
  for (const auto& [currency, owed] : to_them) EXPECT_EQ(all["totals"][currency]["owed_to_them_minor"], owed);
}

// A fact corrected twice: the ruling rests on the last version, and its evidence carries
// what the check needs to apply the corrections again, from the ruling alone.
TEST_F(Disputes, AFactCorrectedTwiceIsRuledOnItsLastVersionAndChecks) {
  WriteFile(dir_.File("corrections.ndjson"),
            R"({"id":"inc-1-end-v2","corrects":"inc-1-end","account":"acme","time":"2026-03-10T10:00:00Z","kind":"incident","incident":"INC-1","phase":"end"}
{"id":"inc-1-end-v3","corrects":"inc-1-end-v2","account":"acme","time":"2026-03-10T06:00:00Z","kind":"incident","incident":"INC-1","phase":"end"}
)");
  Must({"import", dir_.File("corrections.ndjson")});
  json claim = {{"claim", "nanni-claim/1"}, {"claimant", "customer"}, {"account", "acme"},
                {"period", {{"from", "2026-03-01"}, {"to", "2026-04-01"}}}, {"asks", {{{"rule", "uptime.credit"}}}}};
  json r = json::parse(ReadFile(Rule(claim, "corrected")));
  // Six hours down (00:00 to the last version's 06:00): 99.193548 %, the 10 % tier.
  EXPECT_EQ(r["decision"]["awarded_minor"], 10000) << r["decision"];
  test::CommandResult check = CheckElsewhere(ReadFile(dir_.File("corrected.ruling.json")));
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
}

TEST_F(Disputes, TheSameTermsRecordedAgainAddNothing) {
  const std::string terms = dir_.File("terms.toml");
  std::string out = Must({"contract", "add", "acme", terms, "--time", "2026-01-01T00:00:00Z"});
  EXPECT_NE(out.find("already recorded"), std::string::npos) << out;
  test::CommandResult later = Nanni({"--db", db_, "contract", "add", "acme", terms, "--time", "2026-02-01T00:00:00Z"});
  EXPECT_EQ(later.exit_code, 1);
  EXPECT_NE(later.err.find("already recorded, at another time or for another account"), std::string::npos) << later.err;
  test::CommandResult missing = Nanni({"--db", db_, "contract", "add", "acme", dir_.File("no-such.toml")});
  EXPECT_EQ(missing.exit_code, 3) << missing.err;  // a file that does not exist (docs/cli.md, exit codes)
  EXPECT_NE(missing.err.find("no-such.toml"), std::string::npos);
}

// Terms with no usable period carry no dates: an account whose only terms fail to parse.
TEST_F(Disputes, AnAccountWithoutUsableTermsShowsNoDates) {
  WriteFile(dir_.File("bad.ndjson"),
            R"({"id":"c-bad","account":"initech","time":"2026-01-01T00:00:00Z","kind":"contract","contract":"X-1","terms_sha256":"00","text":"x"})" "\n");
  Must({"import", dir_.File("bad.ndjson")});
  json r = json::parse(Must({"--json", "contract", "check", "initech", "--as-of", "2026-06-01"}));
  ASSERT_EQ(r["checks"].size(), 1u) << r;
  EXPECT_TRUE(r["checks"][0]["from"].is_null()) << r;
  EXPECT_TRUE(r["checks"][0]["as_of"].is_null()) << r;
  EXPECT_FALSE(r["checks"][0]["notes"].empty()) << r;
}

class TamperedRulings : public Disputes {
 protected:
  void SetUp() override {
    Disputes::SetUp();
    json claim = {{"claim", "nanni-claim/1"}, {"claimant", "customer"}, {"account", "acme"},
                  {"period", {{"from", "2026-03-01"}, {"to", "2026-04-01"}}},
                  {"asks", {{{"rule", "uptime.credit"}, {"amount_minor", 30000}}}}};
    ruling_ = json::parse(ReadFile(Rule(claim, "base")));
    ASSERT_EQ(CheckElsewhere(ruling_.dump()).exit_code, 0);
  }

  // The ruling with one byte of evidence item `id`'s event body changed (`from` -> `to`).
  json WithEventByteChanged(const std::string& id, const std::string& from, const std::string& to) {
    json r = ruling_;
    for (json& e : r["evidence"]) {
      if (e["id"] != id) continue;
      std::string proof = e["proof"];
      const size_t line = proof.find("extra ") + 6, end = proof.find('\n', line);
      std::string extra;
      EXPECT_TRUE(Base64Decode(proof.substr(line, end - line), &extra).ok());
      const size_t at = extra.find(from);
      EXPECT_NE(at, std::string::npos) << extra;
      extra.replace(at, from.size(), to);
      proof.replace(line, end - line, Base64Encode(extra));
      e["proof"] = proof;
    }
    return r;
  }

  json ruling_;
};

TEST_F(TamperedRulings, AChangedEventFailsItsProofNamingTheEvent) {
  test::CommandResult r = CheckElsewhere(WithEventByteChanged("inc-1-end", "08:00:00", "07:00:00").dump());
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("(event 'inc-1-end')"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("is not proven"), std::string::npos) << r.err;
}

TEST_F(TamperedRulings, ChangedTermsFailEitherWay) {
  // In the recorded terms themselves (the contract event): its proof fails.
  std::string contract_event = ruling_["decision"]["terms"][0]["contract_event"];
  test::CommandResult r = CheckElsewhere(WithEventByteChanged(contract_event, "credit = \\\"30\\\"", "credit = \\\"40\\\"").dump());
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("(event '" + contract_event + "')"), std::string::npos) << r.err;
  // In the hash the ruling states: the recomputation names the field.
  json changed = ruling_;
  std::string hash = changed["decision"]["terms"][0]["terms_sha256"];
  hash[5] = hash[5] == 'a' ? 'b' : 'a';
  changed["decision"]["terms"][0]["terms_sha256"] = hash;
  r = CheckElsewhere(changed.dump());
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.out.find("decision.terms[0].terms_sha256: the ruling says"), std::string::npos) << r.out;
}

TEST_F(TamperedRulings, AChangedAmountOrVerdictIsNamed) {
  json changed = ruling_;
  changed["decision"]["awarded_minor"] = 30001;
  test::CommandResult r = CheckElsewhere(changed.dump());
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.out.find("decision.awarded_minor: the ruling says 30001, the evidence gives 30000"), std::string::npos) << r.out;
  changed = ruling_;
  changed["decision"]["asks"][0]["findings"][0]["steps"][0] = "something else";
  r = CheckElsewhere(changed.dump());
  EXPECT_NE(r.out.find("decision.asks[0].findings[0].steps[0]"), std::string::npos) << r.out;
  // Dropping an incident from the evidence changes what it gives, and says so.
  changed = ruling_;
  json kept = json::array();
  for (const json& e : changed["evidence"]) {
    if (e["id"] != "inc-1-end") kept.push_back(e);
  }
  changed["evidence"] = kept;
  r = CheckElsewhere(changed.dump());
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.out.find("decision.asks[0].computed_minor"), std::string::npos) << r.out;
  // A different key trusts nothing.
  r = test::Run({NANNI_BINARY, "dispute", "check", dir_.File("base.ruling.json"), "--key",
                 "other.example+2b7a3c1d+AbcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRST"});
  EXPECT_NE(r.exit_code, 0);
}

TEST(DisputeClaims, RefusesABadClaimNamingTheField) {
  test::TempDir dir;
  WriteFile(dir.File("c.json"), R"({"claim":"nanni-claim/1","claimant":"customer","account":"acme","asks":[{"rule":"uptime.refund"}]})");
  test::CommandResult r = Nanni({"--db", dir.File("x.db"), "dispute", "rule", dir.File("c.json")});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("c.json: claim field 'asks[0].rule': 'uptime.refund' is not a rule"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace nanni
