// Terms: what a contract commits each side to, as data (docs/contracts.md). A person writes
// them in TOML; `nanni contract add` records them in the ledger as a `contract` event whose
// text is their canonical form (FormatTerms) and whose `terms_sha256` is that text's SHA-256,
// so a ruling can prove which terms applied (the Ricardian idea: terms named by the hash of
// their canonical text).
//
// Rates and percentages are kept as integers in millionths of a whole ("99.99 %" is 999,900;
// "10.5 %" is 105,000), durations in seconds, money in minor units of the terms' currency:
// every computation over them is exact integer arithmetic (contract/money_math.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/nanni_config.h"
#include "util/status.h"
#include "util/time.h"

namespace nanni {

// A share in millionths: 1,000,000 is 100 %.
using Millionths = int64_t;
inline constexpr Millionths kWhole = 1'000'000;

// Response and resolution targets for requests of one priority and channel.
struct ResponseTarget {
  std::string priority;          // a request priority (event/kind.h), or "any"
  std::string channel;           // a channel, or "any"
  int64_t first_reply_s = 0;     // 0: no target
  int64_t next_reply_s = 0;
  int64_t resolution_s = 0;
  bool business_hours = true;    // false: calendar time
  bool pause_on_customer = true; // resolution pauses while we wait on the customer
  int64_t credit_minor = 0;      // owed to the customer per missed target
};

struct UptimeTier {
  Millionths below = 0;  // monthly uptime below this share ...
  Millionths credit = 0; // ... earns this share of the monthly charge
};

struct UptimeTerms {
  bool present = false;
  int64_t monthly_charge_minor = 0;
  int64_t minimum_period_s = 0;          // downtime runs shorter than this are not counted
  std::vector<std::string> severities;   // incidents of these severities count; empty: all
  bool exclude_announced_maintenance = true;
  std::vector<UptimeTier> tiers;         // sorted by `below`, highest first
  Millionths monthly_cap = 0;            // of the monthly charge; 0: no cap
  Millionths rolling_cap = 0;            // of the charges of the trailing twelve months; 0: none
};

enum class InterestRule { kNone, kEu, kUk, kFixed };

struct PaymentTerms {
  bool present = false;
  int64_t net_days = -1;             // due this many days after the invoice; -1: the invoice's due
  InterestRule interest = InterestRule::kNone;
  Millionths rate = 0;               // kFixed: the yearly rate; kEu, kUk: the margin over the reference rate
  bool statutory_fee = false;        // the statute's flat fee per late invoice (EU EUR 40; UK GBP 40/70/100)
  int64_t flat_fee_minor = 0;        // or this fee per late invoice; 0: none
};

// Something one side must deliver by a date, with a penalty per period of delay. Its
// delivery is a `commitment_outcome` of the commitment event `ObligationEventId` names.
struct Obligation {
  std::string id;
  std::string owner;   // "ours" or "theirs": who must deliver
  std::string what;
  Timestamp due;
  int64_t value_minor = 0;      // the value the penalty is a share of
  Millionths penalty = 0;       // per period of delay
  int64_t period_s = 0;
  bool whole_periods = true;    // a started period counts whole; false: pro rata
  Millionths cap = 0;           // of the value; 0: no cap
  bool force_majeure = true;    // a declared force majeure excuses the delay
};

struct Terms {
  std::string contract;  // the contract number
  std::string currency;  // ISO 4217
  Timestamp starts;
  std::optional<Timestamp> ends;
  BusinessHoursConfig hours;
  std::vector<ResponseTarget> responses;
  UptimeTerms uptime;
  PaymentTerms payment;
  std::vector<Obligation> obligations;

  // The first target that matches a request's priority and channel ("" when not given), or null.
  const ResponseTarget* TargetFor(std::string_view priority, std::string_view channel) const;
};

// Parses terms from TOML (docs/contracts.md, "Terms"): every key checked, unknown keys
// refused. InvalidInput "NAME: key 'uptime.tier[2].below': ..." naming what is wrong.
Status ParseTerms(std::string_view toml_text, const std::string& name, Terms* out);

// The canonical text of `terms`: TOML that ParseTerms reads back to the same terms, with every
// key present, in the documented order, one way of writing each value. Two term sheets that
// mean the same have the same canonical text, and so the same hash.
std::string FormatTerms(const Terms& terms);

// Lowercase hex SHA-256 of the canonical text.
std::string TermsDigest(std::string_view canonical_text);

// The id of the `contract` event that records terms, and of the commitment event of one of
// its obligations: "contract:<number>:<first 16 hex digits of the digest>" and
// "contract:<number>:obligation:<id>".
std::string ContractEventId(const Terms& terms, std::string_view digest);
std::string ObligationEventId(const Terms& terms, const Obligation& obligation);

// "99.99" for 999,900, "10.5" for 105,000: a share as the percentage a person writes.
std::string PercentText(Millionths share);

}  // namespace nanni
