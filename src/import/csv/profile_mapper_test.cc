#include "import/csv/profile_mapper.h"

#include <gtest/gtest.h>

#include "event/event_decoder.h"
#include "import/csv/csv_source.h"

namespace nanni {
namespace {

// Maps every data row of `csv` through the profile `toml`; returns the events, or the first
// error as a single "ERROR: ..." entry in *error.
std::vector<Event> MapAll(const std::string& toml, const std::string& csv, std::string* error) {
  Profile p;
  Status st = ParseProfile(toml, "test.toml", &p);
  if (!st.ok()) { *error = st.message(); return {}; }
  auto reader = CsvReader::FromString(csv, p.dialect, 8);
  ProfileMapper mapper(p, "t.csv");
  CsvRecord rec;
  bool done = false;
  std::vector<std::string_view> header;
  std::vector<std::string> keep;
  if (p.header) {
    EXPECT_TRUE(reader->Next(&rec, &done).ok());
    for (auto f : rec.fields) keep.emplace_back(f);
    header.assign(keep.begin(), keep.end());
  }
  st = mapper.Bind(header);
  if (!st.ok()) { *error = st.message(); return {}; }
  std::vector<Event> all, some;
  for (;;) {
    EXPECT_TRUE(reader->Next(&rec, &done).ok());
    if (done) break;
    st = mapper.Map(rec, &some);
    if (!st.ok()) { *error = std::to_string(rec.line) + ": " + st.message(); return all; }
    for (auto& e : some) all.push_back(e);
  }
  return all;
}

TEST(ProfileMapper, NoHeaderPaddedRowsLatin1AndSpecialColumns) {
  std::string toml = R"(
[csv]
header = false
columns = ["who", "when", "amount", "note"]
delimiter = "|"
ragged = "pad"
encoding = "latin-1"
[time]
formats = "%d/%m/%Y"
zone = "Europe/Paris"
[[event]]
kind = "invoice"
id = "{@file}:{@line}"
account = "{who|trim|lower}"
time = "{when}"
text = "{note|default:none}"
attributes = { invoice = "{@line}", amount_minor = "{amount|minor:0}", currency = "JPY", due = "{when}" }
)";
  std::string error;
  auto events = MapAll(toml, " ACME |02/03/2026|1200|caf\xe9\nBeta|03/03/2026|5\n", &error);
  ASSERT_EQ(error, "");
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].id, "t.csv:1");
  EXPECT_EQ(events[0].account, "acme");
  EXPECT_EQ(events[0].text, "caf\xc3\xa9");
  EXPECT_EQ(*events[0].IntAttr("amount_minor"), 1200);
  EXPECT_EQ(FormatRfc3339(events[0].time), "2026-03-02T00:00:00+01:00");
  EXPECT_EQ(events[1].text, "none");
  EXPECT_EQ(events[1].source.line, 2);
}

TEST(ProfileMapper, ConditionsMapsAndContacts) {
  std::string toml = R"(
[time]
formats = "%F %T"
[maps.side]
E = "escalated"
[[event]]
kind = "escalation"
when = { "{type|map:side}" = ["escalated"] }
id = "esc-{id}"
account = "acme"
time = "{at}"
from = { name = "{by}", side = "theirs", level = "executive" }
to = [{ name = "{to}", side = "ours" }, { email = "{cc}", side = "ours" }]
attributes = { about = "{about}" }
[[event]]
kind = "note"
unless = { "{type}" = ["E", ""] }
id = "note-{id}"
account = "acme"
time = "{at}"
text = "{about}"
)";
  std::string error;
  auto events = MapAll(toml,
                       "id,type,at,by,to,cc,about\n"
                       "1,E,2026-01-02 03:04:05,Dana,Riya,,late again\n"
                       "2,N,2026-01-02 03:04:05,,,,fyi\n"
                       "3,,2026-01-02 03:04:05,,,,nothing\n",
                       &error);
  ASSERT_EQ(error, "");
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].kind, EventKind::kEscalation);
  ASSERT_EQ(events[0].to.size(), 1u);  // the empty cc contact is left out
  EXPECT_EQ(events[0].to[0].name, "Riya");
  EXPECT_EQ(events[0].from->level, Level::kExecutive);
  EXPECT_EQ(events[1].id, "note-2");
}

