// TriageSettings: the cost model and the signal thresholds that economics and triage read
// (docs/economics.md, docs/triage.md) and the sludge audit's (docs/sludge.md). The defaults
// are data, data/triage/triage.toml and data/triage/sludge.toml,
// embedded in the binary; a nanni.toml overrides any of its keys under the same name
// ([economics], [economics.cost_per_minute], ..., [signals.<id>], [sludge.<part>]). A key the defaults do not
// have is an error, so that a misspelt threshold never silently does nothing.
//
// Plain values that own their data.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include <toml++/toml.h>

#include "util/status.h"

namespace nanni {

struct CostModel {
  std::string currency;   // ISO 4217: costs are in its minor units, revenue converted to it
  int64_t window_days = 365;
  double top_share = 20, bottom_share = 80;  // per cent, for the Pareto view
  std::map<std::string, int64_t, std::less<>> cost_per_minute;  // by our level name
  std::map<std::string, int64_t, std::less<>> minutes;          // by channel name ("none")
  std::map<std::string, int64_t, std::less<>> per_event;        // escalation, incident, concession
  std::map<std::string, int64_t, std::less<>> rates_ppm;        // currency -> ppm of `currency`

  int64_t CostPerMinute(std::string_view level) const;  // "unknown"'s for a level not listed
  int64_t Minutes(std::string_view channel) const;      // "none"'s for a channel not listed
  int64_t PerEvent(std::string_view what) const;        // 0 when not listed
};

// Tables of numbers by id: a signal's thresholds, a part of the sludge audit's settings.
struct SignalSettings {
  // signal id (or part) -> key -> value
  std::map<std::string, std::map<std::string, double, std::less<>>, std::less<>> values;

  // The value of `key` for `signal`. Every key a detector reads is in the defaults: asking
  // for another is a programming error, answered with 0.
  double Get(std::string_view signal, std::string_view key) const;
};

struct TriageSettings {
  CostModel economics;
  SignalSettings signals;
  // The windows the root-cause rules of escalations look back over (docs/escalations.md).
  std::map<std::string, double, std::less<>> escalations;
  double Escalation(std::string_view key) const;  // 0 when not set
  // The sludge audit's settings (docs/sludge.md), part -> key -> value: [sludge.<part>] of
  // data/triage/sludge.toml and nanni.toml.
  SignalSettings sludge;

  // The embedded defaults (data/triage/triage.toml), parsed once.
  static const TriageSettings& Defaults();
};

// Applies the [economics], [signals], [escalations] and [sludge] tables of `root` (a nanni.toml) over *settings.
// `name` names the file in errors ("nanni.toml: key 'signals.late_payer.late_day': ...").
Status ApplyTriageSettings(const toml::table& root, const std::string& name, TriageSettings* settings);

// The embedded data/triage/playbooks.toml (engine/playbook.h reads it).
std::string_view EmbeddedPlaybooks();

}  // namespace nanni
