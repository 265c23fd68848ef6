// ToneReport: the tone of one account's contacts, or of every account's, as `nanni tone
// --account` and `--all` show it (docs/tone.md, "Trends"). Plain data, owning what it holds.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "tone/tone_trend.h"

namespace nanni {

struct ToneReport {
  std::string account;  // "" for every account
  size_t accounts = 0;  // accounts read
  uint64_t messages = 0;  // messages with the customer's words
  ContactTone whole;      // one account: all its contacts together, month by month
  std::vector<ContactTone> contacts;  // first seen first
  // Every account: the contacts with 3 messages or more (indices into contacts), ranked by
  // the share of their messages flagged; ties keep the contacts' order.
  std::vector<size_t> by_abuse, by_threats, by_badgering;
  std::vector<ToneStandout> standouts;  // described (text, flags, reasons)
};

}  // namespace nanni
