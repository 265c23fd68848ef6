#include "import/mail/mime_params.h"

#include <glib.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "util/printable.h"
#include "util/utf8.h"

namespace nanni {

namespace {

constexpr size_t kMaxName = 512;

bool EqualsCi(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

std::string_view TrimBlanks(std::string_view s) {
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  return s;
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string PercentDecoded(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    int hi = s[i] == '%' && i + 2 < s.size() ? HexDigit(s[i + 1]) : -1;
    int lo = hi >= 0 ? HexDigit(s[i + 2]) : -1;
    if (lo >= 0) {
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

// A parameter value as written: a quoted string unquoted, else the token.
std::string Unquoted(std::string_view v) {
  if (v.size() < 2 || v.front() != '"') return std::string(v);
  std::string out;
  for (size_t i = 1; i < v.size() && v[i] != '"'; ++i) {
    if (v[i] == '\\' && i + 1 < v.size()) ++i;
    out.push_back(v[i]);
  }
  return out;
}

// The "attr=value" parts of a header value after its first ';', split outside quotes.
template <typename F>
void ForEachParameter(std::string_view header, F f) {
  size_t i = header.find(';');
  while (i != std::string_view::npos && i < header.size()) {
    size_t start = ++i;
    bool quoted = false;
    for (; i < header.size(); ++i) {
      if (header[i] == '\\' && quoted) { ++i; continue; }
      if (header[i] == '"') quoted = !quoted;
      if (header[i] == ';' && !quoted) break;
    }
    std::string_view part = header.substr(start, std::min(i, header.size()) - start);
    size_t eq = part.find('=');
    if (eq != std::string_view::npos) f(TrimBlanks(part.substr(0, eq)), TrimBlanks(part.substr(eq + 1)));
  }
}

std::string ToUtf8(const std::string& bytes, const std::string& charset) {
  if (charset.empty() || EqualsCi(charset, "utf-8") || EqualsCi(charset, "us-ascii")) return bytes;
  gsize written = 0;
  gchar* converted = g_convert(bytes.data(), static_cast<gssize>(bytes.size()), "UTF-8",
                               charset.c_str(), nullptr, &written, nullptr);
  if (!converted) return bytes;
  std::string out(converted, written);
  g_free(converted);
  return out;
}

}  // namespace

bool ExtendedParameter(std::string_view header, std::string_view name, std::string* out) {
  struct Segment {
    bool encoded;
    std::string value;
  };
  std::map<unsigned, Segment> segments;
  ForEachParameter(header, [&](std::string_view attr, std::string_view value) {
    if (attr.size() <= name.size() || !EqualsCi(attr.substr(0, name.size()), name) ||
        attr[name.size()] != '*') {
      return;
    }
    std::string_view rest = attr.substr(name.size() + 1);  // "", "*", "0", "0*", "12*"
    bool encoded = rest.empty() || rest.back() == '*';
    if (!rest.empty() && rest.back() == '*') rest.remove_suffix(1);
    unsigned n = 0;
    if (rest.size() > 3) return;
    for (char c : rest) {
      if (!std::isdigit(static_cast<unsigned char>(c))) return;
      n = n * 10 + (c - '0');
    }
    segments.emplace(n, Segment{encoded, Unquoted(value)});
  });
  if (segments.empty()) return false;
  bool any_encoded = false;
  std::string charset, bytes;
  for (unsigned n = 0; segments.count(n) > 0; ++n) {
    Segment& s = segments[n];
    std::string_view v = s.value;
    if (s.encoded && n == 0) {  // CHARSET'LANG'value
      size_t q1 = v.find('\''), q2 = q1 == std::string_view::npos ? q1 : v.find('\'', q1 + 1);
      if (q2 != std::string_view::npos) {
        charset = std::string(v.substr(0, q1));
        v.remove_prefix(q2 + 1);
      }
    }
    any_encoded = any_encoded || s.encoded;
    bytes += s.encoded ? PercentDecoded(v) : std::string(v);
  }
  if (!any_encoded && segments.size() == 1) return false;  // "name*0=x" alone: GMime's
  *out = ToUtf8(bytes, charset);
  return true;
}

namespace {

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xc0) == 0x80; }

std::string Shown(std::string_view text) { return Printable(text, text.size()); }

// The longest start of `name`, cut at a character boundary, whose shown form fits `budget`.
std::string_view FittingHead(std::string_view name, size_t budget) {
  size_t n = std::min(name.size(), budget);
  for (;;) {
    while (n > 0 && n < name.size() && IsContinuation(name[n])) --n;
    size_t shown = Shown(name.substr(0, n)).size();
    if (shown <= budget) return name.substr(0, n);
    n -= std::max<size_t>(1, (shown - budget + 3) / 4);  // an input byte shows as 1 to 4
  }
}

// The longest end of `name`, starting at a character boundary, whose shown form fits `budget`.
std::string_view FittingTail(std::string_view name, size_t budget) {
  size_t start = name.size() - std::min(name.size(), budget);
  for (;;) {
    while (start < name.size() && IsContinuation(name[start])) ++start;
    size_t shown = Shown(name.substr(start)).size();
    if (shown <= budget) return name.substr(start);
    start += std::max<size_t>(1, (shown - budget + 3) / 4);
  }
}

}  // namespace

std::string VisibleName(std::string_view name) {
  std::string shown = Shown(name);
  if (shown.size() <= kMaxName) return shown;
  std::string_view head = FittingHead(name, kMaxName * 3 / 4);
  std::string_view tail = FittingTail(name.substr(head.size()), kMaxName / 8);
  return Shown(head) + "..." + Shown(tail);
}

}  // namespace nanni
