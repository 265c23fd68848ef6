// Escaping untrusted text for HTML: every page nanni writes puts customer text through this.
#pragma once

#include <string>
#include <string_view>

namespace nanni {

// `text` made printable (util/printable.h: control and bidi characters as escapes) and with
// & < > " ' escaped, so that it is safe in element content and in quoted attributes alike.
std::string HtmlEscape(const std::string& text);

// HtmlEscape(text) in a <bdi>, so that a right-to-left name cannot reorder what follows it.
std::string HtmlIsolated(const std::string& text);

// The start of a self-contained report page, up to and including <body>: the doctype, a
// Content-Security-Policy that allows no script and no fetch, the title (escaped), and the
// style every report page shares (print-friendly A4 layout, tables, .num, .ev, .note) followed
// by `css`, the page's own.
std::string HtmlPageHead(const std::string& title, std::string_view css);

}  // namespace nanni
