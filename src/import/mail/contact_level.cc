#include "import/mail/contact_level.h"

#include <array>
#include <cctype>
#include <span>

namespace nanni {

namespace {

constexpr std::array<std::string_view, 17> kExecutiveWords = {
    "CEO", "CTO", "CFO", "COO", "CIO", "CISO", "Chief", "President", "VP", "SVP", "EVP",
    "Director", "Head", "Founder", "Co-Founder", "Owner", "Partner"};
constexpr std::array<std::string_view, 4> kManagerWords = {"Manager", "Lead", "Supervisor",
                                                            "Leader"};

bool IsWordChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' ||
         (static_cast<unsigned char>(c) >= 0x80);
}

// Whether `word` occurs in `line` as a whole word, with exactly this case.
bool HasWord(std::string_view line, std::string_view word) {
  size_t pos = 0;
  while ((pos = line.find(word, pos)) != std::string_view::npos) {
    bool left = pos == 0 || !IsWordChar(line[pos - 1]);
    size_t end = pos + word.size();
    bool right = end >= line.size() || !IsWordChar(line[end]);
    if (left && right) return true;
    pos = end;
  }
  return false;
}

bool HasAny(std::string_view line, std::span<const std::string_view> words) {
  for (std::string_view w : words) {
    if (w == "Head" ? line.find("Head of") != std::string_view::npos : HasWord(line, w)) return true;
  }
  return false;
}

const std::array<std::string_view, 14> kUserTitles = {
    "Engineer", "Developer", "Scientist", "Researcher", "Student", "Professor", "Analyst",
    "Consultant", "Architect", "Specialist", "Technician", "Officer", "Administrator",
    "Postdoc"};

}  // namespace

std::string FindTitle(std::string_view signature) {
  size_t start = 0;
  int lines = 0;
  while (start < signature.size() && lines < 8) {
    size_t nl = signature.find('\n', start);
    if (nl == std::string_view::npos) nl = signature.size();
    std::string_view line = signature.substr(start, nl - start);
    start = nl + 1;
    ++lines;
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t' || line.front() == '|')) line.remove_prefix(1);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == ',')) line.remove_suffix(1);
    if (line.empty() || line.size() > 80) continue;
    if (line.find('@') != std::string_view::npos || line.find("http") != std::string_view::npos) continue;
    if (HasAny(line, kExecutiveWords) || HasAny(line, kManagerWords) || HasAny(line, kUserTitles)) {
      return std::string(line);
    }
  }
  return {};
}

Level LevelForTitle(std::string_view title) {
  if (HasAny(title, kExecutiveWords)) return Level::kExecutive;
  if (HasAny(title, kManagerWords)) return Level::kManager;
  return Level::kUser;
}

}  // namespace nanni
