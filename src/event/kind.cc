#include "event/kind.h"

#include <algorithm>

namespace nanni {

namespace {

using T = AttributeType;

constexpr std::string_view kPriorities[] = {"low", "normal", "high", "urgent"};
constexpr std::string_view kOwners[] = {"ours", "theirs"};
constexpr std::string_view kCommitmentStatus[] = {"kept", "broken", "withdrawn"};
constexpr std::string_view kPhases[] = {"start", "end"};
constexpr std::string_view kSeverities[] = {"critical", "major", "minor"};
constexpr std::string_view kCallOutcomes[] = {"answered", "abandoned", "dropped", "transferred"};
constexpr std::string_view kDirections[] = {"inbound", "outbound"};
constexpr std::string_view kPlanned[] = {"announced", "unannounced"};
constexpr std::string_view kForceMajeure[] = {"declared"};
constexpr std::string_view kChannels[] = {"email",  "phone",   "ticket", "chat", "social",
                                          "meeting", "portal", "letter", "other"};

// Each list is sorted by attribute name (checked by kind_test).
constexpr AttributeSpec kRequestAttrs[] = {
    {"due", T::kTime, false, {}, "when the customer wants it by, if they said"},
    {"priority", T::kEnum, false, kPriorities, "the source's priority"},
    {"topic", T::kString, false, {}, "short topic or category"},
};
constexpr AttributeSpec kCommitmentAttrs[] = {
    {"due", T::kTime, true, {}, "the date promised"},
    {"owner", T::kEnum, true, kOwners, "which side promised"},
    {"what", T::kString, true, {}, "what was promised"},
};
constexpr AttributeSpec kOutcomeAttrs[] = {
    {"commitment", T::kId, true, {}, "id of the commitment or deadline event this settles"},
    {"status", T::kEnum, true, kCommitmentStatus, "kept, broken or withdrawn, as of this event's time"},
};
constexpr AttributeSpec kDeadlineAttrs[] = {
    {"due", T::kTime, true, {}, "the date the customer set"},
    {"what", T::kString, true, {}, "what is due"},
};
constexpr AttributeSpec kIncidentAttrs[] = {
    {"incident", T::kId, true, {}, "groups the start and end of one incident"},
    {"phase", T::kEnum, true, kPhases, "start or end"},
    {"planned", T::kEnum, false, kPlanned, "planned maintenance, announced in advance or not (contract terms may exclude the announced)"},
    {"severity", T::kEnum, false, kSeverities, "critical, major or minor"},
    {"what", T::kString, false, {}, "what failed"},
};
constexpr AttributeSpec kEscalationAttrs[] = {
    {"about", T::kString, true, {}, "what the escalation is about"},
    {"cause", T::kString, false, {}, "its root cause, when the source records one (docs/escalations.md)"},
};
constexpr AttributeSpec kCallAttrs[] = {
    {"agent", T::kString, false, {}, "our agent who handled it"},
    {"direction", T::kEnum, false, kDirections, "inbound or outbound"},
    {"handle_s", T::kNonNegative, true, {}, "seconds with an agent (0 if never served)"},
    {"ivr_s", T::kNonNegative, false, {}, "seconds in the voice menu"},
    {"outcome", T::kEnum, true, kCallOutcomes, "answered, abandoned, dropped or transferred"},
    {"queue", T::kString, false, {}, "the queue or service line"},
    {"queue_wait_s", T::kNonNegative, true, {}, "seconds waiting in the queue"},
    {"transfer_to", T::kString, false, {}, "where a transferred call went"},
};
constexpr AttributeSpec kInvoiceAttrs[] = {
    {"amount_minor", T::kInt, true, {}, "amount in minor units (cents); negative for a credit note"},
    {"currency", T::kCurrency, true, {}, "ISO 4217 code"},
    {"due", T::kTime, true, {}, "payment due date"},
    {"invoice", T::kId, true, {}, "the invoice number"},
};
constexpr AttributeSpec kPaymentAttrs[] = {
    {"amount_minor", T::kInt, true, {}, "amount paid in minor units"},
    {"currency", T::kCurrency, true, {}, "ISO 4217 code"},
    {"invoice", T::kId, true, {}, "the invoice it pays"},
};
constexpr AttributeSpec kDiscountAttrs[] = {
    {"percent", T::kNonNegative, false, {}, "the cut asked for, in percent"},
    {"what", T::kString, false, {}, "what the discount, credit or freebie is on"},
};
constexpr AttributeSpec kStatusUpdateAttrs[] = {
    {"force_majeure", T::kEnum, false, kForceMajeure, "the sender declares force majeure for what it refers to"},
    {"refers_to", T::kId, false, {}, "id of the commitment, incident or request it updates"},
};
constexpr AttributeSpec kContractAttrs[] = {
    {"contract", T::kId, true, {}, "the contract number"},
    {"currency", T::kCurrency, false, {}, "currency of value_minor"},
    {"ends", T::kTime, false, {}, "end of the term"},
    {"starts", T::kTime, false, {}, "start of the term"},
    {"terms_sha256", T::kString, false, {}, "SHA-256 of the event's text: its terms in canonical form (docs/contracts.md)"},
    {"value_minor", T::kInt, false, {}, "contract value in minor units"},
};

constexpr KindSpec kKinds[] = {
    {EventKind::kRequest, "request", "the customer asks for something", kRequestAttrs, false, false},
    {EventKind::kResponse, "response", "an answer to a request or message", {}, true, false},
    {EventKind::kMessage, "message", "a message that neither asks nor answers", {}, false, false},
    {EventKind::kCommitment, "commitment", "someone promised something by a date", kCommitmentAttrs, false, false},
    {EventKind::kCommitmentOutcome, "commitment_outcome", "a commitment or deadline was kept, broken or withdrawn", kOutcomeAttrs, false, false},
    {EventKind::kDeadline, "deadline", "the customer set a date", kDeadlineAttrs, false, false},
    {EventKind::kIncident, "incident", "an outage or defect starts or ends", kIncidentAttrs, false, false},
    {EventKind::kEscalation, "escalation", "someone took a matter to someone higher", kEscalationAttrs, false, true},
    {EventKind::kCall, "call", "a phone call through a queue", kCallAttrs, false, false},
    {EventKind::kInvoice, "invoice", "we billed the account", kInvoiceAttrs, false, false},
    {EventKind::kPayment, "payment", "the account paid", kPaymentAttrs, false, false},
    {EventKind::kDiscountRequest, "discount_request", "the customer asked for a price cut, credit or freebie", kDiscountAttrs, false, false},
    {EventKind::kStatusUpdate, "status_update", "news on something in progress", kStatusUpdateAttrs, false, false},
    {EventKind::kContract, "contract", "a contract or its terms", kContractAttrs, false, false},
    {EventKind::kNote, "note", "anything else worth recording", {}, false, false},
};

}  // namespace

std::span<const KindSpec> AllKinds() { return kKinds; }

const KindSpec& SpecOf(EventKind kind) { return kKinds[static_cast<size_t>(kind)]; }

const KindSpec* FindKind(std::string_view name) {
  for (const KindSpec& k : kKinds) {
    if (k.name == name) return &k;
  }
  return nullptr;
}

const AttributeSpec* FindAttribute(const KindSpec& kind, std::string_view name) {
  for (const AttributeSpec& a : kind.attributes) {
    if (a.name == name) return &a;
  }
  return nullptr;
}

std::span<const std::string_view> Channels() { return kChannels; }

}  // namespace nanni
