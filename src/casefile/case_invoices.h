// The invoices of a case file, each with its payments and what is still owed.
//
// A payment settles the invoice its `invoice` attribute names (the last invoice of that id),
// in time order, whether it came before or after the invoice; one in another currency than
// its invoice is listed but not counted, and one naming no invoice of the account is left
// out. An invoice is late by whole days paid in full after its due date, or, while unpaid, by
// whole days from its due date to as_of. Sums are checked (util/money.h).
#pragma once

#include <vector>

#include "casefile/case_file.h"
#include "casefile/linked_events.h"
#include "util/status.h"

namespace nanni {

// The invoices of `events` into *invoices (replaced), in their order, as of `as_of`.
// InvalidInput, naming the invoice, when its payments or its balance do not fit in 64 bits:
// no figure is better than a wrong one.
Status BuildInvoices(const LinkedEvents& events, const Timestamp& as_of, std::vector<InvoiceItem>* invoices);

}  // namespace nanni
