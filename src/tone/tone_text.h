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

// The text scored, a new text already (score it with ToneScorer::ScoreNewText): the subject of
// a message that starts a thread, a blank line, then the event's new text when the importer
// split it off (mail), else its text with quoted history and signatures left out by the same
// rules (text/new_text.h).
std::string ToneTextOf(const Event& e);
// The same appended to *out.
void AppendToneText(const Event& e, std::string* out);

}  // namespace nanni
