// The sludge audit (engine/sludge.h) as terminal text, as JSON and as one self-contained HTML
// page with its charts. They format and never analyse: every figure is one the builder made.
//
// The JSON contract: one object whose keys are exactly the member names of the structs in
// engine/sludge.h, in snake_case as written there and nested the same way (a vector is an
// array of its elements' objects, or of numbers for the histograms), with one exception:
// `Sludge::flagged` is written under "flagged_agents" (queues' flags included, with "queue"
// set). Every object of "flagged_agents" starts with "agent" and "pattern"; every other object
// keeps its struct's member order. An empty std::optional (a figure with nothing to measure it
// on, or the absent evidence of a flag) is null; a Timestamp is an RFC 3339 string in the
// offset it was recorded with; whole numbers are JSON integers; the others are written with 6
// decimals (NaN and infinities as null). There is no key the structs do not have.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "engine/sludge.h"
#include "util/count_text.h"
#include "util/json_out.h"

namespace nanni {

// The headline (calls, served, abandoned, service level, ASA, median patience), the ranked
// findings, the flagged agents and queues with their evidence, then queues, agents, repeats,
// written channels, promises and the journeys that cost customers most. `limit` caps each long
// list (findings, agents, promises per person and per account, journeys); 0 shows all.
std::string SludgeText(const Sludge& s, size_t limit);

// The contract above.
void WriteSludgeJson(const Sludge& s, JsonOut* json);

// One page: inline CSS and inline SVG charts (waits and service level by hour, the patience
// curve, the service-time histogram with each flagged threshold marked, the journeys), then the
// tables. No script, no external resource; printable. Each chart is an <svg class="chart NAME">
// (hours, patience, handle, journeys) with a <title>, and says so when it has nothing to show.
std::string SludgeHtml(const Sludge& s);

// The phrases the text and the page share.
std::string ShareText(std::optional<double> share);  // "23.1%"; "-" when empty
// "330 s" under ten minutes, DurationText's "1 h 05 min" from there; "-" when empty.
std::string SecondsText(int64_t s);
std::string SecondsText(const std::optional<int64_t>& s);
std::string SecondsText(const std::optional<double>& s);  // rounded to the second
// A flag's evidence and its strength in plain words: the pattern's figures, how unlikely they
// are, and what the customers' callbacks show.
std::string FlagEvidenceText(const CutShortFlag& flag);
// "of 20,543 calls from 4,743 identified customers, 10,633 were followed ..." (no capital).
std::string RepeatsSentence(const Repeats& r);

}  // namespace nanni
