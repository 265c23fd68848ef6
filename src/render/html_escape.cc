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

}  // namespace nanni
