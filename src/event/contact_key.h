// ContactKey: the one identity of a person across nanni (case file, briefing, tone, the
// analytic index): the lower-case email, else the source's id, else the lower-case name.
// Two contacts with the same key are the same person, whatever else their records say.
#pragma once

#include <string>

#include "event/event.h"

namespace nanni {

std::string ContactKey(const Contact& contact);

// The same appended to *out, without a string of its own (for hot paths).
void AppendContactKey(const Contact& contact, std::string* out);

}  // namespace nanni
