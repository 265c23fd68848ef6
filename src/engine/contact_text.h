// How a report names a person of the analytic index: "Name <email>", the name, the e-mail or
// the source's id, whichever the contact string has.
#pragma once

#include <cstdint>
#include <string>

#include "index/index_snapshot.h"

namespace nanni {

// `contact`: a contact string id of `index` (0: none, named "").
std::string ContactText(const IndexSnapshot& index, uint32_t contact);

}  // namespace nanni
