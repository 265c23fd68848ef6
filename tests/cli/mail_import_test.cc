// Real data (../shared/data/email): the mail importer against archives nobody here wrote.
// Every expected figure is computed in this file by a plain scan of the files, not read back
// from nanni.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "event/event_decoder.h"
#include "import/importer.h"
#include "import/mail/mail_source.h"
#include "support/ledger_fixture.h"
#include "support/real_data_scan.h"
#include "support/test_support.h"

namespace nanni {
namespace {

namespace fs = std::filesystem;

using Scanned = test::ScannedMessage;
using test::ScanHeaders;
using test::ScanMbox;

std::vector<Event> Import(const std::string& path, const NanniConfig& config,
                          const std::string& db, ImportSummary* summary, Status* status) {
  std::unique_ptr<SqliteStore> store = fs::exists(db) ? nullptr : test::NewLedger(db);
  if (!store) {
    EXPECT_TRUE(SqliteStore::Open(db, StoreMode::kReadWrite, &store).ok());
  }
  std::unique_ptr<MailSource> source;
  EXPECT_TRUE(MailSource::Open(path, &config, {}, &source).ok());
  std::vector<std::unique_ptr<EventSource>> sources;
  sources.push_back(std::move(source));
  ImportOptions options;
  options.progress = false;
  *status = ImportEvents(store.get(), std::move(sources), options, summary);
  std::vector<Event> events;
  EventDecoder decoder;
  EXPECT_TRUE(store->Scan(AccessScope::All(), 1, UINT64_MAX, [&](const LedgerEntry& entry) {
    Event e;
    Status st = decoder.Decode(entry.body, &e);  // every stored event is a valid event
    EXPECT_TRUE(st.ok()) << st.ToString();
    events.push_back(std::move(e));
    return Status::OK();
  }).ok());
  return events;
}

class MailImportTest : public ::testing::Test {
 protected:
  test::TempDir dir_;
};

TEST_F(MailImportTest, UsrpArchiveLandsOncePerMessageIdWithRepliesAndPeopleResolved) {
  const std::string mbox = test::SharedData("email/usrp_users_support.mbox");
  size_t separators = 0;
  std::vector<Scanned> scanned = ScanMbox(mbox, &separators);
  // The file's own figures (data/README.md): 874 "From " entries, 639 In-Reply-To, 569 of
  // them naming a Message-ID in the file. Three entries are empty (a "From " line and nothing
  // else), so 871 are messages.
  std::set<std::string> ids;
  size_t real = 0, with_irt = 0, irt_resolving = 0;
  for (const Scanned& s : scanned) {
    if (s.empty) continue;
    ++real;
    if (!s.message_id.empty()) ids.insert(s.message_id);
  }
  for (const Scanned& s : scanned) {
    if (s.in_reply_to.empty()) continue;
    ++with_irt;
    irt_resolving += ids.count(s.in_reply_to);
  }
  EXPECT_EQ(separators, 874u);
  EXPECT_EQ(with_irt, 639u);
  EXPECT_EQ(irt_resolving, 569u);
  // Per distinct Message-ID (the first copy of each), which is what the ledger keeps.
  std::map<std::string, std::string> first_irt;
  for (const Scanned& s : scanned) {
    if (!s.message_id.empty()) first_irt.emplace(s.message_id, s.in_reply_to);
  }

  NanniConfig config;
  ASSERT_TRUE(LoadNanniConfig(test::TestData("mail/usrp.toml"), &config).ok());
  ImportSummary summary;
  Status st;
  std::vector<Event> events = Import(mbox, config, dir_.File("l.db"), &summary, &st);
  ASSERT_TRUE(st.ok()) << st.ToString();
  EXPECT_EQ(real, 871u);
  EXPECT_EQ(ids.size(), 867u);  // four messages are in the file twice
  EXPECT_EQ(events.size(), ids.size());  // 867: one event per distinct Message-ID
  EXPECT_EQ(summary.added, ids.size());

  std::map<std::string, const Event*> by_id;
  for (const Event& e : events) by_id[e.id] = &e;
  size_t carried = 0, resolved = 0, responses = 0;
  for (const auto& [mid, irt] : first_irt) {
    auto it = by_id.find("mail:<" + mid + ">");
    ASSERT_NE(it, by_id.end()) << mid;
    if (irt.empty()) continue;
    ++carried;
    EXPECT_EQ(it->second->reply_to, "mail:<" + irt + ">") << mid;
    resolved += by_id.count(it->second->reply_to);
  }
  size_t distinct_resolving = 0, distinct_carrying = 0;
  for (const auto& [mid, irt] : first_irt) {
    distinct_carrying += !irt.empty();
    distinct_resolving += !irt.empty() && ids.count(irt);
  }
  EXPECT_EQ(carried, distinct_carrying);
  EXPECT_EQ(resolved, distinct_resolving);
  EXPECT_GT(resolved, 500u);

  for (const Event& e : events) {
    ASSERT_TRUE(e.from) << e.id;
    // The list's rewriting is undone: nobody is the list.
    EXPECT_EQ(e.from->email.find("usrp-users"), std::string::npos) << e.id;
    EXPECT_NE(e.from->email, "") << e.id;
    EXPECT_EQ(e.from->side == Side::kOurs, e.from->email.ends_with("@ettus.com") ||
                                               e.from->email.ends_with("@ni.com"))
        << e.id;
    if (e.kind == EventKind::kResponse) {
      ++responses;
      EXPECT_EQ(e.from->side, Side::kOurs);
      ASSERT_TRUE(by_id.count(e.reply_to)) << e.id;
      const Event& parent = *by_id[e.reply_to];
      EXPECT_EQ(parent.from->side, Side::kTheirs);
      EXPECT_EQ(e.account, parent.account) << e.id;  // the customer's account, not ours
    }
    if (e.from->side == Side::kOurs) {
      EXPECT_NE(e.account, "ettus.com") << e.id;
    }
    // A reply is in the thread of what it answers.
    if (by_id.count(e.reply_to)) {
      EXPECT_EQ(e.thread, by_id[e.reply_to]->thread) << e.id;
    }
    // The list footer is never new text.
    EXPECT_EQ(e.new_text.find("_____\nUSRP-users mailing list"), std::string::npos) << e.id;
  }
  EXPECT_GT(responses, 50u);

  // Importing it again adds nothing.
  ImportSummary again;
  Import(mbox, config, dir_.File("l.db"), &again, &st);
  ASSERT_TRUE(st.ok()) << st.ToString();
  EXPECT_EQ(again.added, 0u);
  EXPECT_EQ(again.duplicates, ids.size());
}

// Every regular file under `dir`, with what a plain scan finds in it.
std::map<std::string, Scanned> ScanFolderFull(const std::string& dir) {
  std::map<std::string, Scanned> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::vector<std::string> lines;
    for (std::string l; std::getline(in, l);) lines.push_back(l);
    out[e.path().string()] = ScanHeaders(lines);
  }
  return out;
}

// Every regular file under `dir`, with the Message-ID a plain scan finds in it.
std::map<std::string, std::string> ScanFolder(const std::string& dir) {
  std::map<std::string, std::string> out;
  for (const auto& [path, s] : ScanFolderFull(dir)) out[path] = s.message_id;
  return out;
}

TEST_F(MailImportTest, DuplicateFolderGivesOneEventPerMessageId) {
  const std::string dir = test::SharedData("email/notmuch_corpora/duplicate");
  std::set<std::string> ids;
  size_t files = 0;
  for (const auto& [path, mid] : ScanFolder(dir)) {
    ++files;
    ASSERT_FALSE(mid.empty()) << path;
    ids.insert(mid);
  }
  EXPECT_GT(files, ids.size());
  ImportSummary summary;
  Status st;
  std::vector<Event> events = Import(dir, NanniConfig(), dir_.File("d.db"), &summary, &st);
  ASSERT_TRUE(st.ok()) << st.ToString();
  std::set<std::string> got;
  for (const Event& e : events) got.insert(e.id);
  std::set<std::string> want;
  for (const std::string& id : ids) want.insert("mail:<" + id + ">");
  EXPECT_EQ(got, want);
  EXPECT_EQ(events.size(), ids.size());
  ImportSummary again;
  Import(dir, NanniConfig(), dir_.File("d.db"), &again, &st);
  EXPECT_TRUE(st.ok());
  EXPECT_EQ(again.added, 0u);
}

// docs/mail.md: another copy of a Message-ID already in the ledger, with other content, is
// refused as a conflict (the ledger is append-only), and nothing of that import lands.
TEST_F(MailImportTest, OtherCopyOfAnImportedMessageIdIsAConflictAndNothingLands) {
  const std::string dir = test::SharedData("email/notmuch_corpora/duplicate");
  ImportSummary summary;
  Status st;
  Import(dir + "/msg-3-2:2,", NanniConfig(), dir_.File("c.db"), &summary, &st);
  ASSERT_TRUE(st.ok()) << st.ToString();
  EXPECT_EQ(summary.added, 1u);
  std::vector<Event> events = Import(dir, NanniConfig(), dir_.File("c.db"), &summary, &st);
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.ToString().find("msg-3-1"), std::string::npos) << st.ToString();
  EXPECT_EQ(events.size(), 1u);  // unchanged
}

