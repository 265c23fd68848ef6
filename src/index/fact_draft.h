// FactDraft: what the analytic index keeps of one event, before it has a seq.
//
// An import drafts every event it reads on its reading thread, scores the tone of those that
// carry the customer's words on a thread of its own (the costly part), and the IndexBuilder on
// the writing thread gives each draft its seq, its string ids and its links. Strings are
// copies: a draft owns them, and a reused draft reuses their buffers.
#pragma once

#include <string>

#include "event/event.h"
#include "index/facts.h"
#include "tone/tone_scorer.h"

namespace nanni {

struct FactDraft {
  enum class Table { kNone, kCall, kMoney, kPromise, kIncident, kContract, kEscalation };

  std::string id, account;
  std::string from;                     // ContactString of the sender, "" when none
  std::string reply_to, corrects, ref;  // the ids the links name, "" when none
  Fact fact;                            // string ids, links and recorded left 0
  Table table = Table::kNone;           // which side record below is set
  CallFact call;
  std::string agent, queue, transfer_to;
  MoneyFact money;
  std::string invoice, currency;
  PromiseFact promise;
  std::string what;  // a promise's
  IncidentFact incident;
  std::string incident_key;
  ContractFact contract;
  std::string contract_key;  // its currency goes in `currency`
  std::string cause;         // an escalation's
  bool has_tone = false;   // the event carries the customer's words (tone/tone_text.h) ...
  std::string tone_text;   // ... these, to be scored by ScoreTone()
  ToneFact tone;
};

// Drafts `event` into *out (reusing its buffers), all but its tone.
void DraftFact(const Event& event, FactDraft* out);

// Scores draft->tone_text into draft->tone when draft->has_tone.
void ScoreTone(ToneScorer* scorer, ToneScore* scratch, FactDraft* draft);

// How a contact is kept in the index's string table: its key (event/contact_key.h), name and
// email, separated by U+001F (which no validated contact field holds).
std::string ContactString(const Contact& contact);
// The same appended to *out (the key as event/contact_key.h makes it).
void AppendContactString(const Contact& contact, std::string* out);

// The parts of a ContactString.
struct ContactParts {
  std::string_view key, name, email;
};
ContactParts SplitContactString(std::string_view s);

}  // namespace nanni
