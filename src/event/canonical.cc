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

// Collects "key":value members into one buffer, then writes them sorted by key. Reused: Reset
// keeps the buffers' capacity, so encoding an event allocates nothing once warm.
class ObjectWriter {
 public:
  void Reset() {
    buf_.clear();
    members_.clear();
  }
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
  // A member whose value `write` appends to the buffer it is given; left out when it appends
  // nothing.
  template <typename Write>
  void Value(std::string_view key, Write write) {
    Begin(key);
    write(&buf_);
    if (buf_.size() == members_.back().begin) {
      members_.pop_back();
      return;
    }
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

// Writes the members of an object whose keys the caller gives in sorted order, leaving out
// empty strings: {"a":"x","c":"y"}.
class SortedObject {
 public:
  explicit SortedObject(std::string* out) : out_(out) { out_->push_back('{'); }
  void String(std::string_view key, std::string_view value) {
    if (value.empty()) return;
    Key(key);
    AppendJsonString(value, out_);
  }
  void Int(std::string_view key, int64_t value) {
    Key(key);
    fmt::format_to(std::back_inserter(*out_), "{}", value);
  }
  void Close() { out_->push_back('}'); }

 private:
  void Key(std::string_view key) {
    if (!first_) out_->push_back(',');
    first_ = false;
    AppendJsonString(key, out_);
    out_->push_back(':');
  }
  std::string* out_;
  bool first_ = true;
};

void AppendContact(const Contact& c, std::string* out) {
  SortedObject o(out);
  o.String("email", c.email);
  o.String("id", c.id);
  o.String("level", LevelName(c.level));
  o.String("name", c.name);
  o.String("side", SideName(c.side));
  o.String("title", c.title);
  o.Close();
}

void AppendSource(const SourceRef& s, std::string* out) {
  if (s.file.empty() && s.ref.empty() && s.line == 0) return;
  SortedObject o(out);
  o.String("file", s.file);
  if (s.line != 0) o.Int("line", s.line);
  o.String("ref", s.ref);
  o.Close();
}

void AppendMeta(const std::vector<std::pair<std::string, std::string>>& meta, std::string* out) {
  if (meta.empty()) return;
  thread_local ObjectWriter w;
  w.Reset();
  for (const auto& [k, v] : meta) w.String(k, v);
  w.Finish(out);
}

void AppendTime(const Timestamp& t, std::string* out) {
  char buf[kRfc3339MaxBytes];
  out->push_back('"');
  out->append(buf, FormatRfc3339(t, buf));  // digits, '-', ':', '.', '+', 'T', 'Z': no escapes
  out->push_back('"');
}

}  // namespace

void EncodeCanonical(const Event& e, std::string* out) {
  out->clear();
  thread_local ObjectWriter w;
  w.Reset();
  w.String("id", e.id);
  w.String("account", e.account);
  w.Value("time", [&](std::string* b) { AppendTime(e.time, b); });
  w.String("kind", SpecOf(e.kind).name);
  w.String("thread", e.thread);
  w.String("reply_to", e.reply_to);
  w.String("corrects", e.corrects);
  w.String("channel", e.channel);
  w.String("subject", e.subject);
  w.String("text", e.text);
  w.String("new_text", e.new_text);  // absent when empty, so older hashes are unchanged
  if (e.from) w.Value("from", [&](std::string* b) { AppendContact(*e.from, b); });
  if (!e.to.empty()) {
    w.Value("to", [&](std::string* b) {
      b->push_back('[');
      for (size_t i = 0; i < e.to.size(); ++i) {
        if (i > 0) b->push_back(',');
        AppendContact(e.to[i], b);
      }
      b->push_back(']');
    });
  }
  w.Value("source", [&](std::string* b) { AppendSource(e.source, b); });
  w.Value("meta", [&](std::string* b) { AppendMeta(e.meta, b); });
  // Values are copied into the writer at once; only keys must outlive Finish().
  for (const auto& [name, value] : e.attributes) {
    if (const auto* s = std::get_if<std::string>(&value)) {
      w.String(name, *s);
    } else if (const auto* i = std::get_if<int64_t>(&value)) {
      w.Int(name, *i);
    } else {
      // A named copy: clang before 16 cannot capture a structured binding.
      const Timestamp when = std::get<Timestamp>(value);
      w.Value(name, [&](std::string* b) { AppendTime(when, b); });
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
