#include "text/new_text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

#include "util/ascii.h"

namespace nanni {

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// ASCII lower case into a reused buffer.
void LowerInto(std::string_view s, std::string* out) {
  out->assign(s);
  for (char& c : *out) c = AsciiLower(c);
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

// "wrote:" and its translations, matched at the end of a lower-cased line ("writes:": Gnus and
// other newsreaders).
constexpr std::array<std::string_view, 13> kWroteEndings = {
    "wrote:", "writes:", "a écrit :", "a écrit:", "schrieb:", "escribió:", "ha scritto:",
    "schreef:", "escreveu:", "skrev:", "napisał:", "kirjoitti:", "написал:"};
// Openers of an attribution line.
constexpr std::array<std::string_view, 10> kAttributionStarts = {
    "on ", "le ", "am ", "el ", "il ", "op ", "em ", "den ", "dnia ", "w dniu "};

bool IsAttribution(std::string_view lower_line) {
  for (std::string_view end : kWroteEndings) {
    if (EndsWith(lower_line, end)) return true;
  }
  // "Am 29.04.2019 um 10:00 schrieb Hans Muster:": the verb before the name.
  if (!EndsWith(lower_line, ":")) return false;
  static constexpr std::array<std::string_view, 4> kVerbs = {" schrieb ", " wrote ", " skrev ",
                                                             " kirjoitti "};
  bool opens = std::any_of(kAttributionStarts.begin(), kAttributionStarts.end(),
                           [&](std::string_view s) { return StartsWith(lower_line, s); });
  return opens && std::any_of(kVerbs.begin(), kVerbs.end(), [&](std::string_view v) {
           return lower_line.find(v) != std::string_view::npos;
         });
}

// An attribution split over two lines: "On Mon, 1 Apr 2019, Jane Doe <jane@x.org>" + "wrote:".
bool IsSplitAttribution(std::string_view lower_line, std::string_view lower_next) {
  bool opens = std::any_of(kAttributionStarts.begin(), kAttributionStarts.end(),
                           [&](std::string_view s) { return StartsWith(lower_line, s); });
  return opens && IsAttribution(lower_next) && lower_next.size() < 40;
}

// An attribution in a form not listed above (Gmail writes one per language: "ср, 29 мая 2019
// г. в 22:56, Name <addr>:"): a line, or two, ending in ':' that holds an address or a year and
// is followed (after blank lines) by a quoted line.
bool IsQuoteIntro(const std::vector<std::string_view>& lines, size_t i) {
  std::string_view line = Trim(lines[i]);
  size_t last = i;
  if (!EndsWith(line, ":") && i + 1 < lines.size() && EndsWith(Trim(lines[i + 1]), ">:")) last = i + 1;
  if (!EndsWith(Trim(lines[last]), ":")) return false;
  std::string joined(line);
  if (last > i) joined.append(Trim(lines[last]));
  bool has_year = false;
  for (size_t k = 0; k + 4 <= joined.size(); ++k) {
    if ((joined.compare(k, 2, "19") == 0 || joined.compare(k, 2, "20") == 0) &&
        std::isdigit(static_cast<unsigned char>(joined[k + 2])) &&
        std::isdigit(static_cast<unsigned char>(joined[k + 3]))) {
      has_year = true;
      break;
    }
  }
  if (joined.find('@') == std::string::npos && !has_year) return false;
  for (size_t k = last + 1; k < lines.size(); ++k) {
    std::string_view t = Trim(lines[k]);
    if (t.empty()) continue;
    return t[0] == '>';
  }
  return false;
}

bool IsFence(std::string_view trimmed) {
  return StartsWith(trimmed, "```") || StartsWith(trimmed, "~~~");
}

// Marks the lines inside a closed fenced code block, its fences included.
void MarkFencedLines(const std::vector<std::string_view>& lines, std::vector<bool>* fenced) {
  fenced->assign(lines.size(), false);
  size_t open = std::string_view::npos;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!IsFence(Trim(lines[i]))) continue;
    if (open == std::string_view::npos) {
      open = i;
      continue;
    }
    for (size_t k = open; k <= i; ++k) (*fenced)[k] = true;
    open = std::string_view::npos;
  }
}

// Whether a rule of SplitNewText's loop may apply at a line (both trimmed): each needs the
// line to start with one of a few characters (any case), or it or the next line to end in
// ':'. Most lines are prose, and this is cheap.
bool MayStartRule(std::string_view line, std::string_view next) {
  if (line.empty()) return false;
  if (line.back() == ':' || (!next.empty() && next.back() == ':')) return true;
  char c = line.front();
  switch (c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c) {
    case '-': case '_': case '=': case 'b': case 'f': case 'g': case 's': return true;
    default: return false;
  }
}

