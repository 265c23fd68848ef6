#include "event/validate.h"

#include <gtest/gtest.h>

namespace nanni {
namespace {

const AttributeSpec& Attr(EventKind kind, std::string_view name) {
  const AttributeSpec* spec = FindAttribute(SpecOf(kind), name);
  EXPECT_NE(spec, nullptr) << name;
  return *spec;
}

TEST(Validate, EachTypeIsCheckedAndEveryMessageSaysWhatIsAllowed) {
  const AttributeSpec& outcome = Attr(EventKind::kCall, "outcome");
  EXPECT_TRUE(CheckAttribute(outcome, std::string("answered")).ok());
  EXPECT_EQ(CheckAttribute(outcome, std::string("HANG")).message(),
            "field 'outcome': 'HANG' is not one of: answered, abandoned, dropped, transferred");
  const AttributeSpec& wait = Attr(EventKind::kCall, "queue_wait_s");
  EXPECT_TRUE(CheckAttribute(wait, int64_t{0}).ok());
  EXPECT_EQ(CheckAttribute(wait, int64_t{-3}).message(),
            "field 'queue_wait_s': must not be negative (got -3)");
  EXPECT_EQ(CheckAttribute(wait, std::string("3")).message(),
            "field 'queue_wait_s': expected an integer, got a string");
  EXPECT_TRUE(CheckAttribute(Attr(EventKind::kInvoice, "amount_minor"), int64_t{-3}).ok());
  EXPECT_EQ(CheckAttribute(Attr(EventKind::kInvoice, "due"), int64_t{1}).message(),
            "field 'due': expected a time, got an integer");
  EXPECT_TRUE(CheckAttribute(Attr(EventKind::kInvoice, "due"), Timestamp{}).ok());
  EXPECT_EQ(CheckAttribute(Attr(EventKind::kInvoice, "currency"), std::string("Eur")).message(),
            "field 'currency': 'Eur' is not an ISO 4217 code like EUR");
  EXPECT_EQ(CheckAttribute(Attr(EventKind::kInvoice, "invoice"), std::string(513, 'x')).message(),
            "field 'invoice': longer than 512 bytes");
  EXPECT_EQ(CheckAttribute(Attr(EventKind::kRequest, "topic"), std::string()).message(),
            "field 'topic': must not be empty");
  EXPECT_EQ(CheckChannel("mobile").message(),
            "field 'channel': 'mobile' is not a known channel (one of: email, phone, ticket, chat, "
            "social, meeting, portal, letter, other)");
  EXPECT_EQ(CheckChannel("a\x1b[31m").message().find('\x1b'), std::string::npos);
}

}  // namespace
}  // namespace nanni
