// Real-data tests of the case file (issue 4): `nanni --json case` on accounts of the files in
// ../shared/data, against figures this file computes itself from the raw mbox and CSVs with
// the plain readers of support/real_data_scan.h, never read back from nanni's reports.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <iostream>
#include <map>
#include <set>

#include "support/real_data_scan.h"
#include "support/test_support.h"

namespace nanni {
namespace {

using nlohmann::json;
using test::CsvRow;
using test::Nanni;
using test::ReadFile;
using test::ScannedMessage;
using test::SharedData;

class CaseRealData : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(Nanni({"--db", db_, "init"}).exit_code, 0); }
  void Import(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db_, "import", "--no-progress"});
    auto r = Nanni(args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  json Case(const std::string& account, const std::string& as_of) {
    auto r = Nanni({"--db", db_, "--json", "case", account, "--as-of", as_of});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return json::parse(r.out);
  }
  test::TempDir dir_;
  std::string db_ = dir_.File("ledger.db");
};

// Nearest rank: the value of rank ceil(p * n) of the sorted values (docs/case-file.md).
int64_t NearestRank(std::vector<int64_t> v, int percent) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t rank = (v.size() * percent + 99) / 100;
  return v[std::max<size_t>(rank, 1) - 1];
}

// ---------------------------------------------------------------------------------------
// USRP-users: sides, people and accounts by the rules of docs/mail.md, re-implemented here.

bool EndsWithDomain(const std::string& domain, const std::string& d) {
  return domain == d || (domain.size() > d.size() && domain.ends_with("." + d));
}

std::string DomainOf(const std::string& address) {
  size_t at = address.rfind('@');
  return at == std::string::npos ? "" : address.substr(at + 1);
}

