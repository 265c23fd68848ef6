#include "import/import_reject.h"

#include "util/json_out.h"
#include "util/utf8.h"

namespace nanni {

std::string RejectToJsonLine(const ImportReject& r) {
  JsonOut json;
  json.BeginObject().Field("file", ToValidUtf8(r.file)).Field("line", r.line).Field("end_line", r.end_line);
  if (!r.ref.empty()) json.Field("ref", ToValidUtf8(r.ref));
  json.Field("reason", ToValidUtf8(r.reason)).Field("row", ToValidUtf8(r.row));  // bytes not UTF-8: U+FFFD
  json.EndObject().Raw("\n");
  return json.Take();
}

}  // namespace nanni