TEST(ProfileMapper, BadValuesRefuseTheWholeRowNamingTheField) {
  std::string toml = R"(
[time]
formats = "%Y-%m-%d"
[[event]]
kind = "request"
id = "r-{id}"
account = "{org}"
time = "{at}"
[[event]]
kind = "call"
id = "c-{id}"
account = "{org}"
time = "{at}"
attributes = { outcome = "{outcome}", queue_wait_s = "{wait|int}", handle_s = "0" }
)";
  std::string error;
  auto events = MapAll(toml, "id,org,at,outcome,wait\n1,a,2026-01-01,answered,3.0\n"
                             "2,a,2026-01-01,HANG,1\n", &error);
  EXPECT_EQ(events.size(), 2u);  // the first row only: nothing of the second
  EXPECT_EQ(error, "3: event[2]: field 'outcome': 'HANG' is not one of: answered, abandoned, "
                   "dropped, transferred");
  MapAll(toml, "id,org,at,outcome,wait\n1,,2026-01-01,answered,1\n", &error);
  EXPECT_EQ(error, "2: event[1]: field 'account' ({org}) is empty");
  MapAll(toml, "id,org,at,outcome,wait\n1,a,2026-01-01,answered,1.5\n", &error);
  EXPECT_EQ(error, "2: event[2]: field 'queue_wait_s': column 'wait': '1.5' is not a whole number");
  MapAll(toml, "id,org,at,outcome,wait\n1,a\xff,2026-01-01,answered,1\n", &error);
  EXPECT_NE(error.find("field 'account': not valid UTF-8"), std::string::npos) << error;
  MapAll(toml, "id,org,at,outcome,wait\n1,a,2026-01-01\n", &error);
  EXPECT_EQ(error, "2: expected 5 fields, found 3 (if the export leaves out empty trailing fields, "
                   "set [csv] ragged = \"pad\"; a line break in an unquoted field also cuts a "
                   "row short)");
}

// One check (event/validate.h) for both readers: the same bad value gets the same message
// from a CSV row as from an NDJSON line.
TEST(ProfileMapper, ABadValueGetsTheDecodersMessage) {
  struct Case {
    const char* kind;
    const char* attributes;  // TOML: name = "{column}", ...
    const char* csv;         // header and one row
    const char* json;        // the same event's fields after kind, id, account and time
  } cases[] = {
      {"call", R"(outcome = "{o}", queue_wait_s = "{w}", handle_s = "0")", "o,w\nHANG,3\n",
       R"("outcome":"HANG","queue_wait_s":3,"handle_s":0)"},
      {"call", R"(outcome = "{o}", queue_wait_s = "{w}", handle_s = "0")", "o,w\nanswered,-3\n",
       R"("outcome":"answered","queue_wait_s":-3,"handle_s":0)"},
      {"payment", R"(invoice = "{i}", amount_minor = "5", currency = "{c}")", "i,c\n1,euro\n",
       R"("invoice":"1","amount_minor":5,"currency":"euro")"},
      {"payment", R"(invoice = "{i}", amount_minor = "5", currency = "{c}")", "i,c\na\x07" "b,EUR\n",
       R"("invoice":"a\u0007b","amount_minor":5,"currency":"EUR")"},
      {"incident", R"(incident = "{i}", phase = "{p}")", "i,p\nx,middle\n",
       R"("incident":"x","phase":"middle")"},
  };
  EventDecoder decoder;
  for (const Case& c : cases) {
    std::string toml = std::string("[time]\nformats = \"%Y\"\n[[event]]\nkind = \"") + c.kind +
                       "\"\nid = \"x\"\naccount = \"a\"\ntime = \"2026\"\nattributes = { " +
                       c.attributes + " }\n";
    std::string csv_error;
    MapAll(toml, c.csv, &csv_error);
    Event e;
    Status st = decoder.Decode(std::string(R"({"kind":")") + c.kind +
                               R"(","id":"x","account":"a","time":"2026-01-01T00:00:00Z",)" +
                               c.json + "}", &e);
    ASSERT_FALSE(st.ok()) << c.json;
    EXPECT_EQ(csv_error, "2: event[1]: " + st.message());
  }
  std::string channel_error;
  MapAll("[time]\nformats = \"%Y\"\n[[event]]\nkind = \"note\"\nid = \"x\"\naccount = \"a\"\n"
         "time = \"2026\"\nchannel = \"{c}\"\n", "c\npigeon\n", &channel_error);
  Event e;
  Status st = decoder.Decode(R"({"kind":"note","id":"x","account":"a","time":"2026-01-01T00:00:00Z",)"
                             R"("channel":"pigeon"})", &e);
  EXPECT_EQ(channel_error, "2: event[1]: " + st.message());
}

// The notes a mapper has after mapping every row of `csv` (header first) with `profile`.
std::vector<std::string> NotesOf(const std::string& profile, const std::string& csv) {
  Profile p;
  EXPECT_TRUE(ParseProfile(profile, "t.toml", &p).ok());
  auto reader = CsvReader::FromString(csv, p.dialect);
  ProfileMapper mapper(p, "t.csv");
  CsvRecord rec;
  bool done = false;
  EXPECT_TRUE(reader->Next(&rec, &done).ok());
  std::vector<std::string> keep(rec.fields.begin(), rec.fields.end());
  EXPECT_TRUE(mapper.Bind(std::vector<std::string_view>(keep.begin(), keep.end())).ok());
  std::vector<Event> events;
  while (reader->Next(&rec, &done).ok() && !done) {
    Status st = mapper.Map(rec, &events);
    EXPECT_TRUE(st.ok()) << st.message();
  }
  return mapper.Notes();
}

