#include "import/mail/mail_message.h"

#include <gmime/gmime.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <mutex>

#include "import/mail/mail_date.h"
#include "import/mail/mime_params.h"
#include "util/ascii.h"
#include "util/utf8.h"

namespace nanni {

namespace {

void DiscardLog(const gchar*, GLogLevelFlags, const gchar*, gpointer) {}

std::string Str(const char* s) { return s ? CleanText(s) : std::string(); }

// An identifier without blanks or control characters (it becomes part of an event id).
std::string IdText(const char* s) {
  std::string out = Str(s);
  out.erase(std::remove_if(out.begin(), out.end(),
                           [](char c) { return static_cast<unsigned char>(c) <= 0x20; }),
            out.end());
  return out;
}

// Appends the mailboxes of `list` (groups flattened) to *out.
void AppendAddresses(InternetAddressList* list, std::vector<MailAddress>* out, int depth = 0) {
  if (!list || depth > 4) return;
  int n = internet_address_list_length(list);
  for (int i = 0; i < n; ++i) {
    InternetAddress* a = internet_address_list_get_address(list, i);
    if (INTERNET_ADDRESS_IS_GROUP(a)) {
      AppendAddresses(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(a)), out,
                      depth + 1);
      continue;
    }
    if (!INTERNET_ADDRESS_IS_MAILBOX(a)) continue;
    MailAddress m;
    m.name = Str(internet_address_get_name(a));
    m.email = AsciiLower(Str(internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(a))));
    if (m.email.find('@') == std::string::npos) m.email.clear();  // "undisclosed", garbage
    if (m.name.empty() && m.email.empty()) continue;
    out->push_back(std::move(m));
  }
}

// The message ids of an In-Reply-To or References header: every "<...>" (so commas, comments
// and junk between them do not matter); GMime's parser for a header with no angle brackets.
std::vector<std::string> ParseIds(const char* header) {
  std::vector<std::string> ids;
  if (!header) return ids;
  std::string_view h(header);
  size_t pos = 0;
  while ((pos = h.find('<', pos)) != std::string_view::npos) {
    size_t end = h.find_first_of("<>", pos + 1);
    if (end == std::string_view::npos) break;
    if (h[end] == '<') { pos = end; continue; }
    std::string id = IdText(std::string(h.substr(pos + 1, end - pos - 1)).c_str());
    if (!id.empty() && id.size() <= 400) ids.push_back(std::move(id));
    pos = end + 1;
  }
  if (!ids.empty() || h.find('<') != std::string_view::npos) return ids;
  GMimeReferences* refs = g_mime_references_parse(nullptr, header);
  if (!refs) return ids;
  int n = g_mime_references_length(refs);
  for (int i = 0; i < n; ++i) {
    std::string id = IdText(g_mime_references_get_message_id(refs, i));
    if (!id.empty() && id.size() <= 400) ids.push_back(std::move(id));
  }
  g_mime_references_free(refs);
  return ids;
}

// The Date header, else the date of the newest (first) Received header.
void ReadDate(GMimeObject* obj, MailMessage* out) {
  if (const char* date = g_mime_object_get_header(obj, "Date")) {
    out->date_header = CleanText(date);
    out->has_date = ParseMailDate(date, &out->date);
    if (out->has_date) return;
  }
  const char* received = g_mime_object_get_header(obj, "Received");
  const char* semi = received ? strrchr(received, ';') : nullptr;
  out->has_date = semi && ParseMailDate(semi + 1, &out->date);
  out->dated_by_received = out->has_date;
}

// The address in "<mailto:list@host?subject=...>" (List-Post) or a bare address.
std::string ListAddress(GMimeObject* obj) {
  if (const char* post = g_mime_object_get_header(obj, "List-Post")) {
    std::string_view v(post);
    size_t at = AsciiLower(v).find("mailto:");
    if (at != std::string_view::npos) {
      v.remove_prefix(at + 7);
      size_t end = v.find_first_of(">?, \t\r\n");
      return AsciiLower(CleanText(v.substr(0, end)));
    }
  }
  if (const char* been = g_mime_object_get_header(obj, "X-BeenThere")) {
    std::string v = AsciiLower(CleanText(been));
    v.erase(std::remove_if(v.begin(), v.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '<' || c == '>'; }), v.end());
    return v;
  }
  return {};
}

