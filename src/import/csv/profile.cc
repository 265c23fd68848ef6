#include "import/csv/profile.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>


#include "event/validate.h"
#include "util/printable.h"
#include "util/toml_document.h"

namespace nanni {

namespace {

constexpr std::string_view kFilterNames = "lower, upper, trim, int, nonneg, minor[:DIGITS], "
                                          "default:TEXT, map:NAME, lookup:NAME";

// Builds errors that name the file, the line of the offending TOML node, and the key.
class Errors {
 public:
  explicit Errors(const std::string& file) : file_(file) {}
  const std::string& file() const { return file_; }
  Status At(const toml::node* node, std::string_view key, std::string_view what) const {
    return ProfileKeyError(file_, node != nullptr ? node->source().begin.line : 0, key, what);
  }

 private:
  const std::string& file_;
};

// The profile schema: which keys each table takes (docs/profiles.md). An unknown key that
// another table takes is most likely in the wrong table, and the message says where it goes.
enum class Place { kTop, kCsv, kTime, kLimits, kLookup, kEvent, kContact };

constexpr std::string_view kTopKeys[] = {"name", "description", "source", "csv",  "time",
                                         "maps", "lookup",      "event",  "limits"};
constexpr std::string_view kCsvKeys[] = {"delimiter", "quote",  "header",
                                         "columns",   "ragged", "encoding"};
constexpr std::string_view kTimeKeys[] = {"zone", "formats", "format", "ambiguous"};
constexpr std::string_view kLimitsKeys[] = {"max_lookup_entries"};
constexpr std::string_view kLookupKeys[] = {"name", "key", "value", "when", "unless"};
constexpr std::string_view kEventKeys[] = {
    "kind",    "id",   "account", "time", "time_formats", "thread", "reply_to",
    "corrects", "channel", "subject", "text", "ref", "from", "to", "attributes", "meta", "when",
    "unless"};
constexpr std::string_view kContactKeys[] = {"id", "name", "email", "title", "side", "level"};

struct PlaceKeys {
  Place place;
  std::string_view name;  // as messages name the table
  std::span<const std::string_view> keys;
};
constexpr PlaceKeys kPlaces[] = {
    {Place::kTop, "the top level", kTopKeys},      {Place::kCsv, "[csv]", kCsvKeys},
    {Place::kTime, "[time]", kTimeKeys},           {Place::kLimits, "[limits]", kLimitsKeys},
    {Place::kLookup, "[[lookup]]", kLookupKeys},   {Place::kEvent, "[[event]]", kEventKeys},
    {Place::kContact, "a contact (from, to)", kContactKeys},
};

const PlaceKeys& KeysOf(Place place) {
  for (const PlaceKeys& p : kPlaces) {
    if (p.place == place) return p;
  }
  return kPlaces[0];
}

bool Has(std::span<const std::string_view> keys, std::string_view key) {
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

// Edit distance counting a swap of two neighbours as one edit, for "did you mean" (keys are
// short).
size_t Distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1,
                          d[i - 1][j - 1] + (a[i - 1] != b[j - 1])});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

bool IsTypo(std::string_view typed, std::string_view key) {
  size_t d = Distance(typed, key);
  return d > 0 && d <= (key.size() <= 4 ? 1u : 2u);
}

// A kind with an attribute called `key`, the event's own kind first; nullptr when none.
const KindSpec* KindWithAttribute(std::string_view key, const KindSpec* own) {
  if (own != nullptr && FindAttribute(*own, key) != nullptr) return own;
  for (const KindSpec& k : AllKinds()) {
    if (FindAttribute(k, key) != nullptr) return &k;
  }
  return nullptr;
}

// Keys people write for something the schema names otherwise, and what to write instead.
struct KeyAlias {
  Place place;
  std::string_view key, hint;
};
constexpr std::string_view kOwnFormats =
    "this event's own formats are time_formats ([time] formats serve every event)";
constexpr KeyAlias kAliases[] = {
    {Place::kEvent, "formats", kOwnFormats},
    {Place::kEvent, "format", kOwnFormats},
    {Place::kEvent, "type", "the event's kind is 'kind'"},
    {Place::kEvent, "source",
     "source.file and source.line are filled in by nanni; the row's own id goes in 'ref'"},
    {Place::kEvent, "name",
     "a person's name goes in a contact: from = { name = \"...\", side = ... }"},
    {Place::kEvent, "email",
     "a person's email goes in a contact: from = { email = \"...\", side = ... }"},
    {Place::kEvent, "zone", "'zone' belongs in [time], for every event"},
};

// Why `key` is not known in `place`, and where it belongs when the schema says.
std::string UnknownKey(std::string_view key, Place place, const KindSpec* kind) {
  const std::string shown = Printable(key, 60);
  for (const KeyAlias& a : kAliases) {
    if (a.place == place && a.key == key) return fmt::format("unknown key: {}", a.hint);
  }
  if (const KindSpec* k = KindWithAttribute(key, kind)) {
    if (k == kind) {
      return fmt::format("unknown key: '{0}' is an attribute of a {1} event, so it belongs in "
                         "[event.attributes] (attributes = {{ {0} = \"...\" }})", shown, k->name);
    }
    if (place == Place::kEvent) {
      return fmt::format("unknown key: '{}' is an attribute of {} events (in [event.attributes]), "
                         "and this is {} event", shown, k->name,
                         kind ? fmt::format("a {}", kind->name) : std::string("another"));
    }
  }
  std::string elsewhere;
  for (const PlaceKeys& p : kPlaces) {
    if (p.place != place && Has(p.keys, key)) {
      elsewhere += fmt::format("{}{}", elsewhere.empty() ? "" : " or ", p.name);
    }
  }
  if (!elsewhere.empty()) {
    return fmt::format("unknown key here: '{}' belongs in {}", shown, elsewhere);
  }
  const PlaceKeys& here = KeysOf(place);
  for (std::string_view k : here.keys) {
    if (IsTypo(key, k)) return fmt::format("unknown key: did you mean '{}'?", k);
  }
  for (const PlaceKeys& p : kPlaces) {
    for (std::string_view k : p.keys) {
      if (IsTypo(key, k)) return fmt::format("unknown key: did you mean '{}' in {}?", k, p.name);
    }
  }
  std::string list;
  for (auto a : here.keys) list += fmt::format("{}{}", list.empty() ? "" : ", ", a);
  return fmt::format("unknown key (expected one of: {})", list);
}

// Refuses a key `place` does not take; `kind` is the event's kind, when known (kEvent).
Status CheckKeys(const Errors& err, const toml::table& t, std::string_view prefix, Place place,
                 const KindSpec* kind = nullptr) {
  const PlaceKeys& allowed = KeysOf(place);
  for (const auto& [k, v] : t) {
    if (!Has(allowed.keys, k.str())) {
      return err.At(&v, fmt::format("{}{}", prefix, k.str()), UnknownKey(k.str(), place, kind));
    }
  }
  return Status::OK();
}

Status GetString(const Errors& err, const toml::table& t, std::string_view prefix,
                 std::string_view key, std::string* out) {
  const toml::node* n = t.get(key);
  if (n == nullptr) return Status::OK();
  if (!n->is_string()) return err.At(n, fmt::format("{}{}", prefix, key), "must be a string");
  *out = n->as_string()->get();
  return Status::OK();
}

Status GetChar(const Errors& err, const toml::table& t, std::string_view key, char* out) {
  std::string s = std::string(1, *out);
  NANNI_RETURN_IF_ERROR(GetString(err, t, "csv.", key, &s));
  if (s == "\\t" || s == "tab") s = "\t";
  if (key == "quote" && s.empty()) { *out = '\0'; return Status::OK(); }
  if (s.size() != 1 || s[0] == '\n' || s[0] == '\r') {
    return err.At(t.get(key), fmt::format("csv.{}", key), "must be one character (\"\\t\" for tab)");
  }
  *out = s[0];
  return Status::OK();
}

Status ParseCsv(const Errors& err, const toml::table& root, Profile* p) {
  const toml::node* n = root.get("csv");
  if (n == nullptr) return Status::OK();
  if (!n->is_table()) return err.At(n, "csv", "must be a table");
  const toml::table& t = *n->as_table();
  NANNI_RETURN_IF_ERROR(
      CheckKeys(err, t, "csv.", Place::kCsv));
  NANNI_RETURN_IF_ERROR(GetChar(err, t, "delimiter", &p->dialect.delimiter));
  NANNI_RETURN_IF_ERROR(GetChar(err, t, "quote", &p->dialect.quote));
  if (p->dialect.delimiter == p->dialect.quote) {
    return err.At(t.get("quote"), "csv.quote", "must differ from the delimiter");
  }
  if (const toml::node* h = t.get("header")) {
    if (!h->is_boolean()) return err.At(h, "csv.header", "must be true or false");
    p->header = h->as_boolean()->get();
  }
  if (const toml::node* c = t.get("columns")) {
    const toml::array* a = c->as_array();
    if (a == nullptr) return err.At(c, "csv.columns", "must be an array of column names");
    for (const auto& v : *a) {
      if (!v.is_string()) return err.At(&v, "csv.columns", "must be an array of column names");
      p->columns.push_back(v.as_string()->get());
    }
  }
  if (!p->header && p->columns.empty()) {
    return err.At(t.get("header"), "csv.columns", "is required when header = false");
  }
  std::string ragged = "reject", encoding = "utf-8";
  NANNI_RETURN_IF_ERROR(GetString(err, t, "csv.", "ragged", &ragged));
  NANNI_RETURN_IF_ERROR(GetString(err, t, "csv.", "encoding", &encoding));
  if (ragged != "reject" && ragged != "pad") {
    return err.At(t.get("ragged"), "csv.ragged", "must be \"reject\" or \"pad\"");
  }
  p->pad_short_rows = ragged == "pad";
  if (encoding == "latin-1" || encoding == "iso-8859-1") {
    p->latin1 = true;
  } else if (encoding != "utf-8") {
    return err.At(t.get("encoding"), "csv.encoding", "must be \"utf-8\" or \"latin-1\"");
  }
  return Status::OK();
}

Status GetFormats(const Errors& err, const toml::table& t, std::string_view key,
                  std::vector<std::string>* out) {
  const toml::node* n = t.get("formats");
  if (n == nullptr) n = t.get("format");
  if (n == nullptr) return Status::OK();
  out->clear();
  if (n->is_string()) {
    out->push_back(n->as_string()->get());
  } else if (const toml::array* a = n->as_array()) {
    for (const auto& v : *a) {
      if (!v.is_string()) return err.At(&v, key, "must be a string or an array of strings");
      out->push_back(v.as_string()->get());
    }
  } else {
    return err.At(n, key, "must be a string or an array of strings");
  }
  for (const std::string& f : *out) {
    if (f.find('%') == std::string::npos) {
      return err.At(n, key, fmt::format("format '{}' has no % field (see docs/profiles.md)",
                                        Printable(f, 80)));
    }
  }
  return Status::OK();
}

Status ParseTime(const Errors& err, const toml::table& root, Profile* p) {
  const toml::node* n = root.get("time");
  if (n == nullptr) return Status::OK();
  if (!n->is_table()) return err.At(n, "time", "must be a table");
  const toml::table& t = *n->as_table();
  NANNI_RETURN_IF_ERROR(CheckKeys(err, t, "time.", Place::kTime));
  NANNI_RETURN_IF_ERROR(GetString(err, t, "time.", "zone", &p->zone));
  Timestamp probe;
  if (!LocalToTimestamp(0, p->zone, Ambiguity::kEarliest, &probe).ok()) {
    return err.At(t.get("zone"), "time.zone",
                  fmt::format("unknown time zone '{}' (use an IANA name such as "
                              "\"Europe/Berlin\", or \"UTC\")", Printable(p->zone, 80)));
  }
  std::string amb = "earliest";
  NANNI_RETURN_IF_ERROR(GetString(err, t, "time.", "ambiguous", &amb));
  if (amb == "earliest") p->ambiguity = Ambiguity::kEarliest;
  else if (amb == "latest") p->ambiguity = Ambiguity::kLatest;
  else if (amb == "reject") p->ambiguity = Ambiguity::kReject;
  else return err.At(t.get("ambiguous"), "time.ambiguous", "must be earliest, latest or reject");
  return GetFormats(err, t, "time.formats", &p->time_formats);
}

Status ParseMaps(const Errors& err, const toml::table& root, Profile* p) {
  const toml::node* n = root.get("maps");
  if (n == nullptr) return Status::OK();
  if (!n->is_table()) return err.At(n, "maps", "must be a table of tables");
  for (const auto& [name, v] : *n->as_table()) {
    std::string key = fmt::format("maps.{}", name.str());
    if (!v.is_table()) return err.At(&v, key, "must be a table of \"value\" = \"replacement\"");
    ValueMap m;
    m.name = name.str();
    for (const auto& [from, to] : *v.as_table()) {
      if (!to.is_string()) {
        return err.At(&to, fmt::format("{}.{}", key, from.str()), "must be a string");
      }
      if (from.str() == "*") m.fallback = to.as_string()->get();
      else m.values.emplace(from.str(), to.as_string()->get());
      m.lines.emplace(from.str(), to.source().begin.line);
    }
    p->maps.push_back(std::move(m));
  }
  return Status::OK();
}

Status ParseFilter(std::string_view text, const Profile& p, TemplateFilter* f) {
  std::string_view name = text, arg;
  bool has_arg = false;
  if (size_t colon = text.find(':'); colon != std::string_view::npos) {
    name = text.substr(0, colon);
    arg = text.substr(colon + 1);
    has_arg = true;
  }
  using Op = TemplateFilter::Op;
  f->arg = std::string(arg);
  auto no_arg = [&](Op op) {
    f->op = op;
    return has_arg ? Status::InvalidInput(
                         fmt::format("filter '{}' takes no argument", Printable(name, 40)))
                   : Status::OK();
  };
  if (name == "lower") return no_arg(Op::kLower);
  if (name == "upper") return no_arg(Op::kUpper);
  if (name == "trim") return no_arg(Op::kTrim);
  if (name == "int") return no_arg(Op::kInt);
  if (name == "nonneg") return no_arg(Op::kNonNeg);
  if (name == "default") {
    f->op = Op::kDefault;
    return Status::OK();
  }
  if (name == "minor") {
    f->op = Op::kMinor;
    f->index = 2;
    if (has_arg) {
      if (arg.size() != 1 || arg[0] < '0' || arg[0] > '4') {
        return Status::InvalidInput("filter 'minor' takes the number of decimals, 0 to 4");
      }
      f->index = arg[0] - '0';
    }
    return Status::OK();
  }
  if (name == "map") {
    f->op = Op::kMap;
    for (size_t i = 0; i < p.maps.size(); ++i) {
      if (p.maps[i].name == arg) { f->index = static_cast<int>(i); return Status::OK(); }
    }
    return Status::InvalidInput(
        fmt::format("filter 'map:{0}': no [maps.{0}] table", Printable(arg, 40)));
  }
  if (name == "lookup") {
    f->op = Op::kLookup;
    for (size_t i = 0; i < p.lookups.size(); ++i) {
      if (p.lookups[i].name == arg) { f->index = static_cast<int>(i); return Status::OK(); }
    }
    return Status::InvalidInput(
        fmt::format("filter 'lookup:{0}': no [[lookup]] named '{0}'", Printable(arg, 40)));
  }
  return Status::InvalidInput(
      fmt::format("unknown filter '{}' (filters: {})", Printable(name, 40), kFilterNames));
}

TemplatePart LiteralPart(std::string text) {
  TemplatePart part;
  part.literal = std::move(text);
  return part;
}

}  // namespace

