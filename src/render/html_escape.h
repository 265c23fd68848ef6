// Escaping untrusted text for HTML: every page nanni writes puts customer text through this.
#pragma once

#include <string>

namespace nanni {

// `text` made printable (util/printable.h: control and bidi characters as escapes) and with
// & < > " ' escaped, so that it is safe in element content and in quoted attributes alike.
std::string HtmlEscape(const std::string& text);

}  // namespace nanni
