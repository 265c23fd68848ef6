#include "event/contact_key.h"

#include "util/ascii.h"

namespace nanni {

void AppendContactKey(const Contact& c, std::string* out) {
  if (!c.email.empty()) {
    for (char ch : c.email) out->push_back(AsciiLower(ch));
  } else if (!c.id.empty()) {
    *out += c.id;
  } else {
    for (char ch : c.name) out->push_back(AsciiLower(ch));
  }
}

std::string ContactKey(const Contact& c) {
  std::string key;
  AppendContactKey(c, &key);
  return key;
}

}  // namespace nanni