bool IsRule(std::string_view line, char c, size_t min) {
  return line.size() >= min && line.find_first_not_of(c) == std::string_view::npos;
}

// Whether `line` is a closing, in any ASCII case.
bool IsSignOff(std::string_view line) {
  static constexpr std::array<std::string_view, 23> kSignOffs = {
      "regards,", "best regards,", "kind regards,", "best,", "thanks,", "thank you,",
      "many thanks,", "cheers,", "sincerely,", "yours sincerely,", "warm regards,",
      "best wishes,", "br,", "thanks!", "thanks", "regards", "best regards", "cheers",
      "thanks again,", "thanks in advance,", "mit freundlichen grüßen,", "cordialement,",
      "saludos,"};
  for (std::string_view s : kSignOffs) {
    if (line.size() != s.size()) continue;
    bool same = true;
    for (size_t i = 0; i < s.size() && same; ++i) {
      char c = line[i];
      same = (c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c) == s[i];
    }
    if (same) return true;
  }
  return false;
}

// The buffers of one SplitNewText call, kept per thread: the tone scorer calls it for every
// message, most of them a line long.
struct Scratch {
  std::string lowered;
  std::vector<std::string_view> lines, lower_lines;
  std::vector<bool> dropped, fenced;
  std::vector<size_t> kept;  // indices into lines
};

}  // namespace

SplitText SplitNewText(std::string_view text) {
  SplitText out;
  SplitNewText(text, &out);
  return out;
}

