#include "contract/terms.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <initializer_list>

#include "config/business_hours_reader.h"
#include "event/kind.h"
#include "util/printable.h"
#include "util/sha256.h"

namespace nanni {

namespace {

constexpr int64_t kMaxDurationS = 10LL * 366 * 24 * 3600;  // ten years
constexpr int64_t kMaxMinor = 1'000'000'000'000'000LL;     // 10^18: sums of a few stay in 64 bits

// Reads one term sheet, naming the file and the key in every error.
class TermsReader {
 public:
  TermsReader(const toml::table& root, const std::string& name) : root_(root), name_(name) {}

  Status Read(Terms* out) {
    NANNI_RETURN_IF_ERROR(OnlyKeys(root_, "", {"contract", "currency", "starts", "ends", "hours", "response",
                                               "uptime", "payment", "obligation"}));
    NANNI_RETURN_IF_ERROR(Text(root_, "", "contract", true, &out->contract));
    NANNI_RETURN_IF_ERROR(Text(root_, "", "currency", true, &out->currency));
    if (out->currency.size() != 3 || !std::all_of(out->currency.begin(), out->currency.end(),
                                                   [](char c) { return c >= 'A' && c <= 'Z'; })) {
      return Error("currency", "must be an ISO 4217 code of three capital letters");
    }
    NANNI_RETURN_IF_ERROR(Time(root_, "", "starts", true, &out->starts));
    if (root_.get("ends") != nullptr) {
      out->ends.emplace();
      NANNI_RETURN_IF_ERROR(Time(root_, "", "ends", true, &*out->ends));
      if (out->ends->utc_micros <= out->starts.utc_micros) return Error("ends", "must be later than starts");
    }
    NANNI_RETURN_IF_ERROR(ReadBusinessHoursTable(root_, name_, "hours", &out->hours));
    NANNI_RETURN_IF_ERROR(ForEachTable(root_, "", "response", [&](const toml::table& t, const std::string& at) {
      return ReadResponse(t, at, &out->responses.emplace_back());
    }));
    NANNI_RETURN_IF_ERROR(ReadUptime(&out->uptime));
    NANNI_RETURN_IF_ERROR(ReadPayment(&out->payment));
    return ForEachTable(root_, "", "obligation", [&](const toml::table& t, const std::string& at) {
      return ReadObligation(t, at, *out, &out->obligations.emplace_back());
    });
  }

 private:
  using TableVisit = std::function<Status(const toml::table&, const std::string&)>;

  Status Error(std::string_view key, std::string_view what) const {
    return Status::InvalidInput(fmt::format("{}: key '{}': {}", Printable(name_, 200), Printable(key), what));
  }
  static std::string Join(std::string_view at, std::string_view key) {
    return at.empty() ? std::string(key) : fmt::format("{}.{}", at, key);
  }

  Status OnlyKeys(const toml::table& table, std::string_view at, std::initializer_list<std::string_view> allowed) const {
    for (const auto& [key, value] : table) {
      if (std::find(allowed.begin(), allowed.end(), key.str()) == allowed.end()) {
        return Error(Join(at, key.str()), fmt::format("unknown key (allowed: {})", fmt::join(allowed, ", ")));
      }
    }
    return Status::OK();
  }

  // Each table of the array of tables `key` ([[key]]), named "key[1]", "key[2]", ...
  Status ForEachTable(const toml::table& table, std::string_view at, std::string_view key, const TableVisit& visit) const {
    const toml::node* node = table.get(key);
    if (node == nullptr) return Status::OK();
    const toml::array* array = node->as_array();
    if (array == nullptr) return Error(Join(at, key), fmt::format("must be an array of tables ([[{}]])", key));
    for (size_t i = 0; i < array->size(); ++i) {
      const toml::table* t = (*array)[i].as_table();
      const std::string name = fmt::format("{}[{}]", Join(at, key), i + 1);
      if (t == nullptr) return Error(name, "must be a table");
      NANNI_RETURN_IF_ERROR(visit(*t, name));
    }
    return Status::OK();
  }

