// Independent readers of the real data files (../shared/data) for the real-data tests: a
// plain CSV parser and a plain mbox header scan, deliberately written apart from
// src/import so that the tests check nanni against a second reading of the same bytes.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace nanni::test {

// One CSV row: a row ends at \n, \r\n or a lone \r outside quotes; "" in a quoted field is a
// quote. `line` is the row's first physical line (1-based).
struct CsvRow {
  std::vector<std::string> fields;
  int line = 0;
  bool closed = true;  // false when the file ends inside quotes
};
std::vector<CsvRow> ParseCsv(const std::string& text);

// One message as a naive header scan sees it.
struct ScannedMessage {
  std::string message_id, in_reply_to;  // the first <id> of each, without angle brackets
  std::vector<std::string> linked;      // every <id> of In-Reply-To and References, in order
  std::vector<std::string> references;  // every <id> of References, in order
  std::map<std::string, std::string> headers;  // first occurrence, lower-case name, unfolded
  int line = 0;       // the mbox "From " line (0 outside an mbox)
  bool empty = true;  // no header at all (an mbox entry with nothing in it)

  std::string Header(const std::string& lower_name) const;
};

ScannedMessage ScanHeaders(const std::vector<std::string>& lines);

// Splits an mbox at "From " lines that start the file or follow a blank line; `separators`
// gets the number of such lines.
std::vector<ScannedMessage> ScanMbox(const std::string& path, size_t* separators);

// The first <...> in a header value, without the brackets ("" when none).
std::string FirstAngle(const std::string& value);

// The lower-case email addresses in an address header: every <a@b>, else bare words with '@'.
std::vector<std::string> Addresses(const std::string& value);

// Seconds since the epoch (UTC) of an RFC 5322 Date ("Mon, 29 Apr 2019 19:28:49 +0000
// (UTC)"); -1 when unreadable.
int64_t Rfc5322Seconds(const std::string& date);

// Seconds since the epoch of an RFC 3339 time as nanni writes it (YYYY-MM-DDTHH:MM:SS and Z
// or +HH:MM).
int64_t Rfc3339Seconds(const std::string& time);

}  // namespace nanni::test
