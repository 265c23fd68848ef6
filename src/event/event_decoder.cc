#include "event/event_decoder.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <vector>

#include "event/json_syntax.h"
#include "event/validate.h"
#include "util/printable.h"

namespace nanni {

namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;
using simdjson::dom::object;

Status FieldError(std::string_view field, std::string_view why) {
  return Status::InvalidInput(fmt::format("field '{}': {}", field, why));
}

const char* TypeName(element_type t) {
  switch (t) {
    case element_type::ARRAY: return "an array";
    case element_type::OBJECT: return "an object";
    case element_type::INT64:
    case element_type::UINT64: return "an integer";
    case element_type::DOUBLE: return "a number with a fraction";
    case element_type::STRING: return "a string";
    case element_type::BOOL: return "true/false";
    case element_type::NULL_VALUE: return "null";
  }
  return "something else";
}

Status WrongType(std::string_view field, std::string_view expected, element v) {
  return FieldError(field, fmt::format("expected {}, got {}", expected, TypeName(v.type())));
}

// A JSON null or "" is the same as leaving the field out.
bool IsAbsent(element v) {
  if (v.is_null()) return true;
  std::string_view s;
  return v.get_string().get(s) == simdjson::SUCCESS && s.empty();
}

// A view into the parser's buffer: valid until its next parse.
Status GetString(std::string_view field, element v, std::string_view* out) {
  if (v.get_string().get(*out) != simdjson::SUCCESS) return WrongType(field, "a string", v);
  return Status::OK();
}

Status GetString(std::string_view field, element v, std::string* out) {
  std::string_view s;
  NANNI_RETURN_IF_ERROR(GetString(field, v, &s));
  out->assign(s);
  return Status::OK();
}

Status GetInt(std::string_view field, element v, int64_t* out) {
  if (v.get_int64().get(*out) == simdjson::SUCCESS) return Status::OK();
  if (v.is_uint64()) return FieldError(field, "integer out of range");
  return WrongType(field, "an integer", v);
}

// Checks for a key seen twice in one object: JSON allows it, nanni refuses the ambiguity.
// The keys of a usual object fit in place; only unusually wide objects allocate. Each key is
// compared by a fingerprint (its size, first and last byte) before its bytes.
class KeySet {
 public:
  Status Add(std::string_view prefix, std::string_view key) { return Add(prefix, "", key); }
  // The same, the field named `prefix` + `prefix2` + `key` (joined only on error).
  Status Add(std::string_view prefix, std::string_view prefix2, std::string_view key) {
    const uint64_t print = Fingerprint(key);
    if (Seen(print, key)) {
      return Status::InvalidInput(
          fmt::format("field '{}{}{}' appears twice", prefix, prefix2, Printable(key)));
    }
    if (count_ < kInPlace) {
      prints_[count_] = print;
      keys_[count_] = key;
    } else {
      more_.push_back(key);
    }
    ++count_;
    return Status::OK();
  }

 private:
  static constexpr size_t kInPlace = 32;

  // Equal keys have equal fingerprints: the size, the first and the last byte.
  static uint64_t Fingerprint(std::string_view key) {
    if (key.empty()) return 0;
    auto byte = [](char c) { return static_cast<uint64_t>(static_cast<unsigned char>(c)); };
    return (key.size() << 16) | (byte(key.front()) << 8) | byte(key.back());
  }

  bool Seen(uint64_t print, std::string_view key) const {
    const size_t in_place = std::min(count_, kInPlace);
    for (size_t i = 0; i < in_place; ++i) {
      if (prints_[i] == print && keys_[i] == key) return true;
    }
    return std::find(more_.begin(), more_.end(), key) != more_.end();
  }

