// The sludge audit as one self-contained HTML page: inline CSS, four inline SVG charts, no
// script, no external resource (a Content-Security-Policy forbids them). Every string that is
// not the renderer's own markup goes through HtmlEscape; in running text it sits in <bdi>.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "render/html_escape.h"
#include "render/sludge_render.h"
#include "render/wording.h"
#include "util/printable.h"

namespace nanni {

namespace {

std::string E(const std::string& text) { return HtmlIsolated(text); }

constexpr std::string_view kCss = R"(svg{display:block;margin:4pt 0}
svg text{font-size:9px;fill:#1a1a1a}svg .grid{stroke:#e2e2e2}svg .axis{stroke:#666}
svg .bar{fill:#1f5fa8}svg .hazard{fill:#d6e0ec}svg .line{fill:none;stroke-width:2}
svg .service-level{stroke:#b5452b}svg .point{fill:#b5452b}svg .survival{stroke:#1f5fa8}
svg .median,svg .threshold{stroke:#b5452b;stroke-dasharray:4 3;stroke-width:1.5}svg .threshold-label{fill:#b5452b}
svg .empty{font-size:12px;fill:#555}
@media print{body{max-width:none;padding:0}h2{break-after:avoid;page-break-after:avoid}})";

// ---- chart geometry ----

// An axis from 0 to `max`, a round number (1, 2 or 5 times a power of ten), in `ticks` steps.
struct Scale {
  double max = 1;
  int ticks = 5;
};

Scale NiceScale(double top) {
  if (!(top > 0)) return {};
  double power = std::pow(10.0, std::floor(std::log10(top)));
  for (int m : {1, 2, 5, 10}) {
    if (m * power >= top * (1 - 1e-9)) return {m * power, m == 2 ? 4 : 5};
  }
  return {10 * power, 5};
}

// The drawing area inside the margins of a w x h chart.
struct Frame {
  double w, h, l, r, t, b;
  double X(double v, double max) const { return l + (max > 0 ? v / max : 0) * (w - l - r); }
  double Y(double v, double max) const { return h - b - (max > 0 ? v / max : 0) * (h - t - b); }
  double Bottom() const { return h - b; }
};

std::string SvgOpen(const char* name, const Frame& f, const std::string& title) {
  return fmt::format("<svg class=\"chart {}\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {:.0f} {:.0f}\" "
                     "role=\"img\"><title>{}</title>\n", name, f.w, f.h, HtmlEscape(title));
}

// A chart with nothing to draw: its title and the reason, no empty axes.
std::string EmptySvg(const char* name, const std::string& title, const std::string& message) {
  Frame f{560, 60, 0, 0, 0, 0};
  return SvgOpen(name, f, title) + fmt::format("<text class=\"empty\" x=\"280\" y=\"34\" text-anchor=\"middle\">{}"
                                               "</text>\n</svg>\n", HtmlEscape(message));
}

std::string Text(double x, double y, const char* anchor, const std::string& text, const char* cls = "") {
  return fmt::format("<text class=\"{}\" x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"{}\">{}</text>", cls, x, y, anchor,
                     HtmlEscape(text));
}

// An axis title turned to run up the side of the chart.
std::string SideTitle(double x, double y, const std::string& text) {
  return fmt::format("<text class=\"axis-label\" transform=\"translate({:.1f},{:.1f}) rotate(-90)\" "
                     "text-anchor=\"middle\">{}</text>", x, y, HtmlEscape(text));
}

std::string Rect(double x, double y, double w, double h, const char* cls, const std::string& tip) {
  return fmt::format("<rect class=\"{}\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\"><title>{}"
                     "</title></rect>", cls, x, y, std::max(w, 0.0), std::max(h, 0.0), HtmlEscape(tip));
}

// Grid lines and labels of the left axis; `label` writes a tick's value.
template <typename F>
std::string LeftAxis(const Frame& f, Scale s, const std::string& title, F label) {
  std::string out;
  for (int i = 0; i <= s.ticks; ++i) {
    double v = s.max * i / s.ticks, y = f.Y(v, s.max);
    out += fmt::format("<line class=\"grid\" x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\"/>", f.l, y,
                       f.w - f.r, y);
    out += Text(f.l - 4, y + 3, "end", label(v));
  }
  return out + SideTitle(12, (f.t + f.Bottom()) / 2, title) + "\n";
}

std::string RightPercentAxis(const Frame& f, const std::string& title) {
  std::string out;
  for (int pct = 0; pct <= 100; pct += 25) {
    out += Text(f.w - f.r + 4, f.Y(pct, 100) + 3, "start", fmt::format("{}%", pct));
  }
  return out + SideTitle(f.w - 8, (f.t + f.Bottom()) / 2, title) + "\n";
}

// Tick labels along the bottom for a scale of values, and the axis title under them.
template <typename F>
std::string BottomAxis(const Frame& f, Scale s, const std::string& title, F label) {
  std::string out = fmt::format("<line class=\"axis\" x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\"/>", f.l,
                                f.Bottom(), f.w - f.r, f.Bottom());
  for (int i = 0; i <= s.ticks; ++i) {
    double v = s.max * i / s.ticks;
    out += Text(f.X(v, s.max), f.Bottom() + 12, "middle", label(v));
  }
  return out + Text((f.l + f.w - f.r) / 2, f.h - 6, "middle", title, "axis-label") + "\n";
}

std::string Number(double v) { return fmt::format("{:g}", v); }

std::string NoCalls(const Sludge& s, const std::string& what) {
  return s.calls.calls == 0 ? "no calls in the record" : "no " + what + " in the record";
}

// ---- (a) waits and service level by hour of day ----

std::string HourBars(const Frame& f, const std::array<const CallStats*, 24>& by_hour, Scale wait) {
  std::string out;
  double slot = (f.w - f.l - f.r) / 24;
  for (int h = 0; h < 24; ++h) {
    const CallStats* c = by_hour[h];
    if (!c || !c->median_wait_s) continue;
    double y = f.Y(static_cast<double>(*c->median_wait_s), wait.max);
    out += Rect(f.l + h * slot + slot * 0.15, y, slot * 0.7, f.Bottom() - y, "bar wait",
                fmt::format("{:02}:00: median wait {}, {} served within 20 s, {} calls", h,
                            SecondsText(*c->median_wait_s), ShareText(c->service_level_20), CountText(c->calls)));
  }
  return out + "\n";
}

// The service level as a line over the hours that have one, broken where an hour has none.
std::string ServiceLevelLine(const Frame& f, const std::array<const CallStats*, 24>& by_hour) {
  std::string d, points;
  double slot = (f.w - f.l - f.r) / 24;
  bool open = false;
  for (int h = 0; h < 24; ++h) {
    const CallStats* c = by_hour[h];
    if (!c || !c->service_level_20) {
      open = false;
      continue;
    }
    double x = f.l + (h + 0.5) * slot, y = f.Y(*c->service_level_20 * 100, 100);
    d += fmt::format("{}{:.1f},{:.1f} ", open ? "L" : "M", x, y);
    points += fmt::format("<circle class=\"point service-level\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"2.5\"/>", x, y);
    open = true;
  }
  if (d.empty()) return "";
  return "<path class=\"line service-level\" d=\"" + d + "\"/>\n" + points + "\n";
}

std::string HoursSvg(const Sludge& s) {
  const std::string title = "Median wait and service level (served within 20 s) by hour of day";
  std::array<const CallStats*, 24> by_hour{};
  uint64_t calls = 0;
  int64_t top = 0;
  for (const HourCalls& h : s.hours) {
    if (h.hour < 0 || h.hour > 23) continue;
    by_hour[h.hour] = &h.stats;
    calls += h.stats.calls;
    top = std::max(top, h.stats.median_wait_s.value_or(0));
  }
  if (calls == 0) return EmptySvg("hours", title, "no calls in the record");
  Frame f{560, 250, 52, 52, 14, 40};
  Scale wait = NiceScale(static_cast<double>(top));
  std::string out = SvgOpen("hours", f, title);
  out += LeftAxis(f, wait, "median wait of served calls (s)", Number);
  out += RightPercentAxis(f, "served within 20 s");
  out += HourBars(f, by_hour, wait) + ServiceLevelLine(f, by_hour);
  double slot = (f.w - f.l - f.r) / 24;
  for (int h = 0; h < 24; h += 2) out += Text(f.l + (h + 0.5) * slot, f.Bottom() + 12, "middle", std::to_string(h));
  out += Text((f.l + f.w - f.r) / 2, f.h - 6, "middle", "hour of day (local time of the call)", "axis-label");
  return out + "\n</svg>\n";
}

// ---- (b) the patience curve ----

std::string HazardBars(const Frame& f, const Patience& p, double x_max) {
  double top = 0;
  for (const HazardBin& h : p.hazard) top = std::max(top, h.per_minute);
  Scale rate = NiceScale(top);
  std::string out;
  for (const HazardBin& h : p.hazard) {
    double x0 = f.X(static_cast<double>(h.from_s), x_max), x1 = f.X(static_cast<double>(h.to_s), x_max);
    double y = f.Y(h.per_minute, rate.max);
    out += Rect(x0 + 0.5, y, x1 - x0 - 1, f.Bottom() - y, "hazard",
                fmt::format("{}-{} s: {} hung up, {:.3f} per minute waiting", h.from_s, h.to_s, CountText(h.hung_up),
                            h.per_minute));
  }
  for (int i = 0; i <= rate.ticks; ++i) {
    double v = rate.max * i / rate.ticks;
    out += Text(f.w - f.r + 4, f.Y(v, rate.max) + 3, "start", Number(v));
  }
  return out + SideTitle(f.w - 8, (f.t + f.Bottom()) / 2, "hang-ups per minute waiting (bars)") + "\n";
}

// S(t) as steps: flat until each wait with a hang-up, then down to the survival after it.
std::string SurvivalPath(const Frame& f, const Patience& p, double x_max) {
  std::string d = fmt::format("M{:.1f},{:.1f}", f.X(0, x_max), f.Y(1, 1));
  for (const PatiencePoint& pt : p.curve) {
    d += fmt::format(" H{:.1f} V{:.1f}", f.X(static_cast<double>(pt.wait_s), x_max), f.Y(pt.survival, 1));
  }
  return "<path class=\"line survival\" d=\"" + d + fmt::format(" H{:.1f}\"/>\n", f.X(x_max, x_max));
}

std::string MedianMark(const Frame& f, const Patience& p, double x_max) {
  if (!p.median_s) return "";
  double x = f.X(static_cast<double>(*p.median_s), x_max);
  return fmt::format("<line class=\"median\" x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\"/>", x, f.t,
                     f.Bottom()) +
         Text(x + 4, f.t + 10, "start", "median patience " + SecondsText(*p.median_s), "median-label") + "\n";
}

std::string PatienceSvg(const Sludge& s) {
  const std::string title = "Patience: the share of waiting callers still waiting after each wait (Kaplan-Meier)";
  const Patience& p = s.patience;
  if (p.calls == 0) return EmptySvg("patience", title, NoCalls(s, "waiting calls"));
  int64_t last = p.median_s.value_or(0);
  if (!p.curve.empty()) last = std::max(last, p.curve.back().wait_s);
  if (!p.hazard.empty()) last = std::max(last, p.hazard.back().to_s);
  Scale x = NiceScale(static_cast<double>(std::max<int64_t>(last, 60)));
  Frame f{560, 250, 52, 52, 14, 40};
  std::string out = SvgOpen("patience", f, title) + HazardBars(f, p, x.max);
  out += LeftAxis(f, Scale{1, 4}, "still waiting (line)", [](double v) { return fmt::format("{:.0f}%", v * 100); });
  out += SurvivalPath(f, p, x.max) + MedianMark(f, p, x.max);
  out += BottomAxis(f, x, "seconds waiting in the queue", Number);
  return out + "</svg>\n";
}

// ---- (c) the service-time histogram and the flagged thresholds ----

std::string ThresholdMarks(const Frame& f, const Sludge& s, double x_max) {
  std::string out;
  int n = 0;
  for (const CutShortFlag& flag : s.flagged) {
    if (flag.pattern != "handle_time_cut" || !flag.bunching) continue;
    int64_t t = flag.bunching->threshold_s;
    double x = f.X(static_cast<double>(t), x_max);
    std::string who = flag.queue.empty() ? flag.agent : "queue " + flag.queue;
    out += fmt::format("<line class=\"threshold\" x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\"/>", x,
                       f.t, f.Bottom());
    out += Text(x + 3, f.t + 10 + 12 * n++, "start", fmt::format("{}: {} s", Printable(who, 40), t),
                "threshold-label") + "\n";
  }
  return out;
}

std::string HandleSvg(const Sludge& s) {
  const std::string title = "Service times of served calls, with each flagged handle-time threshold marked";
  uint64_t top = 0, total = 0;
  for (uint64_t n : s.handle_histogram) {
    top = std::max(top, n);
    total += n;
  }
  if (total == 0 || s.histogram_bin_s <= 0) return EmptySvg("handle", title, NoCalls(s, "served calls"));
  double bin = static_cast<double>(s.histogram_bin_s);
  Scale x = NiceScale(bin * static_cast<double>(s.handle_histogram.size()));
  Scale y = NiceScale(static_cast<double>(top));
  Frame f{560, 250, 52, 18, 14, 40};
  std::string out = SvgOpen("handle", f, title) + LeftAxis(f, y, "served calls", Number);
  for (size_t i = 0; i < s.handle_histogram.size(); ++i) {
    double x0 = f.X(bin * i, x.max), x1 = f.X(bin * (i + 1), x.max), h = f.Y(s.handle_histogram[i], y.max);
    out += Rect(x0, h, std::max(x1 - x0 - 0.3, 0.5), f.Bottom() - h, "bar",
                fmt::format("{:.0f}-{:.0f} s: {} calls", bin * i, bin * (i + 1), CountText(s.handle_histogram[i])));
  }
  out += "\n" + ThresholdMarks(f, s, x.max);
  out += BottomAxis(f, x, fmt::format("service time (s), in {} s bins", s.histogram_bin_s), Number);
  return out + "</svg>\n";
}

// ---- (d) the journeys that cost customers most ----

// The unit the journeys' axis counts in: seconds, minutes, hours or days.
std::pair<double, const char*> TimeUnit(double seconds) {
  if (seconds >= 2 * 86400) return {86400, "days"};
  if (seconds >= 2 * 3600) return {3600, "hours"};
  if (seconds >= 120) return {60, "minutes"};
  return {1, "seconds"};
}

std::string JourneyName(const Journey& j) {
  // Short enough to fit the chart's left margin.
  return Printable(j.account, 16) + " / " + (j.customer.empty() ? "(unidentified)" : Printable(j.customer, 16));
}

std::string JourneysSvg(const Sludge& s) {
  const std::string title = "The journeys that cost customers most: time waiting plus time on repeat calls";
  if (s.journeys.empty()) return EmptySvg("journeys", title, NoCalls(s, "journeys"));
  size_t n = std::min<size_t>(s.journeys.size(), 20);
  int64_t top = 0;
  for (size_t i = 0; i < n; ++i) top = std::max(top, s.journeys[i].cost_s);
  auto [unit, unit_name] = TimeUnit(static_cast<double>(top));
  Scale x = NiceScale(std::max(1.0, static_cast<double>(top) / unit));
  Frame f{560, 14 + 18.0 * static_cast<double>(n) + 40, 190, 80, 14, 40};
  std::string out = SvgOpen("journeys", f, title);
  for (size_t i = 0; i < n; ++i) {
    const Journey& j = s.journeys[i];
    double y = f.t + 18.0 * static_cast<double>(i) + 3, w = f.X(static_cast<double>(j.cost_s) / unit, x.max) - f.l;
    out += Text(f.l - 6, y + 10, "end", JourneyName(j));
    out += Rect(f.l, y, w, 12, "bar journey",
                fmt::format("{}: {} contacts, {} repeat calls, {} abandoned, {} chased; cost {}", JourneyName(j),
                            CountText(j.contacts), CountText(j.repeat_calls), CountText(j.abandoned),
                            CountText(j.chased), DurationText(j.cost_s)));
    out += Text(f.l + w + 4, y + 10, "start", DurationText(j.cost_s)) + "\n";
  }
  out += BottomAxis(f, x, fmt::format("customers' time ({})", unit_name), Number);
  return out + "</svg>\n";
}

// ---- tables ----

std::string Cell(const std::string& escaped, bool num = false) {
  return (num ? "<td class=\"num\">" : "<td>") + escaped + "</td>";
}

std::string Header(std::initializer_list<const char*> names) {
  std::string out = "<tr>";
  for (const char* n : names) out += fmt::format("<th>{}</th>", n);
  return out + "</tr>\n";
}

std::string Headline(const Sludge& s) {
  const CallStats& c = s.calls;
  const Patience& p = s.patience;
  std::string out = fmt::format(
      "<h1>Sludge audit</h1>\n<p>As of {}. What the record shows of the friction customers meet: waits, hang-ups, "
      "calls cut short, repeat contacts, written requests and our promises, ranked by customers' time.</p>\n",
      E(FormatRfc3339(s.as_of)));
  if (c.calls == 0) return out + "<p>No calls in the record.</p>\n";
  return out + fmt::format(
      "<p><strong>{}</strong> calls: {} answered, {} abandoned ({} of those answered or abandoned), {} dropped, {} "
      "transferred. Service level {} within 20 s and {} within 60 s; average speed of answer {}; median wait {}, 90th "
      "percentile {}; customers' time in queues {}. Median patience {}.</p>\n",
      CountText(c.calls), CountText(c.answered), CountText(c.abandoned),
      ShareText(c.abandon_rate), CountText(c.dropped), CountText(c.transferred), ShareText(c.service_level_20),
      ShareText(c.service_level_60), SecondsText(c.asa_s), SecondsText(c.median_wait_s), SecondsText(c.p90_wait_s),
      DurationText(c.wait_s), p.median_s ? SecondsText(*p.median_s) : p.calls ? "not reached" : "-");
}

std::string FindingsHtml(const std::vector<SludgeFinding>& findings) {
  std::string out = "<h2>Findings, by customers' time</h2>\n";
  if (findings.empty()) return out + "<p>None.</p>\n";
  out += "<table class=\"findings\">" + Header({"#", "where", "who", "what the record shows", "customers' time",
                                                 "repeat contacts"});
  for (size_t i = 0; i < findings.size(); ++i) {
    const SludgeFinding& f = findings[i];
    out += "<tr>" + Cell(std::to_string(i + 1), true) + Cell(E(f.where)) + Cell(E(f.who)) + Cell(E(f.what)) +
           Cell(DurationText(f.cost_s), true) + Cell(CountText(f.repeat_contacts), true) + "</tr>\n";
  }
  return out + "</table>\n";
}

std::string FlagTableHtml(const std::vector<CutShortFlag>& flags) {
  std::string out = "<table class=\"flagged\">" + Header({"agent or queue", "pattern", "evidence", "calls of the pattern"});
  for (const CutShortFlag& f : flags) {
    std::string evidence = FlagEvidenceText(f);
    if (f.by_flagged_agents) {
      evidence += fmt::format("; the agents flagged for it served {} of these calls", ShareText(f.by_flagged_agents));
    }
    out += "<tr>" + Cell(E(f.queue.empty() ? f.agent : "queue " + f.queue)) + Cell(E(f.pattern)) +
           Cell("<span class=\"ev\">" + E(evidence) + "</span>") + Cell(CountText(f.suspect_calls), true) + "</tr>\n";
  }
  return out + "</table>\n";
}

std::string ScanTableHtml(const std::vector<ThresholdScan>& scans) {
  std::string out = "<table class=\"scanned\">" +
                    Header({"agent or queue", "threshold", "below: seen / expected", "above: seen / expected", "excess",
                            "z", "flagged"});
  for (const ThresholdScan& t : scans) {
    const BunchingEvidence& b = t.best;
    out += "<tr>" + Cell(E(t.queue.empty() ? t.agent : "queue " + t.queue)) +
           Cell(fmt::format("{} s", b.threshold_s), true) +
           Cell(fmt::format("{:.0f} / {:.0f}", b.observed_below, b.expected_below), true) +
           Cell(fmt::format("{:.0f} / {:.0f}", b.observed_above, b.expected_above), true) +
           Cell(fmt::format("{:+.0f}%", b.excess * 100), true) + Cell(fmt::format("{:.1f}", b.z), true) +
           Cell(t.flagged ? "yes" : "no") + "</tr>\n";
  }
  return out + "</table>\n";
}

std::string FlagsHtml(const Sludge& s) {
  std::string out = "<h2>Calls cut short</h2>\n";
  out += s.flagged.empty() ? "<p>No agent shows either pattern on strong evidence.</p>\n" : FlagTableHtml(s.flagged);
  if (!s.flagged_queues.empty()) {
    out += "<p class=\"note\">Queues as a whole (all their agents together):</p>\n" + FlagTableHtml(s.flagged_queues);
  }
  if (s.scanned.empty() && s.scanned_queues.empty()) return out;
  out += "<p class=\"note\">The strongest handle-time threshold found in each agent's and each queue's service "
         "times, flagged or not:</p>\n";
  std::vector<ThresholdScan> scans = s.scanned;
  scans.insert(scans.end(), s.scanned_queues.begin(), s.scanned_queues.end());
  return out + ScanTableHtml(scans);
}

std::string QueuesHtml(const std::vector<QueueCalls>& queues) {
  if (queues.empty()) return "<h2>Queues</h2>\n<p>None in the record.</p>\n";
  std::string out = "<h2>Queues</h2>\n<table class=\"queues\">" +
                    Header({"queue", "calls", "answered", "abandoned", "answered within 20 s", "ASA", "median wait",
                            "p90 wait", "repeat within 7 d", "time in queue"});
  for (const QueueCalls& q : queues) {
    const CallStats& c = q.stats;
    out += "<tr>" + Cell(q.queue.empty() ? "(none named)" : E(q.queue)) + Cell(CountText(c.calls), true) +
           Cell(CountText(c.answered), true) + Cell(CountText(c.abandoned), true) +
           Cell(ShareText(c.service_level_20), true) + Cell(SecondsText(c.asa_s), true) +
           Cell(SecondsText(c.median_wait_s), true) + Cell(SecondsText(c.p90_wait_s), true) +
           Cell(CountText(q.repeat_7d), true) + Cell(DurationText(c.wait_s), true) + "</tr>\n";
  }
  return out + "</table>\n";
}

std::string AgentsHtml(const std::vector<AgentCalls>& agents) {
  if (agents.empty()) return "<h2>Agents</h2>\n<p>None in the record.</p>\n";
  std::string out = "<h2>Agents</h2>\n<table class=\"agents\">" +
                    Header({"agent", "served", "dropped", "transferred", "p10", "p25", "median", "p75", "p90", "mean",
                            "short", "called back within 24 h"});
  for (const AgentCalls& a : agents) {
    out += "<tr>" + Cell(E(a.agent)) + Cell(CountText(a.served), true) + Cell(CountText(a.dropped), true) +
           Cell(CountText(a.transferred), true);
    for (int64_t q : {a.p10_s, a.p25_s, a.median_s, a.p75_s, a.p90_s}) out += Cell(fmt::format("{} s", q), true);
    out += Cell(fmt::format("{:.0f} s", a.mean_s), true) + Cell(CountText(a.short_calls), true) +
           Cell(ShareText(a.callbacks.share_24h), true) + "</tr>\n";
  }
  return out + "</table>\n";
}

std::string RepeatsHtml(const Repeats& r) { return "<h2>Repeat calls</h2>\n<p>" + E(RepeatsSentence(r)) + "</p>\n"; }

std::string WrittenHtml(const WrittenStats& w) {
  std::string out = "<h2>Written requests</h2>\n";
  if (w.requests == 0) return out + "<p>None in the record.</p>\n";
  auto row = [](const char* what, const std::string& value) { return "<tr><td>" + std::string(what) + "</td>" +
                                                                      Cell(value, true) + "</tr>\n"; };
  return out + "<table class=\"written\">" + row("requests", CountText(w.requests)) +
         row("handed off between two or more of our people", CountText(w.handed_off)) +
         row("our people per answered request", fmt::format("{:.1f}", w.handlers_mean)) +
         row("reopened after our answer", CountText(w.reopened)) +
         row("chased before our answer", CountText(w.chased)) +
         row("bounced back to an earlier handler", CountText(w.bounced)) +
         row("time waiting on us", DurationText(w.waiting_on_us_s)) +
         row("time waiting on them", DurationText(w.waiting_on_them_s)) +
         row("median first reply", w.first_reply_median_s ? DurationText(*w.first_reply_median_s) : "-") + "</table>\n";
}

std::string PromiseRows(const char* title, const std::vector<PromiseStats>& rows) {
  if (rows.empty()) return "";
  std::string out = fmt::format("<table class=\"promises\"><caption>{}</caption>", title) +
                    Header({"", "promised", "kept on time", "kept late", "broken", "overdue", "open", "missed",
                            "missed, warned before the date", "median time past the date"});
  for (const PromiseStats& p : rows) {
    out += "<tr>" + Cell(E(p.who));
    for (uint64_t n : {p.promised, p.kept_on_time, p.kept_late, p.broken, p.overdue, p.open, p.missed, p.missed_warned}) {
      out += Cell(CountText(n), true);
    }
    out += Cell(p.late_median_s ? DurationText(*p.late_median_s) : "-", true) + "</tr>\n";
  }
  return out + "</table>\n";
}

std::string MissedRows(const std::vector<PromiseCase>& cases) {
  constexpr size_t kShown = 200;
  if (cases.empty()) return "";
  std::string out = "<table class=\"missed\"><caption>Missed promises</caption>" +
                    Header({"account", "promiser", "due", "settled", "status", "warned", "id"});
  for (size_t i = 0; i < cases.size() && i < kShown; ++i) {
    const PromiseCase& c = cases[i];
    out += "<tr>" + Cell(E(c.account)) + Cell(E(c.promiser)) + Cell(E(WhenText(c.due))) +
           Cell(c.settled ? E(WhenText(*c.settled)) : "-") + Cell(E(c.status)) + Cell(c.warned ? "yes" : "no") +
           Cell(E(c.id)) + "</tr>\n";
  }
  out += "</table>\n";
  if (cases.size() > kShown) {
    out += fmt::format("<p class=\"note\">and {} more (the JSON lists them all).</p>\n", CountText(cases.size() - kShown));
  }
  return out;
}

std::string PromisesHtml(const Sludge& s) {
  const PromiseStats& p = s.promises;
  std::string out = "<h2>Our promises</h2>\n";
  if (p.promised == 0) return out + "<p>None in the record.</p>\n";
  out += fmt::format("<p>{} promised: {} kept on time, {} kept late, {} broken, {} overdue, {} open. Of the {} missed, "
                     "{} had an update from us before the date and {} did not.</p>\n", CountText(p.promised),
                     CountText(p.kept_on_time), CountText(p.kept_late), CountText(p.broken), CountText(p.overdue),
                     CountText(p.open), CountText(p.missed), CountText(p.missed_warned),
                     CountText(p.missed - std::min(p.missed, p.missed_warned)));
  return out + PromiseRows("By team (our people's level)", s.promises_by_team) +
         PromiseRows("By person", s.promises_by_person) + PromiseRows("By account", s.promises_by_account) +
         MissedRows(s.missed_promises);
}

std::string Charts(const Sludge& s) {
  return "<section><h2>Waits and service level by hour</h2>\n" + HoursSvg(s) +
         "<p class=\"note\">Bars: median wait of the served calls; line: the share served within 20 s (right "
         "axis), abandoned calls counted against it.</p></section>\n"
         "<section><h2>Patience</h2>\n" + PatienceSvg(s) +
         "<p class=\"note\">Line: the share of waiting callers still waiting after each wait, served calls "
         "censored at their wait; bars: hang-ups per minute of waiting (right axis).</p></section>\n"
         "<section><h2>Service times</h2>\n" + HandleSvg(s) + "</section>\n"
         "<section><h2>Journeys</h2>\n" + JourneysSvg(s) + "</section>\n";
}

}  // namespace

std::string SludgeHtml(const Sludge& s) {
  return HtmlPageHead("Sludge audit", kCss) + Headline(s) + Charts(s) + FindingsHtml(s.findings) + FlagsHtml(s) + QueuesHtml(s.queues) +
         AgentsHtml(s.agents) + RepeatsHtml(s.repeats) + WrittenHtml(s.written) + PromisesHtml(s) +
         "</body></html>\n";
}

}  // namespace nanni
