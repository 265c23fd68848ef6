// The texts the generator writes: subjects, bodies and attribute values, as templates with
// variables, plus the expander that fills them in.
//
// A template is plain text with variables in braces:
//   {hi}        "Hi Anna," when there is an addressee, else "Hello,"
//   {first}     the addressee's first name ("team" when there is none)
//   {me}        the sender's first name
//   {company}   the account's display name
//   {due}       a date from the event ("Friday 14 March")
//   {invoice}   an invoice number from the event
//   {what}      what a commitment, deadline or discount is about (itself expanded)
//   {years}     a number of years from the event
//   {feature} {report} {dept} {competitor} {day} {n} {pct}
//               picked from fixed lists by the event's text seed, so every event of one thread
//               (which share the seed) names the same feature, report, ...
// Unknown variables are copied as written. Templates are ASCII; names may not be.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace nanni {

// Every list of templates, by id. kNone is the empty list.
enum class TextList : uint8_t {
  kNone,
  // Requests, by topic (see Topics()).
  kExportSubject, kExportBody, kLoginSubject, kLoginBody, kBillingSubject, kBillingBody,
  kIntegrationSubject, kIntegrationBody, kPerformanceSubject, kPerformanceBody,
  kReportsSubject, kReportsBody, kDataSubject, kDataBody, kOnboardingSubject, kOnboardingBody,
  kFeatureSubject, kFeatureBody, kPermissionsSubject, kPermissionsBody,
  // Our answers and their follow-ups.
  kTechnicalResponse, kAdminResponse, kChatResponse, kSecondResponse,
  kFollowUpResolved, kFollowUpStillBroken, kChaser, kMeToo, kDemandingAddOn,
  // Planted tones.
  kAbusiveSubject, kAbusiveLine, kHostileLine, kLegalLine, kLegalSubject, kBadgerLine,
  kThanks, kStallingExcuse,
  // Commitments, deadlines, incidents, escalations, discounts.
  kOurWhat, kTheirWhat, kCommitmentText, kTheirCommitmentText, kOutcomeKeptText,
  kOutcomeBrokenText, kTheirOutcomeBrokenText, kTheirOutcomeKeptText, kChaseTheirs,
  kWarnUpdate, kOnTrackUpdate, kIncidentUpdate, kDeadlineWhat, kDeadlineText,
  kIncidentWhat, kIncidentSubject, kIncidentReport, kIncidentResolved, kEscalationAbout,
  kEscalationText, kEscalationOurExec, kEscalationReply, kDiscountWhat, kDiscountText,
  kDiscountResponse,
  // Everything else.
  kNoteText, kOurFyi, kTheirFyi, kQbrSubject, kQbrText, kContractText, kOverdueReminder,
  kInvoiceSubject,
  kCount,
};

std::span<const std::string_view> Texts(TextList list);

// A request topic: its `topic` attribute, call queue and templates. Subject i and body i
// belong together (the lists have the same length).
struct Topic {
  std::string_view name;
  std::string_view queue;  // "billing", "technical" or "general"
  bool technical;          // answered with kTechnicalResponse, else kAdminResponse
  TextList subjects;
  TextList bodies;
};

std::span<const Topic> Topics();

// Competitors a hostile contact threatens to move to.
std::span<const std::string_view> Competitors();

struct TextVars {
  std::string_view first;    // addressee's first name; "" when there is none
  std::string_view me;       // sender's first name
  std::string_view company;  // account display name
  std::string_view due;
  std::string_view invoice;
  std::string_view what;
  int64_t years = 0;
  uint64_t seed = 0;         // picks {feature}, {report}, ... deterministically
};

// Appends `tpl` with its variables filled in to *out.
void ExpandTemplate(std::string_view tpl, const TextVars& vars, std::string* out);

}  // namespace nanni
