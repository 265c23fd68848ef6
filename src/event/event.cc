#include "event/event.h"

#include <algorithm>

namespace nanni {

namespace {
template <typename T>
const T* FindAttr(const Event& e, std::string_view name) {
  auto it = std::lower_bound(e.attributes.begin(), e.attributes.end(), name,
                             [](const auto& a, std::string_view n) { return a.first < n; });
  if (it == e.attributes.end() || it->first != name) return nullptr;
  return std::get_if<T>(&it->second);
}
}  // namespace

const std::string* Event::StringAttr(std::string_view name) const {
  return FindAttr<std::string>(*this, name);
}
const int64_t* Event::IntAttr(std::string_view name) const { return FindAttr<int64_t>(*this, name); }
const Timestamp* Event::TimeAttr(std::string_view name) const {
  return FindAttr<Timestamp>(*this, name);
}

void Event::SetAttr(std::string name, AttributeValue value) {
  auto it = std::lower_bound(attributes.begin(), attributes.end(), name,
                             [](const auto& a, const std::string& n) { return a.first < n; });
  if (it != attributes.end() && it->first == name) {
    it->second = std::move(value);
  } else {
    attributes.insert(it, {std::move(name), std::move(value)});
  }
}

const char* SideName(Side side) {
  switch (side) {
    case Side::kOurs: return "ours";
    case Side::kTheirs: return "theirs";
    case Side::kUnknown: break;
  }
  return "";
}

const char* LevelName(Level level) {
  switch (level) {
    case Level::kExecutive: return "executive";
    case Level::kManager: return "manager";
    case Level::kUser: return "user";
    case Level::kAgent: return "agent";
    case Level::kUnknown: break;
  }
  return "";
}

bool ParseSide(std::string_view text, Side* out) {
  if (text == "ours") *out = Side::kOurs;
  else if (text == "theirs") *out = Side::kTheirs;
  else return false;
  return true;
}

bool ParseLevel(std::string_view text, Level* out) {
  if (text == "executive") *out = Level::kExecutive;
  else if (text == "manager") *out = Level::kManager;
  else if (text == "user") *out = Level::kUser;
  else if (text == "agent") *out = Level::kAgent;
  else return false;
  return true;
}

}  // namespace nanni
