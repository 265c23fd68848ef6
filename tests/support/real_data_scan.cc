#include "support/real_data_scan.h"

#include <cctype>
#include <ctime>
#include <fstream>
#include <regex>

namespace nanni::test {

std::vector<CsvRow> ParseCsv(const std::string& text) {
  std::vector<CsvRow> rows;
  CsvRow row;
  std::string field;
  bool quoted = false, any = false;
  int line = 1;
  row.line = 1;
  auto end_row = [&] {
    row.fields.push_back(field);
    field.clear();
    if (any) rows.push_back(row);
    row = CsvRow();
    any = false;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n' || (c == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) ++line;
        field += c;
      }
      continue;
    }
    if (c == '"' && field.empty()) {
      quoted = true;
      any = true;
    } else if (c == ',') {
      row.fields.push_back(field);
      field.clear();
      any = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      end_row();
      ++line;
      row.line = line;
    } else {
      field += c;
      any = true;
    }
  }
  if (any || !field.empty()) {
    row.closed = !quoted;
    end_row();
  }
  return rows;
}

std::string ScannedMessage::Header(const std::string& lower_name) const {
  auto it = headers.find(lower_name);
  return it == headers.end() ? std::string() : it->second;
}

std::string FirstAngle(const std::string& v) {
  size_t a = v.find('<'), b = v.find('>', a == std::string::npos ? 0 : a);
  if (a == std::string::npos || b == std::string::npos) return "";
  return v.substr(a + 1, b - a - 1);
}

namespace {

std::vector<std::string> AllAngles(const std::string& v) {
  std::vector<std::string> out;
  static const std::regex id("<([^<>]+)>");
  for (std::sregex_iterator it(v.begin(), v.end(), id), end; it != end; ++it) out.push_back((*it)[1]);
  return out;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string Trim(const std::string& s) {
  size_t a = s.find_first_not_of(" \t\r"), b = s.find_last_not_of(" \t\r");
  return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}

}  // namespace

ScannedMessage ScanHeaders(const std::vector<std::string>& lines) {
  ScannedMessage s;
  std::vector<std::string> fields;
  for (const std::string& l : lines) {
    if (l.empty() || l == "\r") break;
    if ((l[0] == ' ' || l[0] == '\t') && !fields.empty()) {
      fields.back() += " " + l;
    } else {
      fields.push_back(l);
    }
  }
  for (const std::string& f : fields) {
    s.empty = false;
    size_t colon = f.find(':');
    if (colon == std::string::npos) continue;
    std::string name = Lower(f.substr(0, colon));
    std::string value = f.substr(colon + 1);
    s.headers.emplace(name, Trim(value));
    if (name == "message-id" && s.message_id.empty()) s.message_id = FirstAngle(value);
    if (name == "in-reply-to" && s.in_reply_to.empty()) s.in_reply_to = FirstAngle(value);
    if (name == "in-reply-to" || name == "references") {
      for (std::string& id : AllAngles(value)) {
        if (name == "references") s.references.push_back(id);
        s.linked.push_back(std::move(id));
      }
    }
  }
  return s;
}

std::vector<ScannedMessage> ScanMbox(const std::string& path, size_t* separators) {
  std::ifstream in(path, std::ios::binary);
  std::vector<std::vector<std::string>> messages;
  std::vector<int> starts;
  bool previous_blank = true;
  int number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    if (previous_blank && line.rfind("From ", 0) == 0) {
      messages.emplace_back();
      starts.push_back(number);
    } else if (!messages.empty()) {
      messages.back().push_back(line);
    }
    previous_blank = line.empty();
  }
  *separators = messages.size();
  std::vector<ScannedMessage> out;
  for (size_t i = 0; i < messages.size(); ++i) {
    out.push_back(ScanHeaders(messages[i]));
    out.back().line = starts[i];
  }
  return out;
}

std::vector<std::string> Addresses(const std::string& value) {
  std::vector<std::string> out;
  for (const std::string& a : AllAngles(value)) {
    if (a.find('@') != std::string::npos) out.push_back(Lower(Trim(a)));
  }
  if (!out.empty()) return out;
  static const std::regex bare("[^\\s,<>\"()]+@[^\\s,<>\"()]+");
  for (std::sregex_iterator it(value.begin(), value.end(), bare), end; it != end; ++it) {
    out.push_back(Lower(it->str()));
  }
  return out;
}

int64_t Rfc5322Seconds(const std::string& date) {
  std::string d = Trim(date);
  size_t comma = d.find(',');
  if (comma != std::string::npos && comma < 5) d = Trim(d.substr(comma + 1));
  std::tm tm{};
  const char* rest = strptime(d.c_str(), "%d %b %Y %H:%M:%S", &tm);
  if (rest == nullptr) return -1;
  int64_t t = timegm(&tm);
  std::string zone = Trim(rest);
  if (zone.size() >= 5 && (zone[0] == '+' || zone[0] == '-')) {
    int sign = zone[0] == '-' ? -1 : 1;
    t -= sign * (std::stoi(zone.substr(1, 2)) * 3600 + std::stoi(zone.substr(3, 2)) * 60);
  } else if (!(zone.starts_with("GMT") || zone.starts_with("UT") || zone.empty())) {
    return -1;
  }
  return t;
}

int64_t Rfc3339Seconds(const std::string& time) {
  std::tm tm{};
  strptime(time.substr(0, 19).c_str(), "%Y-%m-%dT%H:%M:%S", &tm);
  int64_t t = timegm(&tm);
  std::string off = time.substr(19);
  if (!off.empty() && off[0] == '.') off = off.substr(off.find_first_not_of(".0123456789"));
  if (!off.empty() && off != "Z") {
    int sign = off[0] == '-' ? -1 : 1;
    t -= sign * (std::stoi(off.substr(1, 2)) * 3600 + std::stoi(off.substr(4, 2)) * 60);
  }
  return t;
}

}  // namespace nanni::test
