// Profile: how to turn the rows of one kind of CSV export into events (docs/profiles.md).
//
// A profile is a TOML file: the CSV dialect, how to read times, value maps, lookup tables
// built in a first pass, and one or more [[event]] tables, each a recipe for one event per
// row (so one row can yield a request and its response). Field values are templates such as
// "cfpb-{Complaint ID}" or "{outcome|map:outcome}". Loading checks everything that can be
// checked without the data (kinds, attributes, required fields, filters, zones); binding to
// a header (ProfileMapper) checks the column names.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "event/event.h"
#include "event/kind.h"
#include "import/csv/csv_reader.h"
#include "util/status.h"
#include "util/time.h"

namespace nanni {

// One step applied to a column's value: {column|lower|map:outcome}.
struct TemplateFilter {
  enum class Op { kLower, kUpper, kTrim, kInt, kNonNeg, kMinor, kDefault, kMap, kLookup };
  Op op;
  std::string arg;  // kDefault: the text; kMap/kLookup: the table's name
  int index = 0;    // kMap/kLookup: index into Profile::maps / lookups; kMinor: digits
};

// A literal, or a column (or @line / @file) with filters.
struct TemplatePart {
  std::string literal;  // when column is empty and !special
  std::string column;
  enum class Special { kNone, kLine, kFile } special = Special::kNone;
  int column_index = -1;  // set by ProfileMapper when bound to a header
  std::vector<TemplateFilter> filters;
};

struct Template {
  std::string text;  // as written, for messages
  std::vector<TemplatePart> parts;
  int64_t line = 0;  // the profile's line it was written on (0: unknown), for messages
  bool set() const { return !text.empty(); }
};

// when/unless: the rendered template equals one of `values` ("" = empty).
struct Condition {
  Template value;
  std::vector<std::string> values;
};

struct ContactSpec {
  Template id, name, email, title;
  Side side = Side::kUnknown;
  Level level = Level::kUnknown;
};

struct AttributeRecipe {
  const AttributeSpec* spec;
  Template value;
};

struct EventRecipe {
  std::string where;  // "event[2]" for messages
  const KindSpec* kind = nullptr;
  Template id, account, time, thread, reply_to, corrects, channel, subject, text, ref;
  std::optional<ContactSpec> from;
  std::vector<ContactSpec> to;
  std::vector<AttributeRecipe> attributes;
  std::vector<std::pair<std::string, Template>> meta;  // sorted by key
  std::vector<Condition> when, unless;
  std::vector<std::string> time_formats;  // this event's, else the profile's
};

struct ValueMap {
  std::string name;
  std::unordered_map<std::string, std::string> values;
  std::optional<std::string> fallback;  // the "*" entry: for values not listed
  std::unordered_map<std::string, int64_t> lines;  // the TOML line of each entry, for messages
};

// A key -> value table filled from every row in a first pass over the file, so that one
// row's event can use another row's data (a reply's account is its parent's author).
struct LookupRecipe {
  std::string name;
  Template key, value;
  std::vector<Condition> when, unless;
};

struct Profile {
  std::string name;
  std::string description;
  std::string source;  // where the export comes from (documentation)
  std::string file;    // where the profile was read from, for messages

  CsvDialect dialect;
  bool header = true;                // the first record names the columns
  std::vector<std::string> columns;  // names when there is no header
  bool pad_short_rows = false;       // ragged = "pad": missing trailing fields are empty
  bool latin1 = false;               // encoding = "latin-1": convert to UTF-8

  std::string zone = "UTC";
  Ambiguity ambiguity = Ambiguity::kEarliest;
  std::vector<std::string> time_formats;

  std::vector<ValueMap> maps;
  std::vector<LookupRecipe> lookups;
  uint64_t max_lookup_entries = 20'000'000;
  std::vector<EventRecipe> events;
};

// The one form of every error about a profile key, from loading and from binding to a header:
// InvalidInput "FILE:LINE: key 'KEY': what" (without ":LINE" when `line` is 0). The file and
// the key go through Printable(); `what` must already be safe.
Status ProfileKeyError(std::string_view file, int64_t line, std::string_view key,
                       std::string_view what);

// Parses profile TOML `text`; `file` names it in messages ("FILE:LINE: key 'K': what").
Status ParseProfile(std::string_view text, const std::string& file, Profile* out);

// Reads and parses the profile file at `path`.
Status LoadProfileFile(const std::string& path, Profile* out);

// Parses a template such as "call-{call_id|trim}" (filters resolved against `profile`'s maps
// and lookups). `key` names it in messages.
Status ParseTemplate(std::string_view text, const Profile& profile, Template* out);

}  // namespace nanni
