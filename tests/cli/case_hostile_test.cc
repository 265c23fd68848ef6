// Hostile customer text stays inert in every format of `nanni case` and `nanni brief`.
//
// The ledger below carries script tags, event-handler attributes, javascript: links, CSS that
// closes its block, CDATA ends, Markdown link and image injection, terminal escapes and
// right-to-left override tricks in its texts, subjects, names, titles, sources and topics.
// The HTML is checked twice: by a small tokenizer here (no element or attribute the renderer
// did not write itself) and by loading it in headless Chromium, where every payload would
// leave a marker in the DOM if it ran. Chromium is required: CI installs it
// (scripts/install-deps.sh); a machine without it fails this test rather than skipping it.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <sstream>

#include "support/test_support.h"

namespace nanni {
namespace {

using test::Chromium;
using test::Nanni;
using test::ReadFile;
using test::WriteFile;

const char* kRlo = "\xE2\x80\xAE";  // U+202E RIGHT-TO-LEFT OVERRIDE

std::string HostileLedger() {
  std::string rlo = kRlo;
  std::string p =
      R"({"id":"h1","account":"evil","time":"2026-03-02T09:00:00Z","kind":"request","channel":"email",)"
      R"("subject":"<script>document.title='PWNED'</script>",)"
      R"("text":"<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\"> <a href=\"javascript:document.title='PWNED'\">click</a> [click](javascript:alert(1)) ![x](http://tracker.example/x.png) ]]> <div id=\"pwned\">x</div>",)"
      R"("from":{"name":"<b onmouseover=alert(1)>Eve</b>","email":"eve@evil.example","side":"theirs","level":"executive","title":"</style><style>body{display:none}</style>"},)"
      R"("source":{"file":"evil\".mbox' onload='x","line":3,"ref":"<script>x</script>"},"topic":"</td></tr></table><h1 id=\"pwned\">"})"
      "\n"
      R"({"id":"h2","account":"evil","time":"2026-03-03T09:00:00Z","kind":"request","channel":"chat",)"
      R"("subject":"invoice )" + rlo + R"(fdp.exe","text":"line one\u001b[31mRED\u001b[0m\u0007 and \u202Ereversed\u202C and \u2066isolated\u2069",)"
      R"("from":{"name":"Mallory )" + rlo + R"(evil","side":"theirs","level":"user"}})"
      "\n"
      R"({"id":"h3","account":"evil","time":"2026-03-04T09:00:00Z","kind":"commitment","owner":"theirs","what":"<svg onload=alert(1)><foreignObject><iframe src=\"javascript:alert(1)\"></iframe>","due":"2026-03-05T09:00:00Z",)"
      R"("from":{"name":"Eve","email":"eve@evil.example","side":"theirs","level":"executive"}})"
      "\n"
      R"({"id":"h4","account":"evil","time":"2026-03-04T10:00:00Z","kind":"escalation","about":"<style>*{color:red}</style><link rel=stylesheet href=http://x.example/a.css>","text":"<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",)"
      R"("from":{"name":"Eve","email":"eve@evil.example","side":"theirs","level":"executive"},"to":[{"name":"<iframe srcdoc='<script>parent.document.title=1</script>'>","side":"ours","level":"executive"}]})"
      "\n"
      R"({"id":"h5","account":"evil","time":"2026-03-05T10:00:00Z","kind":"incident","incident":"<script>x</script>","phase":"start","what":"'\"><svg/onload=alert(1)>"})"
      "\n"
      R"({"id":"h6","account":"evil","time":"2026-03-05T11:00:00Z","kind":"discount_request","what":"| injected | cell |\n# heading\n<!-- comment -->","text":"`code` *bold* _it_ ~~s~~ \\ <https://x.example>"})"
      "\n";
  return p;
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// The tags in `html` (outside comments), each as its name and its attribute names, lower case.
struct Tag {
  std::string name;
  std::vector<std::pair<std::string, std::string>> attrs;
};

std::vector<Tag> Tokenize(const std::string& html) {
  std::vector<Tag> tags;
  size_t i = 0;
  while ((i = html.find('<', i)) != std::string::npos) {
    if (html.compare(i, 4, "<!--") == 0) {
      i = html.find("-->", i);
      if (i == std::string::npos) break;
      continue;
    }
    size_t j = i + 1;
    Tag t;
    if (j < html.size() && (html[j] == '/' || html[j] == '!')) t.name += html[j++];
    while (j < html.size() && (std::isalnum(static_cast<unsigned char>(html[j])) || html[j] == '-')) t.name += html[j++];
    // Attributes up to '>' (quoted values may hold '>').
    while (j < html.size() && html[j] != '>') {
      while (j < html.size() && (std::isspace(static_cast<unsigned char>(html[j])) || html[j] == '/')) ++j;
      std::string name;
      while (j < html.size() && !std::isspace(static_cast<unsigned char>(html[j])) && html[j] != '=' &&
             html[j] != '>' && html[j] != '/') name += html[j++];
      std::string value;
      if (j < html.size() && html[j] == '=') {
        ++j;
        char q = html[j];
        if (q == '"' || q == '\'') {
          size_t end = html.find(q, j + 1);
          value = html.substr(j + 1, end - j - 1);
          j = end + 1;
        } else {
          while (j < html.size() && !std::isspace(static_cast<unsigned char>(html[j])) && html[j] != '>') value += html[j++];
        }
      }
      if (!name.empty()) t.attrs.emplace_back(Lower(name), Lower(value));
    }
    t.name = Lower(t.name);
    tags.push_back(std::move(t));
    i = j;
  }
  return tags;
}

class CaseHostileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(Nanni({"--db", db_, "init"}).exit_code, 0);
    WriteFile(dir_.File("evil.ndjson"), HostileLedger());
    auto r = Nanni({"--db", db_, "import", dir_.File("evil.ndjson")});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }

  std::string Report(const std::string& command, const std::string& format) {
    std::string out = dir_.File(command + "." + format);
    auto r = Nanni({"--db", db_, command, "evil", "--as-of", "2026-03-10T00:00:00Z", "--format", format,
                    "--out", out});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return ReadFile(out);
  }

  test::TempDir dir_;
  std::string db_ = dir_.File("evil.db");
};

