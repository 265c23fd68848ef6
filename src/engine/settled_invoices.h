// The invoices of one account as the case file settles them: the last invoice event of each
// invoice number, paid by the payments to that number in event order (in its currency only).
// Shared by the portfolio, economics and triage, so that they agree with the case file.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "engine/account_view.h"
#include "index/facts.h"

namespace nanni {

struct SettledInvoice {
  const MoneyFact* money = nullptr;  // into the view's index
  uint32_t position = 0;             // of the invoice event in the view
  int64_t time = 0, paid = 0;
  std::optional<int64_t> paid_in_full;  // when the payments reached the amount
  bool overflow = false;                // the payments' sum does not fit in 64 bits
};

// In the order of their (last) invoice events' first appearance.
std::vector<SettledInvoice> SettleInvoices(const AccountView& v);

}  // namespace nanni