int64_t DecodedSize(GMimeDataWrapper* content) {
  if (!content) return 0;
  if (g_mime_data_wrapper_get_encoding(content) == GMIME_CONTENT_ENCODING_BASE64) {
    // Counted, not decoded: 3 bytes per 4 base64 characters (what decoding gives for valid
    // base64, padding included), several times faster than decoding.
    GMimeStream* encoded = g_mime_data_wrapper_get_stream(content);
    if (encoded && g_mime_stream_reset(encoded) == 0) {
      static const auto kIsBase64 = [] {
        std::array<bool, 256> t{};
        for (int c = 'A'; c <= 'Z'; ++c) t[c] = t[c + 32] = true;
        for (int c = '0'; c <= '9'; ++c) t[c] = true;
        t['+'] = t['/'] = true;
        return t;
      }();
      int64_t chars = 0;
      char buf[16384];
      ssize_t n;
      while ((n = g_mime_stream_read(encoded, buf, sizeof buf)) > 0) {
        for (ssize_t i = 0; i < n; ++i) chars += kIsBase64[static_cast<unsigned char>(buf[i])];
      }
      g_mime_stream_reset(encoded);
      return chars * 3 / 4;
    }
  }
  GMimeStream* null = g_mime_stream_null_new();
  g_mime_data_wrapper_write_to_stream(content, null);
  int64_t size = static_cast<int64_t>(GMIME_STREAM_NULL(null)->written);
  g_object_unref(null);
  return size;
}

std::string TypeOf(GMimeObject* obj) {
  GMimeContentType* ct = g_mime_object_get_content_type(obj);
  if (!ct) return "application/octet-stream";
  const char* type = g_mime_content_type_get_media_type(ct);
  const char* sub = g_mime_content_type_get_media_subtype(ct);
  return AsciiLower(CleanText(std::string(type ? type : "application") + "/" +
                         (sub ? sub : "octet-stream")));
}

// Appends the text of a text part, in UTF-8, with every byte kept: what
// g_mime_text_part_get_text() does, without ending at the first NUL (a "=00" or a NUL byte
// would hide the rest of the message; CleanText drops the NUL and keeps the rest).
void AppendPartText(GMimeObject* obj, std::string* out) {
  GMimeDataWrapper* content = g_mime_part_get_content(GMIME_PART(obj));
  if (!content) return;
  GMimeContentType* type = g_mime_object_get_content_type(obj);
  const char* charset = type ? g_mime_content_type_get_parameter(type, "charset") : nullptr;
  GMimeFilter* filter = charset ? g_mime_filter_charset_new(charset, "utf-8") : nullptr;
  GMimeStream* stream = g_mime_stream_mem_new();
  if (filter) {
    GMimeStream* filtered = g_mime_stream_filter_new(stream);
    g_mime_stream_filter_add(GMIME_STREAM_FILTER(filtered), filter);
    g_object_unref(filter);
    g_mime_data_wrapper_write_to_stream(content, filtered);
    g_mime_stream_flush(filtered);
    g_object_unref(filtered);
  } else {
    g_mime_data_wrapper_write_to_stream(content, stream);
  }
  GByteArray* bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream));
  out->append(reinterpret_cast<const char*>(bytes->data), bytes->len);
  g_object_unref(stream);
}

// The file name of a part, every byte kept: RFC 2231 forms are decoded here (GMime cuts
// them at a NUL), others are GMime's reading (RFC 2047 decoded). Content-Disposition's
// filename first, then Content-Type's name.
std::string FileName(GMimeObject* obj, GMimePart* part) {
  std::string name;
  const char* cd = g_mime_object_get_header(obj, "Content-Disposition");
  if (cd && ExtendedParameter(cd, "filename", &name)) return name;
  GMimeContentDisposition* disposition = g_mime_object_get_content_disposition(obj);
  const char* plain =
      disposition ? g_mime_content_disposition_get_parameter(disposition, "filename") : nullptr;
  if (plain && *plain) return plain;
  const char* ct = g_mime_object_get_header(obj, "Content-Type");
  if (ct && ExtendedParameter(ct, "name", &name)) return name;
  const char* fallback = g_mime_part_get_filename(part);
  return fallback ? fallback : "";
}

struct BodyCollector {
  std::string plain, html;
  std::vector<MailAttachment>* attachments;