// The same for a profile of one note event whose time is the column `date`, read with
// `formats` (a TOML value).
std::vector<std::string> DayMonthNotes(const std::string& formats, const std::string& csv) {
  return NotesOf("[time]\nformats = " + formats + "\n[[event]]\nkind = \"note\"\n"
                 "id = \"n{@line}\"\naccount = \"a\"\ntime = \"{date}\"\n", csv);
}

TEST(ProfileMapper, DatesThatCouldBeDayOrMonthFirstGetANote) {
  std::vector<std::string> notes =
      DayMonthNotes("\"%d/%m/%Y\"", "date\n05/01/2022\n01/01/2022\n11/03/2022\n");
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0],
            "the time format '%d/%m/%Y' reads day and month both as numbers, and no date in the "
            "file has a day above 12 to tell which comes first: it read them day-first, from "
            "'05/01/2022' (line 2) as 5 January 2022 to '11/03/2022' (line 4) as 11 March 2022. "
            "If '05/01/2022' means 1 May 2022, the file is month-first: use '%m/%d/%Y'");
  notes = DayMonthNotes("[\"%Y-%m-%d\", \"%m/%d/%Y %H:%M\"]", "date\n2022-01-05\n03/04/2022 10:00\n");
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0],
            "the time format '%m/%d/%Y %H:%M' reads day and month both as numbers, and no date in "
            "the file has a day above 12 to tell which comes first: it read them month-first: "
            "'03/04/2022 10:00' (line 3) as 4 March 2022. If '03/04/2022 10:00' means 3 April "
            "2022, the file is day-first: use '%d/%m/%Y %H:%M'");
  // A day above 12 settles the order; ISO order, month names and equal day and month leave
  // nothing to say.
  EXPECT_TRUE(DayMonthNotes("\"%d/%m/%Y\"", "date\n05/01/2022\n13/01/2022\n").empty());
  EXPECT_TRUE(DayMonthNotes("\"%Y-%m-%d\"", "date\n2022-01-05\n").empty());
  EXPECT_TRUE(DayMonthNotes("\"%d %b %Y\"", "date\n05 Jan 2022\n").empty());
  EXPECT_TRUE(DayMonthNotes("\"%d/%m/%Y\"", "date\n01/01/2022\n12/12/2022\n").empty());
}

TEST(ProfileMapper, ALatin1ProfileOnAUtf8FileGetsANote) {
  auto notes_of = [](const std::string& csv) {
    return NotesOf("[csv]\nencoding = \"latin-1\"\n[time]\nformats = \"%Y\"\n[[event]]\n"
                   "kind = \"note\"\nid = \"{id}\"\naccount = \"{who}\"\ntime = \"2026\"\n", csv);
  };
  auto notes = notes_of("id,who\n1,acme\n2,B\xc3\xa4" "ckerei\n3,Caf\xc3\xa9\n");
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0], "the profile reads the file as latin-1 ([csv] encoding), but all its "
                      "non-ASCII text is valid UTF-8, as a UTF-8 file's is: line 3 has "
                      "'B\xc3\xa4" "ckerei', read as 'B\xc3\x83\xc2\xa4" "ckerei'. If the file "
                      "is UTF-8, remove encoding = \"latin-1\"");
  EXPECT_TRUE(notes_of("id,who\n1,B\xc3\xa4" "ckerei\n2,caf\xe9\n").empty());  // not UTF-8
  EXPECT_TRUE(notes_of("id,who\n1,acme\n").empty());
}

TEST(ProfileMapper, RepeatedHeaderRowsAreSkipped) {
  std::string toml = R"(
[time]
formats = "%Y"
[[event]]
kind = "note"
id = "{a}"
account = "x"
time = "{b}"
)";
  std::string error;
  auto events = MapAll(toml, "a,b\n1,2026\na,b\n2,2026\n", &error);
  ASSERT_EQ(error, "");
  EXPECT_EQ(events.size(), 2u);
}

TEST(CsvSource, ProfilesWithLookupsRefuseStandardInput) {
  Profile p;
  ASSERT_TRUE(ParseProfile(R"(
name = "two-pass"
[time]
formats = "%Y"
[[lookup]]
name = "l"
key = "{a}"
value = "{b}"
[[event]]
kind = "note"
id = "{a}"
account = "{b|lookup:l}"
time = "{b}"
)", "t.toml", &p).ok());
  std::unique_ptr<CsvSource> source;
  Status st = CsvSource::Open("-", p, {}, &source);
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find("give a file, not -"), std::string::npos);
}

TEST(CsvSource, RejectsAreJsonLines) {
  ImportReject r{"a\"b.csv", 7, 8, "", "bad\tthing", "x,\"y\nz\""};
  EXPECT_EQ(RejectToJsonLine(r),
            "{\"file\":\"a\\\"b.csv\",\"line\":7,\"end_line\":8,\"reason\":\"bad\\tthing\","
            "\"row\":\"x,\\\"y\\nz\\\"\"}\n");
}

}  // namespace
}  // namespace nanni