Status ProfileKeyError(std::string_view file, int64_t line, std::string_view key,
                       std::string_view what) {
  std::string where = Printable(file, 200);
  if (line > 0) where += fmt::format(":{}", line);
  return Status::InvalidInput(fmt::format("{}: key '{}': {}", where, Printable(key, 120), what));
}

Status ParseTemplate(std::string_view text, const Profile& profile, Template* out) {
  out->text = std::string(text);
  out->parts.clear();
  std::string literal;
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
      literal += c;
      i += 2;
      continue;
    }
    if (c == '}') return Status::InvalidInput("a lone '}' (write '}}' for a brace)");
    if (c != '{') {
      literal += c;
      ++i;
      continue;
    }
    size_t close = text.find('}', i);
    if (close == std::string_view::npos) return Status::InvalidInput("a '{' without its '}'");
    if (!literal.empty()) {
      out->parts.push_back(LiteralPart(std::move(literal)));
      literal.clear();
    }
    std::string_view inner = text.substr(i + 1, close - i - 1);
    TemplatePart part;
    size_t bar = inner.find('|');
    part.column = std::string(inner.substr(0, bar));
    if (part.column.empty()) return Status::InvalidInput("'{}' names no column");
    if (part.column == "@line") part.special = TemplatePart::Special::kLine;
    else if (part.column == "@file") part.special = TemplatePart::Special::kFile;
    else if (part.column[0] == '@') {
      return Status::InvalidInput(
          fmt::format("unknown '{}' (only @line and @file)", Printable(part.column, 40)));
    }
    while (bar != std::string_view::npos) {
      size_t next = inner.find('|', bar + 1);
      TemplateFilter f;
      NANNI_RETURN_IF_ERROR(ParseFilter(inner.substr(bar + 1, next - bar - 1), profile, &f));
      part.filters.push_back(std::move(f));
      bar = next;
    }
    out->parts.push_back(std::move(part));
    i = close + 1;
  }
  if (!literal.empty()) out->parts.push_back(LiteralPart(std::move(literal)));
  return Status::OK();
}

