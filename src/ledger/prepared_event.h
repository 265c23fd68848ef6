// PreparedEvent: an event encoded for the ledger, ready to be stored and added to the tree.
//
// Preparing (canonical encoding and the body's digest) is the costly, parallelisable half of
// an append; the leaf hash (80 bytes: ledger/leaf.h) and storing are the cheap, sequential
// half. Importers prepare on one thread and append on another.
#pragma once

#include <string>

#include "event/event.h"
#include "ledger/ledger_entry.h"

namespace nanni {

struct PreparedEvent {
  std::string body;  // canonical encoding (event/canonical.h)
  Digest body_digest{};  // SHA-256(body)
  std::string source_id;
  std::string account;
  std::string kind;
  int64_t time_utc_micros = 0;
  int32_t offset_minutes = 0;

  // The index columns, viewing this object's strings.
  EntryIndex Index() const {
    return EntryIndex{source_id, account, time_utc_micros, offset_minutes, kind};
  }
};

// Encodes `event` into *out, reusing out's buffers, and hashes the encoding.
void PrepareEvent(const Event& event, PreparedEvent* out);

}  // namespace nanni