void SplitNewText(std::string_view text, SplitText* out) {
  thread_local Scratch scratch;
  // The lines, and, once a rule may apply, the same lines lower-cased (views into one
  // lower-cased copy).
  std::vector<std::string_view>& lines = scratch.lines;
  std::vector<std::string_view>& lower_lines = scratch.lower_lines;
  lines.clear();
  lower_lines.clear();
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    lines.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  auto lower_ready = [&] {
    if (!lower_lines.empty()) return;
    LowerInto(text, &scratch.lowered);
    for (std::string_view l : lines) {
      lower_lines.push_back(std::string_view(scratch.lowered).substr(l.data() - text.data(), l.size()));
    }
  };
  // Where the carried-along part starts, and where a signature starts within the kept part.
  size_t cut = lines.size();
  std::vector<bool>& dropped = scratch.dropped;
  dropped.assign(lines.size(), false);
  std::vector<bool>& fenced = scratch.fenced;
  MarkFencedLines(lines, &fenced);
  bool cut_is_signature = false;
  for (size_t i = 0; i < lines.size() && cut == lines.size(); ++i) {
    if (fenced[i]) continue;  // code: no rule applies
    std::string_view line = Trim(lines[i]);
    if (!MayStartRule(line, i + 1 < lines.size() ? Trim(lines[i + 1]) : std::string_view())) continue;
    lower_ready();
    std::string_view lower = Trim(lower_lines[i]);
    std::string_view next = i + 1 < lines.size() ? Trim(lower_lines[i + 1]) : std::string_view();
    if (lines[i] == "-- " || lines[i] == "--" || line == "-- ") {
      cut = i;
      cut_is_signature = true;
    } else if (!line.empty() && line[0] != '>' &&
               (IsAttribution(lower) || IsSplitAttribution(lower, next) ||
                IsQuoteIntro(lines, i))) {
      // Followed by a '>' quote: drop the attribution and read on (a bottom-posted or
      // interleaved reply follows the quote). Followed by anything else: the quote is unmarked.
      size_t last = IsAttribution(lower) ? i : i + 1;
      size_t k = last + 1;
      while (k < lines.size() && Trim(lines[k]).empty()) ++k;
      if (k < lines.size() && Trim(lines[k])[0] == '>') {
        for (size_t d = i; d <= last; ++d) dropped[d] = true;
        i = last;
      } else {
        cut = i;
      }
    } else if (StartsWith(lower, "---") &&
               lower.find("original message") != std::string_view::npos) {
      cut = i;
    } else if (StartsWith(lower, "---------- forwarded message") ||
               StartsWith(lower, "-------- forwarded message") ||
               StartsWith(lower, "begin forwarded message")) {
      cut = i;
    } else if (StartsWith(lower, "from:") && i > 0) {
      for (size_t k = i + 1; k < std::min(lines.size(), i + 5); ++k) {
        std::string_view l = Trim(lower_lines[k]);
        if (StartsWith(l, "sent:") || StartsWith(l, "date:")) { cut = i; break; }
      }
    } else if ((IsRule(line, '_', 20) || IsRule(line, '-', 20) || IsRule(line, '=', 20)) &&
               i + 1 < lines.size()) {
      // A rule is followed by a quoted header block or a list footer.
      for (size_t k = i + 1; k < std::min(lines.size(), i + 4); ++k) {
        std::string_view l = Trim(lower_lines[k]);
        if (StartsWith(l, "from:") || l.find("mailing list") != std::string_view::npos ||
            l.find("unsubscribe") != std::string_view::npos ||
            l.find("listinfo") != std::string_view::npos) {
          cut = i;
          break;
        }
      }
    } else if (StartsWith(lower, "sent from my ") || StartsWith(lower, "get outlook for ") ||
               StartsWith(lower, "sent from mail for ")) {
      cut = i;
      cut_is_signature = true;
    }
  }
  // Kept lines: before the cut, not quoted.
  std::vector<size_t>& kept = scratch.kept;
  kept.clear();
  for (size_t i = 0; i < cut; ++i) {
    std::string_view t = Trim(lines[i]);
    if (dropped[i] || (!fenced[i] && !t.empty() && t[0] == '>')) continue;
    kept.push_back(i);
  }
  while (!kept.empty() && Trim(lines[kept.back()]).empty()) kept.pop_back();
  // A closing followed by at most six short lines starts the signature, unless nothing
  // comes before it ("Thanks!" alone is what the message says).
  size_t signature_at = std::string_view::npos;  // index into kept
  for (size_t i = kept.size(); i-- > 0;) {
    if (kept.size() - i > 7) break;
    std::string_view t = Trim(lines[kept[i]]);
    if (t.size() > 60) break;
    if (IsSignOff(t)) {
      bool first = true;
      for (size_t k = 0; k < i && first; ++k) first = Trim(lines[kept[k]]).empty();
      if (!first) signature_at = i;
      break;
    }
  }
  out->new_text.clear();
  out->signature.clear();
  size_t end = signature_at == std::string_view::npos ? kept.size() : signature_at;
  size_t first = 0;
  while (first < end && Trim(lines[kept[first]]).empty()) ++first;
  for (size_t i = first; i < end; ++i) {
    out->new_text.append(lines[kept[i]]);
    out->new_text.push_back('\n');
  }
  while (!out->new_text.empty() && (out->new_text.back() == '\n' || out->new_text.back() == ' ')) {
    out->new_text.pop_back();
  }
  // The signature: the sign-off block, or what follows a "-- " delimiter (a few lines).
  auto add_signature_line = [out](std::string_view l) {
    out->signature.append(Trim(l));
    out->signature.push_back('\n');
  };
  if (signature_at != std::string_view::npos) {
    for (size_t i = signature_at; i < kept.size(); ++i) add_signature_line(lines[kept[i]]);
  }
  if (cut_is_signature) {
    for (size_t i = cut + 1; i < std::min(lines.size(), cut + 9); ++i) add_signature_line(lines[i]);
  }
}

std::string WithoutCode(std::string_view text) {
  std::string out;
  WithoutCode(text, &out);
  return out;
}

void WithoutCode(std::string_view text, std::string* out) {
  out->clear();
  bool code = text.find("```") != std::string_view::npos ||
              text.find("~~~") != std::string_view::npos || StartsWith(text, "\t") ||
              StartsWith(text, "    ") || text.find("\n\t") != std::string_view::npos ||
              text.find("\n    ") != std::string_view::npos;
  if (!code) {  // no fence, no indented line
    out->assign(text);
  } else {
    bool in_fence = false, after_blank = false, in_indented = false;
    size_t pos = 0;
    while (pos <= text.size()) {
      size_t end = text.find('\n', pos);
      if (end == std::string_view::npos) end = text.size();
      std::string_view line = text.substr(pos, end - pos);
      pos = end + 1;
      std::string_view t = Trim(line);
      if (in_fence || IsFence(t)) {
        if (IsFence(t)) in_fence = !in_fence;
        continue;
      }
      bool indented = !t.empty() && (StartsWith(line, "\t") || StartsWith(line, "    "));
      if (indented && (after_blank || in_indented)) {
        in_indented = true;
        continue;
      }
      in_indented = false;
      after_blank = t.empty();
      out->append(line);
      out->push_back('\n');
    }
  }
  while (!out->empty() && (out->back() == '\n' || out->back() == '\r')) out->pop_back();
}

}  // namespace nanni
