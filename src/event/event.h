// Event: one dated fact in the ledger, in the product's vocabulary (see docs/events.md).
//
// An Event is plain data. Its kind decides which attributes it may and must carry; that
// contract lives in event/kind.h and is checked by the codec when an event is read, so an
// Event that came out of DecodeEvent() is always valid for its kind.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "event/kind.h"
#include "util/time.h"

namespace nanni {

enum class Side { kUnknown, kOurs, kTheirs };
enum class Level { kUnknown, kExecutive, kManager, kUser, kAgent };

// A person. At least one of id, name and email is set.
struct Contact {
  std::string id;     // the source's stable id for the person, when it has one
  std::string name;
  std::string email;
  std::string title;  // e.g. "VP Operations", as written in the source
  Side side = Side::kUnknown;
  Level level = Level::kUnknown;

  friend bool operator==(const Contact&, const Contact&) = default;
};

// Where an event came from, so that every line of a report can cite it.
struct SourceRef {
  std::string file;  // file name as given to the importer
  int64_t line = 0;  // 1-based line in that file, 0 when not line-based
  std::string ref;   // Message-ID, ticket id, call id, ...

  friend bool operator==(const SourceRef&, const SourceRef&) = default;
};

// The value of a kind-specific attribute: a string (also enums and ids), an integer, or a time.
using AttributeValue = std::variant<std::string, int64_t, Timestamp>;

struct Event {
  // Required for every kind.
  std::string id;       // stable source id: the same fact always gets the same id
  std::string account;  // the customer organisation or person this fact belongs to
  Timestamp time;
  EventKind kind = EventKind::kNote;

  // Optional for every kind (empty when absent).
  std::string thread;    // conversation this event belongs to
  std::string reply_to;  // id of the event this one answers
  std::string corrects;  // id of the event this one corrects (nothing is edited in place)
  std::string channel;   // email, phone, ticket, chat, social, meeting, portal, letter, other
  std::string subject;
  std::string text;
  std::string new_text;  // what `text` says for the first time (mail: no quotes or signature)
  std::optional<Contact> from;
  std::vector<Contact> to;
  SourceRef source;

  // Kind-specific attributes, sorted by name, each allowed by the kind's schema.
  std::vector<std::pair<std::string, AttributeValue>> attributes;
  // Free-form provenance the importer wants to keep (string to string), sorted by key.
  std::vector<std::pair<std::string, std::string>> meta;

  // Accessors for attributes; nullptr when absent or of another type.
  const std::string* StringAttr(std::string_view name) const;
  const int64_t* IntAttr(std::string_view name) const;
  const Timestamp* TimeAttr(std::string_view name) const;

  // Sets (or replaces) an attribute, keeping them sorted.
  void SetAttr(std::string name, AttributeValue value);

  friend bool operator==(const Event&, const Event&) = default;
};

const char* SideName(Side side);    // "ours", "theirs", "" for unknown
const char* LevelName(Level level);  // "executive", ..., "" for unknown
bool ParseSide(std::string_view text, Side* out);
bool ParseLevel(std::string_view text, Level* out);

}  // namespace nanni
