// Triage as one self-contained HTML page: inline CSS, the Pareto chart as inline SVG, no
// script, no external resource (a Content-Security-Policy forbids them). Every string that is
// not the renderer's own markup goes through HtmlEscape and sits in <bdi>.
#include <fmt/format.h>

#include "render/html_escape.h"
#include "render/triage_render.h"
#include "render/wording.h"

namespace nanni {

namespace {

std::string E(const std::string& text) { return HtmlIsolated(text); }

constexpr std::string_view kCss = ".move{margin:2pt 0 2pt 10pt}";

// The Pareto chart: accounts by revenue, largest first, on x; the cumulative share of revenue
// and of cost to serve on y; the top_pct line marked.
std::string ParetoSvg(const Economics& e) {
  constexpr int kW = 560, kH = 260, kL = 44, kB = 30, kT = 10, kR = 18;
  auto x = [&](double pct) { return kL + pct / 100.0 * (kW - kL - kR); };
  auto y = [&](double pct) { return kT + (100.0 - pct) / 100.0 * (kH - kT - kB); };
  std::string revenue = fmt::format("{:.1f},{:.1f}", x(0), y(0)), cost = revenue;
  for (const ParetoPoint& p : e.curve) {
    revenue += fmt::format(" {:.1f},{:.1f}", x(p.accounts_pct), y(p.revenue_pct));
    cost += fmt::format(" {:.1f},{:.1f}", x(p.accounts_pct), y(p.cost_pct));
  }
  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"Pareto chart\">\n",
      kW, kH);
  for (int pct = 0; pct <= 100; pct += 25) {
    svg += fmt::format("<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#ddd\"/>", x(0), y(pct),
                       x(100), y(pct));
    svg += fmt::format("<text x=\"{}\" y=\"{:.1f}\" font-size=\"9\" text-anchor=\"end\">{}%</text>", kL - 4,
                       y(pct) + 3, pct);
    svg += fmt::format("<text x=\"{:.1f}\" y=\"{}\" font-size=\"9\" text-anchor=\"middle\">{}%</text>\n", x(pct),
                       kH - kB + 12, pct);
  }
  svg += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"#888\" "
                     "stroke-dasharray=\"4 3\"/>\n", x(e.top_pct), y(0), y(100));
  svg += "<polyline fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"2\" points=\"" + revenue + "\"/>\n";
  svg += "<polyline fill=\"none\" stroke=\"#b5452b\" stroke-width=\"2\" points=\"" + cost + "\"/>\n";
  svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"9\" text-anchor=\"middle\">accounts by revenue, "
                     "largest first</text>\n</svg>\n", (kL + kW) / 2, kH - 2);
  return svg;
}

std::string Summary(const Triage& t) {
  const Economics& e = t.economics;
  std::string out = "<h2>Where the money and the effort go</h2>\n" + ParetoSvg(e);
  out += fmt::format("<p><span style=\"color:#1f5fa8\">&#9632;</span> share of revenue &nbsp; "
                     "<span style=\"color:#b5452b\">&#9632;</span> share of cost to serve</p>\n"
                     "<p>The top {:.1f}% of accounts bring {:.1f}% of the revenue; the bottom {:.1f}% take {:.1f}% "
                     "of the cost to serve. {} of {} accounts cost more to serve than they bring (last {} days; "
                     "money in {}).</p>\n",
                     e.top_pct, e.top_revenue_pct, e.bottom_pct, e.bottom_cost_pct, e.negative_margin_accounts,
                     e.revenue_accounts, e.window_days, HtmlEscape(t.currency));
  return out;
}

std::string SignalHtml(const Signal& s) {
  std::string out = fmt::format("<tr><td>{}</td><td class=\"num\">{:.2f}</td><td>{}", E(s.signal), s.score, E(s.reason));
  for (const Evidence& ev : s.evidence) {
    out += fmt::format("<div class=\"ev\">{} &middot; {} &middot; {} &middot; {}</div>", E(WhenText(ev.time)),
                       E(ev.kind), E(ev.note), E(ev.id));
  }
  if (!s.story.empty()) out += "<p><em>Draft reference story:</em> " + E(s.story) + "</p>";
  return out + "</td></tr>\n";
}

std::string AccountHtml(const AccountTriage& a, const std::string& currency) {
  std::string out = fmt::format("<section><h3>{}. {} <small>(urgency {:.1f}; margin {})</small></h3>\n", a.rank,
                                E(a.account), a.urgency,
                                a.economics.unpriced.empty() ? E(MoneyText(a.economics.margin_minor, currency)) : "not priced");
  out += "<table><tr><th>signal</th><th class=\"num\">score</th><th>reason and evidence</th></tr>\n";
  for (const Signal& s : a.signals) out += SignalHtml(s);
  out += "</table>\n";
  for (const Move& m : a.moves) {
    out += fmt::format("<p class=\"move\"><strong>{}</strong> ({}): {}</p>\n", E(m.title), E(m.principle), E(m.text));
  }
  return out + "</section>\n";
}

}  // namespace

std::string TriageHtml(const Triage& t) {
  std::string out = HtmlPageHead("Triage", kCss);
  out += fmt::format("<h1>Triage</h1>\n<p>As of {}. Accounts that need something now, most urgent first; each "
                     "signal with the events behind it.</p>\n", E(FormatRfc3339(t.as_of)));
  out += Summary(t) + "<h2>Accounts</h2>\n";
  for (const AccountTriage& a : t.accounts) {
    if (!a.signals.empty()) out += AccountHtml(a, t.currency);
  }
  return out + "</body></html>\n";
}

}  // namespace nanni
