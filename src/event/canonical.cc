#include "event/canonical.h"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>
#include <vector>

namespace nanni {

void AppendJsonString(std::string_view text, std::string* out) {
  static const char kHex[] = "0123456789abcdef";
  out->push_back('"');
  size_t run_start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out->append(text.data() + run_start, i - run_start);
    run_start = i + 1;
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\b': out->append("\\b"); break;
      case '\f': out->append("\\f"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      default:
        out->append("\\u00");
        out->push_back(kHex[c >> 4]);
        out->push_back(kHex[c & 0xf]);
    }
  }
  out->append(text.data() + run_start, text.size() - run_start);
  out->push_back('"');
}

namespace {

// Collects "key":value members into one buffer, then writes them sorted by key.
class ObjectWriter {
 public:
  void String(std::string_view key, std::string_view value) {
    if (value.empty()) return;
    Begin(key);
    AppendJsonString(value, &buf_);
    End();
  }
  void Int(std::string_view key, int64_t value) {
    Begin(key);
    fmt::format_to(std::back_inserter(buf_), "{}", value);
    End();
  }
  void Raw(std::string_view key, std::string_view json) {
    if (json.empty()) return;
    Begin(key);
    buf_.append(json);
    End();
  }
  // Writes {"k":v,...} to *out, members sorted by key.
  void Finish(std::string* out) {
    std::sort(members_.begin(), members_.end(),
              [](const Member& a, const Member& b) { return a.key < b.key; });
    out->push_back('{');
    for (size_t i = 0; i < members_.size(); ++i) {
      if (i > 0) out->push_back(',');
      AppendJsonString(members_[i].key, out);
      out->push_back(':');
      out->append(buf_, members_[i].begin, members_[i].end - members_[i].begin);
    }
    out->push_back('}');
  }

 private:
  struct Member {
    std::string_view key;
    size_t begin, end;
  };
  void Begin(std::string_view key) { members_.push_back({key, buf_.size(), 0}); }
  void End() { members_.back().end = buf_.size(); }

  std::string buf_;
  std::vector<Member> members_;
};

std::string EncodeContact(const Contact& c) {
  ObjectWriter w;
  w.String("email", c.email);
  w.String("id", c.id);
  w.String("level", LevelName(c.level));
  w.String("name", c.name);
  w.String("side", SideName(c.side));
  w.String("title", c.title);
  std::string out;
  w.Finish(&out);
  return out;
}

std::string EncodeSource(const SourceRef& s) {
  if (s.file.empty() && s.ref.empty() && s.line == 0) return {};
  ObjectWriter w;
  w.String("file", s.file);
  if (s.line != 0) w.Int("line", s.line);
  w.String("ref", s.ref);
  std::string out;
  w.Finish(&out);
  return out;
}

std::string EncodeMeta(const std::vector<std::pair<std::string, std::string>>& meta) {
  if (meta.empty()) return {};
  ObjectWriter w;
  for (const auto& [k, v] : meta) w.String(k, v);
  std::string out;
  w.Finish(&out);
  return out;
}

}  // namespace

void EncodeCanonical(const Event& e, std::string* out) {
  out->clear();
  ObjectWriter w;
  w.String("id", e.id);
  w.String("account", e.account);
  std::string time = FormatRfc3339(e.time);
  w.String("time", time);
  w.String("kind", SpecOf(e.kind).name);
  w.String("thread", e.thread);
  w.String("reply_to", e.reply_to);
  w.String("corrects", e.corrects);
  w.String("channel", e.channel);
  w.String("subject", e.subject);
  w.String("text", e.text);
  w.String("new_text", e.new_text);  // absent when empty, so older hashes are unchanged
  std::string from = e.from ? EncodeContact(*e.from) : std::string();
  w.Raw("from", from);
  std::string to;
  if (!e.to.empty()) {
    to = "[";
    for (size_t i = 0; i < e.to.size(); ++i) {
      if (i > 0) to.push_back(',');
      to += EncodeContact(e.to[i]);
    }
    to.push_back(']');
  }
  w.Raw("to", to);
  std::string source = EncodeSource(e.source);
  w.Raw("source", source);
  std::string meta = EncodeMeta(e.meta);
  w.Raw("meta", meta);
  // Values are copied into the writer at once; only keys must outlive Finish().
  for (const auto& [name, value] : e.attributes) {
    if (const auto* s = std::get_if<std::string>(&value)) {
      w.String(name, *s);
    } else if (const auto* i = std::get_if<int64_t>(&value)) {
      w.Int(name, *i);
    } else {
      w.String(name, FormatRfc3339(std::get<Timestamp>(value)));
    }
  }
  w.Finish(out);
}

std::string EncodeCanonical(const Event& event) {
  std::string out;
  EncodeCanonical(event, &out);
  return out;
}

}  // namespace nanni
