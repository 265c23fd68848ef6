// Triage, economics and escalations (engine/triage.h, economics.h, escalations.h) as terminal
// text, as JSON (the contracts in docs/triage.md, docs/economics.md, docs/escalations.md) and
// triage as one self-contained HTML page with the Pareto chart. They format and never analyse.
#pragma once

#include <string>

#include "engine/escalations.h"
#include "engine/triage.h"
#include "util/json_out.h"

namespace nanni {

// The ranked accounts that have signals, each with its signals' reasons and its moves;
// `limit` accounts at most (0: all).
std::string TriageText(const Triage& triage, size_t limit);
// {"as_of","accounts":[{"account","rank","signals":[{"signal","score","reason","evidence":[...]}],"moves":[...]}]}
// and a few more fields (docs/triage.md); every account, also those without signals.
void WriteTriageJson(const Triage& triage, JsonOut* json);
// A page with the Pareto chart (inline SVG), the economics summary and the ranked accounts
// with their evidence and moves: no script, no external resource.
std::string TriageHtml(const Triage& triage);

// One account's signals, in full: reasons, every piece of evidence, demands, story, moves.
std::string SignalsText(const AccountTriage& account, const Timestamp& as_of);
void WriteSignalsJson(const AccountTriage& account, const Timestamp& as_of, JsonOut* json);

// The portfolio's economics: the summary, the Pareto view, then one row per account.
std::string EconomicsText(const Economics& economics, size_t limit);
void WriteEconomicsJson(const Economics& economics, JsonOut* json);

// Root causes ranked, then every escalation with its cause and fix time.
std::string EscalationsText(const Escalations& escalations, size_t limit);
void WriteEscalationsJson(const Escalations& escalations, JsonOut* json);

}  // namespace nanni
