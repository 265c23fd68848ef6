// JsonSyntaxError: where a line that is not valid JSON goes wrong, for the error message.
//
// The fast parser (simdjson) says only that a document is invalid. This slower, plain
// recursive-descent checker (RFC 8259) is run on that error path alone, to tell the user the
// byte where the JSON first goes wrong, what is wrong there, and in which field of the event:
// "field 'text': not valid JSON at byte 75: the string is not closed".
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace nanni {

struct JsonSyntaxError {
  bool found = false;   // false: the checker found nothing wrong (simdjson's reason stands)
  size_t offset = 0;    // 0-based byte offset of the first bad byte (or of the end)
  bool at_end = false;  // the line ended where more was needed
  std::string field;    // the key whose value holds it, dotted ("from.email"); "" at top level
  std::string what;     // e.g. "a ',' or '}' is missing"
};

// Checks `json` (one JSON value). Never reads past its end; nesting deeper than 64 levels is
// itself reported.
JsonSyntaxError FindJsonSyntaxError(std::string_view json);

}  // namespace nanni
