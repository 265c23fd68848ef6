// EventKind and the schema of each kind: which attributes it may carry, of which type, and
// which it must carry. The schema is the single source of truth for validation (validate.h)
// and for the generated reference in docs/events.md.
#pragma once

#include <span>
#include <string_view>

namespace nanni {

enum class EventKind {
  kRequest,
  kResponse,
  kMessage,
  kCommitment,
  kCommitmentOutcome,
  kDeadline,
  kIncident,
  kEscalation,
  kCall,
  kInvoice,
  kPayment,
  kDiscountRequest,
  kStatusUpdate,
  kContract,
  kNote,
};

enum class AttributeType {
  kString,       // any non-empty UTF-8 string
  kId,           // the id of another event (or of an invoice, incident, contract)
  kEnum,         // one of AttributeSpec::choices
  kInt,          // any 64-bit integer
  kNonNegative,  // an integer >= 0
  kTime,         // RFC 3339 with offset
  kCurrency,     // ISO 4217 code: three upper-case ASCII letters
};

struct AttributeSpec {
  std::string_view name;
  AttributeType type;
  bool required;
  std::span<const std::string_view> choices;  // for kEnum
  std::string_view doc;
};

struct KindSpec {
  EventKind kind;
  std::string_view name;  // as written in NDJSON, e.g. "commitment_outcome"
  std::string_view doc;
  std::span<const AttributeSpec> attributes;  // sorted by name
  bool needs_reply_to;  // e.g. a response must say what it answers
  bool needs_to;        // e.g. an escalation must say to whom
};

// All kinds, in declaration order.
std::span<const KindSpec> AllKinds();

// The spec of `kind`. Never null.
const KindSpec& SpecOf(EventKind kind);

// Finds a kind by its NDJSON name; nullptr when there is no such kind.
const KindSpec* FindKind(std::string_view name);

// The attribute spec of `name` for `kind`; nullptr when the kind has no such attribute.
const AttributeSpec* FindAttribute(const KindSpec& kind, std::string_view name);

// Values allowed for the common `channel` field.
std::span<const std::string_view> Channels();

}  // namespace nanni
