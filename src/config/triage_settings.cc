#include "config/triage_settings.h"

#include <fmt/format.h>

#include <cstdlib>

#include "util/embed.h"
#include "util/printable.h"
#include "util/toml_document.h"

#ifndef NANNI_TRIAGE_DATA_DIR
#error "NANNI_TRIAGE_DATA_DIR must name the data/triage folder"
#endif

NANNI_EMBED(nanni_triage_defaults, NANNI_TRIAGE_DATA_DIR "/triage.toml")
NANNI_EMBED(nanni_triage_playbooks, NANNI_TRIAGE_DATA_DIR "/playbooks.toml")
NANNI_EMBED(nanni_sludge_defaults, NANNI_TRIAGE_DATA_DIR "/sludge.toml")

namespace nanni {

namespace {

using IntMap = std::map<std::string, int64_t, std::less<>>;

// Reads the tables of one file over settings. With `strict`, every key must already exist
// (an override); without, the keys are being defined (the defaults).
class SettingsReader {
 public:
  SettingsReader(const std::string& name, bool strict) : name_(name), strict_(strict) {}

  Status Read(const toml::table& root, TriageSettings* s) {
    if (const toml::node* e = root.get("economics")) {
      NANNI_RETURN_IF_ERROR(Economics(e, &s->economics));
    }
    if (const toml::node* n = root.get("signals")) {
      const toml::table* signals = n->as_table();
      if (signals == nullptr) return Error("signals", "must be a table");
      for (const auto& [id, node] : *signals) NANNI_RETURN_IF_ERROR(Signal("signals", id.str(), node, &s->signals));
    }
    if (const toml::node* n = root.get("sludge")) {
      const toml::table* parts = n->as_table();
      if (parts == nullptr) return Error("sludge", "must be a table");
      for (const auto& [id, node] : *parts) NANNI_RETURN_IF_ERROR(Signal("sludge", id.str(), node, &s->sludge));
    }
    if (const toml::node* n = root.get("escalations")) {
      NANNI_RETURN_IF_ERROR(Numbers("escalations", *n, &s->escalations));
    }
    return Status::OK();
  }

 private:
  Status Error(std::string_view key, std::string_view what) const {
    return Status::InvalidInput(fmt::format("{}: key '{}': {}", Printable(name_, 200), Printable(key), what));
  }

  Status Number(const toml::node& node, std::string_view key, double* out) const {
    if (auto v = node.value<double>()) {
      *out = *v;
      return std::isfinite(*out) ? Status::OK() : Error(key, "must be a finite number");
    }
    return Error(key, "must be a number");
  }

  Status Integer(const toml::node& node, std::string_view key, int64_t* out) const {
    const auto* v = node.as_integer();
    if (v == nullptr || v->get() < 0) return Error(key, "must be a whole number, 0 or more");
    *out = v->get();
    return Status::OK();
  }

  Status Known(bool known, std::string_view key, std::string_view allowed) const {
    if (known || !strict_) return Status::OK();
    return Error(key, fmt::format("unknown key (allowed: {})", allowed));
  }

  template <typename Map>
  static std::string Keys(const Map& map) {
    std::string out;
    for (const auto& [k, v] : map) out += (out.empty() ? "" : ", ") + k;
    return out;
  }

  Status IntTable(const toml::node& node, std::string_view key, IntMap* out, bool open_keys) const {
    const toml::table* table = node.as_table();
    if (table == nullptr) return Error(key, "must be a table");
    for (const auto& [k, v] : *table) {
      const std::string full = fmt::format("{}.{}", key, k.str());
      NANNI_RETURN_IF_ERROR(Known(open_keys || out->count(k.str()) > 0, full, Keys(*out)));
      NANNI_RETURN_IF_ERROR(Integer(v, full, &(*out)[std::string(k.str())]));
    }
    return Status::OK();
  }

