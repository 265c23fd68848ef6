// Triage: the portfolio ranked by how urgently each account needs something, with the
// signals that say what and the events behind each, and the moves the playbooks
// (data/triage/playbooks.toml) suggest (docs/triage.md). Plain data, owning everything it
// holds. Signal ids are a contract (`triage --json`): see kSignalIds.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/economics.h"
#include "util/time.h"

namespace nanni {

// Every signal id, in the order triage shows them.
inline constexpr std::string_view kSignalIds[] = {
    "let_go",          "legal_risk",     "hostile_stakeholder", "abusive_contact", "stalled_deal",
    "negative_margin", "late_payer",     "broken_promises",     "impossible_deadline",
    "level_gap",       "discount_badgering", "quick_wins",      "advocate"};

// One event a signal rests on.
struct Evidence {
  uint64_t seq = 0;
  std::string id;    // the event's id in the record (its citation)
  std::string kind;  // event kind
  Timestamp time;
  std::string note;  // what it shows, in neutral words ("invoice INV-7 paid 41 days late")
};

// One of the customer's open demands (quick_wins), most pressing first.
struct OpenDemand {
  uint64_t seq = 0;        // the first ask
  std::string id;
  std::string subject;     // what was asked (its subject, or the start of its text)
  size_t asks = 0, askers = 0;
  Timestamp first_asked, last_asked;
  double score = 0;
};

struct Signal {
  std::string signal;        // one of kSignalIds
  double score = 0;          // 0..1: how strongly the evidence shows it
  std::string reason;        // one neutral line
  std::string contact;       // the contact it is about (name <email>), "" when the account
  std::vector<Evidence> evidence;  // oldest first, at most 12
  std::vector<OpenDemand> demands;     // quick_wins: the top open demands (the first two named)
  std::string story;               // advocate: a draft reference story from the chronology
};

// A move the playbooks suggest for a signal.
struct Move {
  std::string move;       // its id
  std::string title, principle, seed, text;
  std::vector<std::string> signals;  // the signals of this account that call for it
};

struct AccountTriage {
  std::string account;
  size_t rank = 0;           // 1 = most urgent
  double urgency = 0;        // what the ranking sorts by (docs/triage.md)
  std::vector<Signal> signals;  // in kSignalIds order
  std::vector<Move> moves;
  AccountEconomics economics;
};

struct Triage {
  Timestamp as_of;
  std::string currency;            // of the economics figures
  std::vector<AccountTriage> accounts;  // by rank; accounts without signals last, by name
  Economics economics;             // the portfolio's, for the Pareto view (rows moved out)
};

}  // namespace nanni
