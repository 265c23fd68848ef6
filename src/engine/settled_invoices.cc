#include "engine/settled_invoices.h"

#include <unordered_map>
#include <utility>

#include "util/money.h"

namespace nanni {

std::vector<SettledInvoice> SettleInvoices(const AccountView& v) {
  const auto& money = v.index().money();
  std::vector<SettledInvoice> invoices;
  std::unordered_map<uint32_t, size_t> by_number;
  std::vector<std::pair<const MoneyFact*, int64_t>> payments;
  for (size_t i = 0; i < v.size(); ++i) {
    const Fact& f = v.fact(i);
    if (!Is(f, EventKind::kInvoice) && !Is(f, EventKind::kPayment)) continue;
    uint32_t r = v.index().side_row(v.seq(i));
    if (r == IndexSnapshot::kNoRecord) continue;
    if (Is(f, EventKind::kPayment)) {
      payments.emplace_back(&money[r], v.time(i));
      continue;
    }
    by_number[money[r].invoice] = invoices.size();
    SettledInvoice& invoice = invoices.emplace_back();
    invoice.money = &money[r];
    invoice.time = v.time(i);
    invoice.position = static_cast<uint32_t>(i);
  }
  for (const auto& [pay, time] : payments) {
    auto it = by_number.find(pay->invoice);
    if (it == by_number.end()) continue;
    SettledInvoice& inv = invoices[it->second];
    if (pay->currency != inv.money->currency) continue;
    if (!AddMinor(inv.paid, pay->amount_minor, &inv.paid)) inv.overflow = true;
    if (!inv.paid_in_full && inv.paid >= inv.money->amount_minor) inv.paid_in_full = time;
  }
  return invoices;
}

}  // namespace nanni