  Status Economics(const toml::node* node, CostModel* m) const {
    const toml::table* table = node->as_table();
    if (table == nullptr) return Error("economics", "must be a table");
    for (const auto& [k, v] : *table) {
      const std::string_view key = k.str();
      const std::string full = fmt::format("economics.{}", key);
      if (key == "currency") {
        const auto* s = v.as_string();
        if (s == nullptr || s->get().size() != 3) return Error(full, "must be a three-letter ISO 4217 code");
        m->currency = s->get();
      } else if (key == "window_days") {
        NANNI_RETURN_IF_ERROR(Integer(v, full, &m->window_days));
        if (m->window_days < 1) return Error(full, "must be at least 1");
      } else if (key == "top_share" || key == "bottom_share") {
        double* share = key == "top_share" ? &m->top_share : &m->bottom_share;
        NANNI_RETURN_IF_ERROR(Number(v, full, share));
        if (*share <= 0 || *share > 100) return Error(full, "must be a per cent above 0, at most 100");
      } else if (key == "cost_per_minute") {
        NANNI_RETURN_IF_ERROR(IntTable(v, full, &m->cost_per_minute, false));
      } else if (key == "minutes") {
        NANNI_RETURN_IF_ERROR(IntTable(v, full, &m->minutes, false));
      } else if (key == "per_event") {
        NANNI_RETURN_IF_ERROR(IntTable(v, full, &m->per_event, false));
      } else if (key == "rates") {
        NANNI_RETURN_IF_ERROR(IntTable(v, full, &m->rates_ppm, true));  // any currency may be added
      } else {
        return Error(full, "unknown key (allowed: currency, window_days, top_share, bottom_share, "
                           "cost_per_minute, minutes, per_event, rates)");
      }
    }
    return Status::OK();
  }

  // [<table>.<id>]: a signal's thresholds, a part of the sludge audit's settings.
  Status Signal(std::string_view table, std::string_view id, const toml::node& node, SignalSettings* s) const {
    const std::string key = fmt::format("{}.{}", table, id);
    auto it = s->values.find(id);
    NANNI_RETURN_IF_ERROR(Known(it != s->values.end(), key, Keys(s->values)));
    return Numbers(key, node, &s->values[std::string(id)]);
  }

  // A table of numbers named `key`, every key of which must already be in *values (strict).
  Status Numbers(const std::string& key, const toml::node& node,
                 std::map<std::string, double, std::less<>>* out) const {
    auto& values = *out;
    const toml::table* table = node.as_table();
    if (table == nullptr) return Error(key, "must be a table");
    for (const auto& [k, v] : *table) {
      const std::string full = fmt::format("{}.{}", key, k.str());
      NANNI_RETURN_IF_ERROR(Known(values.count(k.str()) > 0, full, Keys(values)));
      NANNI_RETURN_IF_ERROR(Number(v, full, &values[std::string(k.str())]));
    }
    return Status::OK();
  }

  const std::string& name_;
  bool strict_;
};

TriageSettings ParseDefaults() {
  TriageSettings s;
  const std::string name = "data/triage/triage.toml";
  toml::table root;
  Status st = ParseTomlDocument(std::string_view(nanni_triage_defaults_begin,
                                                 nanni_triage_defaults_end - nanni_triage_defaults_begin),
                                name, &root);
  if (st.ok()) st = SettingsReader(name, false).Read(root, &s);
  if (st.ok()) {
    toml::table sludge;
    const std::string sludge_name = "data/triage/sludge.toml";
    st = ParseTomlDocument(std::string_view(nanni_sludge_defaults_begin,
                                            nanni_sludge_defaults_end - nanni_sludge_defaults_begin),
                           sludge_name, &sludge);
    if (st.ok()) st = SettingsReader(sludge_name, false).Read(sludge, &s);
  }
  if (!st.ok()) {  // the embedded file is part of the build: a broken one is a build defect
    fmt::print(stderr, "nanni: {}\n", st.ToString());
    std::abort();
  }
  return s;
}

int64_t Lookup(const IntMap& map, std::string_view key, std::string_view fallback) {
  auto it = map.find(key);
  if (it == map.end()) it = map.find(fallback);
  return it == map.end() ? 0 : it->second;
}

}  // namespace

int64_t CostModel::CostPerMinute(std::string_view level) const { return Lookup(cost_per_minute, level, "unknown"); }
int64_t CostModel::Minutes(std::string_view channel) const { return Lookup(minutes, channel, "none"); }
int64_t CostModel::PerEvent(std::string_view what) const { return Lookup(per_event, what, ""); }

double SignalSettings::Get(std::string_view signal, std::string_view key) const {
  auto s = values.find(signal);
  if (s == values.end()) return 0;
  auto v = s->second.find(key);
  return v == s->second.end() ? 0 : v->second;
}

double TriageSettings::Escalation(std::string_view key) const {
  auto it = escalations.find(key);
  return it == escalations.end() ? 0 : it->second;
}

const TriageSettings& TriageSettings::Defaults() {
  static const TriageSettings defaults = ParseDefaults();
  return defaults;
}

Status ApplyTriageSettings(const toml::table& root, const std::string& name, TriageSettings* settings) {
  return SettingsReader(name, true).Read(root, settings);
}

std::string_view EmbeddedPlaybooks() {
  return std::string_view(nanni_triage_playbooks_begin, nanni_triage_playbooks_end - nanni_triage_playbooks_begin);
}

}  // namespace nanni
