// The canonical encoding of an event: the exact bytes the ledger stores and hashes.
//
// It is a JSON object in the native NDJSON format (so a stored event can be exported and
// re-imported unchanged), written with:
//   - keys sorted by their UTF-8 bytes, at every level; no whitespace;
//   - absent and empty fields left out;
//   - strings escaped as RFC 8785 (JCS) does: \" \\ \b \f \n \r \t, other control
//     characters as \u00xx, everything else as raw UTF-8;
//   - integers in decimal, no floating point anywhere;
//   - times as RFC 3339 in the source's own offset (util/time.h FormatRfc3339).
// Two events that are equal (operator==) encode to the same bytes, and decoding the encoding
// gives back an equal event. docs/ledger.md documents the format for outside verifiers.
#pragma once

#include <string>

#include "event/event.h"

namespace nanni {

// Appends the canonical encoding of `event` to *out (which it clears first).
void EncodeCanonical(const Event& event, std::string* out);

// Convenience form.
std::string EncodeCanonical(const Event& event);

// Appends `text` to *out as a JSON string literal, escaped as above.
void AppendJsonString(std::string_view text, std::string* out);

}  // namespace nanni