  void Walk(GMimeObject* obj, int depth) {
    if (!obj || depth > 32) return;
    if (GMIME_IS_MULTIPART(obj)) {
      GMimeMultipart* mp = GMIME_MULTIPART(obj);
      int n = g_mime_multipart_get_count(mp);
      if (TypeOf(obj) == "multipart/alternative" && n > 0) {
        // One of the alternatives: plain text when there is one, else the last (richest).
        GMimeObject* pick = g_mime_multipart_get_part(mp, n - 1);
        for (int i = 0; i < n; ++i) {
          GMimeObject* child = g_mime_multipart_get_part(mp, i);
          if (TypeOf(child) == "text/plain") { pick = child; break; }
        }
        Walk(pick, depth + 1);
        return;
      }
      for (int i = 0; i < n; ++i) Walk(g_mime_multipart_get_part(mp, i), depth + 1);
      return;
    }
    if (GMIME_IS_MESSAGE_PART(obj)) {
      GMimeMessage* inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(obj));
      MailAttachment a;
      a.type = "message/rfc822";
      const char* subject = inner ? g_mime_message_get_subject(inner) : nullptr;
      if (subject) a.name = VisibleName(subject);
      if (inner) {
        GMimeStream* null = g_mime_stream_null_new();
        g_mime_object_write_to_stream(GMIME_OBJECT(inner), nullptr, null);
        a.size = static_cast<int64_t>(GMIME_STREAM_NULL(null)->written);
        g_object_unref(null);
      }
      attachments->push_back(std::move(a));
      return;
    }
    if (!GMIME_IS_PART(obj)) return;
    GMimePart* part = GMIME_PART(obj);
    std::string type = TypeOf(obj);
    const char* disposition = g_mime_object_get_disposition(obj);
    std::string filename = FileName(obj, part);
    bool attached = (disposition && g_ascii_strcasecmp(disposition, "attachment") == 0) ||
                    (!filename.empty() &&
                     !(disposition && g_ascii_strcasecmp(disposition, "inline") == 0));
    bool textual = type == "text/plain" || type == "text/html";
    if (textual && !attached && GMIME_IS_TEXT_PART(obj)) {
      std::string& into = type == "text/plain" ? plain : html;
      if (!into.empty() && into.back() != '\n') into.push_back('\n');
      AppendPartText(obj, &into);
      return;
    }
    MailAttachment a;
    a.name = VisibleName(filename);
    a.type = type;
    a.size = DecodedSize(g_mime_part_get_content(part));
    attachments->push_back(std::move(a));
  }
};

// The header fields the first pass needs (ids, senders, recipients, list), with their
// continuation lines, in their order: parsing only these is several times cheaper than the
// whole block (Received:, DKIM-Signature: ... are most of a header), and gives the same
// values, because GMime reads the same lines.
std::string IndexHeaders(std::string_view header) {
  static constexpr std::string_view kNeeded[] = {
      "message-id", "in-reply-to", "references", "from", "reply-to", "x-original-from",
      "to", "cc", "list-post", "x-beenthere"};
  std::string out;
  bool keep = false;
  size_t start = 0;
  while (start < header.size()) {
    size_t nl = header.find('\n', start);
    size_t end = nl == std::string_view::npos ? header.size() : nl + 1;
    std::string_view line = header.substr(start, end - start);
    start = end;
    if (line[0] != ' ' && line[0] != '\t') {
      size_t colon = line.find(':');
      keep = false;
      if (colon != std::string_view::npos) {
        std::string_view name = line.substr(0, colon);
        while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.remove_suffix(1);
        for (std::string_view n : kNeeded) {
          if (name.size() == n.size() && g_ascii_strncasecmp(name.data(), n.data(), n.size()) == 0) {
            keep = true;
            break;
          }
        }
      }
    }
    if (keep) out.append(line);
  }
  if (!out.empty() && out.back() != '\n') out.push_back('\n');
  return out;
}

}  // namespace

void InitGMime() {
  static std::once_flag once;
  std::call_once(once, [] {
    g_mime_init();
    // Bad input must not spam stderr: the importer reports what it could not read.
    g_log_set_handler("GMime", static_cast<GLogLevelFlags>(G_LOG_LEVEL_MASK), DiscardLog,
                      nullptr);
    g_log_set_handler("GLib", static_cast<GLogLevelFlags>(G_LOG_LEVEL_WARNING |
                                                          G_LOG_LEVEL_MESSAGE |
                                                          G_LOG_LEVEL_INFO | G_LOG_LEVEL_DEBUG),
                      DiscardLog, nullptr);
  });
}