  Status Text(const toml::table& t, std::string_view at, std::string_view key, bool required, std::string* out) const {
    const toml::node* node = t.get(key);
    if (node == nullptr) return required ? Error(Join(at, key), "is required") : Status::OK();
    const auto* text = node->as_string();
    if (text == nullptr || text->get().empty()) return Error(Join(at, key), "must be a non-empty string");
    if (text->get().size() > 200) return Error(Join(at, key), "must be at most 200 bytes");
    *out = text->get();
    return Status::OK();
  }

  Status Choice(const toml::table& t, std::string_view at, std::string_view key, std::initializer_list<std::string_view> allowed,
                std::string* out) const {
    std::string value;
    NANNI_RETURN_IF_ERROR(Text(t, at, key, false, &value));
    if (value.empty()) return Status::OK();
    if (std::find(allowed.begin(), allowed.end(), value) == allowed.end()) {
      return Error(Join(at, key), fmt::format("'{}' is not one of {}", Printable(value, 40), fmt::join(allowed, ", ")));
    }
    *out = value;
    return Status::OK();
  }

  Status Time(const toml::table& t, std::string_view at, std::string_view key, bool required, Timestamp* out) const {
    std::string text;
    NANNI_RETURN_IF_ERROR(Text(t, at, key, required, &text));
    if (text.empty()) return Status::OK();
    if (!ParseRfc3339(text, out).ok()) {
      return Error(Join(at, key), "must be an RFC 3339 time in quotes (\"2026-03-01T00:00:00Z\")");
    }
    return Status::OK();
  }

  Status Bool(const toml::table& t, std::string_view at, std::string_view key, bool* out) const {
    const toml::node* node = t.get(key);
    if (node == nullptr) return Status::OK();
    const auto* b = node->as_boolean();
    if (b == nullptr) return Error(Join(at, key), "must be true or false");
    *out = b->get();
    return Status::OK();
  }

  Status Minor(const toml::table& t, std::string_view at, std::string_view key, bool required, int64_t* out) const {
    const toml::node* node = t.get(key);
    if (node == nullptr) return required ? Error(Join(at, key), "is required") : Status::OK();
    const auto* i = node->as_integer();
    if (i == nullptr || i->get() < 0 || i->get() > kMaxMinor) {
      return Error(Join(at, key), "must be a whole number of minor units (cents), 0 to 10^18");
    }
    *out = i->get();
    return Status::OK();
  }

  Status Count(const toml::table& t, std::string_view at, std::string_view key, int64_t max, int64_t* out) const {
    const toml::node* node = t.get(key);
    if (node == nullptr) return Status::OK();
    const auto* i = node->as_integer();
    if (i == nullptr || i->get() < 0 || i->get() > max) {
      return Error(Join(at, key), fmt::format("must be a whole number from 0 to {}", max));
    }
    *out = i->get();
    return Status::OK();
  }

  // A percentage: a number or a string of decimal digits, at most four after the point.
  Status Percent(const toml::table& t, std::string_view at, std::string_view key, bool required, Millionths* out) const {
    const toml::node* node = t.get(key);
    if (node == nullptr) return required ? Error(Join(at, key), "is required") : Status::OK();
    const std::string full = Join(at, key);
    auto bad = [&] { return Error(full, "must be a percentage from 0 to 100, at most 4 decimals (\"99.99\")"); };
    std::string text;
    if (const auto* i = node->as_integer()) {
      text = std::to_string(i->get());
    } else if (const auto* f = node->as_floating_point()) {
      // A float is refused where its string would be: more than four decimals are not rounded.
      const double v = f->get();
      if (!std::isfinite(v) || std::fabs(v * 10000 - std::round(v * 10000)) > 1e-6) return bad();
      text = fmt::format("{:.4f}", v);
    } else if (const auto* s = node->as_string()) {
      text = s->get();
    } else {
      return bad();
    }
    if (!ParsePercent(text, out) || *out > kWhole) return bad();
    return Status::OK();
  }

