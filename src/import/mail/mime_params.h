// MimeParams: MIME header parameters that GMime's reading loses, and how names are shown.
//
// GMime decodes RFC 2231 parameter values (filename*=utf-8''invoice.pdf%00.exe) into C
// strings, so a value is cut at its first %00 ("invoice.pdf"), and a NUL in a continuation
// (filename*0*=...%00; filename*1=.exe) silently disappears: a suffix that decides what the
// file is can be hidden. These functions keep every byte.
#pragma once

#include <string>
#include <string_view>

namespace nanni {

// The value of parameter `name` of a MIME header value (`attachment; filename*=...`) when it
// is written in RFC 2231's extended form: `name*=CHARSET'LANG'%XX...` or continuations
// `name*0*=...; name*1=...` (in order from 0; a gap ends the value). Percent escapes decoded,
// the charset converted to UTF-8 (bytes kept as they are when the charset is unknown or the
// conversion fails), NULs and every other byte kept. False when the header has no extended
// form of `name`.
bool ExtendedParameter(std::string_view header, std::string_view name, std::string* out);

// A file name (or any short customer-chosen label) as nanni records it: control characters,
// NULs and invalid UTF-8 escaped as "\xNN" and bidirectional controls as "\u{NNNN}"
// (util/printable.h), so that nothing after a NUL or line break is hidden and U+202E cannot
// reverse a suffix; over 512 bytes, cut in the middle ("...") so that its end stays visible.
std::string VisibleName(std::string_view name);

}  // namespace nanni
