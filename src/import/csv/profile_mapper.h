// ProfileMapper: applies a Profile to CSV records, yielding events.
//
// Bind() resolves the profile's column names against the file's header (or the profile's
// own column list). Map() turns one record into zero or more events, all or nothing: when
// any value of any of the row's events is bad, the row yields none and the error says why
// ("field 'time': '31/02/2024' matches no time format"). Lookup tables are filled by
// AddToLookups() in a first pass over the file; the caller decides when to do that.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "event/event.h"
#include "import/csv/csv_reader.h"
#include "import/csv/profile.h"
#include "import/csv/time_format.h"
#include "util/status.h"

namespace nanni {

class ProfileMapper {
 public:
  // `file_name` is what events cite as source.file (usually the file's base name).
  ProfileMapper(Profile profile, std::string file_name);

  // Binds to the header record (or, with header = false, to the profile's columns and
  // `header` is ignored). InvalidInput naming the profile key and the missing column.
  Status Bind(const std::vector<std::string_view>& header);
  const Profile& profile() const { return profile_; }
  size_t column_count() const { return columns_; }

  // Adds `record` to the lookup tables (records that are malformed are ignored here; Map
  // reports them). Aborted when a table would exceed the profile's max_lookup_entries.
  Status AddToLookups(const CsvRecord& record);
  bool has_lookups() const { return !profile_.lookups.empty(); }

  // Maps `record` to *events (cleared first). A record that repeats the header (files
  // concatenated with their headers) yields no events. On error returns InvalidInput whose message
  // says what is wrong, without the file and line (the caller adds them).
  Status Map(const CsvRecord& record, std::vector<Event>* events);

  // What the user should know about how the rows mapped so far were read, one sentence per
  // note: a time format that reads day and month both as numbers (DayMonthAmbiguous), used
  // on a file where no day is above 12, gets a note with the first and last such dates; a
  // latin-1 profile on a file whose every non-ASCII value is valid UTF-8 gets one too.
  std::vector<std::string> Notes() const;

 private:
  bool IsRepeatedHeader(const CsvRecord& record) const;
  Status BindTemplate(Template* t, const std::string& key);
  Status Render(const Template& t, const CsvRecord& record, std::string* out);
  bool Matches(const std::vector<Condition>& conditions, const CsvRecord& record, bool all,
               Status* error);
  Status ParseTimeValue(const std::string& text, const std::vector<std::string>& formats,
                        Timestamp* out);
  void WatchLatin1(std::string_view raw);
  void WatchDayMonth(const std::string& format, const std::string& text, const CivilDate& date);
  Status MapOne(const EventRecipe& recipe, const CsvRecord& record, Event* e);
  Status RenderContact(const ContactSpec& spec, const CsvRecord& record, std::optional<Contact>* out);

  Profile profile_;
  std::string file_name_;
  size_t columns_ = 0;
  std::vector<std::string> header_;
  std::vector<std::unordered_map<std::string, std::string>> lookups_;
  // Dates read with a format that leaves day and month ambiguous, while no day above 12
  // has settled the order. Only dates whose day and month differ count.
  struct DayMonthWatch {
    std::string format;
    bool settled = false;
    uint64_t count = 0;
    std::string first_text, last_text;
    CivilDate first, last;
    uint64_t first_line = 0, last_line = 0;
  };
  std::vector<DayMonthWatch> watches_;
  // Values with non-ASCII bytes read as latin-1 that are valid UTF-8, until one is not.
  struct {
    bool settled = false;
    uint64_t count = 0;
    std::string example;
    uint64_t line = 0;
  } latin1_;
  uint64_t line_ = 0;  // of the record being mapped

  std::string cell_;  // scratch
  std::vector<std::string_view> padded_;
};

}  // namespace nanni
