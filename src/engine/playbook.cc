#include "engine/playbook.h"

#include <fmt/format.h>

#include <algorithm>

#include "config/triage_settings.h"
#include "util/printable.h"
#include "util/toml_document.h"

namespace nanni {

namespace {

bool KnownSignal(std::string_view id) {
  return std::find(std::begin(kSignalIds), std::end(kSignalIds), id) != std::end(kSignalIds);
}

std::string Fill(std::string text, std::string_view key, std::string_view value) {
  for (size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + value.size())) {
    text.replace(at, key.size(), value);
  }
  return text;
}

Status ReadMove(const toml::table& t, const std::string& name, size_t n, Move* m) {
  auto error = [&](std::string_view field, std::string_view what) {
    return Status::InvalidInput(fmt::format("{}: move {}: '{}': {}", Printable(name, 200), n, field, what));
  };
  for (const auto& [k, v] : t) {
    const std::string_view key = k.str();
    if (key == "when") {
      const toml::array* a = v.as_array();
      if (a == nullptr || a->empty()) return error(key, "must be a non-empty array of signal ids");
      for (const toml::node& item : *a) {
        const auto* s = item.as_string();
        if (s == nullptr || !KnownSignal(s->get())) {
          return error(key, fmt::format("'{}' is not a signal (docs/triage.md lists them)",
                                        Printable(s ? s->get() : std::string("?"))));
        }
        m->signals.push_back(s->get());
      }
      continue;
    }
    std::string* field = key == "id" ? &m->move : key == "title" ? &m->title : key == "principle" ? &m->principle
                         : key == "seed" ? &m->seed : key == "text" ? &m->text : nullptr;
    if (field == nullptr) return error(key, "unknown field (allowed: id, when, title, principle, seed, text)");
    const auto* s = v.as_string();
    if (s == nullptr || s->get().empty()) return error(key, "must be a non-empty string");
    *field = s->get();
  }
  for (auto [field, value] : {std::pair{"id", &m->move}, {"title", &m->title}, {"principle", &m->principle},
                              {"seed", &m->seed}, {"text", &m->text}}) {
    if (value->empty()) return error(field, "is required");
  }
  if (m->signals.empty()) return error("when", "is required");
  return Status::OK();
}

}  // namespace

Status Playbook::Parse(std::string_view text, const std::string& name, Playbook* out) {
  toml::table root;
  NANNI_RETURN_IF_ERROR(ParseTomlDocument(text, name, &root));
  out->moves_.clear();
  for (const auto& [k, v] : root) {
    if (k.str() != "move") {
      return Status::InvalidInput(fmt::format("{}: unknown table '{}' (a playbook holds [[move]] entries)",
                                              Printable(name, 200), Printable(k.str())));
    }
  }
  const toml::array* moves = root["move"].as_array();
  if (moves == nullptr) return Status::InvalidInput(fmt::format("{}: no [[move]] entries", Printable(name, 200)));
  for (const toml::node& node : *moves) {
    const toml::table* t = node.as_table();
    if (t == nullptr) return Status::InvalidInput(fmt::format("{}: 'move' must be an array of tables", Printable(name, 200)));
    Move m;
    NANNI_RETURN_IF_ERROR(ReadMove(*t, name, out->moves_.size() + 1, &m));
    out->moves_.push_back(std::move(m));
  }
  return Status::OK();
}

Status Playbook::Default(const Playbook** out) {
  static Playbook playbook;
  static const Status status = Parse(EmbeddedPlaybooks(), "data/triage/playbooks.toml", &playbook);
  *out = &playbook;
  return status;
}

std::vector<Move> Playbook::MovesFor(const std::string& account, const std::vector<Signal>& signals) const {
  std::vector<Move> out;
  for (const Move& m : moves_) {
    Move move = m;
    move.signals.clear();
    const Signal* first = nullptr;
    for (const Signal& s : signals) {
      if (std::find(m.signals.begin(), m.signals.end(), s.signal) == m.signals.end()) continue;
      move.signals.push_back(s.signal);
      if (first == nullptr) first = &s;
    }
    if (first == nullptr) continue;
    move.text = Fill(Fill(move.text, "{contact}", first->contact.empty() ? "their contact" : first->contact),
                     "{account}", account);
    out.push_back(std::move(move));
  }
  return out;
}

}  // namespace nanni
