// NanniConfig: what a company tells nanni about itself, read from a TOML file (docs/config.md).
//
// One file serves every subsystem: the importers read which mail domains are ours and how
// addresses map to accounts; the reports read the business hours and holidays that response
// times are measured in. Every key is optional; an absent file means the defaults below.
//
//   [company]
//   name = "Example Corp"
//   domains = ["example.com", "support.example.com"]   # mail from these is our side
//
//   [accounts]
//   free_mail_domains = ["gmail.com"]   # added to the built-in list (see kFreeMailDomains)
//   [accounts.domains]                  # a sender's domain -> the account it belongs to
//   "mail.acme-corp.com" = "acme"
//   [accounts.addresses]                # one address -> an account (free mail, partners)
//   "jane.doe@gmail.com" = "jane-doe"
//
//   [business_hours]
//   time_zone = "Europe/Berlin"           # IANA zone the hours below are read in
//   days = ["mon", "tue", "wed", "thu", "fri"]
//   start = "09:00"
//   end = "17:30"
//   holidays = ["2026-12-25", "2026-12-26"]
//
//   [economics]                           # the cost model (docs/economics.md)
//   [signals.late_payer]                  # signal thresholds (docs/triage.md)
//   late_days = 14
//   [sludge.short_calls]                  # the sludge audit's settings (docs/sludge.md)
//   short_s = 10
//
// Unknown keys are errors (a misspelt key must not silently do nothing); errors name the
// file, the key and what is wrong.
#pragma once

#include <array>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "config/triage_settings.h"
#include "util/status.h"

namespace nanni {

struct CompanyConfig {
  std::string name;
  std::vector<std::string> domains;  // lower case, no leading '@'
};

struct AccountMappingConfig {
  std::vector<std::string> free_mail_domains;        // extra, lower case
  std::map<std::string, std::string> domains;        // lower-case domain -> account
  std::map<std::string, std::string> addresses;      // lower-case address -> account
};

struct BusinessHoursConfig {
  std::string time_zone = "UTC";
  // Working days, indexed by date::weekday::c_encoding() (0 = Sunday).
  std::array<bool, 7> days = {false, true, true, true, true, true, false};
  int start_minute = 9 * 60;  // minutes after local midnight
  int end_minute = 17 * 60;   // exclusive; > start_minute
  std::vector<std::string> holidays;  // "YYYY-MM-DD", local dates, sorted
};

struct NanniConfig {
  CompanyConfig company;
  AccountMappingConfig accounts;
  BusinessHoursConfig business_hours;
  TriageSettings triage = TriageSettings::Defaults();  // [economics] and [signals.*]

  // Where it was read from ("" for the built-in defaults), for messages.
  std::string source;
};

// Parses TOML text. `name` is used in error messages ("nanni.toml: key 'company.domains': ...").
// On error *out is unspecified.
Status ParseNanniConfig(std::string_view toml_text, const std::string& name, NanniConfig* out);

// Reads and parses a file; NotFound when it does not exist.
Status LoadNanniConfig(const std::string& path, NanniConfig* out);

// The config the CLI uses: `explicit_path` when given (it must exist), else $NANNI_CONFIG,
// else ./nanni.toml when present, else the defaults.
Status ResolveNanniConfig(const std::string& explicit_path, NanniConfig* out);

// The file ResolveNanniConfig would read ("" for the defaults).
std::string ResolveNanniConfigPath(const std::string& explicit_path);

// Free-mail domains nanni knows without being told (gmail.com, outlook.com, ...): an address
// there is a person, not an organisation.
bool IsFreeMailDomain(const NanniConfig& config, std::string_view domain);

}  // namespace nanni
