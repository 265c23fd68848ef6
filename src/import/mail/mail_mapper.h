// MailMapper: turns a parsed mail message into an Event (docs/mail.md has every rule).
//
// Sides: an address whose domain is one of company.domains (or a subdomain of one) is ours,
// any other is theirs. Mailing-list rewriting ("Name via LIST" <list@...>, a From equal to the
// list's address, or a "-bounces" sender) is undone: the person is the single Reply-To that is
// not the list, else X-Original-From, else the name without " via LIST" and no address.
// Accounts (theirs): accounts.addresses, then accounts.domains (the domain or a parent of it),
// then a free-mail address is its own account, else the organisation's domain (the last two
// labels, three under a two-letter country's "co."/"com."/"ac."... second level).
// Accounts (ours): the account of the customer message the thread answers, followed up
// through our own replies; else the first recipient who is not ours; else the first recipient.
//
// The mapper holds only a pointer to the config, which must outlive it; it has no state of
// its own (every method is const).
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "config/nanni_config.h"
#include "event/event.h"
#include "import/mail/mail_message.h"

namespace nanni {

// What the first pass learns of a message from its headers: enough to place its replies.
struct MailFacts {
  std::string id;        // event id: "mail:<message-id>", or "mail:sha256:<hex>" without one
  std::string parent;    // event id of the message it answers, "" when none
  Side side = Side::kTheirs;
  std::string account;   // theirs: the sender's account; ours: the fallback (see above)
  std::string root_hint; // the first of References, else the parent, else "" (event ids)
  std::string thread;    // set by the archive's first pass (mail_source.h); "" otherwise
};

// Looks up the facts of an event id seen in the same import; nullptr when unknown.
using FactsLookup = std::function<const MailFacts*(const std::string& event_id)>;

class MailMapper {
 public:
  explicit MailMapper(const NanniConfig* config) : config_(config) {}

  // The person who wrote `m`, with list rewriting undone; *via_list says whether it was.
  MailAddress Sender(const MailMessage& m, bool* via_list) const;
  Side SideOf(std::string_view email) const;
  std::string AccountOf(std::string_view email) const;  // as for a customer address

  // `raw` is only hashed, for a message without a Message-ID.
  void Facts(const MailMessage& m, std::string_view raw, MailFacts* out) const;

  // The account an event of `facts` belongs to, following our replies up to the customer.
  std::string ResolveAccount(const MailFacts& facts, const FactsLookup& lookup) const;

  // Fills *event (replacing it) from a fully parsed message. `file` and `line` are where it
  // was read. Returns false (and leaves *event unspecified) when the message has no date.
  bool ToEvent(const MailMessage& m, std::string_view raw, const FactsLookup& lookup,
               const std::string& file, int64_t line, Event* event) const;

 private:
  std::string AccountOfUncapped(std::string_view email) const;

  const NanniConfig* config_;
};

// "mail:<id>" for a Message-ID (without <>).
std::string MailEventId(std::string_view message_id);

}  // namespace nanni