void ParseMailMessage(std::string_view raw, bool headers_only, MailMessage* out) {
  *out = MailMessage();
  InitGMime();
  std::string kept;
  if (headers_only) {
    size_t end = raw.find("\n\n");
    size_t end_crlf = raw.find("\r\n\r\n");
    end = std::min(end, end_crlf);
    if (end != std::string_view::npos) raw = raw.substr(0, end + 1);
    kept = IndexHeaders(raw);
    raw = kept;
  }
  // One buffer per thread, reused: no allocation per message once it has grown. GMime never
  // owns it, and no GMime object outlives this call.
  struct Scratch {
    GByteArray* bytes = g_byte_array_new();
    ~Scratch() { g_byte_array_unref(bytes); }
  };
  thread_local Scratch scratch;
  g_byte_array_set_size(scratch.bytes, 0);
  g_byte_array_append(scratch.bytes, reinterpret_cast<const guint8*>(raw.data()),
                      static_cast<guint>(raw.size()));
  GMimeStream* stream = g_mime_stream_mem_new_with_byte_array(scratch.bytes);
  g_mime_stream_mem_set_owner(GMIME_STREAM_MEM(stream), FALSE);
  GMimeParser* parser = g_mime_parser_new_with_stream(stream);
  g_object_unref(stream);
  g_mime_parser_set_format(parser, GMIME_FORMAT_MESSAGE);
  GMimeMessage* msg = g_mime_parser_construct_message(parser, nullptr);
  g_object_unref(parser);
  if (!msg) return;
  GMimeObject* obj = GMIME_OBJECT(msg);

  out->message_id = IdText(g_mime_message_get_message_id(msg));
  if (out->message_id.size() > 400) out->message_id.clear();
  out->in_reply_to = ParseIds(g_mime_object_get_header(obj, "In-Reply-To"));
  out->references = ParseIds(g_mime_object_get_header(obj, "References"));

  std::vector<MailAddress> from;
  AppendAddresses(g_mime_message_get_from(msg), &from);
  if (!from.empty()) out->from = from.front();
  AppendAddresses(g_mime_message_get_reply_to(msg), &out->reply_to);
  if (const char* original = g_mime_object_get_header(obj, "X-Original-From")) {
    InternetAddressList* list = internet_address_list_parse(nullptr, original);
    std::vector<MailAddress> o;
    AppendAddresses(list, &o);
    if (list) g_object_unref(list);
    if (!o.empty()) out->original_from = o.front();
  }
  AppendAddresses(g_mime_message_get_to(msg), &out->to);
  AppendAddresses(g_mime_message_get_cc(msg), &out->to);
  out->list_address = ListAddress(obj);
  out->subject = Str(g_mime_message_get_subject(msg));

  if (!headers_only) {
    ReadDate(obj, out);
    BodyCollector body;
    body.attachments = &out->attachments;
    body.Walk(g_mime_message_get_mime_part(msg), 0);
    if (!body.plain.empty() || body.html.empty()) {
      out->text = CleanText(body.plain);
    } else {
      out->text = CleanText(HtmlToText(body.html));
      out->html_only = true;
    }
  }
  g_object_unref(msg);
}

std::string CleanText(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (c == '\r') {
        out.push_back('\n');
        i += (i + 1 < s.size() && s[i + 1] == '\n') ? 2 : 1;
        continue;
      }
      if (c >= 0x20 || c == '\n' || c == '\t') {
        if (c != 0x7f) out.push_back(static_cast<char>(c));
      }
      ++i;
      continue;
    }
    uint32_t cp = 0;
    size_t len = DecodeUtf8(s, i, &cp);
    if (len == 0) {
      out.append("\xEF\xBF\xBD");
      ++i;
      continue;
    }
    if (cp <= 0x9f) {  // C1 controls
      i += len;
      continue;
    }
    out.append(s.data() + i, len);
    i += len;
  }
  return out;
}

namespace {

bool StartsWithCi(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  }
  return true;
}

