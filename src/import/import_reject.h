// ImportReject: one unit of input (a CSV row, an NDJSON line, a mail message) that an import
// under `--lenient` left out, and why. Every importer reports its rejects the same way, to one
// RejectSink; `nanni import` writes them as JSON lines to `--rejects`.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace nanni {

struct ImportReject {
  std::string file;       // as given to the import
  uint64_t line = 0;      // first line of the unit, 0 when the source is not line-based
  uint64_t end_line = 0;  // its last line (a CSV row may span lines), 0 when unknown
  std::string ref;        // the Message-ID or the source's id, when known
  std::string reason;     // the error, as strict mode would have stopped with it
  std::string_view row;   // the unit as written, when the source keeps it; valid during the call
};

// Receives rejects on the import's reading thread, in input order.
using RejectSink = std::function<void(const ImportReject&)>;

// One reject as a JSON line with "\n": {"file","line","end_line","ref"?,"reason","row"}
// (docs/cli.md, "Rejects"). Bytes of the row that are not UTF-8 become U+FFFD.
std::string RejectToJsonLine(const ImportReject& reject);

}  // namespace nanni
