// The case file and the briefing for the terminal: one line per row, columns aligned, customer
// text neutralised (no control or bidirectional characters reach the terminal) and cut at
// RenderOptions::quote_bytes. ANSI colours only when RenderOptions::color is set.
#include <fmt/format.h>

#include <algorithm>

#include "render/renderers.h"
#include "render/report_doc.h"
#include "util/printable.h"

namespace nanni {

namespace {

constexpr size_t kMaxColumn = 44;

// Text safe for a terminal: line breaks become spaces, control and bidi characters escapes.
std::string Inert(const std::string& text, size_t max_bytes) {
  std::string flat = text;
  for (char& c : flat) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return Printable(flat, max_bytes);
}

// Display width, counting UTF-8 sequences as one column each.
size_t Width(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xc0) != 0x80;
  return n;
}

const char* ToneColour(const std::string& tone) {
  if (tone == "open") return "\x1b[33m";
  if (tone == "broken") return "\x1b[31m";
  if (tone == "kept") return "\x1b[32m";
  return "";
}

std::string DrawTable(const DocTable& t, const RenderOptions& o) {
  size_t cols = t.header.size();
  std::vector<std::vector<std::string>> cells;
  std::vector<size_t> width(cols, 0);
  for (size_t i = 0; i < cols; ++i) width[i] = std::min(kMaxColumn, Width(Inert(t.header[i], 4096)));
  for (const auto& row : t.rows) {
    std::vector<std::string> r;
    for (size_t i = 0; i < row.size(); ++i) {
      std::string s = row[i].quote ? "\"" + Inert(row[i].text, o.quote_bytes) + "\""
                                   : Inert(row[i].text, 4096);
      if (row[i].quote && row[i].text.empty()) s = "";
      if (i + 1 < cols) width[i] = std::min(kMaxColumn, std::max(width[i], Width(s)));
      r.push_back(std::move(s));
    }
    cells.push_back(std::move(r));
  }
  std::string out;
  std::string head;
  for (size_t i = 0; i < cols; ++i) {
    std::string h = Inert(t.header[i], 4096);
    head += h + std::string(i + 1 < cols && width[i] > Width(h) ? width[i] - Width(h) : 0, ' ') +
            (i + 1 < cols ? "  " : "");
  }
  out += "  " + (o.color ? "\x1b[2m" + head + "\x1b[0m" : head) + "\n";
  for (size_t r = 0; r < cells.size(); ++r) {
    std::string line;
    for (size_t i = 0; i < cells[r].size(); ++i) {
      const std::string& s = cells[r][i];
      std::string pad(i + 1 < cols && width[i] > Width(s) ? width[i] - Width(s) : 0, ' ');
      const char* colour = o.color ? ToneColour(t.rows[r][i].tone) : "";
      line += *colour ? std::string(colour) + s + "\x1b[0m" : s;
      if (i + 1 < cells[r].size()) line += pad + "  ";
    }
    out += "  " + line + "\n";
  }
  return out;
}

std::string Draw(const ReportDoc& d, const RenderOptions& o) {
  std::string out;
  std::string title = Inert(d.title, 4096);
  out += (o.color ? "\x1b[1m" + title + "\x1b[0m" : title) + "\n";
  for (const std::string& l : d.lines) out += Inert(l, 4096) + "\n";
  for (const DocSection& s : d.sections) {
    std::string h = "== " + s.title + " ==";
    out += "\n" + (o.color ? "\x1b[1m" + h + "\x1b[0m" : h) + "\n";
    for (const std::string& l : s.lines) out += "  " + Inert(l, 4096) + "\n";
    if (s.tables.empty()) out += "  " + s.empty + "\n";
    for (const DocTable& t : s.tables) out += DrawTable(t, o);
  }
  return out;
}

}  // namespace

std::string CaseText(const CaseFile& cf, const RenderOptions& o) { return Draw(LayoutCase(cf), o); }
std::string BriefingText(const Briefing& b, const RenderOptions& o) { return Draw(LayoutBriefing(b), o); }

}  // namespace nanni
