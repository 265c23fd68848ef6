// The kind-specific attributes of an event as the case file reads them: an attribute the
// event does not carry reads as empty (or 0), which is what the case file shows for it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "event/event.h"

namespace nanni {

// A copy of string attribute `name`; "" when absent.
inline std::string StringAttrOrEmpty(const Event& e, std::string_view name) {
  const std::string* v = e.StringAttr(name);
  return v ? *v : std::string();
}

// A view of string attribute `name`, valid as long as `e`; empty when absent.
inline std::string_view StringAttrView(const Event& e, std::string_view name) {
  const std::string* v = e.StringAttr(name);
  return v ? std::string_view(*v) : std::string_view();
}

// Integer attribute `name`; 0 when absent.
inline int64_t IntAttrOrZero(const Event& e, std::string_view name) {
  const int64_t* v = e.IntAttr(name);
  return v ? *v : 0;
}

}  // namespace nanni
