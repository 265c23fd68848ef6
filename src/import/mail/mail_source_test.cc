#include "import/mail/mail_source.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "support/test_support.h"

namespace nanni {
namespace {

std::string Message(const std::string& id, const std::string& body = "Hello.\n") {
  return "From: Dana <dana@acme.example>\nTo: support@ourco.example\nMessage-ID: <" + id +
         ">\nDate: Mon, 02 Mar 2026 09:14:00 +0100\n\n" + body;
}

std::string Entry(const std::string& id, const std::string& body = "Hello.\n") {
  return "From dana@acme.example Mon Mar  2 09:14:00 2026\n" + Message(id, body) + "\n";
}

struct Read {
  Status status;
  std::vector<std::string> ids;
  std::vector<ImportReject> rejects;
  std::vector<std::string> notes;
};

// Every event of `path`, read with `options` (lenient when `lenient`).
Read ReadAll(const std::string& path, MailSource::Options options) {
  static const NanniConfig config;
  Read out;
  options.on_reject = [&out](const ImportReject& r) { out.rejects.push_back(r); };
  std::unique_ptr<MailSource> source;
  out.status = MailSource::Open(path, &config, options, &source);
  if (!out.status.ok()) return out;
  Event e;
  for (bool done = false;;) {
    out.status = source->Next(&e, &done);
    if (!out.status.ok() || done) break;
    out.ids.push_back(e.id);
  }
  out.notes = source->Notes();
  return out;
}

// A message over max_message_bytes is refused naming where it is, its Message-ID and its
// size; lenient, it is a reject and the rest is read. A copy read whole elsewhere wins.
TEST(MailSourceTest, MessagesOverTheBoundAreRefusedOrRejected) {
  test::TempDir dir;
  std::filesystem::create_directories(dir.File("box"));
  const std::string big = std::string(5000, 'z') + "\n";
  test::WriteFile(dir.File("box/a.mbox"), Entry("1@x") + Entry("2@x", big) + Entry("3@x"));
  test::WriteFile(dir.File("box/b.eml"), Message("4@x", big));
  MailSource::Options options;
  options.max_message_bytes = 4096;
  Read strict = ReadAll(dir.File("box"), options);
  const size_t size = Message("2@x", big).size();
  EXPECT_EQ(strict.status.message(),
            "box/a.mbox:9: the message <2@x> is " + std::to_string(size) + " bytes; the limit for "
            "one message is 4096 bytes (attachments included)\nhint: --lenient --rejects FILE "
            "leaves such messages out and imports the rest");
  options.lenient = true;
  Read lenient = ReadAll(dir.File("box"), options);
  ASSERT_TRUE(lenient.status.ok()) << lenient.status.ToString();
  EXPECT_EQ(lenient.ids, (std::vector<std::string>{"mail:<1@x>", "mail:<3@x>"}));
  ASSERT_EQ(lenient.rejects.size(), 2u);
  EXPECT_EQ(lenient.rejects[0].file, "box/a.mbox");
  EXPECT_EQ(lenient.rejects[0].line, 9u);
  EXPECT_EQ(lenient.rejects[0].ref, "<2@x>");
  EXPECT_EQ(lenient.rejects[1].file, "box/b.eml");
  EXPECT_EQ(lenient.rejects[1].line, 0u);
  EXPECT_EQ(lenient.rejects[1].ref, "<4@x>");
  EXPECT_NE(lenient.rejects[1].reason.find("the message <4@x> is " + std::to_string(size) + " bytes"), std::string::npos)
      << lenient.rejects[1].reason;
  // The same message small enough in another file: that copy is read, the large one skipped.
  test::WriteFile(dir.File("box/c.eml"), Message("2@x"));
  options.lenient = false;
  Read copies = ReadAll(dir.File("box/a.mbox"), options);
  EXPECT_FALSE(copies.status.ok());
  test::WriteFile(dir.File("box/b.eml"), Message("4@x"));
  copies = ReadAll(dir.File("box"), options);
  ASSERT_TRUE(copies.status.ok()) << copies.status.ToString();
  EXPECT_EQ(copies.ids, (std::vector<std::string>{"mail:<1@x>", "mail:<3@x>", "mail:<4@x>", "mail:<2@x>"}));
}

// A message larger than what the first pass keeps is indexed from its header: its reply
// still pairs with it.
TEST(MailSourceTest, LargeMessagesAreIndexedFromTheirHeader) {
  test::TempDir dir;
  test::WriteFile(dir.File("a.mbox"),
                  Entry("1@x", std::string(3 << 20, 'a') + "\n") +
                      "From sam@ourco.example Mon Mar  2 09:14:00 2026\n"
                      "From: Sam <sam@ourco.example>\nTo: dana@acme.example\nMessage-ID: <2@x>\n"
                      "In-Reply-To: <1@x>\nDate: Mon, 02 Mar 2026 10:14:00 +0100\n\nDone.\n");
  Read r = ReadAll(dir.File("a.mbox"), {});
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.ids, (std::vector<std::string>{"mail:<1@x>", "mail:<2@x>"}));
}

}  // namespace
}  // namespace nanni