// Only the elements and attributes the renderer writes itself.
void ExpectOnlyOwnMarkup(const std::string& html) {
  static const std::set<std::string> kElements = {
      "!doctype", "html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "section",
      "table", "thead", "tbody", "tr", "th", "td", "bdi", "br", "figure", "figcaption", "svg",
      "rect", "text", "line", "circle", "path", "i", "span"};
  static const std::set<std::string> kAttributes = {
      "lang", "charset", "http-equiv", "content", "name", "id", "class", "xmlns", "viewbox", "role",
      "aria-label", "font-family", "font-size", "x", "y", "width", "height", "fill", "x1", "y1",
      "x2", "y2", "stroke", "text-anchor", "cx", "cy", "r", "stroke-width", "d", "fill-opacity",
      "style", "html"};
  int styles = 0;
  for (const Tag& t : Tokenize(html)) {
    std::string name = !t.name.empty() && t.name[0] == '/' ? t.name.substr(1) : t.name;
    EXPECT_TRUE(kElements.count(name)) << "element <" << t.name << "> was not written by nanni";
    if (t.name == "style") ++styles;
    for (const auto& [attr, value] : t.attrs) {
      EXPECT_TRUE(kAttributes.count(attr)) << "attribute " << attr << " on <" << t.name << ">";
      EXPECT_NE(attr.rfind("on", 0), 0u) << "event handler " << attr;
      EXPECT_EQ(value.find("javascript:"), std::string::npos) << attr << "=" << value;
      if (attr == "id") {
        EXPECT_NE(value, "pwned");
      }
    }
  }
  EXPECT_EQ(styles, 1) << "exactly the renderer's own <style>";
  EXPECT_EQ(Lower(html).find("<script"), std::string::npos);
  EXPECT_EQ(html.find(kRlo), std::string::npos) << "raw RLO reached the page";
  EXPECT_EQ(html.find('\x1b'), std::string::npos);
  EXPECT_NE(html.find("Content-Security-Policy"), std::string::npos);
  // The payloads are there, as text.
  EXPECT_NE(html.find("&lt;script&gt;document.title=&#39;PWNED&#39;&lt;/script&gt;"), std::string::npos);
}

TEST_F(CaseHostileTest, HtmlHasNoMarkupButItsOwn) {
  ExpectOnlyOwnMarkup(Report("case", "html"));
  ExpectOnlyOwnMarkup(Report("brief", "html"));
}

