#include "casefile/case_invoices.h"

#include <gtest/gtest.h>

#include <limits>

#include "support/case_events.h"

namespace nanni {
namespace {

using test::At;
using test::CaseEvents;

constexpr int64_t kMax = std::numeric_limits<int64_t>::max();

void Invoice(CaseEvents* ev, const std::string& invoice, const std::string& time, int64_t amount,
             const std::string& due) {
  Event& e = ev->Add(EventKind::kInvoice, "invoice-" + invoice, time);
  e.SetAttr("invoice", invoice);
  e.SetAttr("amount_minor", amount);
  e.SetAttr("currency", std::string("EUR"));
  e.SetAttr("due", At(due));
}

void Pay(CaseEvents* ev, const std::string& invoice, const std::string& time, int64_t amount,
         const std::string& currency = "EUR") {
  Event& e = ev->Add(EventKind::kPayment, "payment-" + invoice + "-" + time, time);
  e.SetAttr("invoice", invoice);
  e.SetAttr("amount_minor", amount);
  e.SetAttr("currency", currency);
}

TEST(InvoicesTest, PaymentsSettleTheirInvoiceInTimeOrder) {
  CaseEvents ev;
  Pay(&ev, "inv-3", "2026-03-01T00:00:00Z", 200);  // before its invoice: still counts
  Invoice(&ev, "inv-1", "2026-03-02T00:00:00Z", 1000, "2026-03-10T00:00:00Z");
  Invoice(&ev, "inv-2", "2026-03-02T00:00:00Z", 500, "2026-03-01T00:00:00Z");
  Invoice(&ev, "inv-3", "2026-03-02T00:00:00Z", 200, "2026-03-15T00:00:00Z");
  Pay(&ev, "inv-1", "2026-03-05T00:00:00Z", 400);
  Pay(&ev, "inv-2", "2026-03-06T00:00:00Z", 500, "USD");  // listed, not counted
  Pay(&ev, "inv-9", "2026-03-07T00:00:00Z", 100);  // no such invoice: left out
  Pay(&ev, "inv-1", "2026-03-12T00:00:00Z", 600);
  std::vector<InvoiceItem> invoices;
  ASSERT_TRUE(BuildInvoices(LinkedEvents(ev.events()), At("2026-03-20T00:00:00Z"), &invoices).ok());
  ASSERT_EQ(invoices.size(), 3u);

  const InvoiceItem& paid_late = invoices[0];
  EXPECT_EQ(paid_late.invoice, "inv-1");
  EXPECT_EQ(paid_late.currency, "EUR");
  EXPECT_EQ(paid_late.payments.size(), 2u);
  EXPECT_EQ(paid_late.paid_minor, 1000);
  EXPECT_EQ(paid_late.outstanding_minor, 0);
  EXPECT_EQ(*paid_late.paid_in_full, At("2026-03-12T00:00:00Z"));
  EXPECT_EQ(paid_late.days_late, 2);

  const InvoiceItem& unpaid = invoices[1];
  ASSERT_EQ(unpaid.payments.size(), 1u);
  EXPECT_EQ(unpaid.payments[0].currency, "USD");
  EXPECT_EQ(unpaid.paid_minor, 0);
  EXPECT_EQ(unpaid.outstanding_minor, 500);
  EXPECT_FALSE(unpaid.paid_in_full.has_value());
  EXPECT_EQ(unpaid.days_late, 19);  // to as_of

  const InvoiceItem& prepaid = invoices[2];
  EXPECT_EQ(*prepaid.paid_in_full, At("2026-03-01T00:00:00Z"));
  EXPECT_EQ(prepaid.days_late, 0);
}

TEST(InvoicesTest, OverpaidOwesNothing) {
  CaseEvents ev;
  Invoice(&ev, "inv-1", "2026-03-02T00:00:00Z", 1000, "2026-03-10T00:00:00Z");
  Pay(&ev, "inv-1", "2026-03-05T00:00:00Z", 1500);
  std::vector<InvoiceItem> invoices;
  ASSERT_TRUE(BuildInvoices(LinkedEvents(ev.events()), At("2026-03-20T00:00:00Z"), &invoices).ok());
  EXPECT_EQ(invoices.at(0).paid_minor, 1500);
  EXPECT_EQ(invoices.at(0).outstanding_minor, 0);
}

TEST(InvoicesTest, SumsThatDoNotFitAreAnErrorNamingTheInvoice) {
  CaseEvents ev;
  Invoice(&ev, "big", "2026-03-02T00:00:00Z", kMax, "2026-03-10T00:00:00Z");
  Pay(&ev, "big", "2026-03-05T00:00:00Z", kMax);
  Pay(&ev, "big", "2026-03-06T00:00:00Z", 1);
  std::vector<InvoiceItem> invoices;
  Status st = BuildInvoices(LinkedEvents(ev.events()), At("2026-03-20T00:00:00Z"), &invoices);
  EXPECT_EQ(st.code(), Status::Code::kInvalidInput);
  EXPECT_NE(st.message().find("invoice 'big' (event 1): the payments to it exceed"), std::string::npos)
      << st.message();

  CaseEvents negative;
  Invoice(&negative, "credit", "2026-03-02T00:00:00Z", std::numeric_limits<int64_t>::min(),
          "2026-03-10T00:00:00Z");
  Pay(&negative, "credit", "2026-03-05T00:00:00Z", 1);
  st = BuildInvoices(LinkedEvents(negative.events()), At("2026-03-20T00:00:00Z"), &invoices);
  EXPECT_EQ(st.code(), Status::Code::kInvalidInput);
  EXPECT_NE(st.message().find("invoice 'credit' (event 1): its balance exceed"), std::string::npos)
      << st.message();
}

}  // namespace
}  // namespace nanni