  uint64_t prints_[kInPlace];
  std::string_view keys_[kInPlace];
  size_t count_ = 0;
  std::vector<std::string_view> more_;
};

Status DecodeContact(std::string_view field, element v, Contact* out) {
  object obj;
  if (v.get_object().get(obj) != simdjson::SUCCESS) return WrongType(field, "an object", v);
  KeySet keys;
  std::string_view side, level;
  for (auto [key, value] : obj) {
    // The field's full name, built only for an error message (most contacts have none).
    auto name = [&, key = key] { return fmt::format("{}.{}", field, Printable(key)); };
    NANNI_RETURN_IF_ERROR(keys.Add(field, ".", key));
    if (value.is_null()) continue;
    std::string* target = key == "id"      ? &out->id
                          : key == "name"  ? &out->name
                          : key == "email" ? &out->email
                          : key == "title" ? &out->title
                                           : nullptr;
    std::string_view* code = key == "side" ? &side : key == "level" ? &level : nullptr;
    if (target == nullptr && code == nullptr) {
      return FieldError(name(), "unknown field (a contact has id, name, email, title, side, level)");
    }
    bool ok = target ? GetString("", value, target).ok() : GetString("", value, code).ok();
    if (!ok) return WrongType(name(), "a string", value);
  }
  if (out->id.empty() && out->name.empty() && out->email.empty()) {
    return FieldError(field, "a contact needs at least one of id, name, email");
  }
  if (side.empty()) return FieldError(std::string(field) + ".side", "missing (ours or theirs)");
  if (!ParseSide(side, &out->side)) {
    return FieldError(std::string(field) + ".side",
                      fmt::format("'{}' is not ours or theirs", Printable(side, 40)));
  }
  if (!level.empty() && !ParseLevel(level, &out->level)) {
    return FieldError(std::string(field) + ".level",
                      fmt::format("'{}' is not executive, manager, user or agent",
                                  Printable(level, 40)));
  }
  return Status::OK();
}

Status DecodeSource(element v, SourceRef* out) {
  object obj;
  if (v.get_object().get(obj) != simdjson::SUCCESS) return WrongType("source", "an object", v);
  KeySet keys;
  for (auto [key, value] : obj) {
    NANNI_RETURN_IF_ERROR(keys.Add("source.", key));
    if (value.is_null()) continue;
    if (key == "file") {
      NANNI_RETURN_IF_ERROR(GetString("source.file", value, &out->file));
    } else if (key == "ref") {
      NANNI_RETURN_IF_ERROR(GetString("source.ref", value, &out->ref));
    } else if (key == "line") {
      NANNI_RETURN_IF_ERROR(GetInt("source.line", value, &out->line));
      if (out->line < 0) return FieldError("source.line", "must not be negative");
    } else {
      return FieldError(fmt::format("source.{}", Printable(key)), "unknown field (source has file, line, ref)");
    }
  }
  return Status::OK();
}

Status DecodeMeta(element v, std::vector<std::pair<std::string, std::string>>* out) {
  object obj;
  if (v.get_object().get(obj) != simdjson::SUCCESS) return WrongType("meta", "an object", v);
  KeySet keys;
  for (auto [key, value] : obj) {
    NANNI_RETURN_IF_ERROR(keys.Add("meta.", key));
    std::string s;
    NANNI_RETURN_IF_ERROR(GetString(fmt::format("meta.{}", Printable(key)), value, &s));
    if (!s.empty()) out->emplace_back(std::string(key), std::move(s));
  }
  std::sort(out->begin(), out->end());
  return Status::OK();
}

// Reads an attribute's value by its type, then checks it against its spec (event/validate.h).
Status DecodeAttribute(const AttributeSpec& spec, element v, Event* out) {
  std::string_view field = spec.name;
  AttributeValue value;
  switch (spec.type) {
    case AttributeType::kInt:
    case AttributeType::kNonNegative: {
      int64_t i;
      NANNI_RETURN_IF_ERROR(GetInt(field, v, &i));
      value = i;
      break;
    }
    case AttributeType::kTime: {
      std::string_view s;
      NANNI_RETURN_IF_ERROR(GetString(field, v, &s));
      Timestamp t;
      Status st = ParseRfc3339(s, &t);
      if (!st.ok()) return FieldError(field, st.message());
      value = t;
      break;
    }
    case AttributeType::kString:
    case AttributeType::kId:
    case AttributeType::kEnum:
    case AttributeType::kCurrency: {
      std::string s;
      NANNI_RETURN_IF_ERROR(GetString(field, v, &s));
      value = std::move(s);
      break;
    }
  }
  NANNI_RETURN_IF_ERROR(CheckAttribute(spec, value));
  out->SetAttr(std::string(field), std::move(value));
  return Status::OK();
}

// Fields every kind has. Returns false in *known when `key` is not one of them.
Status DecodeCommonField(std::string_view key, element v, Event* out, bool* known) {
  *known = true;
  if (key == "id") return GetString(key, v, &out->id);
  if (key == "account") return GetString(key, v, &out->account);
  if (key == "thread") return GetString(key, v, &out->thread);
  if (key == "reply_to") return GetString(key, v, &out->reply_to);
  if (key == "corrects") return GetString(key, v, &out->corrects);
  if (key == "channel") return GetString(key, v, &out->channel);
  if (key == "subject") return GetString(key, v, &out->subject);
  if (key == "text") return GetString(key, v, &out->text);
  if (key == "new_text") return GetString(key, v, &out->new_text);
  if (key == "source") return DecodeSource(v, &out->source);
  if (key == "meta") return DecodeMeta(v, &out->meta);
  if (key == "from") {
    out->from.emplace();
    return DecodeContact("from", v, &*out->from);
  }
  if (key == "to") {
    simdjson::dom::array arr;
    if (v.get_array().get(arr) != simdjson::SUCCESS) return WrongType("to", "an array", v);
    size_t i = 0;
    for (element c : arr) {
      out->to.emplace_back();
      char name[32];  // "to[N]", without allocating
      size_t size = std::min(fmt::format_to_n(name, sizeof name, "to[{}]", i++).size, sizeof name);
      NANNI_RETURN_IF_ERROR(DecodeContact(std::string_view(name, size), c, &out->to.back()));
    }
    return Status::OK();
  }
  *known = false;
  return Status::OK();
}

Status CheckRequired(const KindSpec& spec, const Event& e) {
  if (e.id.empty()) return FieldError("id", "missing");
  NANNI_RETURN_IF_ERROR(CheckIdentifier("id", e.id, kMaxIdBytes));
  if (e.account.empty()) return FieldError("account", "missing");
  NANNI_RETURN_IF_ERROR(CheckIdentifier("account", e.account, kMaxAccountBytes));
  NANNI_RETURN_IF_ERROR(CheckIdentifier("reply_to", e.reply_to, kMaxIdBytes));
  NANNI_RETURN_IF_ERROR(CheckIdentifier("corrects", e.corrects, kMaxIdBytes));
  if (!e.channel.empty()) NANNI_RETURN_IF_ERROR(CheckChannel(e.channel));
  if (spec.needs_reply_to && e.reply_to.empty()) {
    return FieldError("reply_to", fmt::format("missing (a {} must say what it answers)", spec.name));
  }
  if (spec.needs_to && e.to.empty()) {
    return FieldError("to", fmt::format("missing (a {} must say to whom)", spec.name));
  }
  for (const AttributeSpec& a : spec.attributes) {
    if (!a.required) continue;
    bool present = std::any_of(e.attributes.begin(), e.attributes.end(),
                               [&](const auto& attr) { return attr.first == a.name; });
    if (!present) {
      return FieldError(a.name, fmt::format("missing (required for kind '{}')", spec.name));
    }
  }
  return Status::OK();
}

// Where `json`, which the fast parser refused, goes wrong: the field, the byte and why.
Status SyntaxError(std::string_view json, std::string_view parser_says) {
  JsonSyntaxError e = FindJsonSyntaxError(json);
  if (!e.found) return Status::InvalidInput(fmt::format("not valid JSON ({})", parser_says));
  std::string field = e.field.empty() ? "" : fmt::format("field '{}': ", e.field);
  std::string where = e.at_end ? "at the end of the line" : fmt::format("at byte {}", e.offset + 1);
  return Status::InvalidInput(fmt::format("{}not valid JSON {}: {}", field, where, e.what));
}

}  // namespace

