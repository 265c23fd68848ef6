// The case file and the briefing as one self-contained HTML page: inline CSS, the timeline as
// inline SVG, no script, no external resource (a Content-Security-Policy forbids them too),
// printable on A4 and Letter. Every string that is not the renderer's own markup is escaped
// (& < > " ' everywhere, attributes included) and wrapped in <bdi> so that bidirectional text
// cannot reorder what surrounds it; bidi and control characters are shown as escapes. No
// customer text is ever placed in a URL, a style or a script.
#include <fmt/format.h>

#include <algorithm>

#include "render/html_escape.h"
#include "render/renderers.h"
#include "render/report_doc.h"
#include "render/wording.h"
#include "util/printable.h"

namespace nanni {

namespace {

std::string Esc(const std::string& text) { return HtmlEscape(text); }

// Printable turns line breaks into "\x0a"; in HTML a quote keeps its lines.
std::string EscMultiline(const std::string& text) {
  std::string out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    std::string part = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    if (!part.empty() && part.back() == '\r') part.pop_back();
    out += Esc(part);
    if (nl == std::string::npos) break;
    out += "<br>";
    start = nl + 1;
  }
  return out;
}

constexpr const char* kStyle = R"CSS(
:root{color-scheme:light}
body{font-family:"DejaVu Sans",Arial,Helvetica,sans-serif;font-size:10pt;line-height:1.35;color:#1a1a1a;background:#fff;margin:0 auto;max-width:180mm;padding:8mm 6mm}
h1{font-size:16pt;margin:0 0 4pt}
h2{font-size:12.5pt;margin:14pt 0 4pt;border-bottom:1px solid #999;padding-bottom:2pt;break-after:avoid;page-break-after:avoid}
p{margin:2pt 0}
.meta{color:#333}
table{border-collapse:collapse;width:100%;margin:4pt 0 8pt;table-layout:auto}
th,td{border:1px solid #bbb;padding:2pt 3pt;vertical-align:top;text-align:left;overflow-wrap:break-word;font-size:8.5pt}
td.src{font-size:7.5pt;color:#333;overflow-wrap:anywhere}
th{background:#eee;font-weight:bold}
thead{display:table-header-group}
tr{break-inside:avoid;page-break-inside:avoid}
td.quote{font-style:italic;color:#222}
td.open{color:#8a4b00;font-weight:bold}
td.broken{color:#a40000;font-weight:bold}
td.kept{color:#0b5d1e}
section{margin:0}
figure{margin:6pt 0;break-inside:avoid;page-break-inside:avoid}
figcaption{font-size:8.5pt;color:#333}
svg{width:100%;height:auto;display:block}
.legend span{display:inline-block;margin-right:10pt;font-size:8.5pt}
.sw{display:inline-block;width:10pt;height:8pt;margin-right:3pt;vertical-align:middle}
@page{size:auto;margin:12mm 12mm 14mm 12mm}
@media print{body{max-width:none;padding:0;font-size:9pt}th,td{font-size:7.5pt}section.long{break-before:page;page-break-before:always}a{color:inherit;text-decoration:none}}
)CSS";

std::string Page(const std::string& title, const std::string& body) {
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
      "'unsafe-inline'; img-src data:\">\n<meta name=\"viewport\" content=\"width=device-width, "
      "initial-scale=1\">\n<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n{}</body>\n</html>\n",
      Esc(title), kStyle, body);
}

std::string DrawTable(const DocTable& t) {
  std::string out = "<table>\n<thead><tr>";
  for (const std::string& h : t.header) out += "<th>" + Esc(h) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& row : t.rows) {
    out += "<tr>";
    for (const DocCell& c : row) {
      std::string cls = c.quote ? "quote" : c.tone;
      out += cls.empty() ? "<td>" : "<td class=\"" + cls + "\">";
      if (c.quote && !c.text.empty()) out += "<bdi>“" + EscMultiline(c.text) + "”</bdi>";
      else out += "<bdi>" + Esc(c.text) + "</bdi>";
      out += "</td>";
    }
    out += "</tr>\n";
  }
  return out + "</tbody>\n</table>\n";
}

std::string DrawDoc(const ReportDoc& d, const std::string& figure) {
  std::string body = "<h1><bdi>" + Esc(d.title) + "</bdi></h1>\n";
  for (const std::string& l : d.lines) body += "<p class=\"meta\"><bdi>" + Esc(l) + "</bdi></p>\n";
  body += figure;
  for (const DocSection& s : d.sections) {
    body += fmt::format("<section id=\"{}\"{}>\n<h2>{}</h2>\n", Esc(s.id),
                        s.id == "chronology" ? " class=\"long\"" : "", Esc(s.title));
    for (const std::string& l : s.lines) body += "<p><bdi>" + Esc(l) + "</bdi></p>\n";
    if (s.tables.empty()) body += "<p>" + Esc(s.empty) + "</p>\n";
    for (const DocTable& t : s.tables) body += DrawTable(t);
    body += "</section>\n";
  }
  return body;
}

// ---- The timeline ----

constexpr double kWidth = 680, kLeft = 92, kRight = 8;
constexpr int kRequestRows = 10;

struct Axis {
  int64_t from, to;
  double X(int64_t t) const {
    double span = std::max<double>(1, static_cast<double>(to - from));
    double x = kLeft + (static_cast<double>(t - from) / span) * (kWidth - kLeft - kRight);
    return std::clamp(x, kLeft, kWidth - kRight);
  }
};

std::string Tip(const std::string& text) { return "<title>" + Esc(text) + "</title>"; }

std::string Timeline(const CaseFile& cf) {
  if (cf.chronology.empty()) return "";
  Axis ax{cf.chronology.front().time.utc_micros, cf.as_of.utc_micros};
  if (ax.to <= ax.from) ax.to = ax.from + 86'400'000'000;
  const double lane_h = 14;
  double y_req = 24, y_inc = y_req + kRequestRows * 3.2 + 10, y_com = y_inc + lane_h + 6,
         y_dl = y_com + lane_h + 6, y_esc = y_dl + lane_h + 6, height = y_esc + lane_h + 22;
  std::string s = fmt::format(
      "<svg viewBox=\"0 0 {} {:.0f}\" role=\"img\" "
      "aria-label=\"Timeline\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"9\">\n",
      kWidth, height);
  s += fmt::format("<rect x=\"0\" y=\"0\" width=\"{}\" height=\"{:.0f}\" fill=\"#fff\"/>\n", kWidth, height);
  auto label = [&](double y, const char* text) {
    s += fmt::format("<text x=\"4\" y=\"{:.1f}\" fill=\"#222\">{}</text>\n", y + 9, text);
  };
  label(y_req + 4, "Requests");
  label(y_inc, "Incidents");
  label(y_com, "Commitments");
  label(y_dl, "Deadlines");
  label(y_esc, "Escalations");
  // Axis with six date ticks.
  double y_axis = height - 14;
  s += fmt::format("<line x1=\"{}\" y1=\"{:.1f}\" x2=\"{}\" y2=\"{:.1f}\" stroke=\"#555\"/>\n", kLeft,
                   y_axis, kWidth - kRight, y_axis);
  for (int i = 0; i <= 5; ++i) {
    int64_t t = ax.from + (ax.to - ax.from) / 5 * i;
    double x = ax.X(t);
    s += fmt::format("<line x1=\"{0:.1f}\" y1=\"14\" x2=\"{0:.1f}\" y2=\"{1:.1f}\" stroke=\"#ddd\"/>"
                     "<text x=\"{0:.1f}\" y=\"{2:.1f}\" text-anchor=\"{3}\" fill=\"#222\">{4}</text>\n",
                     x, y_axis, y_axis + 11, i == 0 ? "start" : i == 5 ? "end" : "middle",
                     FormatUtc(t).substr(0, 10));
  }
  // Requests: a bar from the request to its first answer (blue) or to the report time (open).
  int row = 0;
  for (const RequestItem& r : cf.requests) {
    int64_t end = r.answered ? r.response_time->utc_micros : ax.to;
    double x1 = ax.X(r.time.utc_micros), x2 = std::max(ax.X(end), x1 + 1.2);
    double y = y_req + (row++ % kRequestRows) * 3.2;
    s += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"2.4\" fill=\"{}\">{}</rect>\n",
                     x1, y, x2 - x1, r.answered ? "#2b6cb0" : "#c05621",
                     Tip(WhenText(r.time) + (r.answered ? " answered " + WhenText(r.response_time) : " open") +
                         " " + CiteText(r.cite)));
  }
  for (const IncidentItem& i : cf.incidents) {
    if (!i.start) continue;
    double x1 = ax.X(i.start->utc_micros), x2 = std::max(ax.X(i.end ? i.end->utc_micros : ax.to), x1 + 2);
    s += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{}\" fill=\"#b83280\" "
                     "fill-opacity=\"0.75\">{}</rect>\n", x1, y_inc, x2 - x1, lane_h - 4,
                     Tip(i.incident + " " + DurationText(i.downtime_s)));
  }
  auto markers = [&](const std::vector<PromiseItem>& items, double y) {
    for (const PromiseItem& p : items) {
      double x = ax.X(p.due.utc_micros), cy = y + 5;
      std::string tip = Tip("due " + WhenText(p.due) + " " + p.status + " " + CiteText(p.cite));
      if (p.status == "kept" && p.late_s == 0) {
        s += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3.6\" fill=\"#2f855a\">{}</circle>\n", x, cy, tip);
      } else if (p.status == "broken" || p.past_due || p.late_s > 0) {
        s += fmt::format("<path d=\"M{0:.1f} {1:.1f} l7 7 m0 -7 l-7 7\" stroke=\"#c53030\" stroke-width=\"2\">{2}</path>\n",
                         x - 3.5, cy - 3.5, tip);
      } else {
        s += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3.4\" fill=\"#fff\" stroke=\"#4a5568\" "
                         "stroke-width=\"1.4\">{}</circle>\n", x, cy, tip);
      }
    }
  };
  markers(cf.commitments, y_com);
  markers(cf.deadlines, y_dl);
  for (const EscalationItem& e : cf.escalations) {
    double x = ax.X(e.time.utc_micros);
    s += fmt::format("<path d=\"M{:.1f} {:.1f} l4 8 l-8 0 z\" fill=\"#6b46c1\">{}</path>\n", x, y_esc + 1,
                     Tip(WhenText(e.time) + " " + CiteText(e.cite)));
  }
  s += "</svg>\n";
  std::string legend =
      "<p class=\"legend\"><span><i class=\"sw\" style=\"background:#2b6cb0\"></i>request to first "
      "answer</span><span><i class=\"sw\" style=\"background:#c05621\"></i>open request, to the report "
      "time</span><span><i class=\"sw\" style=\"background:#b83280\"></i>incident</span><span>"
      "<i class=\"sw\" style=\"background:#2f855a\"></i>kept on time</span><span><i class=\"sw\" "
      "style=\"background:#c53030\"></i>broken, late or past due</span><span><i class=\"sw\" "
      "style=\"background:#fff;border:1px solid #4a5568\"></i>open</span><span><i class=\"sw\" "
      "style=\"background:#6b46c1\"></i>escalation</span></p>\n";
  return "<figure>\n" + s + "<figcaption>Timeline from the first event to the report time (UTC "
         "dates).</figcaption>\n" + legend + "</figure>\n";
}

}  // namespace

std::string CaseHtml(const CaseFile& cf) {
  ReportDoc d = LayoutCase(cf);
  return Page(d.title, DrawDoc(d, Timeline(cf)));
}

std::string BriefingHtml(const Briefing& b) {
  ReportDoc d = LayoutBriefing(b);
  return Page(d.title, DrawDoc(d, ""));
}

}  // namespace nanni