void AppendEntity(std::string_view name, std::string* out) {
  static const std::pair<std::string_view, std::string_view> kEntities[] = {
      {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"},
      {"nbsp", " "}, {"#39", "'"}, {"ndash", "\xE2\x80\x93"}, {"mdash", "\xE2\x80\x94"},
      {"hellip", "\xE2\x80\xA6"}, {"rsquo", "\xE2\x80\x99"}, {"lsquo", "\xE2\x80\x98"},
      {"rdquo", "\xE2\x80\x9D"}, {"ldquo", "\xE2\x80\x9C"}};
  for (const auto& [n, v] : kEntities) {
    if (name == n) { out->append(v); return; }
  }
  if (name.size() > 1 && name[0] == '#') {
    uint32_t cp = 0;
    bool hex = name[1] == 'x' || name[1] == 'X';
    for (char c : name.substr(hex ? 2 : 1)) {
      int d = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
              : hex && std::isxdigit(static_cast<unsigned char>(c))
                  ? std::tolower(static_cast<unsigned char>(c)) - 'a' + 10 : -1;
      if (d < 0 || cp > 0x10ffff) { cp = 0xfffd; break; }
      cp = cp * (hex ? 16 : 10) + d;
    }
    if (cp == 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) cp = 0xfffd;
    if (cp < 0x80) { out->push_back(static_cast<char>(cp)); }
    else if (cp < 0x800) { out->push_back(static_cast<char>(0xc0 | (cp >> 6))); out->push_back(static_cast<char>(0x80 | (cp & 0x3f))); }
    else if (cp < 0x10000) { out->push_back(static_cast<char>(0xe0 | (cp >> 12))); out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f))); out->push_back(static_cast<char>(0x80 | (cp & 0x3f))); }
    else { out->push_back(static_cast<char>(0xf0 | (cp >> 18))); out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3f))); out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f))); out->push_back(static_cast<char>(0x80 | (cp & 0x3f))); }
    return;
  }
  out->push_back('&');
  out->append(name);
  out->push_back(';');
}

}  // namespace

std::string HtmlToText(std::string_view html) {
  static const std::string_view kBreaks[] = {"br", "/p", "p", "div", "/div", "tr", "li",
                                              "h1", "h2", "h3", "h4", "/h1", "/h2", "/h3",
                                              "/h4", "blockquote", "/blockquote", "hr", "/tr"};
  std::string out;
  out.reserve(html.size() / 2);
  size_t i = 0;
  while (i < html.size()) {
    char c = html[i];
    if (c == '<') {
      std::string_view rest = html.substr(i + 1);
      if (rest.substr(0, 3) == "!--") {
        size_t end = html.find("-->", i + 4);
        i = end == std::string_view::npos ? html.size() : end + 3;
        continue;
      }
      bool skip_content = StartsWithCi(rest, "script") || StartsWithCi(rest, "style") ||
                          StartsWithCi(rest, "head");
      size_t close = html.find('>', i);
      if (close == std::string_view::npos) break;
      std::string_view tag = html.substr(i + 1, close - i - 1);
      size_t name_end = tag.find_first_of(" \t\r\n/>", tag.size() > 0 && tag[0] == '/' ? 1 : 0);
      std::string name = AsciiLower(tag.substr(0, name_end));
      for (std::string_view b : kBreaks) {
        if (name == b) { out.push_back('\n'); break; }
      }
      i = close + 1;
      if (skip_content) {
        std::string end_tag = "</" + name;
        size_t j = i;
        while (j < html.size()) {
          size_t lt = html.find("</", j);
          if (lt == std::string_view::npos) { j = html.size(); break; }
          if (StartsWithCi(html.substr(lt), end_tag)) {
            size_t gt = html.find('>', lt);
            j = gt == std::string_view::npos ? html.size() : gt + 1;
            break;
          }
          j = lt + 2;
        }
        i = j;
      }
      continue;
    }
    if (c == '&') {
      size_t semi = html.find(';', i);
      if (semi != std::string_view::npos && semi - i <= 10) {
        AppendEntity(html.substr(i + 1, semi - i - 1), &out);
        i = semi + 1;
        continue;
      }
    }
    if (c == '\r') { ++i; continue; }
    if (c == '\n' || c == '\t') c = ' ';
    if (c == ' ' && !out.empty() && (out.back() == ' ' || out.back() == '\n')) { ++i; continue; }
    out.push_back(c);
    ++i;
  }
  // Collapse runs of blank lines and trim line ends.
  std::string tidy;
  tidy.reserve(out.size());
  int newlines = 0;
  for (char ch : out) {
    if (ch == '\n') {
      while (!tidy.empty() && tidy.back() == ' ') tidy.pop_back();
      if (++newlines > 2) continue;
    } else {
      newlines = 0;
    }
    tidy.push_back(ch);
  }
  size_t first = tidy.find_first_not_of("\n ");
  return first == std::string::npos ? std::string() : tidy.substr(first);
}

}  // namespace nanni
