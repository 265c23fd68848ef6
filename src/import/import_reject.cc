#include "import/import_reject.h"

#include <fmt/format.h>

#include "event/canonical.h"
#include "util/utf8.h"

namespace nanni {

std::string RejectToJsonLine(const ImportReject& r) {
  std::string out = "{\"file\":";
  AppendJsonString(r.file, &out);
  out += fmt::format(",\"line\":{},\"end_line\":{}", r.line, r.end_line);
  if (!r.ref.empty()) {
    out += ",\"ref\":";
    AppendJsonString(r.ref, &out);
  }
  out += ",\"reason\":";
  AppendJsonString(r.reason, &out);
  out += ",\"row\":";
  AppendJsonString(ToValidUtf8(r.row), &out);  // bytes that are not UTF-8 become U+FFFD
  out += "}\n";
  return out;
}

}  // namespace nanni