// broken/: each file's documented outcome (docs/mail.md, "What broken mail does").
TEST_F(MailImportTest, BrokenFolderImportsEachMessageAsDocumented) {
  const std::string dir = test::SharedData("email/notmuch_corpora/broken");
  ImportSummary summary;
  Status st;
  std::vector<Event> events = Import(dir, NanniConfig(), dir_.File("b.db"), &summary, &st);
  ASSERT_TRUE(st.ok()) << st.ToString();
  std::map<std::string, const Event*> by_id;
  for (const Event& e : events) by_id[e.id] = &e;
  ASSERT_EQ(events.size(), ScanFolder(dir).size());
  // Two Cc headers (Cc: and cc:): both recipients kept.
  const Event* cc = by_id["mail:<multiple-cc@example.org>"];
  ASSERT_TRUE(cc);
  std::set<std::string> to;
  for (const Contact& c : cc->to) to.insert(c.email);
  EXPECT_TRUE(to.count("bob@example.org"));
  EXPECT_TRUE(to.count("daniel@example.org"));
  EXPECT_TRUE(to.count("charles@example.org"));  // from the second, lower-case cc:
  // The reference loop: each points at the other, nothing follows it forever.
  const Event* a = by_id["mail:<mid-loop-12@example.org>"];
  const Event* b = by_id["mail:<mid-loop-21@example.org>"];
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->reply_to, b->id);
  EXPECT_EQ(b->reply_to, a->id);
  EXPECT_EQ(a->thread, b->thread);  // one thread, whatever the loop
  // The message with an empty MIME part imports with its text.
  size_t with_text = 0;
  for (const Event& e : events) with_text += !e.text.empty();
  EXPECT_EQ(with_text, events.size());
}

