#include "import/mail/mail_message.h"

#include <gtest/gtest.h>

namespace nanni {
namespace {

TEST(MailMessageTest, HeadersAreDecoded) {
  MailMessage m;
  ParseMailMessage(
      "From: =?utf-8?q?Matthias_Br=C3=A4ndli_via_USRP-users?= <usrp-users@lists.ettus.com>\n"
      "Reply-To: =?iso-8859-1?q?Matthias_Br=E4ndli?= <Matthias@Example.CH>\n"
      "To: a@x.org, \"B, C\" <b@y.org>\nCc: c@z.org\n"
      "Subject: =?utf-8?b?w4RyZ2VyIG1pdCBkZXIgWDMxMA==?=\n"
      "Date: Mon, 29 Apr 2019 08:00:00 +0200\n"
      "Message-ID: <abc@x.org>\nIn-Reply-To: <parent@x.org>\n"
      "References: <root@x.org>, <mid@x.org>,<parent@x.org>\n"
      "List-Post: <mailto:usrp-users@lists.ettus.com>\n\nBody\n",
      false, &m);
  EXPECT_EQ(m.from.name, "Matthias Brändli via USRP-users");
  EXPECT_EQ(m.from.email, "usrp-users@lists.ettus.com");
  ASSERT_EQ(m.reply_to.size(), 1u);
  EXPECT_EQ(m.reply_to[0].name, "Matthias Brändli");
  EXPECT_EQ(m.reply_to[0].email, "matthias@example.ch");
  ASSERT_EQ(m.to.size(), 3u);
  EXPECT_EQ(m.to[1].name, "B, C");
  EXPECT_EQ(m.subject, "Ärger mit der X310");
  EXPECT_EQ(m.message_id, "abc@x.org");
  EXPECT_EQ(m.in_reply_to, std::vector<std::string>{"parent@x.org"});
  EXPECT_EQ(m.references, (std::vector<std::string>{"root@x.org", "mid@x.org", "parent@x.org"}));
  EXPECT_EQ(m.list_address, "usrp-users@lists.ettus.com");
  ASSERT_TRUE(m.has_date);
  EXPECT_EQ(FormatRfc3339(m.date), "2019-04-29T08:00:00+02:00");
  EXPECT_EQ(m.text, "Body\n");
}

// The first pass reads only some headers; they must come out exactly as in a full parse.
TEST(MailMessageTest, HeadersOnlyGivesTheSameThreadingFields) {
  const std::string raw =
      "Received: from x\n by y; Mon, 29 Apr 2019 08:00:00 +0200\n"
      "From: =?utf-8?q?J=C3=B6rg_via_L?= <l@lists.example>\nreply-to: J <J@x.example>\n"
      "To: a@x.org,\n b@y.org\nMessage-Id:\n <abc@x.org>\nIn-Reply-To: <p@x>\n"
      "References: <r@x>\n\t<p@x>\nX-BeenThere: l@lists.example\nSubject: s\n\nbody\n";
  MailMessage full, head;
  ParseMailMessage(raw, false, &full);
  ParseMailMessage(raw, true, &head);
  EXPECT_EQ(head.message_id, "abc@x.org");
  EXPECT_EQ(head.message_id, full.message_id);
  EXPECT_EQ(head.in_reply_to, full.in_reply_to);
  EXPECT_EQ(head.references, full.references);
  EXPECT_EQ(head.from.name, full.from.name);
  EXPECT_EQ(head.from.email, full.from.email);
  ASSERT_EQ(head.reply_to.size(), 1u);
  EXPECT_EQ(head.reply_to[0].email, "j@x.example");
  EXPECT_EQ(head.to.size(), 2u);
  EXPECT_EQ(head.list_address, full.list_address);
  EXPECT_TRUE(head.text.empty());
}

TEST(MailMessageTest, CharsetsAndEncodingsAreDecoded) {
  MailMessage m;
  ParseMailMessage(
      "From: a@x.org\nDate: Mon, 29 Apr 2019 08:00:00 +0000\nMIME-Version: 1.0\n"
      "Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: quoted-printable\n\n"
      "Gr=FC=DFe aus K=F6ln\n",
      false, &m);
  EXPECT_EQ(m.text, "Grüße aus Köln\n");
}

TEST(MailMessageTest, HtmlOnlyBodiesBecomeTextAndAttachmentsAreListed) {
  MailMessage m;
  ParseMailMessage(
      "From: a@x.org\nDate: Mon, 29 Apr 2019 08:00:00 +0000\nMIME-Version: 1.0\n"
      "Content-Type: multipart/mixed; boundary=XX\n\n--XX\n"
      "Content-Type: text/html; charset=utf-8\n\n"
      "<html><head><style>p{}</style></head><body><p>Hello &amp; welcome</p>"
      "<p>Line&nbsp;two</p><script>evil()</script></body></html>\n--XX\n"
      "Content-Type: application/pdf\n"
      "Content-Disposition: attachment; filename*=utf-8''r%C3%A9sum%C3%A9.pdf\n"
      "Content-Transfer-Encoding: base64\n\naGVsbG8gd29ybGQ=\n--XX--\n",
      false, &m);
  EXPECT_TRUE(m.html_only);
  EXPECT_EQ(m.text, "Hello & welcome\n\nLine two\n");
  ASSERT_EQ(m.attachments.size(), 1u);
  EXPECT_EQ(m.attachments[0].name, "résumé.pdf");
  EXPECT_EQ(m.attachments[0].type, "application/pdf");
  EXPECT_EQ(m.attachments[0].size, 11);
}

// Issue 10, defect 4: GMime cut an RFC 2231 name at %00 ("invoice.pdf"), hiding ".exe".
TEST(MailMessageTest, AttachmentNamesAreNeverCutAtANul) {
  MailMessage m;
  ParseMailMessage(
      "From: a@x.org\nDate: Mon, 29 Apr 2019 08:00:00 +0000\nMIME-Version: 1.0\n"
      "Content-Type: multipart/mixed; boundary=XX\n\n--XX\nContent-Type: text/plain\n\nHi\n--XX\n"
      "Content-Type: application/pdf\n"
      "Content-Disposition: attachment; filename*=utf-8''invoice.pdf%00.exe\n\nx\n--XX\n"
      "Content-Type: application/pdf; name*=utf-8''%00.exe\n\nx\n--XX\n"
      "Content-Type: application/pdf\n"
      "Content-Disposition: attachment; filename*0*=utf-8''a.pdf%00; filename*1=.exe\n\nx\n--XX\n"
      "Content-Type: application/pdf\n"
      "Content-Disposition: attachment; filename*=utf-8''line%0Abreak%1B.pdf\n\nx\n--XX--\n",
      false, &m);
  ASSERT_EQ(m.attachments.size(), 4u);
  EXPECT_EQ(m.attachments[0].name, "invoice.pdf\\x00.exe");
  EXPECT_EQ(m.attachments[1].name, "\\x00.exe");  // a name GMime read as "": an attachment
  EXPECT_EQ(m.attachments[2].name, "a.pdf\\x00.exe");  // GMime dropped the NUL: "a.pdf.exe"
  EXPECT_EQ(m.attachments[3].name, "line\\x0abreak\\x1b.pdf");
}

// The same defect in the text: a NUL (here "=00") ended the text part, hiding the rest.
TEST(MailMessageTest, TextIsNeverCutAtANul) {
  MailMessage m;
  ParseMailMessage(
      "From: a@x.org\nDate: Mon, 29 Apr 2019 08:00:00 +0000\n"
      "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
      "Hello=00 and the rest\n",
      false, &m);
  EXPECT_EQ(m.text, "Hello and the rest\n");
  std::string raw = "From: a@x.org\nDate: Mon, 29 Apr 2019 08:00:00 +0000\n\nHello";
  raw += '\0';
  raw += " and the rest\n";
  ParseMailMessage(raw, false, &m);
  EXPECT_EQ(m.text, "Hello and the rest\n");
}

TEST(MailMessageTest, AlternativePrefersPlainTextAndFooterPartsAreKept) {
  MailMessage m;
  ParseMailMessage(
      "From: a@x.org\nDate: Mon, 29 Apr 2019 08:00:00 +0000\nMIME-Version: 1.0\n"
      "Content-Type: multipart/mixed; boundary=M\n\n--M\n"
      "Content-Type: multipart/alternative; boundary=A\n\n--A\n"
      "Content-Type: text/plain\n\nPlain.\n--A\nContent-Type: text/html\n\n<p>Rich.</p>\n--A--\n"
      "--M\nContent-Type: text/plain\n\n____________________\nUSRP-users mailing list\n--M--\n",
      false, &m);
  EXPECT_FALSE(m.html_only);
  EXPECT_EQ(m.text, "Plain.\n____________________\nUSRP-users mailing list");
}

TEST(MailMessageTest, BrokenHeadersGiveEmptyFieldsNotCrashes) {
  MailMessage m;
  ParseMailMessage("Subject: x\nDate: not a date\nMessage-ID: \nReferences: garbage <<<>\n\n", false, &m);
  EXPECT_FALSE(m.has_date);
  EXPECT_EQ(m.message_id, "");
  ParseMailMessage("", false, &m);
  ParseMailMessage(std::string(1000, '\0'), false, &m);
  ParseMailMessage("Content-Type: multipart/mixed; boundary=\"\"\n\n--\n--\n", false, &m);
  SUCCEED();
}

TEST(MailMessageTest, DateFallsBackToReceived) {
  MailMessage m;
  ParseMailMessage("Received: from x by y; Tue, 23 Jun 2026 07:47:57 +0200\nFrom: a@x.org\n\nHi\n",
                   false, &m);
  ASSERT_TRUE(m.has_date);
  EXPECT_EQ(FormatRfc3339(m.date), "2026-06-23T07:47:57+02:00");
}

TEST(MailMessageTest, CleanTextMakesValidUtf8) {
  EXPECT_EQ(CleanText("a\r\nb\rc\x01\x7f\tz"), "a\nb\nc\tz");
  EXPECT_EQ(CleanText("\xff\xc3"), "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(CleanText("\xed\xa0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
  EXPECT_EQ(CleanText("é€😀"), "é€😀");
}

}  // namespace
}  // namespace nanni
