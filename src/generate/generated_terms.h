// The contract terms of a generated account (docs/contracts.md): what its contract event
// carries, by the account's tier, in its currency and time zone. Every account gets an SLA
// (response targets per priority, uptime credits on AWS's tiers) and payment terms (8 % a
// year and a flat fee per late invoice), so the portfolio's contracts can be checked whole.
#pragma once

#include <string>

#include "generate/portfolio_model.h"
#include "util/time.h"

namespace nanni {

// The canonical text (contract/terms.h) of account `a`'s terms, for a term from `starts` to `ends`.
std::string GeneratedTermsText(const AccountProfile& a, const Timestamp& starts, const Timestamp& ends);

}  // namespace nanni