TEST_F(MailImportTest, LkmlAndThreadingMaildirsImportAndThreadsHold) {
  for (std::string name : {"lkml", "threading"}) {
    const std::string dir = test::SharedData("email/notmuch_corpora/" + name);
    std::set<std::string> ids;
    std::map<std::string, std::string> irt;
    for (const auto& [path, mid] : ScanFolder(dir)) {
      if (!mid.empty()) ids.insert(mid);
    }
    ImportSummary summary;
    Status st;
    std::vector<Event> events = Import(dir, NanniConfig(), dir_.File(name + ".db"), &summary, &st);
    ASSERT_TRUE(st.ok()) << name << ": " << st.ToString();
    EXPECT_EQ(events.size(), ids.size()) << name;
    // Threads: messages linked by In-Reply-To or References, directly or through others
    // (missing ones included), share one thread; unlinked messages do not. Components by
    // repeated merging, the plainest way.
    std::map<std::string, int> component;
    int next = 0;
    std::vector<std::vector<std::string>> groups;
    for (const auto& [path, s] : ScanFolderFull(dir)) {
      std::vector<std::string> g = s.linked;
      g.push_back(s.message_id);
      groups.push_back(g);
    }
    bool changed = true;
    for (auto& g : groups) {
      for (auto& id : g) component.emplace(id, next++);
    }
    while (changed) {
      changed = false;
      for (const auto& g : groups) {
        int low = INT32_MAX;
        for (const auto& id : g) low = std::min(low, component[id]);
        for (const auto& id : g) {
          if (component[id] != low) {
            for (auto& [k, v] : component) {
              if (v == component[id] && k != id) v = low;
            }
            component[id] = low;
            changed = true;
          }
        }
      }
    }
    std::map<int, std::string> thread_of;
    std::set<std::string> threads;
    for (const Event& e : events) {
      std::string mid = e.id.substr(6, e.id.size() - 7);  // mail:<...>
      int c = component.at(mid);
      auto [it, fresh] = thread_of.emplace(c, e.thread);
      EXPECT_EQ(it->second, e.thread) << name << ": " << e.id;
      if (fresh) {
        EXPECT_TRUE(threads.insert(e.thread).second) << name << ": " << e.thread;
      }
    }
    if (name == "threading") {
      // The ghost-root thread is named after its real root, which is in the folder.
      for (const Event& e : events) {
        if (e.id == "mail:<001-fake-message-root@example.org>") {
          EXPECT_EQ(e.thread, "mail:<000-real-root@example.org>");
        }
      }
    }
  }
}

}  // namespace
}  // namespace nanni
