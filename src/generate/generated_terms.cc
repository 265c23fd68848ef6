#include "generate/generated_terms.h"

#include <fmt/format.h>

#include "contract/terms.h"
#include "generate/name_pool.h"

namespace nanni {

namespace {

ResponseTarget Target(const char* priority, int64_t first_reply_h, int64_t resolution_h, int64_t credit_minor) {
  ResponseTarget t;
  t.priority = priority;
  t.channel = "any";
  t.first_reply_s = first_reply_h * 3600;
  t.resolution_s = resolution_h * 3600;
  t.credit_minor = credit_minor;
  return t;
}

}  // namespace

std::string GeneratedTermsText(const AccountProfile& a, const Timestamp& starts, const Timestamp& ends) {
  Terms t;
  t.contract = fmt::format("CTR-{:04}", a.index + 1);
  t.currency = std::string(a.currency);
  t.starts = starts;
  t.ends = ends;
  t.hours.time_zone = std::string(Zones()[a.zone].zone);
  const int64_t monthly = a.revenue_minor / 12;
  // Larger accounts buy faster targets; a missed one is credited 1 % of a month's charge.
  const int64_t fast = a.tier >= 2 ? 1 : 2;
  const int64_t credit = monthly / 100;
  t.responses = {Target("urgent", fast, 16, credit), Target("high", 2 * fast, 24, credit), Target("any", 8, 40, 0)};
  t.uptime.present = true;
  t.uptime.monthly_charge_minor = monthly;
  t.uptime.minimum_period_s = 300;
  t.uptime.severities = {"critical", "major"};
  t.uptime.tiers = {{999'900, 100'000}, {990'000, 300'000}, {950'000, 1'000'000}};
  t.uptime.monthly_cap = 500'000;
  t.payment.present = true;
  t.payment.interest = InterestRule::kFixed;
  t.payment.rate = 80'000;
  t.payment.flat_fee_minor = 4000;
  return FormatTerms(t);
}

}  // namespace nanni
