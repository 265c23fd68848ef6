// EventBuilder: turns the compact Items of one account (account_simulator.h) into Events.
//
// Build() overwrites every field of the Event it is given, so that a caller who reuses Events
// allocates little over a long run. The Event satisfies its kind's schema:
// attributes are written in name order, as EventDecoder would produce them, so that an event
// encoded with EncodeCanonical() decodes back to an equal Event.
//
// Item fields by kind:
//   request     e1 priority (1..4: low..urgent), e2 topic (1 + index into Topics(); 100 is
//               an outage report), when_utc the optional due date
//   commitment  e1 owner (1 ours, 2 theirs), what, when_utc the due date
//   commitment_outcome  ref the commitment or deadline, e1 status (1 kept, 2 broken)
//   deadline    what, when_utc the due date
//   incident    num3 the incident number, e1 phase (1 start, 2 end), e2 severity (1 critical,
//               2 major, 3 minor), what
//   escalation  what (the "about")
//   call        num handle_s, num2 queue_wait_s, num3 ivr_s (0: none), e1 outcome (1 answered,
//               2 abandoned, 3 dropped, 4 transferred), e2 queue and e4 transfer_to (1 billing,
//               2 technical, 3 general), e3 direction (1 inbound, 2 outbound); to[0] the agent
//   invoice     num amount_minor, num2 the invoice number, when_utc the due date
//   payment     num amount_minor, num2 the invoice number
//   discount_request  num percent, what
//   status_update     ref the commitment, incident or request it updates
//   contract    num value_minor, when_utc the start, num2 the end (UTC micros), num3 years
// For request, response, message, escalation and note, ref is the event answered (reply_to).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "event/event.h"
#include "generate/account_simulator.h"
#include "generate/portfolio_model.h"

namespace nanni {

class EventBuilder {
 public:
  EventBuilder(uint64_t seed, const AccountProfile& account);

  // Overwrites *out with the event of `item`.
  void Build(const Item& item, Event* out);

 private:
  void Ids(const Item& item, Event* e) const;
  void People(const Item& item, Event* e) const;
  void Words(const Item& item, Event* e);
  void Attributes(const Item& item, Event* e);
  void FormatId(uint32_t seq, std::string* out) const;
  std::string_view First(int person) const;

  const AccountProfile& account_;
  std::string prefix_;  // "gen-<seed>:<account>:"
  std::string what_, due_, invoice_, scratch_;
};

}  // namespace nanni