// The organisation's domain of docs/mail.md: the last two labels, or three under a two-letter
// country code's co./com./ac./org./net./gov./edu./ne./or.; free mail is one person's account.
std::string MailAccount(const std::string& address) {
  static const std::set<std::string> free_mail = {
      "aol.com", "gmail.com", "googlemail.com", "gmx.com", "gmx.de", "gmx.net", "hotmail.com",
      "icloud.com", "live.com", "mail.com", "mail.ru", "me.com", "msn.com", "outlook.com",
      "proton.me", "protonmail.com", "qq.com", "web.de", "yahoo.com", "yandex.ru", "zoho.com"};
  std::string domain = DomainOf(address);
  if (free_mail.count(domain)) return address;
  std::vector<std::string> labels;
  for (size_t start = 0;;) {
    size_t dot = domain.find('.', start);
    labels.push_back(domain.substr(start, dot - start));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  static const std::set<std::string> second = {"co", "com", "ac", "org", "net", "gov", "edu", "ne", "or"};
  size_t keep = 2;
  if (labels.size() >= 3 && labels.back().size() == 2 && second.count(labels[labels.size() - 2])) keep = 3;
  if (labels.size() <= keep) return domain;
  std::string out;
  for (size_t i = labels.size() - keep; i < labels.size(); ++i) out += (out.empty() ? "" : ".") + labels[i];
  return out;
}

// The person who wrote a message: From, unless a list rewrote it (From is the list's address
// or a -bounces@/-owner@ one), then the single Reply-To that is not the list, else
// X-Original-From.
std::string Sender(const ScannedMessage& m) {
  std::vector<std::string> from = test::Addresses(m.Header("from"));
  std::string address = from.empty() ? "" : from[0];
  std::string list;
  std::string post = m.Header("list-post");
  size_t mailto = post.find("mailto:");
  if (mailto != std::string::npos) {
    list = post.substr(mailto + 7, post.find('>', mailto) - mailto - 7);
  } else if (!m.Header("x-beenthere").empty()) {
    list = test::Addresses(m.Header("x-beenthere")).at(0);
  }
  for (char& c : list) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  bool rewritten = (!list.empty() && address == list) || address.find("-bounces@") != std::string::npos ||
                   address.find("-owner@") != std::string::npos;
  if (!rewritten) return address;
  std::vector<std::string> people;
  for (const std::string& a : test::Addresses(m.Header("reply-to"))) {
    if (a != list) people.push_back(a);
  }
  if (people.size() == 1) return people[0];
  std::vector<std::string> original = test::Addresses(m.Header("x-original-from"));
  return original.empty() ? "" : original[0];
}

bool Ours(const std::string& address) {
  std::string domain = DomainOf(address);
  return EndsWithDomain(domain, "ettus.com") || EndsWithDomain(domain, "ni.com");
}

// What the test needs of one distinct message (the first copy of each Message-ID).
struct Mail {
  std::string id, sender, parent;
  int64_t time = 0;
  int line = 0;
};

std::map<std::string, Mail> ScanUsrp(const std::string& path) {
  size_t separators = 0;
  std::map<std::string, Mail> out;
  for (const ScannedMessage& s : test::ScanMbox(path, &separators)) {
    if (s.empty || s.message_id.empty() || out.count(s.message_id)) continue;
    Mail m;
    m.id = s.message_id;
    m.sender = Sender(s);
    // The parent: the first id of In-Reply-To, else the last of References (docs/mail.md).
    m.parent = !s.in_reply_to.empty() ? s.in_reply_to : s.references.empty() ? "" : s.references.back();
    if (m.parent == m.id) m.parent.clear();
    m.time = test::Rfc5322Seconds(s.Header("date"));
    m.line = s.line;
    out.emplace(m.id, m);
  }
  return out;
}

// The Message-IDs of every request in the ledger, by `nanni events --kind request` per account.
std::vector<std::string> RequestIds(const std::string& db) {
  std::vector<std::string> ids;
  auto r = Nanni({"--db", db, "--json", "accounts"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const json accounts = json::parse(r.out);  // named: a range-for over a temporary's member dangles
  for (const auto& a : accounts["accounts"]) {
    auto ev = Nanni({"--db", db, "--json", "events", a["account"].get<std::string>(), "--kind", "request"});
    EXPECT_EQ(ev.exit_code, 0) << ev.err;
    const json events = json::parse(ev.out);
    for (const auto& e : events["events"]) {
      std::string id = e["event"]["id"];
      EXPECT_TRUE(id.starts_with("mail:<") && id.ends_with(">")) << id;
      ids.push_back(id.substr(6, id.size() - 7));
    }
  }
  return ids;
}

TEST_F(CaseRealData, UsrpMostAskingOrganisationsRequestsAnswersAndResponseTimes) {
  const std::string mbox = SharedData("email/usrp_users_support.mbox");
  Import({"--config", test::TestData("mail/usrp.toml"), mbox});
  std::map<std::string, Mail> mails = ScanUsrp(mbox);
  ASSERT_EQ(mails.size(), 867u);

  // Which messages are requests is nanni's request rule (new text, question marks, phrases):
  // that set is taken from the ledger; who sent each, its account and its answers are not.
  std::map<std::string, std::vector<std::string>> requests_of;  // account -> Message-IDs
  for (const std::string& id : RequestIds(db_)) {
    ASSERT_TRUE(mails.count(id)) << id;
    const Mail& m = mails[id];
    ASSERT_FALSE(m.sender.empty()) << m.id;
    ASSERT_FALSE(Ours(m.sender)) << m.id << " is a request from our side";
    ASSERT_GE(m.time, 0) << m.id;
    requests_of[MailAccount(m.sender)].push_back(m.id);
  }
  size_t total = 0;
  for (const auto& [a, ids] : requests_of) total += ids.size();
  EXPECT_EQ(total, 405u);  // docs/mail.md

  // The account with the most requests (a person on free mail: one person, one account), and
  // the organisation (an account named by its domain) with the most; ties to the first name.
  std::string top, top_org;
  for (const auto& [a, ids] : requests_of) {
    if (top.empty() || ids.size() > requests_of[top].size()) top = a;
    bool organisation = a.find('@') == std::string::npos;
    if (organisation && (top_org.empty() || ids.size() > requests_of[top_org].size())) top_org = a;
  }
  EXPECT_EQ(top, "patchvonbraun@gmail.com");
  EXPECT_EQ(top_org, "gardettoengineering.com");

  const std::string as_of = "2020-01-01T00:00:00Z";  // after the archive's last message
  const int64_t as_of_s = test::Rfc3339Seconds(as_of);
  for (const std::string& account : {top, top_org}) {
    SCOPED_TRACE(account);
    // Independently: each request's answers are the our-side messages whose parent it is.
    struct Want { int64_t time; int answers = 0; const Mail* first = nullptr; };
    std::map<std::string, Want> want;
    for (const std::string& id : requests_of[account]) want[id].time = mails[id].time;
    for (const auto& [id, m] : mails) {
      auto it = want.find(m.parent);
      if (it == want.end() || !Ours(m.sender)) continue;
      ++it->second.answers;
      if (!it->second.first || m.time < it->second.first->time) it->second.first = &m;
    }
    json c = Case(account, as_of);
    ASSERT_EQ(c["requests"].size(), want.size());
    size_t answered = 0;
    std::vector<int64_t> response_s;
    for (const auto& r : c["requests"]) {
      std::string id = r["cite"]["event_id"];
      id = id.substr(6, id.size() - 7);
      ASSERT_TRUE(want.count(id)) << id;
      const Want& w = want[id];
      const Mail& asked = mails[id];
      SCOPED_TRACE(id);
      EXPECT_EQ(test::Rfc3339Seconds(r["time"]), w.time);
      EXPECT_EQ(r["cite"]["line"], asked.line);
      EXPECT_EQ(r["from"]["key"], asked.sender);
      EXPECT_EQ(r["from"]["side"], "theirs");
      EXPECT_EQ(r["answered"], w.first != nullptr);
      EXPECT_EQ(r["answers"], w.answers);
      if (!w.first) {
        EXPECT_TRUE(r["response_time"].is_null());
        EXPECT_EQ(r["open_age"]["calendar_s"], as_of_s - w.time);
        continue;
      }
      ++answered;
      response_s.push_back(w.first->time - w.time);
      EXPECT_EQ(test::Rfc3339Seconds(r["response_time"]), w.first->time);
      EXPECT_EQ(r["response_by"]["key"], w.first->sender);
      EXPECT_EQ(r["response_by"]["side"], "ours");
      EXPECT_EQ(r["response_cite"]["event_id"], "mail:<" + w.first->id + ">");
      EXPECT_EQ(r["response"]["calendar_s"], w.first->time - w.time);
    }
    EXPECT_EQ(c["counts"]["requests"], want.size());
    EXPECT_EQ(c["counts"]["answered"], answered);
    EXPECT_EQ(c["counts"]["open"], want.size() - answered);
    const json& stats = c["times"]["overall"]["response_calendar"];
    EXPECT_EQ(stats["count"], answered);
    EXPECT_EQ(stats["median_s"], NearestRank(response_s, 50));
    EXPECT_EQ(stats["p90_s"], NearestRank(response_s, 90));
    EXPECT_EQ(stats["worst_s"], NearestRank(response_s, 100));
    std::cout << "[ figures  ] " << account << ": " << want.size() << " requests, " << answered
              << " answered, median response " << NearestRank(response_s, 50) << " s\n";
    if (account == top_org) {
      EXPECT_GT(answered, 0u);
    }
    EXPECT_LT(answered, want.size());
  }
}

// ---------------------------------------------------------------------------------------
// CFPB complaints: dates are midnight in America/New_York (docs/profiles.md).

int64_t DaysFromCivil(int y, int m, int d) {  // days since 1970-01-01 (proleptic Gregorian)
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

// The n-th Sunday (1-based) of a month, as a day of the month.
int NthSunday(int y, int m, int n) {
  int64_t first = DaysFromCivil(y, m, 1);
  int weekday = static_cast<int>((first + 4) % 7);  // 1970-01-01 was a Thursday (4)
  return 1 + (7 - weekday) % 7 + 7 * (n - 1);
}

// Midnight in New York of YYYY-MM-DD, in UTC seconds. Since 2007 daylight time runs from the
// second Sunday of March 02:00 to the first Sunday of November 02:00, so a midnight is EDT
// (UTC-4) after the March change day and up to and including the November one.
int64_t NewYorkMidnight(const std::string& date) {
  int y = std::stoi(date.substr(0, 4)), m = std::stoi(date.substr(5, 2)), d = std::stoi(date.substr(8, 2));
  int key = m * 100 + d;
  bool edt = key > 300 + NthSunday(y, 3, 2) && key <= 1100 + NthSunday(y, 11, 1);
  return DaysFromCivil(y, m, d) * 86400 + (edt ? 4 : 5) * 3600;
}

TEST_F(CaseRealData, ComplaintCompanyWithTheMostOpenComplaintsAndTheirAges) {
  const std::string path = SharedData("complaints/cfpb_complaints_sample.csv");
  Import({"--profile", "cfpb", "--lenient", "--rejects", dir_.File("rejects.jsonl"), path});
  std::vector<CsvRow> rows = test::ParseCsv(ReadFile(path));
  ASSERT_FALSE(rows.back().closed);  // the cut last row, which the import rejects
  rows.pop_back();
  const auto& h = rows[0].fields;
  const size_t received = 0, company = 7, sent = 13, response = 14, id = 17;
  ASSERT_EQ(h[received], "Date received");
  ASSERT_EQ(h[company], "Company");
  ASSERT_EQ(h[sent], "Date sent to company");
  ASSERT_EQ(h[response], "Company response to consumer");
  ASSERT_EQ(h[id], "Complaint ID");

  const std::string as_of = "2023-10-01T00:00:00Z";  // shortly after the last complaint
  const int64_t as_of_s = test::Rfc3339Seconds(as_of);
  auto open = [&](const std::vector<std::string>& f) {
    return f[response] == "In progress" || f[response].empty() || NewYorkMidnight(f[sent]) > as_of_s;
  };
  std::map<std::string, size_t> open_per_company;
  for (size_t i = 1; i < rows.size(); ++i) open_per_company[rows[i].fields[company]] += open(rows[i].fields);
  std::string chosen;
  for (const auto& [c, n] : open_per_company) {
    if (chosen.empty() || n > open_per_company[chosen]) chosen = c;
  }
  std::map<std::string, const CsvRow*> complaints;  // cfpb:ID -> row
  size_t want_open = 0;
  for (size_t i = 1; i < rows.size(); ++i) {
    if (rows[i].fields[company] != chosen) continue;
    complaints["cfpb:" + rows[i].fields[id]] = &rows[i];
    want_open += open(rows[i].fields);
  }
  ASSERT_GT(want_open, 1u);
  ASSERT_LT(want_open, complaints.size());  // some answered too

  json c = Case(chosen, as_of);
  EXPECT_EQ(c["counts"]["requests"], complaints.size());
  EXPECT_EQ(c["counts"]["open"], want_open);
  EXPECT_EQ(c["counts"]["answered"], complaints.size() - want_open);
  ASSERT_EQ(c["requests"].size(), complaints.size());
  std::vector<int64_t> ages;
  std::set<std::string> seen;
  for (const auto& r : c["requests"]) {
    std::string event_id = r["cite"]["event_id"];
    ASSERT_TRUE(complaints.count(event_id)) << event_id;
    EXPECT_TRUE(seen.insert(event_id).second) << event_id;
    const auto& f = complaints[event_id]->fields;
    SCOPED_TRACE(event_id);
    EXPECT_EQ(r["cite"]["line"], complaints[event_id]->line);
    EXPECT_EQ(r["cite"]["ref"], f[id]);
    EXPECT_EQ(test::Rfc3339Seconds(r["time"]), NewYorkMidnight(f[received]));
    EXPECT_EQ(r["answered"], !open(f));
    if (open(f)) {
      ages.push_back(as_of_s - NewYorkMidnight(f[received]));
      EXPECT_EQ(r["open_age"]["calendar_s"], ages.back());
      EXPECT_TRUE(r["response_time"].is_null());
    } else {
      EXPECT_EQ(test::Rfc3339Seconds(r["response_time"]), NewYorkMidnight(f[sent]));
      EXPECT_EQ(r["response"]["calendar_s"], NewYorkMidnight(f[sent]) - NewYorkMidnight(f[received]));
    }
  }
  EXPECT_EQ(ages.size(), want_open);
  std::cout << "[ figures  ] " << chosen << ": " << complaints.size() << " complaints, " << want_open
            << " open, oldest open " << (ages.empty() ? 0 : *std::max_element(ages.begin(), ages.end())) / 86400
            << " d at " << as_of << "\n";
  // The brief's longest-waiting list: the ten oldest open complaints, oldest first.
  auto b = Nanni({"--db", db_, "--json", "brief", chosen, "--as-of", as_of});
  ASSERT_EQ(b.exit_code, 0) << b.err;
  json brief = json::parse(b.out);
  std::sort(ages.rbegin(), ages.rend());
  ASSERT_EQ(brief["longest_waiting"].size(), std::min<size_t>(10, ages.size()));
  for (size_t i = 0; i < brief["longest_waiting"].size(); ++i) {
    EXPECT_EQ(brief["longest_waiting"][i]["open_age"]["calendar_s"], ages[i]) << i;
  }
}

// ---------------------------------------------------------------------------------------
// The call log: one call per row, the header repeated mid-file skipped (docs/profiles.md).

TEST_F(CaseRealData, CallerWithTheMostCallsEveryCallWithItsWaitAndHandleTime) {
  const std::string path = SharedData("calls/anonymous_bank_august.csv");
  Import({"--profile", "callcenter", path});
  std::vector<CsvRow> rows = test::ParseCsv(ReadFile(path));
  const std::vector<std::string> header = rows[0].fields;
  ASSERT_EQ(header.size(), 17u);
  const size_t call_id = 1, customer = 2, type = 4, date = 5, vru_entry = 6, q_time = 11, outcome = 12,
               ser_time = 15, server = 16;
  ASSERT_EQ(header[customer], "customer_id");
  ASSERT_EQ(header[q_time], "q_time");
  ASSERT_EQ(header[ser_time], "ser_time");
  std::map<std::string, std::vector<const CsvRow*>> calls_of;
  for (const CsvRow& r : rows) {
    if (r.fields == header || r.fields[customer] == "0") continue;
    calls_of[r.fields[customer]].push_back(&r);
  }
  std::string top;
  for (const auto& [c, v] : calls_of) {
    if (top.empty() || v.size() > calls_of[top].size()) top = c;
  }
  std::map<int, const CsvRow*> want;  // by line
  for (const CsvRow* r : calls_of[top]) want[r->line] = r;
  ASSERT_GT(want.size(), 10u);

  json c = Case("callcenter:" + top, "2010-09-01T00:00:00Z");
  EXPECT_EQ(c["counts"]["calls"], want.size());
  ASSERT_EQ(c["calls"].size(), want.size());
  std::set<int> seen;
  std::string previous;
  int64_t wait = 0, handle = 0;
  for (const auto& call : c["calls"]) {
    int line = call["cite"]["line"];
    ASSERT_TRUE(want.count(line)) << line;
    EXPECT_TRUE(seen.insert(line).second) << line;
    const auto& f = want[line]->fields;
    SCOPED_TRACE("line " + std::to_string(line));
    // The local time of arrival: the date and vru_entry (H:MM:SS), Israel summer time in
    // August 2010 (IDT, +03:00, until 12 September).
    std::string clock = f[vru_entry].size() == 7 ? "0" + f[vru_entry] : f[vru_entry];
    EXPECT_EQ(call["time"], f[date] + "T" + clock + "+03:00");
    EXPECT_GE(call["time"].get<std::string>(), previous);  // in time order
    previous = call["time"];
    EXPECT_EQ(call["cite"]["ref"], f[call_id]);
    EXPECT_EQ(call["queue_wait_s"], std::stoll(f[q_time]));
    EXPECT_EQ(call["handle_s"], std::stoll(f[ser_time]));
    std::string want_outcome = f[outcome] == "AGENT" ? "answered" : f[outcome] == "HANG" ? "abandoned" : "dropped";
    EXPECT_EQ(call["outcome"], want_outcome);
    EXPECT_EQ(call["queue"], f[type]);
    EXPECT_EQ(call["agent"], f[server] == "NO_SERVER" ? "" : f[server]);
    EXPECT_EQ(call["from"]["key"], top);
    wait += std::stoll(f[q_time]);
    handle += std::stoll(f[ser_time]);
  }
  std::cout << "[ figures  ] callcenter:" << top << ": " << want.size() << " calls, " << wait
            << " s waiting, " << handle << " s handled\n";
}

}  // namespace
}  // namespace nanni
