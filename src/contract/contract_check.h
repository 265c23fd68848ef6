// ContractCheck: what the record says each side owes under one contract's terms over a
// period (docs/contracts.md, "Evaluation"): every breach on either side, each with the rule
// applied, the computation step by step and the events it rests on. Values that own their data.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace nanni {

// One computed figure. `amount_minor` is owed to the customer when `ours` (our breach: a
// credit or penalty) and to us otherwise (interest, fees, their penalty); 0 when the rule was
// met or carries no money.
struct Finding {
  std::string rule;     // see kRuleNames in contract/rules.h
  std::string month;    // "2026-03": the month it belongs to, in the terms' time zone
  std::string subject;  // a request's id, a month, an invoice number, an obligation's id
  bool ours = true;     // who is in breach (or would be)
  bool breach = false;  // false: the rule was met (kept for rulings, which show every step)
  int64_t amount_minor = 0;
  std::vector<std::string> steps;   // the computation, one sentence each, with its figures
  std::vector<std::string> events;  // ids of the events it rests on, as stored
};

struct ContractCheck {
  std::string account;
  std::string contract;        // the contract number
  std::string contract_event;  // id of the contract event that recorded the terms
  std::string terms_sha256;
  std::string currency;
  int64_t from_utc_micros = 0;  // the period checked, [from, to)
  int64_t to_utc_micros = 0;
  int64_t as_of_utc_micros = 0;
  std::vector<Finding> findings;  // by rule, then month, then subject
  int64_t owed_to_them_minor = 0;  // sum over breaches with `ours`
  int64_t owed_to_us_minor = 0;
  std::vector<std::string> notes;  // what could not be evaluated, and why
};

}  // namespace nanni