  static bool ParsePercent(std::string_view text, Millionths* out) {
    size_t dot = text.find('.');
    std::string_view whole = text.substr(0, dot);
    std::string_view frac = dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
    auto digits = [](std::string_view s) {
      return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (whole.empty() || whole.size() > 3 || !digits(whole) || !digits(frac)) return false;
    if (dot != std::string_view::npos && frac.empty()) return false;
    while (frac.size() > 4 && frac.back() == '0') frac.remove_suffix(1);
    if (frac.size() > 4) return false;
    int64_t v = std::stoll(std::string(whole)) * 10000;
    int64_t scale = 1000;
    for (char c : frac) {
      v += (c - '0') * scale;
      scale /= 10;
    }
    *out = v;  // percent * 10^4 = millionths of a whole
    return true;
  }

  // "90s", "15m", "4h", "2d" (a day is 24 hours of the target's clock).
  Status Duration(const toml::table& t, std::string_view at, std::string_view key, bool required, int64_t* out) const {
    std::string text;
    NANNI_RETURN_IF_ERROR(Text(t, at, key, required, &text));
    if (text.empty()) return Status::OK();
    auto bad = [&] { return Error(Join(at, key), "must be a duration such as \"90s\", \"15m\", \"4h\" or \"2d\""); };
    const char unit = text.back();
    const int64_t per = unit == 's' ? 1 : unit == 'm' ? 60 : unit == 'h' ? 3600 : unit == 'd' ? 86400 : 0;
    std::string_view number(text.data(), text.size() - 1);
    if (per == 0 || number.empty() || number.size() > 9 ||
        !std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return bad();
    }
    *out = std::stoll(std::string(number)) * per;
    if (*out <= 0 || *out > kMaxDurationS) return bad();
    return Status::OK();
  }

  Status ReadResponse(const toml::table& t, const std::string& at, ResponseTarget* out) const {
    NANNI_RETURN_IF_ERROR(OnlyKeys(t, at, {"priority", "channel", "first_reply", "next_reply", "resolution", "clock",
                                           "pause_on_customer", "credit_minor"}));
    out->priority = "any";
    out->channel = "any";
    NANNI_RETURN_IF_ERROR(Choice(t, at, "priority", {"any", "low", "normal", "high", "urgent"}, &out->priority));
    NANNI_RETURN_IF_ERROR(Text(t, at, "channel", false, &out->channel));
    const auto channels = Channels();
    if (out->channel != "any" && std::find(channels.begin(), channels.end(), out->channel) == channels.end()) {
      return Error(Join(at, "channel"), fmt::format("'{}' is not \"any\" or a channel ({})", Printable(out->channel, 40),
                                                    fmt::join(channels, ", ")));
    }
    NANNI_RETURN_IF_ERROR(Duration(t, at, "first_reply", false, &out->first_reply_s));
    NANNI_RETURN_IF_ERROR(Duration(t, at, "next_reply", false, &out->next_reply_s));
    NANNI_RETURN_IF_ERROR(Duration(t, at, "resolution", false, &out->resolution_s));
    if (out->first_reply_s == 0 && out->next_reply_s == 0 && out->resolution_s == 0) {
      return Error(at, "sets no target: give first_reply, next_reply or resolution");
    }
    std::string clock = "business";
    NANNI_RETURN_IF_ERROR(Choice(t, at, "clock", {"business", "calendar"}, &clock));
    out->business_hours = clock == "business";
    NANNI_RETURN_IF_ERROR(Bool(t, at, "pause_on_customer", &out->pause_on_customer));
    return Minor(t, at, "credit_minor", false, &out->credit_minor);
  }

  Status ReadUptime(UptimeTerms* out) const {
    const toml::node* node = root_.get("uptime");
    if (node == nullptr) return Status::OK();
    const toml::table* t = node->as_table();
    if (t == nullptr) return Error("uptime", "must be a table");
    const std::string at = "uptime";
    NANNI_RETURN_IF_ERROR(OnlyKeys(*t, at, {"monthly_charge_minor", "minimum_period", "severities",
                                            "exclude_announced_maintenance", "monthly_cap", "rolling_cap", "tier"}));
    out->present = true;
    NANNI_RETURN_IF_ERROR(Minor(*t, at, "monthly_charge_minor", true, &out->monthly_charge_minor));
    NANNI_RETURN_IF_ERROR(Duration(*t, at, "minimum_period", false, &out->minimum_period_s));
    NANNI_RETURN_IF_ERROR(Severities(*t, &out->severities));
    NANNI_RETURN_IF_ERROR(Bool(*t, at, "exclude_announced_maintenance", &out->exclude_announced_maintenance));
    NANNI_RETURN_IF_ERROR(Percent(*t, at, "monthly_cap", false, &out->monthly_cap));
    NANNI_RETURN_IF_ERROR(Percent(*t, at, "rolling_cap", false, &out->rolling_cap));
    NANNI_RETURN_IF_ERROR(ForEachTable(*t, at, "tier", [&](const toml::table& tier, const std::string& name) {
      NANNI_RETURN_IF_ERROR(OnlyKeys(tier, name, {"below", "credit"}));
      UptimeTier& u = out->tiers.emplace_back();
      NANNI_RETURN_IF_ERROR(Percent(tier, name, "below", true, &u.below));
      return Percent(tier, name, "credit", true, &u.credit);
    }));
    if (out->tiers.empty()) return Error("uptime.tier", "at least one [[uptime.tier]] is required");
    std::sort(out->tiers.begin(), out->tiers.end(), [](const UptimeTier& a, const UptimeTier& b) { return a.below > b.below; });
    for (size_t i = 1; i < out->tiers.size(); ++i) {
      if (out->tiers[i].below == out->tiers[i - 1].below) return Error("uptime.tier", "two tiers have the same 'below'");
    }
    return Status::OK();
  }

  Status Severities(const toml::table& t, std::vector<std::string>* out) const {
    const toml::node* node = t.get("severities");
    if (node == nullptr) return Status::OK();
    const toml::array* array = node->as_array();
    if (array == nullptr) return Error("uptime.severities", "must be an array of severities");
    for (const toml::node& item : *array) {
      const auto* s = item.as_string();
      if (s == nullptr || (s->get() != "critical" && s->get() != "major" && s->get() != "minor")) {
        return Error("uptime.severities", "must hold only \"critical\", \"major\" and \"minor\"");
      }
      out->push_back(s->get());
    }
    std::sort(out->begin(), out->end());
    out->erase(std::unique(out->begin(), out->end()), out->end());
    return Status::OK();
  }

  Status ReadPayment(PaymentTerms* out) const {
    const toml::node* node = root_.get("payment");
    if (node == nullptr) return Status::OK();
    const toml::table* t = node->as_table();
    if (t == nullptr) return Error("payment", "must be a table");
    const std::string at = "payment";
    NANNI_RETURN_IF_ERROR(OnlyKeys(*t, at, {"net_days", "interest", "rate", "flat_fee", "flat_fee_minor"}));
    out->present = true;
    NANNI_RETURN_IF_ERROR(Count(*t, at, "net_days", 3660, &out->net_days));
    std::string interest = "none";
    NANNI_RETURN_IF_ERROR(Choice(*t, at, "interest", {"none", "eu", "uk", "fixed"}, &interest));
    out->interest = interest == "eu" ? InterestRule::kEu : interest == "uk" ? InterestRule::kUk
                    : interest == "fixed" ? InterestRule::kFixed : InterestRule::kNone;
    if (out->interest == InterestRule::kEu || out->interest == InterestRule::kUk) out->rate = 8 * 10000;
    NANNI_RETURN_IF_ERROR(Percent(*t, at, "rate", out->interest == InterestRule::kFixed, &out->rate));
    std::string fee = "none";
    NANNI_RETURN_IF_ERROR(Choice(*t, at, "flat_fee", {"none", "statute"}, &fee));
    out->statutory_fee = fee == "statute";
    if (out->statutory_fee && out->interest != InterestRule::kEu && out->interest != InterestRule::kUk) {
      return Error("payment.flat_fee", "\"statute\" needs interest = \"eu\" or \"uk\" (the statute that sets the fee)");
    }
    NANNI_RETURN_IF_ERROR(Minor(*t, at, "flat_fee_minor", false, &out->flat_fee_minor));
    if (out->statutory_fee && out->flat_fee_minor > 0) {
      return Error("payment.flat_fee_minor", "give flat_fee = \"statute\" or flat_fee_minor, not both");
    }
    return Status::OK();
  }

  Status ReadObligation(const toml::table& t, const std::string& at, const Terms& terms, Obligation* out) const {
    NANNI_RETURN_IF_ERROR(OnlyKeys(t, at, {"id", "owner", "what", "due", "value_minor", "penalty", "period", "periods",
                                           "cap", "force_majeure"}));
    NANNI_RETURN_IF_ERROR(Text(t, at, "id", true, &out->id));
    for (const Obligation& other : terms.obligations) {
      if (&other != out && other.id == out->id) return Error(Join(at, "id"), "another obligation has this id");
    }
    out->owner = "ours";
    NANNI_RETURN_IF_ERROR(Choice(t, at, "owner", {"ours", "theirs"}, &out->owner));
    NANNI_RETURN_IF_ERROR(Text(t, at, "what", true, &out->what));
    NANNI_RETURN_IF_ERROR(Time(t, at, "due", true, &out->due));
    NANNI_RETURN_IF_ERROR(Minor(t, at, "value_minor", true, &out->value_minor));
    NANNI_RETURN_IF_ERROR(Percent(t, at, "penalty", true, &out->penalty));
    NANNI_RETURN_IF_ERROR(Duration(t, at, "period", true, &out->period_s));
    std::string periods = "whole";
    NANNI_RETURN_IF_ERROR(Choice(t, at, "periods", {"whole", "pro_rata"}, &periods));
    out->whole_periods = periods == "whole";
    NANNI_RETURN_IF_ERROR(Percent(t, at, "cap", false, &out->cap));
    return Bool(t, at, "force_majeure", &out->force_majeure);
  }

  const toml::table& root_;
  const std::string& name_;
};

std::string Duration(int64_t s) {
  if (s % 86400 == 0) return fmt::format("{}d", s / 86400);
  if (s % 3600 == 0) return fmt::format("{}h", s / 3600);
  if (s % 60 == 0) return fmt::format("{}m", s / 60);
  return fmt::format("{}s", s);
}

std::string Quoted(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c == 0x7f) {
      out += fmt::format("\\u{:04X}", c);
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

std::string Clock(int minute) { return fmt::format("\"{:02}:{:02}\"", minute / 60, minute % 60); }

void FormatHours(const BusinessHoursConfig& h, std::string* out) {
  constexpr const char* kDays[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
  std::vector<std::string> days, holidays;
  for (int d : {1, 2, 3, 4, 5, 6, 0}) {
    if (h.days[d]) days.push_back(Quoted(kDays[d]));
  }
  for (const std::string& day : h.holidays) holidays.push_back(Quoted(day));
  *out += fmt::format("\n[hours]\ntime_zone = {}\ndays = [{}]\nstart = {}\nend = {}\nholidays = [{}]\n", Quoted(h.time_zone),
                      fmt::join(days, ", "), Clock(h.start_minute), Clock(h.end_minute), fmt::join(holidays, ", "));
}

void FormatUptime(const UptimeTerms& u, std::string* out) {
  std::vector<std::string> severities;
  for (const std::string& s : u.severities) severities.push_back(Quoted(s));
  *out += fmt::format("\n[uptime]\nmonthly_charge_minor = {}\n", u.monthly_charge_minor);
  if (u.minimum_period_s > 0) *out += fmt::format("minimum_period = \"{}\"\n", Duration(u.minimum_period_s));
  *out += fmt::format(
      "severities = [{}]\nexclude_announced_maintenance = {}\nmonthly_cap = \"{}\"\nrolling_cap = \"{}\"\n",
      fmt::join(severities, ", "),
      u.exclude_announced_maintenance, PercentText(u.monthly_cap), PercentText(u.rolling_cap));
  for (const UptimeTier& tier : u.tiers) {
    *out += fmt::format("\n[[uptime.tier]]\nbelow = \"{}\"\ncredit = \"{}\"\n", PercentText(tier.below), PercentText(tier.credit));
  }
}

void FormatPayment(const PaymentTerms& p, std::string* out) {
  constexpr const char* kRules[] = {"none", "eu", "uk", "fixed"};
  *out += "\n[payment]\n";
  if (p.net_days >= 0) *out += fmt::format("net_days = {}\n", p.net_days);
  *out += fmt::format("interest = \"{}\"\nrate = \"{}\"\nflat_fee = \"{}\"\nflat_fee_minor = {}\n",
                      kRules[static_cast<int>(p.interest)], PercentText(p.rate), p.statutory_fee ? "statute" : "none",
                      p.flat_fee_minor);
}

void FormatObligation(const Obligation& o, std::string* out) {
  *out += fmt::format(
      "\n[[obligation]]\nid = {}\nowner = \"{}\"\nwhat = {}\ndue = \"{}\"\nvalue_minor = {}\npenalty = \"{}\"\n"
      "period = \"{}\"\nperiods = \"{}\"\ncap = \"{}\"\nforce_majeure = {}\n",
      Quoted(o.id), o.owner, Quoted(o.what), FormatUtc(o.due.utc_micros), o.value_minor, PercentText(o.penalty),
      Duration(o.period_s), o.whole_periods ? "whole" : "pro_rata", PercentText(o.cap), o.force_majeure);
}

}  // namespace

const ResponseTarget* Terms::TargetFor(std::string_view priority, std::string_view channel) const {
  for (const ResponseTarget& t : responses) {
    if ((t.priority == "any" || t.priority == priority) && (t.channel == "any" || t.channel == channel)) return &t;
  }
  return nullptr;
}

Status ParseTerms(std::string_view toml_text, const std::string& name, Terms* out) {
  toml::table root;
  NANNI_RETURN_IF_ERROR(ParseTomlDocument(toml_text, name, &root));
  *out = Terms();
  return TermsReader(root, name).Read(out);
}

std::string FormatTerms(const Terms& t) {
  std::string out = "# nanni contract terms, canonical form (docs/contracts.md)\n";
  out += fmt::format("contract = {}\ncurrency = \"{}\"\nstarts = \"{}\"\n", Quoted(t.contract), t.currency,
                     FormatUtc(t.starts.utc_micros));
  if (t.ends) out += fmt::format("ends = \"{}\"\n", FormatUtc(t.ends->utc_micros));
  FormatHours(t.hours, &out);
  for (const ResponseTarget& r : t.responses) {
    out += fmt::format("\n[[response]]\npriority = \"{}\"\nchannel = {}\n", r.priority, Quoted(r.channel));
    if (r.first_reply_s > 0) out += fmt::format("first_reply = \"{}\"\n", Duration(r.first_reply_s));
    if (r.next_reply_s > 0) out += fmt::format("next_reply = \"{}\"\n", Duration(r.next_reply_s));
    if (r.resolution_s > 0) out += fmt::format("resolution = \"{}\"\n", Duration(r.resolution_s));
    out += fmt::format("clock = \"{}\"\npause_on_customer = {}\ncredit_minor = {}\n",
                       r.business_hours ? "business" : "calendar", r.pause_on_customer, r.credit_minor);
  }
  if (t.uptime.present) FormatUptime(t.uptime, &out);
  if (t.payment.present) FormatPayment(t.payment, &out);
  for (const Obligation& o : t.obligations) FormatObligation(o, &out);
  return out;
}

std::string TermsDigest(std::string_view canonical_text) { return ToHex(Sha256::Of(canonical_text)); }

std::string ContractEventId(const Terms& terms, std::string_view digest) {
  return fmt::format("contract:{}:{}", terms.contract, digest.substr(0, 16));
}

std::string ObligationEventId(const Terms& terms, const Obligation& obligation) {
  return fmt::format("contract:{}:obligation:{}", terms.contract, obligation.id);
}

std::string PercentText(Millionths share) {
  std::string out = fmt::format("{}.{:04}", share / 10000, share % 10000);
  while (out.back() == '0') out.pop_back();
  if (out.back() == '.') out.pop_back();
  return out;
}

}  // namespace nanni