struct EventDecoder::Impl {
  simdjson::dom::parser parser;
  size_t max_event_bytes = 0;
};

EventDecoder::EventDecoder(size_t max_event_bytes) : impl_(new Impl) {
  impl_->max_event_bytes = max_event_bytes;
}
EventDecoder::~EventDecoder() = default;

Status EventDecoder::Decode(std::string_view json, Event* out) {
  *out = Event();
  if (json.size() > impl_->max_event_bytes) {
    return Status::InvalidInput(fmt::format("event is {} bytes; the limit is {} bytes",
                                            json.size(), impl_->max_event_bytes));
  }
  element doc;
  auto error = impl_->parser.parse(json.data(), json.size(), true).get(doc);
  if (error != simdjson::SUCCESS) return SyntaxError(json, simdjson::error_message(error));
  object obj;
  if (doc.get_object().get(obj) != simdjson::SUCCESS) {
    return Status::InvalidInput(fmt::format("expected a JSON object, got {}", TypeName(doc.type())));
  }

  // The kind decides which other fields are allowed, so find it first.
  const KindSpec* spec = nullptr;
  element kind_value;
  if (obj["kind"].get(kind_value) != simdjson::SUCCESS || kind_value.is_null()) {
    return FieldError("kind", "missing");
  }
  std::string_view kind_name;
  NANNI_RETURN_IF_ERROR(GetString("kind", kind_value, &kind_name));
  spec = FindKind(kind_name);
  if (spec == nullptr) {
    return FieldError("kind", fmt::format("unknown kind '{}' (see docs/events.md)", Printable(kind_name, 40)));
  }
  out->kind = spec->kind;
  out->attributes.reserve(spec->attributes.size());  // one allocation, not one per growth

  KeySet keys;
  bool have_time = false;
  for (auto [key, value] : obj) {
    NANNI_RETURN_IF_ERROR(keys.Add("", key));
    if (key == "kind" || IsAbsent(value)) continue;
    if (key == "time") {
      std::string_view s;
      NANNI_RETURN_IF_ERROR(GetString("time", value, &s));
      Status st = ParseRfc3339(s, &out->time);
      if (!st.ok()) return FieldError("time", st.message());
      have_time = true;
      continue;
    }
    bool known = false;
    NANNI_RETURN_IF_ERROR(DecodeCommonField(key, value, out, &known));
    if (known) continue;
    const AttributeSpec* attr = FindAttribute(*spec, key);
    if (attr == nullptr) {
      return FieldError(Printable(key), fmt::format("unknown field for kind '{}' (see docs/events.md)", spec->name));
    }
    NANNI_RETURN_IF_ERROR(DecodeAttribute(*attr, value, out));
  }
  if (!have_time) return FieldError("time", "missing");
  return CheckRequired(*spec, *out);
}

}  // namespace nanni
