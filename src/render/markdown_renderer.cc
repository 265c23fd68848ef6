// The case file and the briefing as Markdown: pipe tables, every cell escaped so that no
// customer text can open a link, an image, HTML, code or a new table cell; control and bidi
// characters are shown as escapes; quotes are cut at RenderOptions::quote_bytes.
#include <fmt/format.h>

#include "render/renderers.h"
#include "render/report_doc.h"
#include "util/printable.h"

namespace nanni {

namespace {

// Inert Markdown: one line, every Markdown or HTML metacharacter escaped.
std::string Md(const std::string& text, size_t max_bytes) {
  std::string flat = text;
  for (char& c : flat) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  std::string safe = Printable(flat, max_bytes);
  std::string out;
  for (char c : safe) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '|': out += "\\|"; break;
      case '\\': case '`': case '*': case '_': case '[': case ']': case '(': case ')':
      case '#': case '!': case '~': case '{': case '}': case '+': case '-': case '.':
      case ':': case '"': case '\'': case '=': case '$': case '^':
        out += '\\';
        out += c;
        break;
      default: out += c;
    }
  }
  return out;
}

std::string DrawTable(const DocTable& t, const RenderOptions& o) {
  std::string out = "|";
  for (const std::string& h : t.header) out += " " + Md(h, 4096) + " |";
  out += "\n|";
  for (size_t i = 0; i < t.header.size(); ++i) out += " --- |";
  out += "\n";
  for (const auto& row : t.rows) {
    out += "|";
    for (const DocCell& c : row) {
      if (c.quote) out += c.text.empty() ? " |" : " “" + Md(c.text, o.quote_bytes) + "” |";
      else out += " " + Md(c.text, 4096) + " |";
    }
    out += "\n";
  }
  return out + "\n";
}

std::string Draw(const ReportDoc& d, const RenderOptions& o) {
  std::string out = "# " + Md(d.title, 4096) + "\n\n";
  for (const std::string& l : d.lines) out += Md(l, 4096) + "\n\n";
  for (const DocSection& s : d.sections) {
    out += "## " + Md(s.title, 4096) + "\n\n";
    for (const std::string& l : s.lines) out += Md(l, 4096) + "\n\n";
    if (s.tables.empty()) out += Md(s.empty, 4096) + "\n\n";
    for (const DocTable& t : s.tables) out += DrawTable(t, o);
  }
  return out;
}

}  // namespace

std::string CaseMarkdown(const CaseFile& cf, const RenderOptions& o) { return Draw(LayoutCase(cf), o); }
std::string BriefingMarkdown(const Briefing& b, const RenderOptions& o) {
  return Draw(LayoutBriefing(b), o);
}

}  // namespace nanni
