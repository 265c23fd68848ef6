#include "tone/new_text.h"

namespace nanni {

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool IsFence(std::string_view t) { return StartsWith(t, "```") || StartsWith(t, "~~~"); }

// True when the history starts at this line (everything from here on is dropped).
bool StartsHistory(std::string_view line, std::string_view next, bool after_blank) {
  std::string_view t = Trim(line);
  if (t == "--" && StartsWith(line, "-- ")) return true;  // signature separator "-- "
  if (StartsWith(t, "-----Original Message") || StartsWith(t, "----- Original Message")) return true;
  if (t.size() >= 20 && t.find_first_not_of('_') == std::string_view::npos) return true;
  if (StartsWith(t, "On ") && t.size() < 300) {
    if (EndsWith(t, "wrote:") || EndsWith(t, "writes:")) return true;
    std::string_view n = Trim(next);
    if (n.size() < 200 && (EndsWith(n, "wrote:") || EndsWith(n, "writes:"))) return true;
  }
  if (after_blank && StartsWith(t, "From: ")) {
    std::string_view n = Trim(next);
    if (StartsWith(n, "Sent: ") || StartsWith(n, "Date: ")) return true;
  }
  return false;
}

}  // namespace

void NewText(std::string_view message, std::string* out) {
  out->clear();
  out->reserve(message.size());
  size_t pos = 0;
  bool in_fence = false, after_blank = false, in_indented = false;
  while (pos < message.size()) {
    size_t end = message.find('\n', pos);
    if (end == std::string_view::npos) end = message.size();
    std::string_view line = message.substr(pos, end - pos);
    size_t next_end = end < message.size() ? message.find('\n', end + 1) : std::string_view::npos;
    std::string_view next = end < message.size()
        ? message.substr(end + 1, (next_end == std::string_view::npos ? message.size() : next_end) - end - 1)
        : std::string_view();
    pos = end + 1;
    std::string_view t = Trim(line);
    if (in_fence) {
      if (IsFence(t)) in_fence = false;
      continue;
    }
    if (IsFence(t)) {
      in_fence = true;
      continue;
    }
    if (StartsHistory(line, next, after_blank)) break;
    bool indented = !t.empty() && (StartsWith(line, "\t") || StartsWith(line, "    "));
    if (indented && (after_blank || in_indented)) {
      in_indented = true;
      continue;
    }
    in_indented = false;
    after_blank = t.empty();
    if (!t.empty() && t.front() == '>') continue;
    out->append(line);
    out->push_back('\n');
  }
  while (!out->empty() && (out->back() == '\n' || out->back() == '\r')) out->pop_back();
}

}  // namespace nanni
