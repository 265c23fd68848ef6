// FactDraft: what the analytic index keeps of one event, before it has a seq.
//
// An import drafts every event it reads on its reading thread (where the tone scoring, the
// costly part, runs beside the writer), then the IndexBuilder on the writing thread gives
// the draft its seq, its string ids and its links. Strings are copies: a draft owns them, and
// a reused draft reuses their buffers.
#pragma once

#include <string>

#include "event/event.h"
#include "index/facts.h"
#include "tone/tone_scorer.h"

namespace nanni {

struct FactDraft {
  enum class Table { kNone, kCall, kMoney, kPromise, kIncident };

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
  IncidentFact incident;
  std::string incident_key;
  bool has_tone = false;
  ToneFact tone;
};

// Drafts `event` into *out (reusing its buffers), scoring its tone with `scorer` when the
// event carries the customer's words (tone/tone_text.h).
void DraftFact(const Event& event, ToneScorer* scorer, ToneScore* scratch, FactDraft* out);

// How a contact is kept in the index's string table: its key (event/contact_key.h), name and
// email, separated by U+001F (which no validated contact field holds).
std::string ContactString(const Contact& contact);

// The parts of a ContactString.
struct ContactParts {
  std::string_view key, name, email;
};
ContactParts SplitContactString(std::string_view s);

}  // namespace nanni
