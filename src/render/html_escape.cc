#include "render/html_escape.h"

#include "util/printable.h"

namespace nanni {

std::string HtmlEscape(const std::string& text) {
  std::string safe = Printable(text, text.size() + 1);
  std::string out;
  out.reserve(safe.size() + 16);
  for (char c : safe) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string HtmlIsolated(const std::string& text) { return "<bdi>" + HtmlEscape(text) + "</bdi>"; }

std::string HtmlPageHead(const std::string& title, std::string_view css) {
  std::string head = R"(<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>)";
  head += HtmlEscape(title);
  head += R"(</title><style>
body{font-family:"DejaVu Sans",Arial,Helvetica,sans-serif;font-size:10pt;line-height:1.35;color:#1a1a1a;margin:0 auto;max-width:200mm;padding:8mm 6mm}
h1{font-size:16pt;margin:0 0 4pt}h2{font-size:12.5pt;margin:14pt 0 4pt;border-bottom:1px solid #999}
h3{font-size:11pt;margin:10pt 0 2pt}table{border-collapse:collapse;width:100%;margin:4pt 0}
td,th{border-bottom:1px solid #ddd;padding:2pt 4pt;text-align:left;vertical-align:top}
.num{text-align:right;white-space:nowrap}.ev{color:#333;font-size:9pt}.note{color:#444;font-size:9pt}
section{break-inside:avoid;page-break-inside:avoid}svg{max-width:100%;height:auto}
)";
  head += css;
  head += "\n</style></head><body>\n";
  return head;
}

}  // namespace nanni
