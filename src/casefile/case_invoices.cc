#include "casefile/case_invoices.h"

#include <algorithm>
#include <map>
#include <string>

#include <fmt/format.h>

#include "casefile/event_attrs.h"
#include "util/money.h"
#include "util/printable.h"

namespace nanni {

namespace {

constexpr int64_t kDay = 86400 * int64_t{1'000'000};

InvoiceItem InvoiceOf(const CaseEvent& c) {
  const Event& e = c.event;
  InvoiceItem inv;
  inv.cite = c.cite;
  inv.invoice = StringAttrOrEmpty(e, "invoice");
  inv.time = e.time;
  inv.amount_minor = IntAttrOrZero(e, "amount_minor");
  inv.currency = StringAttrOrEmpty(e, "currency");
  inv.due = *e.TimeAttr("due");  // required of invoices
  return inv;
}

PaymentItem PaymentOf(const CaseEvent& c) {
  const Event& e = c.event;
  return PaymentItem{c.cite, e.time, IntAttrOrZero(e, "amount_minor"), StringAttrOrEmpty(e, "currency")};
}

Status Overflow(const InvoiceItem& inv, std::string_view what) {
  return Status::InvalidInput(fmt::format(
      "invoice '{}' (event {}): {} exceed what a 64-bit sum of minor units can hold; no total "
      "is shown rather than a wrong one", Printable(inv.invoice), inv.cite.seq, what));
}

Status Pay(const PaymentItem& pay, InvoiceItem* inv) {
  inv->payments.push_back(pay);
  if (pay.currency != inv->currency) return Status::OK();
  if (!AddMinor(inv->paid_minor, pay.amount_minor, &inv->paid_minor)) {
    return Overflow(*inv, "the payments to it");
  }
  if (!inv->paid_in_full && inv->paid_minor >= inv->amount_minor) inv->paid_in_full = pay.time;
  return Status::OK();
}

Status Balance(int64_t now, InvoiceItem* inv) {
  int64_t owed = 0;
  if (!SubtractMinor(inv->amount_minor, inv->paid_minor, &owed)) return Overflow(*inv, "its balance");
  inv->outstanding_minor = std::max<int64_t>(0, owed);
  int64_t until = inv->paid_in_full ? inv->paid_in_full->utc_micros : now;
  if (until > inv->due.utc_micros) inv->days_late = (until - inv->due.utc_micros) / kDay;
  return Status::OK();
}

}  // namespace

Status BuildInvoices(const LinkedEvents& events, const Timestamp& as_of, std::vector<InvoiceItem>* invoices) {
  invoices->clear();
  std::map<std::string, size_t> index;  // invoice id -> its place in *invoices
  for (const LinkedEvent* invoice : events.OfKind(EventKind::kInvoice)) {
    InvoiceItem inv = InvoiceOf(*invoice->event);
    index[inv.invoice] = invoices->size();
    invoices->push_back(std::move(inv));
  }
  for (const LinkedEvent* payment : events.OfKind(EventKind::kPayment)) {
    auto it = index.find(StringAttrOrEmpty(payment->event->event, "invoice"));
    if (it == index.end()) continue;
    NANNI_RETURN_IF_ERROR(Pay(PaymentOf(*payment->event), &(*invoices)[it->second]));
  }
  for (InvoiceItem& inv : *invoices) NANNI_RETURN_IF_ERROR(Balance(as_of.utc_micros, &inv));
  return Status::OK();
}

}  // namespace nanni
