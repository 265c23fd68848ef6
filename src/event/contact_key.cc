#include "event/contact_key.h"

#include "util/ascii.h"

namespace nanni {

std::string ContactKey(const Contact& c) {
  if (!c.email.empty()) return AsciiLower(c.email);
  if (!c.id.empty()) return c.id;
  return AsciiLower(c.name);
}

}  // namespace nanni
