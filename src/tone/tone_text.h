// What of an event the tone analyses score: the customer's own words. One definition for the
// analytic index (which scores every message once, at import) and for the messages a report
// quotes (scored again for their reasons).
#pragma once

#include <string>

#include "event/event.h"

namespace nanni {

// Whether `e` carries words from the customer's side: anything not from our side with a
// subject or text; without a sender, anything but our responses (an import may not know who
// wrote a message).
bool IsCustomerWords(const Event& e);

// The text scored: the subject of a message that starts a thread, a blank line, then the
// new text when the importer split it off (mail), else the whole text (the scorer leaves out
// quoted history itself).
std::string ToneTextOf(const Event& e);

}  // namespace nanni