TEST_F(CaseHostileTest, ChromiumRunsNoPayload) {
  for (std::string command : {"case", "brief"}) {
    Report(command, "html");
    std::string page = dir_.File(command + ".html");
    auto r = Chromium({ "--headless", "--disable-gpu", "--no-sandbox",
                        "--no-first-run", "--user-data-dir=" + dir_.File("chromium-" + command),
                        "--virtual-time-budget=3000", "--dump-dom", "file://" + page});
    ASSERT_EQ(r.exit_code, 0) << "headless Chromium is required (scripts/install-deps.sh installs "
                                 "Debian's chromium): " << r.err;
    const std::string& dom = r.out;
    ASSERT_NE(dom.find("<table"), std::string::npos) << "Chromium did not render the page:\n" << dom;
    EXPECT_EQ(dom.find("PWNED</title>"), std::string::npos) << "a script set the title";
    EXPECT_EQ(dom.find("data-pwned"), dom.find("data-pwned"));  // see below: only as text
    EXPECT_EQ(dom.find("data-pwned=\""), std::string::npos) << "an onerror handler ran";
    EXPECT_EQ(dom.find("id=\"pwned\">"), std::string::npos) << "an injected element exists";
    EXPECT_EQ(Lower(dom).find("<script"), std::string::npos);
    EXPECT_EQ(Lower(dom).find("<iframe"), std::string::npos);
    EXPECT_EQ(Lower(dom).find("<img"), std::string::npos);
    EXPECT_EQ(Lower(dom).find("<link"), std::string::npos);
    size_t styles = 0;
    for (size_t i = dom.find("<style"); i != std::string::npos; i = dom.find("<style", i + 1)) ++styles;
    EXPECT_EQ(styles, 1u) << "only the renderer's style element";
    EXPECT_NE(dom.find("&lt;script&gt;"), std::string::npos) << "the payload is shown as text";
  }
}

TEST_F(CaseHostileTest, MarkdownIsEscaped) {
  for (std::string command : {"case", "brief"}) {
    std::string md = Report(command, "md");
    EXPECT_EQ(md.find('<'), std::string::npos) << "raw '<' in Markdown";
    EXPECT_EQ(md.find("]("), std::string::npos) << "a live Markdown link";
    EXPECT_EQ(md.find("!["), std::string::npos);
    EXPECT_EQ(md.find(kRlo), std::string::npos);
    EXPECT_EQ(md.find('\x1b'), std::string::npos);
    // No injected table cell or heading: every table line starts and ends with a pipe and has
    // as many unescaped pipes as its header.
    size_t header_pipes = 0;
    std::istringstream in(md);
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] != '|') {
        header_pipes = 0;
        EXPECT_TRUE(line.empty() || line.rfind("#", 0) == 0 || line[0] != '#') << line;
        continue;
      }
      size_t pipes = 0;
      for (size_t i = 0; i < line.size(); ++i) pipes += line[i] == '|' && (i == 0 || line[i - 1] != '\\');
      if (header_pipes == 0) header_pipes = pipes;
      EXPECT_EQ(pipes, header_pipes) << line;
    }
  }
}

TEST_F(CaseHostileTest, TerminalTextHasNoControlOrBidiCharacters) {
  for (std::string command : {"case", "brief"}) {
    std::string text = Report(command, "text");
    EXPECT_EQ(text.find('\x1b'), std::string::npos);
    EXPECT_EQ(text.find('\x07'), std::string::npos);
    EXPECT_EQ(text.find(kRlo), std::string::npos);
    EXPECT_EQ(text.find("\xE2\x81\xA6"), std::string::npos);  // U+2066
    EXPECT_NE(text.find("\\u{202e}"), std::string::npos) << "the override is shown as an escape";
  }
  // Even with colour asked for through a TTY-less run, NO_COLOR or not, no escape appears.
  auto r = Nanni({"--db", db_, "case", "evil", "--as-of", "2026-03-10"});
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos);
}

TEST_F(CaseHostileTest, JsonKeepsTheTextVerbatim) {
  std::string json = Report("case", "json");
  EXPECT_NE(json.find("<script>document.title='PWNED'</script>"), std::string::npos);
  EXPECT_NE(json.find("\\u001b[31mRED"), std::string::npos);
}

}  // namespace
}  // namespace nanni
