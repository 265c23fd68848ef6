// The names of the rules a finding applies (Finding::rule), one per clause kind of the terms.
#pragma once

#include <string_view>

namespace nanni::rules {

inline constexpr std::string_view kFirstReply = "response.first_reply";
inline constexpr std::string_view kNextReply = "response.next_reply";
inline constexpr std::string_view kResolution = "response.resolution";
inline constexpr std::string_view kUptimeCredit = "uptime.credit";
inline constexpr std::string_view kLateInterest = "payment.interest";
inline constexpr std::string_view kLateFee = "payment.fee";
inline constexpr std::string_view kLateDelivery = "obligation.penalty";

inline constexpr std::string_view kAll[] = {kFirstReply, kNextReply,  kResolution, kUptimeCredit,
                                            kLateInterest, kLateFee, kLateDelivery};

}  // namespace nanni::rules
