#include "import/csv/profile_mapper.h"

#include <date/date.h>
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <limits>
#include <span>

#include "event/validate.h"
#include "util/printable.h"
#include "util/utf8.h"

namespace nanni {

namespace {

void AppendLatin1(std::string_view s, std::string* out) {
  for (unsigned char c : s) {
    if (c < 0x80) {
      out->push_back(static_cast<char>(c));
    } else {
      out->push_back(static_cast<char>(0xC0 | (c >> 6)));
      out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "42", "-3", "3.0", "3.00" -> integer text.
Status IntFilter(std::string* v) {
  std::string_view s = Trim(*v);
  if (s.empty()) { v->clear(); return Status::OK(); }
  std::string_view digits = s;
  bool neg = false;
  if (digits[0] == '-' || digits[0] == '+') { neg = digits[0] == '-'; digits.remove_prefix(1); }
  if (size_t dot = digits.find('.'); dot != std::string_view::npos) {
    std::string_view frac = digits.substr(dot + 1);
    if (!std::all_of(frac.begin(), frac.end(), [](char c) { return c == '0'; })) {
      return Status::InvalidInput(fmt::format("'{}' is not a whole number", Printable(s, 60)));
    }
    digits = digits.substr(0, dot);
  }
  if (!AllDigits(digits) || digits.size() > 18) {
    return Status::InvalidInput(fmt::format("'{}' is not an integer", Printable(s, 60)));
  }
  *v = (neg ? "-" : "") + std::string(digits);
  return Status::OK();
}

// "1234.5" with 2 decimals -> "123450".
Status MinorFilter(int decimals, std::string* v) {
  std::string_view s = Trim(*v);
  if (s.empty()) { v->clear(); return Status::OK(); }
  std::string_view body = s;
  bool neg = false;
  if (body[0] == '-' || body[0] == '+') { neg = body[0] == '-'; body.remove_prefix(1); }
  std::string_view whole = body, frac;
  if (size_t dot = body.find('.'); dot != std::string_view::npos) {
    whole = body.substr(0, dot);
    frac = body.substr(dot + 1);
  }
  if (!AllDigits(whole) || (!frac.empty() && !AllDigits(frac)) ||
      frac.size() > static_cast<size_t>(decimals) || whole.size() > 15) {
    return Status::InvalidInput(fmt::format(
        "'{}' is not an amount with at most {} decimals", Printable(s, 60), decimals));
  }
  std::string out = neg ? "-" : "";
  out += whole;
  out += frac;
  out.append(decimals - frac.size(), '0');
  *v = std::move(out);
  return Status::OK();
}

Status ParseInt64(std::string_view s, int64_t* out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  if (ec != std::errc() || p != s.data() + s.size()) {
    return Status::InvalidInput(fmt::format("'{}' is not an integer", Printable(s, 60)));
  }
  return Status::OK();
}

}  // namespace

ProfileMapper::ProfileMapper(Profile profile, std::string file_name)
    : profile_(std::move(profile)), file_name_(std::move(file_name)),
      lookups_(profile_.lookups.size()) {
  auto watch = [&](const std::vector<std::string>& formats) {
    for (const std::string& f : formats) {
      bool known = std::any_of(watches_.begin(), watches_.end(),
                               [&](const DayMonthWatch& w) { return w.format == f; });
      if (known || !DayMonthAmbiguous(f)) continue;
      watches_.emplace_back();
      watches_.back().format = f;
    }
  };
  watch(profile_.time_formats);
  for (const EventRecipe& e : profile_.events) watch(e.time_formats);
}

namespace {

constexpr size_t kListedColumns = 40;

// "'a', 'b', 'c'", at most kListedColumns of them, then "... and N more".
std::string ListColumns(const std::vector<std::string>& header) {
  std::string list;
  for (size_t i = 0; i < header.size() && i < kListedColumns; ++i) {
    list += fmt::format("{}'{}'", i ? ", " : "", Printable(header[i], 60));
  }
  if (header.size() > kListedColumns) {
    list += fmt::format(", ... and {} more", header.size() - kListedColumns);
  }
  return list;
}

std::string FoldCase(std::string_view s) {
  s = Trim(s);
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

// A header column that differs from `name` only in ASCII case or surrounding blanks.
const std::string* NearColumn(const std::vector<std::string>& header, std::string_view name) {
  const std::string folded = FoldCase(name);
  for (const std::string& h : header) {
    if (FoldCase(h) == folded) return &h;
  }
  return nullptr;
}

// When the whole header is one column holding another common delimiter, the profile's
// [csv] delimiter is likely wrong: says which one the header uses.
std::string DelimiterHint(const std::vector<std::string>& header, char delimiter) {
  if (header.size() != 1) return "";
  for (char d : {';', ',', '\t', '|'}) {
    if (d == delimiter || header[0].find(d) == std::string::npos) continue;
    std::string shown = d == '\t' ? "\\t" : std::string(1, d);
    return fmt::format(
        "\nhint: the header is one column holding '{0}': set [csv] delimiter = \"{0}\"", shown);
  }
  return "";
}

}  // namespace

Status ProfileMapper::BindTemplate(Template* t, const std::string& key) {
  for (TemplatePart& part : t->parts) {
    if (part.column.empty() || part.special != TemplatePart::Special::kNone) continue;
    part.column_index = -1;
    for (size_t i = 0; i < header_.size(); ++i) {
      if (header_[i] != part.column) continue;
      if (part.column_index >= 0) {  // a template must not silently pick one of two
        return ProfileKeyError(
            profile_.file, t->line, key,
            fmt::format("column '{}' is in the file twice (columns {} and {}), so the template "
                        "could mean either: rename one of them in the file",
                        Printable(part.column, 80), part.column_index + 1, i + 1));
      }
      part.column_index = static_cast<int>(i);
    }
    if (part.column_index >= 0) continue;
    std::string what = fmt::format("column '{}' is not in the file", Printable(part.column, 80));
    if (const std::string* near = NearColumn(header_, part.column)) {
      what += fmt::format(": did you mean '{}'?", Printable(*near, 80));
    }
    what += fmt::format(" (its columns: {})", ListColumns(header_));
    what += DelimiterHint(header_, profile_.dialect.delimiter);
    return ProfileKeyError(profile_.file, t->line, key, what);
  }
  return Status::OK();
}

Status ProfileMapper::Bind(const std::vector<std::string_view>& header) {
  header_.clear();
  if (profile_.header) {
    for (std::string_view h : header) {
      std::string name;
      if (profile_.latin1) AppendLatin1(h, &name); else name = std::string(h);
      header_.push_back(std::move(name));
    }
  } else {
    header_ = profile_.columns;
  }
  columns_ = header_.size();
  for (size_t i = 0; i < profile_.lookups.size(); ++i) {
    LookupRecipe& l = profile_.lookups[i];
    std::string p = fmt::format("lookup[{}].", i + 1);
    NANNI_RETURN_IF_ERROR(BindTemplate(&l.key, p + "key"));
    NANNI_RETURN_IF_ERROR(BindTemplate(&l.value, p + "value"));
    for (Condition& c : l.when) NANNI_RETURN_IF_ERROR(BindTemplate(&c.value, p + "when"));
    for (Condition& c : l.unless) NANNI_RETURN_IF_ERROR(BindTemplate(&c.value, p + "unless"));
  }
  for (EventRecipe& e : profile_.events) {
    std::string p = e.where + ".";
    for (auto [tpl, key] : {std::pair{&e.id, "id"}, {&e.account, "account"}, {&e.time, "time"},
                            {&e.thread, "thread"}, {&e.reply_to, "reply_to"},
                            {&e.corrects, "corrects"}, {&e.channel, "channel"},
                            {&e.subject, "subject"}, {&e.text, "text"}, {&e.ref, "ref"}}) {
      NANNI_RETURN_IF_ERROR(BindTemplate(tpl, p + key));
    }
    auto bind_contact = [&](ContactSpec& c, const std::string& k) -> Status {
      for (auto [t, name] : {std::pair{&c.id, "id"}, {&c.name, "name"}, {&c.email, "email"},
                             {&c.title, "title"}}) {
        NANNI_RETURN_IF_ERROR(BindTemplate(t, fmt::format("{}.{}", k, name)));
      }
      return Status::OK();
    };
    if (e.from) NANNI_RETURN_IF_ERROR(bind_contact(*e.from, p + "from"));
    for (size_t i = 0; i < e.to.size(); ++i) {
      NANNI_RETURN_IF_ERROR(bind_contact(e.to[i], fmt::format("{}to[{}]", p, i + 1)));
    }
    for (AttributeRecipe& a : e.attributes) {
      NANNI_RETURN_IF_ERROR(BindTemplate(&a.value, p + "attributes." + std::string(a.spec->name)));
    }
    for (auto& [k, t] : e.meta) NANNI_RETURN_IF_ERROR(BindTemplate(&t, p + "meta." + k));
    for (Condition& c : e.when) NANNI_RETURN_IF_ERROR(BindTemplate(&c.value, p + "when"));
    for (Condition& c : e.unless) NANNI_RETURN_IF_ERROR(BindTemplate(&c.value, p + "unless"));
  }
  return Status::OK();
}

Status ProfileMapper::Render(const Template& t, const CsvRecord& record, std::string* out) {
  out->clear();
  for (const TemplatePart& part : t.parts) {
    if (part.column.empty()) {
      out->append(part.literal);
      continue;
    }
    if (part.special == TemplatePart::Special::kLine) {
      out->append(std::to_string(record.line));
      continue;
    }
    if (part.special == TemplatePart::Special::kFile) {
      out->append(file_name_);
      continue;
    }
    std::string_view raw;
    if (part.column_index >= 0 && static_cast<size_t>(part.column_index) < record.fields.size()) {
      raw = record.fields[part.column_index];
    }
    if (part.filters.empty() && !profile_.latin1) {
      out->append(raw);
      continue;
    }
    cell_.clear();
    if (profile_.latin1) {
      if (!latin1_.settled) WatchLatin1(raw);
      AppendLatin1(raw, &cell_);
    } else {
      cell_.assign(raw);
    }
    for (const TemplateFilter& f : part.filters) {
      using Op = TemplateFilter::Op;
      switch (f.op) {
        case Op::kLower:
          for (char& c : cell_) if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
          break;
        case Op::kUpper:
          for (char& c : cell_) if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
          break;
        case Op::kTrim:
          cell_ = std::string(Trim(cell_));
          break;
        case Op::kInt: {
          Status st = IntFilter(&cell_);
          if (!st.ok()) return st.WithPrefix(fmt::format("column '{}'", Printable(part.column, 80)));
          break;
        }
        case Op::kNonNeg:
          if (!cell_.empty() && cell_[0] == '-') cell_.clear();
          break;
        case Op::kMinor: {
          Status st = MinorFilter(f.index, &cell_);
          if (!st.ok()) return st.WithPrefix(fmt::format("column '{}'", Printable(part.column, 80)));
          break;
        }
        case Op::kDefault:
          if (cell_.empty()) cell_ = f.arg;
          break;
        case Op::kMap: {
          const ValueMap& m = profile_.maps[f.index];
          auto it = m.values.find(cell_);
          if (it != m.values.end()) cell_ = it->second;
          else if (m.fallback) cell_ = *m.fallback;
          break;
        }
        case Op::kLookup: {
          const auto& table = lookups_[f.index];
          auto it = table.find(cell_);
          if (it != table.end()) cell_ = it->second; else cell_.clear();
          break;
        }
      }
    }
    out->append(cell_);
  }
  return Status::OK();
}

bool ProfileMapper::Matches(const std::vector<Condition>& conditions, const CsvRecord& record,
                            bool all, Status* error) {
  std::string v;
  for (const Condition& c : conditions) {
    Status st = Render(c.value, record, &v);
    if (!st.ok()) { *error = st; return false; }
    bool hit = std::find(c.values.begin(), c.values.end(), v) != c.values.end();
    if (all && !hit) return false;
    if (!all && hit) return true;
  }
  return all;
}

Status ProfileMapper::AddToLookups(const CsvRecord& record) {
  if (IsRepeatedHeader(record) || !record.error.empty() || record.fields.size() > columns_ ||
      (record.fields.size() < columns_ && !profile_.pad_short_rows)) {
    return Status::OK();
  }
  std::string key, value;
  for (size_t i = 0; i < profile_.lookups.size(); ++i) {
    const LookupRecipe& l = profile_.lookups[i];
    Status st;
    if (!Matches(l.when, record, true, &st) || Matches(l.unless, record, false, &st)) continue;
    if (!Render(l.key, record, &key).ok() || !Render(l.value, record, &value).ok()) continue;
    if (key.empty()) continue;
    auto& table = lookups_[i];
    if (table.size() >= profile_.max_lookup_entries && table.find(key) == table.end()) {
      return Status::Aborted(fmt::format(
          "lookup '{}' would hold more than {} entries (raise [limits] max_lookup_entries)",
          Printable(l.name, 60), profile_.max_lookup_entries));
    }
    table.insert_or_assign(key, value);
  }
  return Status::OK();
}

Status ProfileMapper::ParseTimeValue(const std::string& text,
                                     const std::vector<std::string>& formats, Timestamp* out) {
  const auto& list = formats.empty() ? profile_.time_formats : formats;
  for (const std::string& f : list) {
    CivilDate date;
    Status st = ParseTimeWithFormat(text, f, profile_.zone, profile_.ambiguity, out, &date);
    if (st.ok()) {
      if (!watches_.empty()) WatchDayMonth(f, text, date);
      return st;
    }
    if (st.message().find("skipped") != std::string::npos ||
        st.message().find("repeat") != std::string::npos) {
      return st;
    }
  }
  std::string tried;
  for (const std::string& f : list) {
    tried += fmt::format("{}'{}'", tried.empty() ? "" : ", ", Printable(f, 80));
  }
  return Status::InvalidInput(
      fmt::format("'{}' matches no time format ({}){}", Printable(text, 60), tried,
                  TimeFormatHints(text, list, profile_.zone, profile_.ambiguity)));
}

void ProfileMapper::WatchLatin1(std::string_view raw) {
  if (std::all_of(raw.begin(), raw.end(), [](char c) { return (c & 0x80) == 0; })) return;
  if (!IsValidUtf8(raw)) {
    latin1_.settled = true;  // bytes UTF-8 cannot hold: latin-1 is right
    return;
  }
  if (latin1_.count++ == 0) {
    latin1_.example = std::string(raw.substr(0, 200));
    latin1_.line = line_;
  }
}

void ProfileMapper::WatchDayMonth(const std::string& format, const std::string& text,
                                  const CivilDate& date) {
  for (DayMonthWatch& w : watches_) {
    if (w.format != format) continue;
    if (w.settled) return;
    if (date.day > 12) {
      w.settled = true;  // the other reading would have a month above 12
      return;
    }
    if (date.day == date.month) return;  // reads the same either way
    if (w.count++ == 0) {
      w.first_text = text;
      w.first = date;
      w.first_line = line_;
    }
    w.last_text = text;
    w.last = date;
    w.last_line = line_;
    return;
  }
}

namespace {

constexpr std::string_view kMonthNames[] = {"January", "February", "March",     "April",
                                            "May",     "June",     "July",      "August",
                                            "September", "October", "November", "December"};

// "5 January 2022".
std::string LongDate(const CivilDate& d) {
  return fmt::format("{} {} {}", d.day, kMonthNames[(d.month - 1) % 12], d.year);
}

}  // namespace

std::vector<std::string> ProfileMapper::Notes() const {
  std::vector<std::string> notes;
  if (!latin1_.settled && latin1_.count > 0) {
    std::string as_latin1;
    AppendLatin1(latin1_.example, &as_latin1);
    notes.push_back(fmt::format(
        "the profile reads the file as latin-1 ([csv] encoding), but all its non-ASCII text is "
        "valid UTF-8, as a UTF-8 file's is: line {} has '{}', read as '{}'. If the file is "
        "UTF-8, remove encoding = \"latin-1\"",
        latin1_.line, Printable(latin1_.example, 60), Printable(as_latin1, 60)));
  }
  for (const DayMonthWatch& w : watches_) {
    if (w.settled || w.count == 0) continue;
    const bool day_first = DayFirst(w.format);
    const CivilDate other{w.first.year, w.first.day, w.first.month};
    std::string range =
        w.count == 1
            ? fmt::format(": '{}' (line {}) as {}", Printable(w.first_text, 60), w.first_line,
                          LongDate(w.first))
            : fmt::format(", from '{}' (line {}) as {} to '{}' (line {}) as {}",
                          Printable(w.first_text, 60), w.first_line, LongDate(w.first),
                          Printable(w.last_text, 60), w.last_line, LongDate(w.last));
    notes.push_back(fmt::format(
        "the time format '{}' reads day and month both as numbers, and no date in the file has "
        "a day above 12 to tell which comes first: it read them {}-first{}. If '{}' means {}, "
        "the file is {}-first: use '{}'",
        Printable(w.format, 80), day_first ? "day" : "month", range, Printable(w.first_text, 60),
        LongDate(other), day_first ? "month" : "day", Printable(SwapDayMonth(w.format), 80)));
  }
  return notes;
}

Status ProfileMapper::RenderContact(const ContactSpec& spec, const CsvRecord& record,
                                    std::optional<Contact>* out) {
  Contact c;
  NANNI_RETURN_IF_ERROR(Render(spec.id, record, &c.id));
  NANNI_RETURN_IF_ERROR(Render(spec.name, record, &c.name));
  NANNI_RETURN_IF_ERROR(Render(spec.email, record, &c.email));
  NANNI_RETURN_IF_ERROR(Render(spec.title, record, &c.title));
  c.side = spec.side;
  c.level = spec.level;
  out->reset();
  if (c.id.empty() && c.name.empty() && c.email.empty()) return Status::OK();
  for (const std::string* s : {&c.id, &c.name, &c.email, &c.title}) {
    NANNI_RETURN_IF_ERROR(CheckIdentifier("contact", *s, 1024));
  }
  *out = std::move(c);
  return Status::OK();
}

Status ProfileMapper::MapOne(const EventRecipe& r, const CsvRecord& record, Event* e) {
  *e = Event();
  e->kind = r.kind->kind;
  auto field = [&](const Template& t, std::string_view name, std::string* out) -> Status {
    Status st = Render(t, record, out);
    if (!st.ok()) return st.WithPrefix(fmt::format("field '{}'", name));
    return Status::OK();
  };
  NANNI_RETURN_IF_ERROR(field(r.id, "id", &e->id));
  NANNI_RETURN_IF_ERROR(field(r.account, "account", &e->account));
  if (e->id.empty()) {
    return Status::InvalidInput(fmt::format("field 'id' ({}) is empty", Printable(r.id.text, 80)));
  }
  if (e->account.empty()) {
    return Status::InvalidInput(
        fmt::format("field 'account' ({}) is empty", Printable(r.account.text, 80)));
  }
  NANNI_RETURN_IF_ERROR(CheckIdentifier("id", e->id, kMaxIdBytes));
  NANNI_RETURN_IF_ERROR(CheckIdentifier("account", e->account, kMaxAccountBytes));
  std::string text;
  NANNI_RETURN_IF_ERROR(field(r.time, "time", &text));
  Status st = ParseTimeValue(text, r.time_formats, &e->time);
  if (!st.ok()) return st.WithPrefix("field 'time'");
  NANNI_RETURN_IF_ERROR(field(r.thread, "thread", &e->thread));
  NANNI_RETURN_IF_ERROR(field(r.reply_to, "reply_to", &e->reply_to));
  NANNI_RETURN_IF_ERROR(field(r.corrects, "corrects", &e->corrects));
  NANNI_RETURN_IF_ERROR(field(r.channel, "channel", &e->channel));
  NANNI_RETURN_IF_ERROR(field(r.subject, "subject", &e->subject));
  NANNI_RETURN_IF_ERROR(field(r.text, "text", &e->text));
  NANNI_RETURN_IF_ERROR(field(r.ref, "ref", &e->source.ref));
  for (auto [s, name] : {std::pair{&e->thread, "thread"}, {&e->reply_to, "reply_to"},
                         {&e->corrects, "corrects"}, {&e->source.ref, "ref"}}) {
    NANNI_RETURN_IF_ERROR(CheckIdentifier(name, *s, kMaxIdBytes));
  }
  if (r.kind->needs_reply_to && e->reply_to.empty()) {
    return Status::InvalidInput("field 'reply_to' is empty");
  }
  if (!e->channel.empty()) NANNI_RETURN_IF_ERROR(CheckChannel(e->channel));
  if (r.from) NANNI_RETURN_IF_ERROR(RenderContact(*r.from, record, &e->from));
  for (const ContactSpec& c : r.to) {
    std::optional<Contact> to;
    NANNI_RETURN_IF_ERROR(RenderContact(c, record, &to));
    if (to) e->to.push_back(std::move(*to));
  }
  if (r.kind->needs_to && e->to.empty()) return Status::InvalidInput("field 'to' is empty");
  for (const AttributeRecipe& a : r.attributes) {
    std::string name(a.spec->name);
    NANNI_RETURN_IF_ERROR(field(a.value, name, &text));
    if (text.empty()) {
      if (a.spec->required) return Status::InvalidInput(fmt::format("field '{}' is empty", name));
      continue;
    }
    AttributeValue value;
    switch (a.spec->type) {
      case AttributeType::kInt:
      case AttributeType::kNonNegative: {
        int64_t v = 0;
        if (!ParseInt64(text, &v).ok()) {
          return Status::InvalidInput(
              fmt::format("field '{}': '{}' is not an integer", name, Printable(text, 60)));
        }
        value = v;
        break;
      }
      case AttributeType::kTime: {
        Timestamp t;
        Status ts = ParseTimeValue(text, r.time_formats, &t);
        if (!ts.ok()) return ts.WithPrefix(fmt::format("field '{}'", name));
        value = t;
        break;
      }
      default:
        value = text;
        break;
    }
    NANNI_RETURN_IF_ERROR(CheckAttribute(*a.spec, value));
    e->SetAttr(std::move(name), std::move(value));
  }
  for (const auto& [key, tpl] : r.meta) {
    NANNI_RETURN_IF_ERROR(field(tpl, "meta." + key, &text));
    if (!text.empty()) e->meta.emplace_back(key, text);
  }
  e->source.file = file_name_;
  e->source.line = static_cast<int64_t>(record.line);
  // Every string must be valid UTF-8: the canonical encoding and every report rely on it.
  auto check = [](std::string_view name, const std::string& s) {
    return IsValidUtf8(s) ? Status::OK()
                        : Status::InvalidInput(fmt::format("field '{}': not valid UTF-8 (set "
                                                           "[csv] encoding = \"latin-1\"?)", name));
  };
  for (auto [s, name] : {std::pair{&e->id, "id"}, {&e->account, "account"}, {&e->thread, "thread"},
                         {&e->reply_to, "reply_to"}, {&e->subject, "subject"}, {&e->text, "text"},
                         {&e->source.ref, "ref"}}) {
    NANNI_RETURN_IF_ERROR(check(name, *s));
  }
  if (e->from) {
    for (const std::string* s : {&e->from->id, &e->from->name, &e->from->email, &e->from->title}) {
      NANNI_RETURN_IF_ERROR(check("from", *s));
    }
  }
  for (const Contact& c : e->to) {
    for (const std::string* s : {&c.id, &c.name, &c.email, &c.title}) NANNI_RETURN_IF_ERROR(check("to", *s));
  }
  for (const auto& [k, v] : e->attributes) {
    if (const auto* s = std::get_if<std::string>(&v)) NANNI_RETURN_IF_ERROR(check(k, *s));
  }
  for (const auto& [k, v] : e->meta) NANNI_RETURN_IF_ERROR(check("meta." + k, v));
  return Status::OK();
}

bool ProfileMapper::IsRepeatedHeader(const CsvRecord& record) const {
  if (!profile_.header || record.fields.size() != header_.size() || header_.empty() ||
      record.fields[0] != header_[0]) {
    return false;
  }
  for (size_t i = 1; i < header_.size(); ++i) {
    if (record.fields[i] != header_[i]) return false;
  }
  return true;
}

Status ProfileMapper::Map(const CsvRecord& record, std::vector<Event>* events) {
  events->clear();
  line_ = record.line;
  if (!record.error.empty()) return Status::InvalidInput(record.error);
  if (record.fields.size() > columns_ ||
      (record.fields.size() < columns_ && !profile_.pad_short_rows)) {
    return Status::InvalidInput(fmt::format(
        "expected {} fields, found {}{}", columns_, record.fields.size(),
        record.fields.size() < columns_
            ? " (if the export leaves out empty trailing fields, set [csv] ragged = \"pad\"; a "
              "line break in an unquoted field also cuts a row short)"
            : ""));
  }
  if (IsRepeatedHeader(record)) return Status::OK();
  for (const EventRecipe& r : profile_.events) {
    Status st;
    bool when = Matches(r.when, record, true, &st);
    NANNI_RETURN_IF_ERROR(st);
    if (!when) continue;
    bool unless = Matches(r.unless, record, false, &st);
    NANNI_RETURN_IF_ERROR(st);
    if (unless) continue;
    events->emplace_back();
    Status ms = MapOne(r, record, &events->back());
    if (!ms.ok()) {
      events->clear();
      return ms.WithPrefix(r.where);
    }
  }
  return Status::OK();
}

}  // namespace nanni
