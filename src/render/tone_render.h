// The tone analyses as terminal text and JSON (docs/tone.md): one message's scores with their
// reasons, an account's tone month by month, and every account's contacts ranked. They
// format and never analyse. Customer text is made inert on the terminal (Printable) and
// always valid in JSON (bytes that are not UTF-8 become U+FFFD).
#pragma once

#include <string>

#include "engine/tone_report.h"
#include "util/json_out.h"
#include "tone/tone_model.h"
#include "tone/tone_score.h"

namespace nanni {

// "[LINE] text" then one line per dimension with its score and up to `reasons` reasons.
std::string ToneScoreText(size_t line, const ToneScore& score, const ToneModel& model, size_t reasons);

// The members of one scored message's JSON object: text, scores, flagged, baseline, reasons.
void WriteToneScoreJson(const ToneScore& score, const ToneModel& model, JsonOut* json);

// `nanni tone --account`: the whole account and each contact, month by month, then the
// messages that stand out.
std::string AccountToneText(const ToneReport& report);
void WriteAccountToneJson(const ToneReport& report, JsonOut* json);

// `nanni tone --all`: the first `rows` contacts of each ranking, then the standouts.
std::string PortfolioToneText(const ToneReport& report, size_t rows);
void WritePortfolioToneJson(const ToneReport& report, JsonOut* json);

}  // namespace nanni
