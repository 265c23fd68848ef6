#include "util/toml_document.h"

#include <fmt/format.h>

#include "util/printable.h"

namespace nanni {

Status ParseTomlDocument(std::string_view text, const std::string& name, toml::table* out) {
  try {
    *out = toml::parse(text, name);
  } catch (const toml::parse_error& error) {
    return Status::InvalidInput(
        fmt::format("{}:{}: not valid TOML: {}", name, error.source().begin.line, Printable(error.description(), 200)));
  }
  return Status::OK();
}

}  // namespace nanni
