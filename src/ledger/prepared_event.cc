#include "ledger/prepared_event.h"

#include "event/canonical.h"

namespace nanni {

void PrepareEvent(const Event& event, PreparedEvent* out) {
  EncodeCanonical(event, &out->body);
  out->body_digest = Sha256::Of(out->body);
  out->source_id = event.id;
  out->account = event.account;
  out->kind = SpecOf(event.kind).name;
  out->time_utc_micros = event.time.utc_micros;
  out->offset_minutes = event.time.offset_minutes;
}

}  // namespace nanni
