// AccessScope: which accounts a reader may see. Every read of a LedgerStore and of the engine
// carries one, so that per-account access is enforced where the data is read, by
// construction, and not by each caller remembering a filter.
//
// A scope is either everything (the CLI, verify, reindex) or a set of account names (a server
// session of a user who may see some accounts). Value type; cheap to copy for small sets.
#pragma once

#include <set>
#include <string>
#include <string_view>

#include "util/status.h"

namespace nanni {

class AccessScope {
 public:
  // Every account, present and future.
  static AccessScope All() { return AccessScope(true, {}); }
  // Just these accounts (an empty set sees nothing).
  static AccessScope Only(std::set<std::string, std::less<>> accounts) {
    return AccessScope(false, std::move(accounts));
  }

  bool all() const { return all_; }
  bool Allows(std::string_view account) const { return all_ || accounts_.count(account) > 0; }
  const std::set<std::string, std::less<>>& accounts() const { return accounts_; }

  // OK when the scope allows `account`; PermissionDenied naming it otherwise.
  Status Check(std::string_view account) const;
  // OK for the scope that sees everything (what whole-ledger reads such as verify need).
  Status CheckAll(std::string_view what) const;

 private:
  AccessScope(bool all, std::set<std::string, std::less<>> accounts)
      : all_(all), accounts_(std::move(accounts)) {}

  bool all_;
  std::set<std::string, std::less<>> accounts_;
};

}  // namespace nanni
