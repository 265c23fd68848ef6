#include "import/mail/mail_mapper.h"

#include <gtest/gtest.h>

#include <map>

namespace nanni {
namespace {

class MailMapperTest : public ::testing::Test {
 protected:
  void SetUp() override {
    config_.company.domains = {"ourco.example"};
    config_.accounts.domains["mail.acme-corp.com"] = "acme";
    config_.accounts.addresses["jane.doe@gmail.com"] = "jane-doe";
  }

  MailMessage Parse(const std::string& raw) {
    MailMessage m;
    ParseMailMessage(raw, false, &m);
    return m;
  }

  // Maps `raw` after indexing every message of `all` (the first pass).
  Event Map(const std::string& raw, const std::vector<std::string>& all = {}) {
    MailMapper mapper(&config_);
    for (const std::string& r : all) {
      MailFacts f;
      mapper.Facts(Parse(r), r, &f);
      index_[f.id] = f;
    }
    FactsLookup lookup = [this](const std::string& id) -> const MailFacts* {
      auto it = index_.find(id);
      return it == index_.end() ? nullptr : &it->second;
    };
    Event e;
    EXPECT_TRUE(mapper.ToEvent(Parse(raw), raw, lookup, "f.mbox", 7, &e));
    return e;
  }

  NanniConfig config_;
  std::map<std::string, MailFacts> index_;
};

const std::string kAsk =
    "From: Dana Whitfield <dana@eng.acme-corp.com>\nTo: support@ourco.example\n"
    "Date: Mon, 02 Mar 2026 09:14:00 +0100\nMessage-ID: <ask@acme-corp.com>\nSubject: Export\n\n"
    "Can you fix the export?\n\nBest regards,\nDana Whitfield\nVP Operations\n";
const std::string kAnswer =
    "From: Sam Ortiz <sam@ourco.example>\nTo: dana@eng.acme-corp.com\n"
    "Date: Mon, 02 Mar 2026 11:40:00 +0100\nMessage-ID: <ans@ourco.example>\n"
    "In-Reply-To: <ask@acme-corp.com>\nReferences: <ask@acme-corp.com>\nSubject: Re: Export\n\n"
    "Fixed.\n\nOn Mon, Dana wrote:\n> Can you fix the export?\n";
const std::string kFollowUp =
    "From: Sam Ortiz <sam@ourco.example>\nTo: Lee <lee@other.example>\n"
    "Date: Mon, 02 Mar 2026 12:00:00 +0100\nMessage-ID: <fu@ourco.example>\n"
    "In-Reply-To: <ans@ourco.example>\nSubject: Re: Export\n\nAlso deployed.\n";

TEST_F(MailMapperTest, CustomerAskIsARequestInTheOrganisationsAccount) {
  Event e = Map(kAsk);
  EXPECT_EQ(e.id, "mail:<ask@acme-corp.com>");
  EXPECT_EQ(e.account, "acme-corp.com");
  EXPECT_EQ(e.kind, EventKind::kRequest);
  EXPECT_EQ(e.thread, e.id);
  ASSERT_TRUE(e.from);
  EXPECT_EQ(e.from->side, Side::kTheirs);
  EXPECT_EQ(e.from->title, "VP Operations");
  EXPECT_EQ(e.from->level, Level::kExecutive);
  EXPECT_EQ(e.new_text, "Can you fix the export?");
  EXPECT_EQ(e.source.file, "f.mbox");
  EXPECT_EQ(e.source.line, 7);
  EXPECT_EQ(e.source.ref, "<ask@acme-corp.com>");
  ASSERT_EQ(e.to.size(), 1u);
  EXPECT_EQ(e.to[0].side, Side::kOurs);
}

TEST_F(MailMapperTest, OurReplyIsAResponseInTheCustomersAccountAndSoIsAFollowUp) {
  Event e = Map(kAnswer, {kAsk, kAnswer, kFollowUp});
  EXPECT_EQ(e.kind, EventKind::kResponse);
  EXPECT_EQ(e.reply_to, "mail:<ask@acme-corp.com>");
  EXPECT_EQ(e.account, "acme-corp.com");
  EXPECT_EQ(e.from->level, Level::kAgent);
  EXPECT_EQ(e.new_text, "Fixed.");
  Event f = Map(kFollowUp);
  EXPECT_EQ(f.kind, EventKind::kMessage);  // answers our own message
  EXPECT_EQ(f.account, "acme-corp.com");   // still the customer's thread
  EXPECT_EQ(f.thread, "mail:<ask@acme-corp.com>");
}

TEST_F(MailMapperTest, MissingParentKeepsReplyToAndFallsBackToTheRecipient) {
  Event e = Map(kFollowUp);  // nothing indexed
  EXPECT_EQ(e.kind, EventKind::kMessage);
  EXPECT_EQ(e.reply_to, "mail:<ans@ourco.example>");
  EXPECT_EQ(e.account, "other.example");
}

TEST_F(MailMapperTest, ListRewritingIsUndone) {
  const std::string via =
      "From: Jane Doe via USRP-users <usrp-users@lists.ettus.com>\n"
      "Reply-To: Jane Doe <Jane.Doe@gmail.com>\nList-Post: <mailto:usrp-users@lists.ettus.com>\n"
      "Date: Mon, 02 Mar 2026 09:14:00 +0100\nMessage-ID: <v@x>\nSubject: B210\n\nIt works now.\n";
  Event e = Map(via);
  ASSERT_TRUE(e.from);
  EXPECT_EQ(e.from->email, "jane.doe@gmail.com");
  EXPECT_EQ(e.from->name, "Jane Doe");
  EXPECT_EQ(e.account, "jane-doe");  // accounts.addresses override
  EXPECT_EQ(e.kind, EventKind::kMessage);
  const std::string original =
      "From: \"Bob via list\" <list@lists.example.org>\nReply-To: list@lists.example.org\n"
      "X-Original-From: Bob <bob@yahoo.com>\nX-BeenThere: list@lists.example.org\n"
      "Date: Mon, 02 Mar 2026 09:14:00 +0100\nMessage-ID: <o@x>\n\nhi\n";
  e = Map(original);
  EXPECT_EQ(e.from->email, "bob@yahoo.com");
  EXPECT_EQ(e.account, "bob@yahoo.com");  // free mail: the person is the account
  const std::string unresolved =
      "From: Carl via list <list@lists.example.org>\nX-BeenThere: list@lists.example.org\n"
      "Date: Mon, 02 Mar 2026 09:14:00 +0100\nMessage-ID: <u@x>\n\nhi\n";
  e = Map(unresolved);
  EXPECT_EQ(e.from->email, "");
  EXPECT_EQ(e.from->name, "Carl");
}

TEST_F(MailMapperTest, AccountsFromDomainsAndOverrides) {
  MailMapper m(&config_);
  EXPECT_EQ(m.AccountOf("x@mail.acme-corp.com"), "acme");
  EXPECT_EQ(m.AccountOf("x@eu.mail.acme-corp.com"), "acme");
  EXPECT_EQ(m.AccountOf("x@eng.ucsd.edu"), "ucsd.edu");
  EXPECT_EQ(m.AccountOf("x@mail.foo.co.uk"), "foo.co.uk");
  EXPECT_EQ(m.AccountOf("someone@gmail.com"), "someone@gmail.com");
  EXPECT_EQ(m.SideOf("a@support.ourco.example"), Side::kOurs);
  EXPECT_EQ(m.SideOf("a@notourco.example"), Side::kTheirs);
}

TEST_F(MailMapperTest, NoMessageIdGetsAStableHashIdAndSelfReferenceIsDropped) {
  const std::string raw = "From: a@b.org\nDate: Mon, 02 Mar 2026 09:14:00 +0100\n\nhello\n";
  Event a = Map(raw), b = Map(raw);
  EXPECT_EQ(a.id.rfind("mail:sha256:", 0), 0u);
  EXPECT_EQ(a.id, b.id);
  const std::string self = "From: a@b.org\nDate: Mon, 02 Mar 2026 09:14:00 +0100\n"
                           "Message-ID: <s@b>\nIn-Reply-To: <s@b>\n\nhello\n";
  EXPECT_EQ(Map(self).reply_to, "");
}

}  // namespace
}  // namespace nanni
