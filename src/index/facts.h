// The records of the analytic index (docs/index.md): a compact, fixed-size form of every
// event, for analyses that read the whole portfolio without decoding JSON bodies.
//
// Every event has one Fact. Events of some kinds also have one record in a side table of
// their kind (calls, money, promises, incidents, contracts, escalations), and messages from the customer's side
// that carry text have a ToneFact. Strings (accounts, contacts, agents, invoice and incident
// keys, currencies) are ids into the index's one string table; 0 means "none". Links to other
// events (reply_to, corrects, refers_to or commitment) are the seq of the event whose id the
// link names, resolved exactly; 0 when the ledger holds no such event (yet).
//
// These are plain data with no padding to leave uninitialised: they are written to the
// store byte for byte, and verify compares those bytes with a rebuild.
#pragma once

#include <cstdint>
#include <type_traits>
#include <vector>

namespace nanni {

// Kinds of links, as FactLinks and the links stream name them.
enum class LinkKind : uint8_t { kReplyTo = 1, kCorrects = 2, kRef = 3 };

struct Fact {
  int64_t time_utc_micros = 0;
  uint32_t account = 0;     // string id
  uint32_t from = 0;        // contact string id (ContactString), 0 when no sender
  uint32_t reply_to = 0;    // seq
  uint32_t corrects = 0;    // seq
  uint32_t ref = 0;         // seq: a status update's refers_to, an outcome's commitment
  uint32_t recorded = 0;    // index into the index's table of recording times
  uint16_t participants = 0;  // bit ParticipantBit(side, level) for the sender and each recipient
  int16_t offset_minutes = 0;
  uint8_t kind = 0;         // EventKind
  uint8_t channel = 0;      // 0: none; else 1 + the index in Channels()
  uint8_t from_side = 0;    // Side
  uint8_t from_level = 0;   // Level
};

// Durations in seconds, capped at INT32_MAX (68 years) in the index; the record keeps the value.
struct CallFact {
  uint32_t seq = 0;
  uint32_t agent = 0, queue = 0, transfer_to = 0;  // string ids
  int32_t queue_wait_s = 0, handle_s = 0, ivr_s = 0;
  uint8_t outcome = 0;    // 1 + index in the call kind's outcome choices; 0: none
  uint8_t direction = 0;  // 1 + index in the direction choices; 0: none
  uint8_t pad[2] = {};
};

// An invoice or a payment.
struct MoneyFact {
  uint32_t seq = 0;
  uint32_t invoice = 0;   // string id of the invoice key (the `invoice` attribute)
  uint32_t currency = 0;  // string id
  uint32_t pad = 0;
  int64_t amount_minor = 0;
  int64_t due_utc_micros = 0;  // invoices; 0 for payments
};

// A commitment, a deadline or a commitment outcome.
struct PromiseFact {
  uint32_t seq = 0;
  uint8_t owner = 0;   // commitments: 1 ours, 2 theirs; deadlines: 2 (theirs); outcomes: 0
  uint8_t status = 0;  // outcomes: 1 kept, 2 broken, 3 withdrawn; 0 otherwise
  uint8_t pad[2] = {};
  uint32_t what = 0;   // string id of what was promised or is due (commitments and deadlines)
  uint32_t pad2 = 0;
  int64_t due_utc_micros = 0;  // commitments and deadlines
};

// A contract: its term and value.
struct ContractFact {
  uint32_t seq = 0;
  uint32_t contract = 0;  // string id of the contract number
  uint32_t currency = 0;  // string id; 0 when the event names none
  uint32_t pad = 0;
  int64_t starts_utc_micros = 0;  // 0: not given
  int64_t ends_utc_micros = 0;    // 0: not given
  int64_t value_minor = 0;        // 0: not given
};

// An escalation's recorded root cause (its `cause` attribute); 0 when the source gave none.
struct EscalationFact {
  uint32_t seq = 0;
  uint32_t cause = 0;  // string id
};

struct IncidentFact {
  uint32_t seq = 0;
  uint32_t incident = 0;  // string id of the incident key
  uint8_t start = 0;      // 1 when phase is "start" (every other phase ends it)
  uint8_t pad[3] = {};
};

// The tone of one message from the customer's side (tone/tone_trend.h needs no more).
struct ToneFact {
  uint32_t seq = 0;
  float politeness = 0, demanding = 0, collaboration = 0, abuse = 0;
  float max_threat = 0, max_badgering = 0;
  uint8_t flags = 0;        // ToneFlag bits
  uint8_t threats = 0;      // ThreatBit of each threat kind flagged (score >= 0.5)
  uint8_t pad[2] = {};
  double flagged_sum = 0;   // the sum of the flagged scores of abuse, threats and badgering
};

// kChaseFlag: the message chases us (text/chase.h); not a tone score, kept here with the other
// readings of the customer's words.
enum ToneFlag : uint8_t { kDemandingFlag = 1, kAbusiveFlag = 2, kThreatFlag = 4, kBadgeringFlag = 8, kChaseFlag = 16 };

// ToneFact::threats: one bit per kind of threat, in the order of tone/tone_score.h.
enum ThreatBit : uint8_t { kLegalThreat = 1, kChurnThreat = 2, kPublicThreat = 4, kEscalationThreat = 8, kPersonalThreat = 16 };

// A link to an id the ledger did not hold when its event was indexed, and the fixup that
// resolves it once an event with that id arrives.
struct LinkFixup {
  uint32_t seq = 0;     // the event whose link it is
  uint32_t target = 0;  // the seq it resolves to
  uint8_t kind = 0;     // LinkKind
  uint8_t pad[3] = {};
};

// The records of a run of events, a vector per kind: the index's columns. The builder fills one
// for its open block; the snapshot holds one for every event it covers.
struct FactColumns {
  std::vector<Fact> facts;         // one per event, in ledger order
  std::vector<int64_t> recorded;   // the distinct recording times Fact::recorded names
  std::vector<CallFact> calls;     // the side records, in ledger order
  std::vector<MoneyFact> money;
  std::vector<PromiseFact> promises;
  std::vector<IncidentFact> incidents;
  std::vector<ContractFact> contracts;
  std::vector<EscalationFact> escalations;
  std::vector<ToneFact> tone;

  void Clear() {
    facts.clear();
    recorded.clear();
    calls.clear();
    money.clear();
    promises.clear();
    incidents.clear();
    contracts.clear();
    escalations.clear();
    tone.clear();
  }
};

// The bit of a (side, level) pair in Fact::participants: side 0..2 (unknown, ours, theirs) x
// level 0..4 (unknown, executive, manager, user, agent).
constexpr uint16_t ParticipantBit(int side, int level) {
  return static_cast<uint16_t>(1u << (side * 5 + level));
}

static_assert(sizeof(Fact) == 40 && std::is_trivially_copyable_v<Fact>);
static_assert(sizeof(CallFact) == 32 && sizeof(MoneyFact) == 32 && sizeof(PromiseFact) == 24);
static_assert(sizeof(ContractFact) == 40 && sizeof(EscalationFact) == 8);
static_assert(sizeof(IncidentFact) == 12 && sizeof(ToneFact) == 40 && sizeof(LinkFixup) == 12);

}  // namespace nanni
