// The events that record terms in the ledger (docs/contracts.md, "Recording terms"): one
// `contract` event whose text is the canonical terms and whose terms_sha256 is their hash,
// and one `commitment` per obligation, which the obligation's delivery (a commitment_outcome)
// and any force majeure declaration (a status_update) then refer to.
#pragma once

#include <string>
#include <vector>

#include "contract/terms.h"
#include "event/event.h"

namespace nanni {

// The events for `terms` on `account`, recorded as of `time`; `source_file` names the term
// sheet they came from.
std::vector<Event> TermsEvents(const Terms& terms, const std::string& account, const Timestamp& time,
                               const std::string& source_file);

}  // namespace nanni
