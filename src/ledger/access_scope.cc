#include "ledger/access_scope.h"

#include <fmt/format.h>

#include "util/printable.h"

namespace nanni {

Status AccessScope::Check(std::string_view account) const {
  if (Allows(account)) return Status::OK();
  return Status::PermissionDenied(
      fmt::format("account '{}' is outside this reader's access", Printable(account)));
}

Status AccessScope::CheckAll(std::string_view what) const {
  if (all_) return Status::OK();
  return Status::PermissionDenied(fmt::format("{} needs access to every account", what));
}

}  // namespace nanni
