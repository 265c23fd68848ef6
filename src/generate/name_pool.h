// Word lists the generator builds its people and companies from.
//
// Every list is fixed and ordered, so picking by index is deterministic. Person names carry
// an ASCII form for e-mail addresses (a few display names are not ASCII, as in real data).
#pragma once

#include <span>
#include <string_view>

namespace nanni {

struct PersonName {
  std::string_view display;  // as shown, UTF-8
  std::string_view ascii;    // lower-case ASCII, for e-mail local parts
};

// A time zone an account can sit in, with the account's billing currency there.
struct ZoneInfo {
  std::string_view zone;      // IANA name
  std::string_view currency;  // ISO 4217
  int minor_per_usd_cent;     // rough minor units of the currency per US cent, times 100
  std::string_view tld;       // a local top-level domain (used for some accounts)
  std::string_view suffix;    // a local company-form suffix (used for some accounts)
};

std::span<const PersonName> FirstNames();
std::span<const PersonName> LastNames();
std::span<const std::string_view> CompanyWords();     // "Northwind", "Bluestone", ...
std::span<const std::string_view> IndustryWords();    // "Logistics", "Health", ...
std::span<const std::string_view> GenericTlds();      // ".com", ".io", ...
std::span<const ZoneInfo> Zones();
std::span<const std::string_view> ExecutiveTitles();  // CEO, CFO, VP Operations, ...
std::span<const std::string_view> ManagerTitles();    // the first few are finance roles
std::span<const std::string_view> UserTitles();
std::span<const std::string_view> AgentTitles();

// How many leading entries of ManagerTitles() are finance or procurement roles.
constexpr int kFinanceManagerTitles = 3;

}  // namespace nanni
