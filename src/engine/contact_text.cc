#include "engine/contact_text.h"

#include <fmt/format.h>

#include "index/fact_draft.h"

namespace nanni {

std::string ContactText(const IndexSnapshot& index, uint32_t contact) {
  if (contact == 0) return "";
  const ContactParts p = SplitContactString(index.str(contact));
  if (!p.name.empty() && !p.email.empty()) return fmt::format("{} <{}>", p.name, p.email);
  if (!p.name.empty()) return std::string(p.name);
  if (!p.email.empty()) return std::string(p.email);
  return std::string(p.key);
}

}  // namespace nanni