namespace {

Status GetTemplate(const Errors& err, const toml::table& t, std::string_view prefix,
                   std::string_view key, const Profile& p, Template* out) {
  const toml::node* n = t.get(key);
  if (n == nullptr) return Status::OK();
  std::string full = fmt::format("{}{}", prefix, key);
  if (!n->is_string()) return err.At(n, full, "must be a string (a template such as \"{column}\")");
  Status st = ParseTemplate(n->as_string()->get(), p, out);
  if (!st.ok()) return err.At(n, full, st.message());
  out->line = n->source().begin.line;
  return Status::OK();
}

Status GetConditions(const Errors& err, const toml::table& t, std::string_view prefix,
                     std::string_view key, const Profile& p, std::vector<Condition>* out) {
  const toml::node* n = t.get(key);
  if (n == nullptr) return Status::OK();
  std::string full = fmt::format("{}{}", prefix, key);
  if (!n->is_table()) {
    return err.At(n, full, "must be a table of \"{template}\" = \"value\" or [\"values\"]");
  }
  for (const auto& [k, v] : *n->as_table()) {
    Condition c;
    Status st = ParseTemplate(k.str(), p, &c.value);
    if (!st.ok()) return err.At(&v, fmt::format("{}.\"{}\"", full, k.str()), st.message());
    c.value.line = v.source().begin.line;
    if (v.is_string()) {
      c.values.push_back(v.as_string()->get());
    } else if (const toml::array* a = v.as_array()) {
      for (const auto& x : *a) {
        if (!x.is_string()) return err.At(&x, full, "values must be strings");
        c.values.push_back(x.as_string()->get());
      }
    } else {
      return err.At(&v, full, "values must be a string or an array of strings");
    }
    out->push_back(std::move(c));
  }
  return Status::OK();
}

Status ParseContact(const Errors& err, const toml::node* n, const std::string& key,
                    const Profile& p, ContactSpec* c) {
  if (!n->is_table()) return err.At(n, key, "must be a table {id, name, email, title, side, level}");
  const toml::table& t = *n->as_table();
  std::string prefix = key + ".";
  NANNI_RETURN_IF_ERROR(CheckKeys(err, t, prefix, Place::kContact));
  NANNI_RETURN_IF_ERROR(GetTemplate(err, t, prefix, "id", p, &c->id));
  NANNI_RETURN_IF_ERROR(GetTemplate(err, t, prefix, "name", p, &c->name));
  NANNI_RETURN_IF_ERROR(GetTemplate(err, t, prefix, "email", p, &c->email));
  NANNI_RETURN_IF_ERROR(GetTemplate(err, t, prefix, "title", p, &c->title));
  std::string side, level;
  NANNI_RETURN_IF_ERROR(GetString(err, t, prefix, "side", &side));
  NANNI_RETURN_IF_ERROR(GetString(err, t, prefix, "level", &level));
  if (!ParseSide(side, &c->side) || c->side == Side::kUnknown) {
    return err.At(t.get("side") ? t.get("side") : n, prefix + "side", "must be \"ours\" or \"theirs\"");
  }
  if (!level.empty() && !ParseLevel(level, &c->level)) {
    return err.At(t.get("level"), prefix + "level", "must be executive, manager, user or agent");
  }
  if (!c->id.set() && !c->name.set() && !c->email.set()) {
    return err.At(n, key, "needs at least one of id, name and email");
  }
  return Status::OK();
}

std::string KindNames() {
  std::string names;
  for (const KindSpec& k : AllKinds()) {
    names += fmt::format("{}{}", names.empty() ? "" : ", ", k.name);
  }
  return names;
}

// Why `kind` has no attribute `key`, and what it has or where `key` belongs.
std::string NoSuchAttribute(std::string_view key, const KindSpec& kind) {
  const std::string shown = Printable(key, 60);
  if (Has(kEventKeys, key)) {
    return fmt::format("'{}' is not an attribute but a key of [[event]]: write it beside kind",
                       shown);
  }
  std::string has;
  for (const AttributeSpec& a : kind.attributes) {
    if (IsTypo(key, a.name)) {
      return fmt::format("a {} event has no such attribute: did you mean '{}'?", kind.name, a.name);
    }
    has += fmt::format("{}{}", has.empty() ? "" : ", ", a.name);
  }
  std::string what =
      has.empty()
          ? fmt::format("a {} event has no attributes", kind.name)
          : fmt::format("a {} event has no such attribute (its attributes: {})", kind.name, has);
  if (const KindSpec* other = KindWithAttribute(key, nullptr)) {
    what += fmt::format("; '{}' is an attribute of {} events", shown, other->name);
  }
  return what;
}

// The message of a failed value check, without its "field 'NAME': " (the key names it).
std::string Reason(const Status& st) {
  const std::string& m = st.message();
  if (m.rfind("field '", 0) == 0) {
    if (size_t end = m.find("': "); end != std::string::npos) return m.substr(end + 3);
  }
  return m;
}

// Values a template can only take from the profile itself, checked now rather than on every
// row: a literal ("chat"), or a column through a map as its last filter ("{c|map:channel}"),
// whose every replacement the field must accept ("" means absent, and passes).
template <typename Check>
Status CheckFixedValues(const Errors& err, const toml::node* node, const std::string& key,
                        const Template& t, const Profile& p, Check check) {
  if (!t.set()) return Status::OK();
  bool literal = std::all_of(t.parts.begin(), t.parts.end(),
                             [](const TemplatePart& part) { return part.column.empty(); });
  if (literal) {
    std::string value;
    for (const TemplatePart& part : t.parts) value += part.literal;
    if (value.empty()) return Status::OK();
    Status st = check(value);
    return st.ok() ? st : err.At(node, key, Reason(st));
  }
  if (t.parts.size() != 1 || t.parts[0].filters.empty() ||
      t.parts[0].filters.back().op != TemplateFilter::Op::kMap) {
    return Status::OK();
  }
  const ValueMap& m = p.maps[t.parts[0].filters.back().index];
  Status first;  // the bad entry written first, whatever the map's order
  int64_t first_line = 0;
  auto check_one = [&](const std::string& from, const std::string& to) {
    if (to.empty()) return;
    Status st = check(to);
    auto at = m.lines.find(from);
    int64_t line = at == m.lines.end() ? 0 : at->second;
    if (st.ok() || (!first.ok() && line >= first_line)) return;
    first = ProfileKeyError(err.file(), line, fmt::format("maps.{}.{}", m.name, from),
                            fmt::format("{} ({} reads this map)", Reason(st), key));
    first_line = line;
  };
  for (const auto& [from, to] : m.values) check_one(from, to);
  if (m.fallback) check_one("*", *m.fallback);
  return first;
}

Status ParseEvent(const Errors& err, const toml::node& node, size_t index, const Profile& p,
                  EventRecipe* e) {
  e->where = fmt::format("event[{}]", index + 1);
  std::string prefix = e->where + ".";
  if (!node.is_table()) return err.At(&node, e->where, "must be a table");
  const toml::table& t = *node.as_table();
  const toml::node* kind_node = t.get("kind");
  std::string kind;
  if (kind_node != nullptr && kind_node->is_string()) kind = kind_node->as_string()->get();
  NANNI_RETURN_IF_ERROR(CheckKeys(err, t, prefix, Place::kEvent, FindKind(kind)));
  NANNI_RETURN_IF_ERROR(GetString(err, t, prefix, "kind", &kind));
  e->kind = FindKind(kind);
  if (e->kind == nullptr) {
    return err.At(kind_node ? kind_node : &node, prefix + "kind",
                  kind_node ? fmt::format("unknown kind '{}' (kinds: {}; see docs/events.md)",
                                          Printable(kind, 40), KindNames())
                            : fmt::format("is required (kinds: {})", KindNames()));
  }
  struct { std::string_view key; Template* tpl; bool required; } fields[] = {
      {"id", &e->id, true},          {"account", &e->account, true},
      {"time", &e->time, true},      {"thread", &e->thread, false},
      {"reply_to", &e->reply_to, e->kind->needs_reply_to},
      {"corrects", &e->corrects, false}, {"channel", &e->channel, false},
      {"subject", &e->subject, false}, {"text", &e->text, false}, {"ref", &e->ref, false}};
  for (auto& f : fields) {
    NANNI_RETURN_IF_ERROR(GetTemplate(err, t, prefix, f.key, p, f.tpl));
    if (f.required && !f.tpl->set()) {
      return err.At(&node, prefix + std::string(f.key),
                    fmt::format("is required for a {} event", e->kind->name));
    }
  }
  NANNI_RETURN_IF_ERROR(CheckFixedValues(err, t.get("channel"), prefix + "channel", e->channel, p,
                                         [](std::string_view s) { return CheckChannel(s); }));
  if (const toml::node* tf = t.get("time_formats")) {
    toml::table wrap;
    wrap.insert("formats", *tf);
    NANNI_RETURN_IF_ERROR(GetFormats(err, wrap, prefix + "time_formats", &e->time_formats));
  }
  if (const toml::node* f = t.get("from")) {
    e->from.emplace();
    NANNI_RETURN_IF_ERROR(ParseContact(err, f, prefix + "from", p, &*e->from));
  }
  if (const toml::node* to = t.get("to")) {
    const toml::array* a = to->as_array();
    if (a == nullptr) return err.At(to, prefix + "to", "must be an array of contact tables");
    for (size_t i = 0; i < a->size(); ++i) {
      ContactSpec c;
      NANNI_RETURN_IF_ERROR(ParseContact(err, a->get(i), fmt::format("{}to[{}]", prefix, i + 1), p, &c));
      e->to.push_back(std::move(c));
    }
  }
  if (e->kind->needs_to && e->to.empty()) {
    return err.At(&node, prefix + "to", fmt::format("is required for a {} event", e->kind->name));
  }
  if (const toml::node* a = t.get("attributes")) {
    if (!a->is_table()) return err.At(a, prefix + "attributes", "must be a table");
    for (const auto& [k, v] : *a->as_table()) {
      std::string key = fmt::format("{}attributes.{}", prefix, k.str());
      const AttributeSpec* spec = FindAttribute(*e->kind, k.str());
      if (spec == nullptr) return err.At(&v, key, NoSuchAttribute(k.str(), *e->kind));
      AttributeRecipe r{spec, {}};
      NANNI_RETURN_IF_ERROR(GetTemplate(err, *a->as_table(), prefix + "attributes.", k.str(), p, &r.value));
      if (spec->type == AttributeType::kEnum || spec->type == AttributeType::kCurrency) {
        auto check = [spec](std::string_view s) {
          return CheckAttribute(*spec, AttributeValue(std::string(s)));
        };
        NANNI_RETURN_IF_ERROR(CheckFixedValues(err, &v, key, r.value, p, check));
      }
      e->attributes.push_back(std::move(r));
    }
  }
  for (const AttributeSpec& spec : e->kind->attributes) {
    if (!spec.required) continue;
    bool found = std::any_of(e->attributes.begin(), e->attributes.end(),
                             [&](const AttributeRecipe& r) { return r.spec == &spec; });
    if (!found) {
      return err.At(&node, fmt::format("{}attributes.{}", prefix, spec.name),
                    fmt::format("is required for a {} event", e->kind->name));
    }
  }
  if (const toml::node* m = t.get("meta")) {
    if (!m->is_table()) return err.At(m, prefix + "meta", "must be a table");
    for (const auto& [k, v] : *m->as_table()) {
      Template tpl;
      NANNI_RETURN_IF_ERROR(GetTemplate(err, *m->as_table(), prefix + "meta.", k.str(), p, &tpl));
      e->meta.emplace_back(std::string(k.str()), std::move(tpl));
    }
    std::sort(e->meta.begin(), e->meta.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
  }
  NANNI_RETURN_IF_ERROR(GetConditions(err, t, prefix, "when", p, &e->when));
  NANNI_RETURN_IF_ERROR(GetConditions(err, t, prefix, "unless", p, &e->unless));
  if (e->time_formats.empty() && p.time_formats.empty()) {
    return err.At(&node, prefix + "time_formats",
                  "no time format: set [time] formats or this event's time_formats");
  }
  return Status::OK();
}

Status ParseLookups(const Errors& err, const toml::table& root, Profile* p) {
  const toml::node* n = root.get("lookup");
  if (n == nullptr) return Status::OK();
  const toml::array* a = n->as_array();
  if (a == nullptr) return err.At(n, "lookup", "must be [[lookup]] tables");
  for (size_t i = 0; i < a->size(); ++i) {  // names first, so that values can use lookups
    const toml::table* t = a->get(i)->as_table();
    if (t == nullptr) return err.At(a->get(i), "lookup", "must be [[lookup]] tables");
    LookupRecipe l;
    std::string prefix = fmt::format("lookup[{}].", i + 1);
    NANNI_RETURN_IF_ERROR(CheckKeys(err, *t, prefix, Place::kLookup));
    NANNI_RETURN_IF_ERROR(GetString(err, *t, prefix, "name", &l.name));
    if (l.name.empty()) return err.At(a->get(i), prefix + "name", "is required");
    p->lookups.push_back(std::move(l));
  }
  for (size_t i = 0; i < a->size(); ++i) {
    const toml::table& t = *a->get(i)->as_table();
    LookupRecipe& l = p->lookups[i];
    std::string prefix = fmt::format("lookup[{}].", i + 1);
    NANNI_RETURN_IF_ERROR(GetTemplate(err, t, prefix, "key", *p, &l.key));
    NANNI_RETURN_IF_ERROR(GetTemplate(err, t, prefix, "value", *p, &l.value));
    if (!l.key.set() || !l.value.set()) {
      return err.At(a->get(i), prefix + (l.key.set() ? "value" : "key"), "is required");
    }
    for (const auto& part : l.key.parts) {
      for (const auto& f : part.filters) {
        if (f.op == TemplateFilter::Op::kLookup) {
          return err.At(a->get(i), prefix + "key", "a lookup's key cannot use a lookup");
        }
      }
    }
    NANNI_RETURN_IF_ERROR(GetConditions(err, t, prefix, "when", *p, &l.when));
    NANNI_RETURN_IF_ERROR(GetConditions(err, t, prefix, "unless", *p, &l.unless));
  }
  return Status::OK();
}

}  // namespace

Status ParseProfile(std::string_view text, const std::string& file, Profile* out) {
  *out = Profile();
  out->file = file;
  Errors err(out->file);
  toml::table root;
  NANNI_RETURN_IF_ERROR(ParseTomlDocument(text, file, &root));
  NANNI_RETURN_IF_ERROR(CheckKeys(err, root, "", Place::kTop));
  NANNI_RETURN_IF_ERROR(GetString(err, root, "", "name", &out->name));
  NANNI_RETURN_IF_ERROR(GetString(err, root, "", "description", &out->description));
  NANNI_RETURN_IF_ERROR(GetString(err, root, "", "source", &out->source));
  NANNI_RETURN_IF_ERROR(ParseCsv(err, root, out));
  NANNI_RETURN_IF_ERROR(ParseTime(err, root, out));
  NANNI_RETURN_IF_ERROR(ParseMaps(err, root, out));
  if (const toml::node* l = root.get("limits")) {
    const toml::table* t = l->as_table();
    if (t == nullptr) return err.At(l, "limits", "must be a table");
    NANNI_RETURN_IF_ERROR(CheckKeys(err, *t, "limits.", Place::kLimits));
    if (const toml::node* m = t->get("max_lookup_entries")) {
      if (!m->is_integer() || m->as_integer()->get() < 1) {
        return err.At(m, "limits.max_lookup_entries", "must be a positive integer");
      }
      out->max_lookup_entries = static_cast<uint64_t>(m->as_integer()->get());
    }
  }
  NANNI_RETURN_IF_ERROR(ParseLookups(err, root, out));
  const toml::node* ev = root.get("event");
  const toml::array* events = ev ? ev->as_array() : nullptr;
  if (events == nullptr || events->empty()) {
    return err.At(ev, "event", "at least one [[event]] table is required");
  }
  for (size_t i = 0; i < events->size(); ++i) {
    EventRecipe e;
    NANNI_RETURN_IF_ERROR(ParseEvent(err, *events->get(i), i, *out, &e));
    out->events.push_back(std::move(e));
  }
  return Status::OK();
}

Status LoadProfileFile(const std::string& path, Profile* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(fmt::format("{}: cannot open the profile", Printable(path, 200)));
  std::stringstream ss;
  ss << in.rdbuf();
  if (ss.str().size() > (1 << 20)) {
    return Status::InvalidInput(fmt::format("{}: a profile is at most 1 MiB", Printable(path, 200)));
  }
  return ParseProfile(ss.str(), path, out);
}

}  // namespace nanni
