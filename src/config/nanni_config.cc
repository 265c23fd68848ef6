#include "config/nanni_config.h"
#include "config/business_hours_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <set>

#include "util/ascii.h"
#include "util/printable.h"
#include "util/text_file.h"
#include "util/time.h"
#include "util/toml_document.h"

namespace nanni {
namespace {

constexpr std::string_view kFreeMailDomains[] = {
    "aol.com",      "gmail.com",   "googlemail.com", "gmx.com",     "gmx.de",
    "gmx.net",      "hotmail.com", "icloud.com",     "live.com",    "mail.com",
    "mail.ru",      "me.com",      "msn.com",        "outlook.com", "proton.me",
    "protonmail.com", "qq.com",    "web.de",         "yahoo.com",   "yandex.ru",
    "zoho.com",
};

constexpr std::string_view kDayNames[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

// Reads one TOML file section by section, naming file and key in every error.
class ConfigReader {
 public:
  ConfigReader(const toml::table& root, const std::string& name) : root_(root), name_(name) {}

  Status Read(NanniConfig* out) {
    NANNI_RETURN_IF_ERROR(OnlyKeys(root_, "", {"company", "accounts", "business_hours", "economics", "signals", "escalations", "sludge"}));
    NANNI_RETURN_IF_ERROR(ReadCompany(&out->company));
    NANNI_RETURN_IF_ERROR(ReadAccounts(&out->accounts));
    NANNI_RETURN_IF_ERROR(ReadBusinessHours(&out->business_hours));
    return ApplyTriageSettings(root_, name_, &out->triage);
  }

 private:
  Status Error(std::string_view key, std::string_view what) const {
    return Status::InvalidInput(
        fmt::format("{}: key '{}': {}", Printable(name_, 200), Printable(key), what));
  }

  Status OnlyKeys(const toml::table& table, std::string_view prefix,
                  std::initializer_list<std::string_view> allowed) const {
    for (const auto& [key, value] : table) {
      if (std::find(allowed.begin(), allowed.end(), key.str()) == allowed.end()) {
        return Error(fmt::format("{}{}", prefix, key.str()),
                     fmt::format("unknown key (allowed: {})", fmt::join(allowed, ", ")));
      }
    }
    return Status::OK();
  }

  Status Table(std::string_view key, const toml::table** out) const {
    *out = nullptr;
    const toml::node* node = root_.get(key);
    if (node == nullptr) return Status::OK();
    *out = node->as_table();
    return *out != nullptr ? Status::OK() : Error(key, "must be a table");
  }

  Status Strings(const toml::table& table, std::string_view key, std::string_view full,
                 std::vector<std::string>* out) const {
    const toml::node* node = table.get(key);
    if (node == nullptr) return Status::OK();
    const toml::array* array = node->as_array();
    if (array == nullptr) return Error(full, "must be an array of strings");
    out->clear();
    for (const toml::node& item : *array) {
      const auto* text = item.as_string();
      if (text == nullptr || text->get().empty()) {
        return Error(full, "must be an array of non-empty strings");
      }
      out->push_back(text->get());
    }
    return Status::OK();
  }

  Status String(const toml::table& table, std::string_view key, std::string_view full,
                std::string* out) const {
    const toml::node* node = table.get(key);
    if (node == nullptr) return Status::OK();
    const auto* text = node->as_string();
    if (text == nullptr) return Error(full, "must be a string");
    *out = text->get();
    return Status::OK();
  }

  Status StringMap(const toml::table& table, std::string_view key, std::string_view full,
                   std::map<std::string, std::string>* out) const {
    const toml::node* node = table.get(key);
    if (node == nullptr) return Status::OK();
    const toml::table* map = node->as_table();
    if (map == nullptr) return Error(full, "must be a table of \"from\" = \"account\"");
    for (const auto& [from, to] : *map) {
      const auto* account = to.as_string();
      if (account == nullptr || account->get().empty()) {
        return Error(fmt::format("{}.{}", full, from.str()), "must be a non-empty string");
      }
      (*out)[AsciiLower(from.str())] = account->get();
    }
    return Status::OK();
  }

  Status ReadCompany(CompanyConfig* out) const {
    const toml::table* table = nullptr;
    NANNI_RETURN_IF_ERROR(Table("company", &table));
    if (table == nullptr) return Status::OK();
    NANNI_RETURN_IF_ERROR(OnlyKeys(*table, "company.", {"name", "domains"}));
    NANNI_RETURN_IF_ERROR(String(*table, "name", "company.name", &out->name));
    NANNI_RETURN_IF_ERROR(Strings(*table, "domains", "company.domains", &out->domains));
    for (std::string& domain : out->domains) {
      domain = AsciiLower(domain[0] == '@' ? domain.substr(1) : domain);
    }
    return Status::OK();
  }

  Status ReadAccounts(AccountMappingConfig* out) const {
    const toml::table* table = nullptr;
    NANNI_RETURN_IF_ERROR(Table("accounts", &table));
    if (table == nullptr) return Status::OK();
    NANNI_RETURN_IF_ERROR(
        OnlyKeys(*table, "accounts.", {"free_mail_domains", "domains", "addresses"}));
    NANNI_RETURN_IF_ERROR(Strings(*table, "free_mail_domains", "accounts.free_mail_domains",
                                  &out->free_mail_domains));
    for (std::string& domain : out->free_mail_domains) domain = AsciiLower(domain);
    NANNI_RETURN_IF_ERROR(StringMap(*table, "domains", "accounts.domains", &out->domains));
    return StringMap(*table, "addresses", "accounts.addresses", &out->addresses);
  }

  static bool ParseClock(std::string_view text, int* minutes) {
    if (text.size() != 5 || text[2] != ':') return false;
    for (size_t i : {0, 1, 3, 4}) {
      if (text[i] < '0' || text[i] > '9') return false;
    }
    int h = (text[0] - '0') * 10 + (text[1] - '0');
    int m = (text[3] - '0') * 10 + (text[4] - '0');
    if (h > 24 || m > 59 || (h == 24 && m != 0)) return false;
    *minutes = h * 60 + m;
    return true;
  }

  static bool IsDate(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    for (size_t i = 0; i < text.size(); ++i) {
      if (i != 4 && i != 7 && (text[i] < '0' || text[i] > '9')) return false;
    }
    return true;
  }

  Status ReadDays(const toml::table& table, std::string_view key, BusinessHoursConfig* out) const {
    const std::string full = fmt::format("{}.days", key);
    std::vector<std::string> days;
    if (table.get("days") == nullptr) return Status::OK();
    NANNI_RETURN_IF_ERROR(Strings(table, "days", full, &days));
    out->days.fill(false);
    for (const std::string& day : days) {
      auto it = std::find(std::begin(kDayNames), std::end(kDayNames), AsciiLower(day).substr(0, 3));
      if (it == std::end(kDayNames)) {
        return Error(full,
                     fmt::format("'{}' is not a weekday (mon..sun)", Printable(day, 40)));
      }
      out->days[it - std::begin(kDayNames)] = true;
    }
    return Status::OK();
  }

  Status ReadBusinessHours(BusinessHoursConfig* out) const { return ReadHours("business_hours", out); }

 public:
  // The business hours in the table at `key` (absent: *out unchanged).
  Status ReadHours(std::string_view key, BusinessHoursConfig* out) const {
    const toml::table* table = nullptr;
    NANNI_RETURN_IF_ERROR(Table(key, &table));
    if (table == nullptr) return Status::OK();
    NANNI_RETURN_IF_ERROR(OnlyKeys(*table, fmt::format("{}.", key),
                                   {"time_zone", "days", "start", "end", "holidays"}));
    NANNI_RETURN_IF_ERROR(String(*table, "time_zone", fmt::format("{}.time_zone", key), &out->time_zone));
    if (!out->time_zone.empty() && !IsKnownTimeZone(out->time_zone)) {
      return Error(fmt::format("{}.time_zone", key),
                   fmt::format("unknown time zone '{}' (an IANA name such as \"Europe/Berlin\")",
                               Printable(out->time_zone, 60)));
    }
    NANNI_RETURN_IF_ERROR(ReadDays(*table, key, out));
    for (auto [name, field] : {std::pair{"start", &out->start_minute}, {"end", &out->end_minute}}) {
      std::string text;
      std::string full = fmt::format("{}.{}", key, name);
      NANNI_RETURN_IF_ERROR(String(*table, name, full, &text));
      if (!text.empty() && !ParseClock(text, field)) return Error(full, "must be \"HH:MM\"");
    }
    if (out->end_minute <= out->start_minute) {
      return Error(fmt::format("{}.end", key), fmt::format("must be later than {}.start", key));
    }
    NANNI_RETURN_IF_ERROR(
        Strings(*table, "holidays", fmt::format("{}.holidays", key), &out->holidays));
    for (const std::string& day : out->holidays) {
      if (!IsDate(day)) {
        return Error(fmt::format("{}.holidays", key),
                     fmt::format("'{}' is not YYYY-MM-DD", Printable(day, 40)));
      }
    }
    std::sort(out->holidays.begin(), out->holidays.end());  // one text per meaning: sorted, once each
    out->holidays.erase(std::unique(out->holidays.begin(), out->holidays.end()), out->holidays.end());
    return Status::OK();
  }

 private:
  const toml::table& root_;
  const std::string& name_;
};

}  // namespace

Status ParseNanniConfig(std::string_view toml_text, const std::string& name, NanniConfig* out) {
  toml::table root;
  NANNI_RETURN_IF_ERROR(ParseTomlDocument(toml_text, name, &root));
  *out = NanniConfig{};
  out->source = name;
  return ConfigReader(root, name).Read(out);
}

Status ReadBusinessHoursTable(const toml::table& root, const std::string& name, std::string_view key,
                              BusinessHoursConfig* out) {
  return ConfigReader(root, name).ReadHours(key, out);
}

Status LoadNanniConfig(const std::string& path, NanniConfig* out) {
  std::string text;
  NANNI_RETURN_IF_ERROR(ReadTextFile(path, &text));
  return ParseNanniConfig(text, path, out);
}

std::string ResolveNanniConfigPath(const std::string& explicit_path) {
  if (!explicit_path.empty()) return explicit_path;
  const char* env = std::getenv("NANNI_CONFIG");
  if (env != nullptr && *env != '\0') return env;
  std::error_code ec;
  return std::filesystem::exists("nanni.toml", ec) ? "nanni.toml" : "";
}

Status ResolveNanniConfig(const std::string& explicit_path, NanniConfig* out) {
  std::string path = ResolveNanniConfigPath(explicit_path);
  if (!path.empty()) return LoadNanniConfig(path, out);
  *out = NanniConfig{};
  return Status::OK();
}

bool IsFreeMailDomain(const NanniConfig& config, std::string_view domain) {
  std::string lower = AsciiLower(domain);
  if (std::find(std::begin(kFreeMailDomains), std::end(kFreeMailDomains), lower) !=
      std::end(kFreeMailDomains)) {
    return true;
  }
  const auto& extra = config.accounts.free_mail_domains;
  return std::find(extra.begin(), extra.end(), lower) != extra.end();
}

}  // namespace nanni
