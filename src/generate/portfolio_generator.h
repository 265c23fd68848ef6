// The demo portfolio generator: a realistic, deterministic history of a company's dealings
// with its customer accounts, with known situations planted in it (docs/generate.md).
//
// Each account gets a company name, a time zone, a size, a yearly revenue, a currency and
// people on both sides at every level. Its history has request/response threads, calls,
// commitments on both sides with their outcomes, customer deadlines, incidents, escalations,
// invoices and payments, discount requests, a contract and notes, all in the account's
// business hours with the zone's real UTC offset. Every event satisfies its kind's schema
// (event/kind.h).
//
// Fifteen situations are planted, each in an account of its own chosen from the seed, and
// reported in GeneratorTruth so that the capabilities that detect them can be tested, with the
// triage signals each account should raise at the end of the history and the cause of every
// escalation.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "event/event.h"
#include "util/status.h"
#include "util/time.h"

namespace nanni {

struct GeneratorOptions {
  uint64_t seed = 7;
  // >= 12; with 16 or more every planted situation has its own account (below that the last
  // ones, in truth order, are not planted: their `accounts` are empty).
  int accounts = 200;
  int months = 24;     // history length, ending at `end_utc_micros`
  // 0: natural volume (a few hundred events per account per year). Otherwise per-account
  // volume is scaled so that the total lands close to this (within a few per cent, provided
  // it exceeds the fixed events every account has: contract, invoices, payments).
  uint64_t target_events = 0;
  // Fixed, so that the output is deterministic (never "now").
  int64_t end_utc_micros = CivilToMicros(2026, 10, 31, 0, 0, 0);
};

// One planted situation, as written to the truth file.
struct PlantedSituation {
  std::string name;         // stable key, e.g. "abusive_customer" (docs/generate.md lists them)
  std::string description;  // one sentence, plain
  std::vector<std::string> accounts;
  std::vector<std::string> contacts;  // contact emails (or agent ids for our agents)
};

// The ids of the triage signals (docs/triage.md), in the engine's order.
inline constexpr std::string_view kExpectedSignalIds[] = {
    "let_go",          "legal_risk",          "hostile_stakeholder", "abusive_contact",
    "stalled_deal",    "negative_margin",     "late_payer",          "broken_promises",
    "impossible_deadline", "level_gap",       "discount_badgering",  "quick_wins",
    "advocate"};

struct GeneratorTruth {
  std::vector<PlantedSituation> situations;
  uint64_t events = 0;                // events passed to the sink
  std::vector<std::string> accounts;  // every account id, in generation order
  // For each id of kExpectedSignalIds (same order), the accounts where that signal should fire
  // by its meaning at the end of the history, in generation order. Derived from what the
  // generator planned (payment habits, planted situations), for histories of 12 months or more.
  std::vector<std::vector<std::string>> expected_signals;
  // Every escalation's event id and what caused it ("incident", "broken_promise",
  // "unanswered", "repeat_request", "billing" or "other"), in generation order.
  std::vector<std::pair<std::string, std::string>> escalation_causes;
};

using EventSink = std::function<Status(const Event&)>;

// Generates the portfolio, calling `sink` for every event; stops and returns the sink's error
// if it fails. Returns InvalidInput for accounts < 12 or months < 1.
//
// Deterministic: the same options give byte-identical events on every run and machine (the
// generator uses only integer arithmetic and its own PRNG). Accounts are generated one at a
// time, in order; each account's events reach the sink in time order (by UTC instant, ties
// in creation order). Memory is proportional to the events of one account, not to the whole
// portfolio. The Event passed to the sink is reused: it is valid only during the call.
//
// All events lie in [HistoryStartMicros(options), end). Ids are "gen-<seed>:<account>:<n>";
// a reply_to and every other reference to an event point to an earlier event of the same
// account. On error, *truth is incomplete.
Status GeneratePortfolio(const GeneratorOptions& options, const EventSink& sink,
                         GeneratorTruth* truth);

// The truth as pretty-printed JSON: the options, the time range, the event count, every
// account id and the planted situations (docs/generate.md shows the format).
std::string TruthToJson(const GeneratorOptions& options, const GeneratorTruth& truth);

// The first instant of the generated history: `end` minus `months` calendar months (the day
// of month clamped to the month's length).
int64_t HistoryStartMicros(const GeneratorOptions& options);

}  // namespace nanni
