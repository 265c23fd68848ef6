// EventLine: one event as one line of terminal text, for `events` and `demo`.
//
// Facts only, in fixed wording: when (in the source's offset), kind, channel, who (name,
// side, level), and what (subject, text, amounts or call figures). Customer text is passed
// through Printable, so it cannot move the cursor or reorder what the reader sees.
#pragma once

#include <string>

#include "event/event.h"

namespace nanni::cli {

// "Dana Whitfield (theirs, executive)", or "" when the event has no `from`.
std::string WhoLine(const Event& event);

// What the event says, at most `width` characters: a call's outcome and durations, an
// amount, a commitment's promise, or else the subject or text.
std::string WhatLine(const Event& event, size_t width);

}  // namespace nanni::cli
